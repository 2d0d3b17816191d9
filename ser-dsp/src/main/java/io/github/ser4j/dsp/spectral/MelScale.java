package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.InvalidParameterException;

/**
 * The two mel scales of librosa ({@code librosa.hz_to_mel}, {@code mel_to_hz},
 * {@code mel_frequencies}).
 */
public enum MelScale {
  /**
   * Slaney's Auditory Toolbox scale, librosa's default ({@code htk=False}): linear below 1 kHz
   * (200/3 Hz per mel), logarithmic above (27 mels per factor 6.4).
   */
  SLANEY,
  /** The HTK scale ({@code htk=True}): {@code 2595 log10(1 + f / 700)}. */
  HTK;

  private static final double F_SP = 200.0 / 3;
  private static final double MIN_LOG_HZ = 1000.0;
  private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
  private static final double LOGSTEP = Math.log(6.4) / 27.0;

  /**
   * Hertz to mels, as {@code librosa.hz_to_mel(f, htk)}.
   *
   * @param hz a frequency in Hz
   * @return the same frequency in mels
   */
  public double hzToMel(double hz) {
    if (this == HTK) {
      return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }
    if (hz >= MIN_LOG_HZ) {
      return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP;
    }
    return hz / F_SP;
  }

  /**
   * Mels to hertz, as {@code librosa.mel_to_hz(m, htk)}.
   *
   * @param mel a frequency in mels
   * @return the same frequency in Hz
   */
  public double melToHz(double mel) {
    if (this == HTK) {
      return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }
    if (mel >= MIN_LOG_MEL) {
      return MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL));
    }
    return F_SP * mel;
  }

  /**
   * {@code n} frequencies (Hz) equally spaced in mels from {@code fmin} to {@code fmax} inclusive,
   * as {@code librosa.mel_frequencies(n, fmin, fmax, htk)} (numpy {@code linspace} in mels).
   *
   * @param n how many, &ge; 1
   * @param fmin the lowest frequency in Hz, &ge; 0
   * @param fmax the highest frequency in Hz, &ge; fmin
   * @return the frequencies in Hz, ascending
   */
  public double[] frequencies(int n, double fmin, double fmax) {
    InvalidParameterException.require(n >= 1, "n", n, ">= 1");
    InvalidParameterException.require(fmin >= 0 && Double.isFinite(fmin), "fmin", fmin, "finite and >= 0 Hz");
    InvalidParameterException.require(fmax >= fmin && Double.isFinite(fmax), "fmax", fmax,
        "finite and >= fmin (" + fmin + " Hz)");
    double lo = hzToMel(fmin);
    double hi = hzToMel(fmax);
    double[] f = new double[n];
    // numpy.linspace: start + i * step, with the last point set to stop exactly.
    double step = n > 1 ? (hi - lo) / (n - 1) : 0;
    for (int i = 0; i < n; i++) {
      f[i] = melToHz(i * step + lo);
    }
    if (n > 1) {
      f[n - 1] = melToHz(hi);
    }
    return f;
  }
}
