package io.github.ser4j.dsp.resample;

/**
 * Designs the low-pass prototype filters of the two resampling modes. A prototype runs at the
 * upsampled rate {@code up * fromRate} (after the rate ratio is reduced by the gcd); its taps
 * {@code h[i]} are centred on {@code center}, so output sample {@code k} is
 * {@code sum_n x[n] * h[center + k * down - n * up]} and the filter adds no delay.
 */
final class FilterDesign {
  private FilterDesign() {}

  /** A designed prototype: taps at the upsampled rate, the zero-delay index and the reduced ratio. */
  record Prototype(double[] taps, int center, int up, int down) {}

  /** Kaiser beta of {@code scipy.signal.resample_poly}'s default window {@code ('kaiser', 5.0)}. */
  static final double SCIPY_BETA = 5.0;

  /**
   * High-quality mode: pass band up to {@value #PASS_EDGE} of the lower Nyquist frequency, stop band
   * from the lower Nyquist frequency itself, so nothing above the new Nyquist can alias.
   */
  static final double PASS_EDGE = 0.90;
  /** Stop-band edge of the high-quality mode, as a fraction of the lower Nyquist frequency. */
  static final double STOP_EDGE = 1.0;
  /** Design attenuation in dB for Kaiser's formulas: 1 dB above the 100 dB promised, because the formulas are estimates (measured 100.7 to 101.2 dB). */
  static final double ATTENUATION_DB = 101.0;

  /**
   * The filter of {@code scipy.signal.resample_poly(x, up, down)} with its default window:
   * {@code firwin(2 * half_len + 1, 1 / max(up, down), window=('kaiser', 5.0)) * up} with
   * {@code half_len = 10 * max(up, down)}; firwin normalises the taps to sum 1 before the factor up.
   *
   * @param up reduced upsampling factor
   * @param down reduced downsampling factor
   * @return the prototype
   */
  static Prototype scipyPolyphase(int up, int down) {
    int maxRate = Math.max(up, down);
    int halfLen = 10 * maxRate;
    int numTaps = 2 * halfLen + 1;
    double cutoff = 1.0 / maxRate;
    double alpha = 0.5 * (numTaps - 1);
    double i0Beta = besselI0(SCIPY_BETA);
    double[] h = new double[numTaps];
    double sum = 0;
    for (int i = 0; i < numTaps; i++) {
      double m = i - alpha;
      double r = (i - alpha) / alpha;
      double w = besselI0(SCIPY_BETA * Math.sqrt(1 - r * r)) / i0Beta;
      h[i] = cutoff * sinc(cutoff * m) * w;
      sum += h[i];
    }
    for (int i = 0; i < numTaps; i++) {
      h[i] = h[i] / sum * up;
    }
    return new Prototype(h, halfLen, up, down);
  }

  /**
   * High-quality mode: a Kaiser-windowed sinc designed with Kaiser's formulas for
   * {@link #ATTENUATION_DB} dB and a transition band from {@link #PASS_EDGE} to {@link #STOP_EDGE}
   * of the lower Nyquist frequency {@code min(fromRate, toRate) / 2}; the cutoff is the middle of
   * the transition. In units of input samples the kernel is
   * {@code g(t) = 2 fc sinc(2 fc t) w(t / halfWidth)} (fc in cycles per input sample), which has unit
   * gain at DC for every output position; the taps are {@code g} sampled every {@code 1 / up} input
   * samples.
   *
   * @param fromRate input rate in Hz
   * @param toRate output rate in Hz
   * @return the prototype
   */
  static Prototype highQuality(int fromRate, int toRate) {
    int g = gcd(fromRate, toRate);
    int up = toRate / g;
    int down = fromRate / g;
    double nyquist = 0.5 * Math.min(fromRate, toRate);
    double fc = 0.5 * (PASS_EDGE + STOP_EDGE) * nyquist / fromRate;
    double transition = (STOP_EDGE - PASS_EDGE) * nyquist / fromRate;
    // Kaiser (1974): length and beta for a given attenuation and transition width (cycles/sample).
    double length = (ATTENUATION_DB - 7.95) / (14.36 * transition);
    double beta = 0.1102 * (ATTENUATION_DB - 8.7);
    double halfWidth = 0.5 * length;
    long halfTaps = (long) Math.floor(halfWidth * up);
    double[] h = new double[(int) (2 * halfTaps + 1)];
    double i0Beta = besselI0(beta);
    for (int i = 0; i < h.length; i++) {
      double t = (i - halfTaps) / (double) up;
      double r = t / halfWidth;
      double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
      h[i] = 2 * fc * sinc(2 * fc * t) * w;
    }
    return new Prototype(h, (int) halfTaps, up, down);
  }

  /** Number of taps the high-quality prototype would have, without building it (to bound memory). */
  static long highQualityLength(int fromRate, int toRate) {
    int g = gcd(fromRate, toRate);
    long up = toRate / g;
    double nyquist = 0.5 * Math.min(fromRate, toRate);
    double transition = (STOP_EDGE - PASS_EDGE) * nyquist / fromRate;
    double length = (ATTENUATION_DB - 7.95) / (14.36 * transition);
    return 2 * (long) Math.floor(0.5 * length * up) + 1;
  }

  /** Normalised sinc, {@code sin(pi x) / (pi x)}, as numpy.sinc. */
  static double sinc(double x) {
    if (x == 0) {
      return 1;
    }
    double y = Math.PI * x;
    return Math.sin(y) / y;
  }

  /** Modified Bessel function of the first kind, order 0 (power series; converges for the betas used here). */
  static double besselI0(double x) {
    double q = 0.25 * x * x;
    double term = 1;
    double sum = 1;
    for (int k = 1; k < 500; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return sum;
  }

  static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
