package io.github.ser4j.dsp.spectral;

/**
 * A complex STFT, {@code frames x bins}: {@code re[t][k] + i im[t][k]} is bin {@code k} of frame
 * {@code t} (librosa's {@code stft(y)[k, t]}). The arrays are owned by this object; treat them as
 * read-only.
 *
 * @param re real parts, {@code [frames][nFft/2 + 1]}
 * @param im imaginary parts, same shape
 */
public record ComplexSpectrogram(double[][] re, double[][] im) {

  /** @return number of frames */
  public int frames() {
    return re.length;
  }

  /** @return number of frequency bins ({@code nFft/2 + 1}) */
  public int bins() {
    return re.length == 0 ? 0 : re[0].length;
  }

  /**
   * The magnitude {@code |X|}, {@code frames x bins}.
   *
   * @return a new matrix
   */
  public double[][] magnitude() {
    double[][] m = new double[re.length][];
    for (int t = 0; t < re.length; t++) {
      m[t] = new double[re[t].length];
      for (int k = 0; k < m[t].length; k++) {
        m[t][k] = Math.hypot(re[t][k], im[t][k]);
      }
    }
    return m;
  }
}
