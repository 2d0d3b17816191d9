package io.github.ser4j.dsp.pitch;

/**
 * pYIN's hidden Markov model over {@code n} pitch bins times {voiced, unvoiced} and its Viterbi
 * decoder, as librosa 0.11 builds it: within a voicing state a triangular local transition
 * ({@code sequence.transition_local(n, width, window='triangle', wrap=False)}), across voicing states
 * the same weights scaled by the switch probability ({@code np.kron(transition_loop(2, 1 - switch),
 * local)}); initial distribution uniform over the unvoiced states; {@code sequence.viterbi} in the
 * log domain with {@code tiny} added to every probability.
 *
 * <p>librosa's Viterbi is dense ({@code O(T (2n)^2)}); this one visits only the non-zero transitions
 * and compares them with the best zero-probability predecessor (cost {@code log(tiny)}), which gives
 * the same path, ties included (first index wins), in {@code O(T n width)}.
 */
final class PitchHmm {
  static final double LOG_TINY = Math.log(YinFrames.TINY);

  final int n;
  private final int[] colStart;
  private final double[][] logStay;
  private final double[][] logSwitch;
  private final double logInitUnvoiced;

  PitchHmm(int nPitchBins, int width, double switchProb) {
    this.n = nPitchBins;
    double[][] local = transitionLocal(n, width);
    // transition_loop(2, p): diagonal p, off-diagonal (1 - p) / (2 - 1), with p = 1 - switchProb.
    double stay = 1.0 - switchProb;
    double change = (1.0 - stay) / 1.0;
    colStart = new int[n];
    logStay = new double[n][];
    logSwitch = new double[n][];
    for (int j = 0; j < n; j++) {
      int lo = 0;
      while (local[lo][j] == 0.0) {
        lo++;
      }
      int hi = n - 1;
      while (local[hi][j] == 0.0) {
        hi--;
      }
      colStart[j] = lo;
      logStay[j] = new double[hi - lo + 1];
      logSwitch[j] = new double[hi - lo + 1];
      for (int k = lo; k <= hi; k++) {
        logStay[j][k - lo] = Math.log(stay * local[k][j] + YinFrames.TINY);
        logSwitch[j][k - lo] = Math.log(change * local[k][j] + YinFrames.TINY);
      }
    }
    logInitUnvoiced = Math.log(1.0 / n + YinFrames.TINY);
  }

  /**
   * {@code sequence.transition_local(n, width, window='triangle', wrap=False)}: row {@code i} holds a
   * symmetric triangle window of {@code width} points ({@code scipy.signal.get_window('triangle',
   * width, fftbins=False)}) placed as librosa's pad-centre-and-roll places it, truncated at the
   * edges, each row normalised to sum 1.
   */
  static double[][] transitionLocal(int n, int width) {
    double[] w = triangle(width);
    // The window index that pad_center + np.roll(n // 2 + i + 1) puts on the diagonal.
    int lpad = (n - width) / 2;
    int c = Math.floorMod(n - lpad - n / 2 - 1, Math.max(n, 1));
    if (width > n) {
      c = (width - 1) / 2;
    }
    double[][] t = new double[n][n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = 0; k < width; k++) {
        int j = i + k - c;
        if (j >= 0 && j < n && Math.abs(j - i) <= width / 2) {
          t[i][j] = w[k];
        }
      }
      for (int j = 0; j < n; j++) {
        sum += t[i][j];
      }
      for (int j = 0; j < n; j++) {
        t[i][j] /= sum;
      }
    }
    return t;
  }

  /** {@code scipy.signal.windows.triang(m, sym=True)}. */
  static double[] triangle(int m) {
    double[] w = new double[m];
    int half = (m + 1) / 2;
    for (int k = 1; k <= half; k++) {
      double v = m % 2 == 0 ? (2.0 * k - 1.0) / m : 2.0 * k / (m + 1.0);
      w[k - 1] = v;
      w[m - k] = v;
    }
    return w;
  }

  /**
   * The most likely state sequence.
   *
   * @param candidateBins per frame, the voiced bins with a non-zero observation probability
   * @param candidateProbs per frame, their observation probabilities
   * @param unvoicedProb per frame, the observation probability of every unvoiced state
   * @return per frame the state: {@code 0..n-1} voiced bin, {@code n..2n-1} unvoiced bin
   */
  int[] decode(int[][] candidateBins, double[][] candidateProbs, double[] unvoicedProb) {
    int frames = unvoicedProb.length;
    int states = 2 * n;
    double[] prev = new double[states];
    double[] cur = new double[states];
    double[] logObs = new double[states];
    char[][] ptr = new char[frames][];
    observations(0, candidateBins, candidateProbs, unvoicedProb, logObs);
    for (int j = 0; j < n; j++) {
      prev[j] = logObs[j] + LOG_TINY;
      prev[n + j] = logObs[n + j] + logInitUnvoiced;
    }
    for (int t = 1; t < frames; t++) {
      observations(t, candidateBins, candidateProbs, unvoicedProb, logObs);
      char[] p = new char[states];
      ptr[t] = p;
      int g = 0;
      for (int k = 1; k < states; k++) {
        if (prev[k] > prev[g]) {
          g = k;
        }
      }
      int gBin = g % n;
      for (int j = 0; j < states; j++) {
        int bin = j < n ? j : j - n;
        boolean voicedTarget = j < n;
        int lo = colStart[bin];
        double[] fromVoiced = voicedTarget ? logStay[bin] : logSwitch[bin];
        double[] fromUnvoiced = voicedTarget ? logSwitch[bin] : logStay[bin];
        int len = fromVoiced.length;
        double best = Double.NEGATIVE_INFINITY;
        int bestK = -1;
        for (int m = 0; m < len; m++) {
          double cost = prev[lo + m] + fromVoiced[m];
          if (cost > best) {
            best = cost;
            bestK = lo + m;
          }
        }
        for (int m = 0; m < len; m++) {
          double cost = prev[n + lo + m] + fromUnvoiced[m];
          if (cost > best) {
            best = cost;
            bestK = n + lo + m;
          }
        }
        if (gBin < lo || gBin >= lo + len) {
          // Through a zero transition the best predecessor is the global best state g.
          double cost = prev[g] + LOG_TINY;
          if (cost > best || (cost == best && g < bestK)) {
            best = cost;
            bestK = g;
          }
        }
        p[j] = (char) bestK;
        cur[j] = logObs[j] + best;
      }
      double[] swap = prev;
      prev = cur;
      cur = swap;
    }
    int[] path = new int[frames];
    int last = 0;
    for (int k = 1; k < states; k++) {
      if (prev[k] > prev[last]) {
        last = k;
      }
    }
    path[frames - 1] = last;
    for (int t = frames - 1; t > 0; t--) {
      path[t - 1] = ptr[t][path[t]];
    }
    return path;
  }

  /** Fills {@code log(observation + tiny)} for every state of frame {@code t}. */
  private void observations(int t, int[][] candidateBins, double[][] candidateProbs, double[] unvoicedProb,
      double[] logObs) {
    java.util.Arrays.fill(logObs, 0, n, LOG_TINY);
    java.util.Arrays.fill(logObs, n, 2 * n, Math.log(unvoicedProb[t] + YinFrames.TINY));
    int[] bins = candidateBins[t];
    for (int i = 0; i < bins.length; i++) {
      logObs[bins[i]] = Math.log(candidateProbs[t][i] + YinFrames.TINY);
    }
  }
}
