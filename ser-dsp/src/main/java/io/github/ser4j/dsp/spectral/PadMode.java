package io.github.ser4j.dsp.spectral;

/** How a signal is extended past its ends when frames are centred (numpy's {@code np.pad} modes). */
public enum PadMode {
  /** Zeros; librosa's STFT default since 0.10. */
  CONSTANT,
  /** Mirror without repeating the edge sample ({@code [3 2 | 1 2 3 | 2 1]}). */
  REFLECT,
  /** Repeat the edge sample; what {@code librosa.feature.zero_crossing_rate} uses. */
  EDGE;

  /**
   * The sample at index {@code i} of {@code y} extended by this mode ({@code i} may lie outside
   * {@code [0, y.length)}).
   *
   * @param y the signal, not empty
   * @param i any index
   * @return the extended sample
   */
  public float sampleAt(float[] y, int i) {
    int n = y.length;
    if (i >= 0 && i < n) {
      return y[i];
    }
    switch (this) {
      case CONSTANT:
        return 0f;
      case EDGE:
        return i < 0 ? y[0] : y[n - 1];
      default:
        if (n == 1) {
          return y[0];
        }
        int period = 2 * (n - 1);
        int k = Math.floorMod(i, period);
        return y[k < n ? k : period - k];
    }
  }
}
