package io.github.ser4j.dsp.spectral;

/**
 * Analysis windows, as {@code scipy.signal.get_window(name, n, fftbins=True)} (periodic, the
 * librosa default for STFTs) or its symmetric form.
 */
public enum WindowType {
  /** Hann: {@code 0.5 - 0.5 cos(2 pi n / N)}; librosa's default. */
  HANN,
  /** Hamming: {@code 0.54 - 0.46 cos(2 pi n / N)}. */
  HAMMING,
  /** Blackman: {@code 0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N)}. */
  BLACKMAN,
  /** Rectangular (scipy's {@code boxcar}): all ones. */
  RECTANGULAR;

  /**
   * The window of {@code length} points.
   *
   * @param length number of points, &ge; 1
   * @param periodic true for the periodic (DFT-even, {@code fftbins=True}) form, false for the
   *     symmetric form
   * @return the window values
   */
  public double[] values(int length, boolean periodic) {
    io.github.ser4j.dsp.InvalidParameterException.require(length >= 1, "window length", length, ">= 1");
    double[] w = new double[length];
    if (length == 1) {
      w[0] = 1.0;
      return w;
    }
    double denom = periodic ? length : length - 1;
    for (int n = 0; n < length; n++) {
      double x = 2.0 * Math.PI * n / denom;
      w[n] = switch (this) {
        case HANN -> 0.5 - 0.5 * Math.cos(x);
        case HAMMING -> 0.54 - 0.46 * Math.cos(x);
        case BLACKMAN -> 0.42 - 0.5 * Math.cos(x) + 0.08 * Math.cos(2 * x);
        case RECTANGULAR -> 1.0;
      };
    }
    return w;
  }
}
