package io.github.ser4j.dsp.resample;

/**
 * A prototype filter split into {@code up} phase filters of equal length, one per class of output
 * samples {@code k = r + up * m}: output {@code k} is
 * {@code sum_j coef[r * taps + j] * p[first[r] + j + m * down]}, where {@code p} is the input
 * preceded by {@code pad} zeros (so every position is non-negative) and followed by zeros.
 *
 * @param up reduced upsampling factor (number of classes)
 * @param down reduced downsampling factor (input step between outputs of one class)
 * @param taps taps per phase filter, a multiple of 4 (zero taps fill the short phases)
 * @param coef {@code up * taps} coefficients, class-major
 * @param first padded-input position of tap 0 for output {@code m = 0} of each class
 * @param pad zeros prepended to the input
 */
record PhaseTable(int up, int down, int taps, double[] coef, int[] first, int pad) {

  static PhaseTable of(FilterDesign.Prototype p) {
    int up = p.up();
    int down = p.down();
    double[] h = p.taps();
    int length = h.length;
    long[] lowest = new long[up];
    int maxTaps = 0;
    long minLowest = Long.MAX_VALUE;
    for (int r = 0; r < up; r++) {
      // Output k = r (m = 0) sits at up-rate position t = center + r * down; input n contributes tap
      // h[t - n * up] when it lies in [0, length).
      long t = p.center() + (long) r * down;
      long lo = Math.floorDiv(t - length + 1 + up - 1, up);
      long hi = Math.floorDiv(t, up);
      lowest[r] = lo;
      maxTaps = (int) Math.max(maxTaps, hi - lo + 1);
      minLowest = Math.min(minLowest, lo);
    }
    int taps = (maxTaps + 3) & ~3;
    int pad = (int) Math.max(0, -minLowest);
    double[] coef = new double[up * taps];
    int[] first = new int[up];
    for (int r = 0; r < up; r++) {
      long t = p.center() + (long) r * down;
      first[r] = (int) (lowest[r] + pad);
      for (int j = 0; j < taps; j++) {
        long idx = t - (lowest[r] + j) * up;
        if (idx >= 0 && idx < length) {
          coef[r * taps + j] = h[(int) idx];
        }
      }
    }
    return new PhaseTable(up, down, taps, coef, first, pad);
  }

  /** Outputs of class {@code r} among the first {@code nCompute}. */
  int perClass(int r, int nCompute) {
    return (nCompute - r + up - 1) / up;
  }
}
