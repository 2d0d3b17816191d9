package io.github.ser4j.dsp.spectral;

import org.jtransforms.fft.DoubleFFT_1D;

/** {@link RealFft} by JTransforms' in-place {@code DoubleFFT_1D.realForward} (packed layout). */
final class JTransformsRealFft implements RealFft {
  private final DoubleFFT_1D fft;
  private final int half;

  JTransformsRealFft(int n) {
    this.fft = new DoubleFFT_1D(n);
    this.half = n / 2;
  }

  @Override
  public int scratchLength() {
    return 0;
  }

  @Override
  public void spectrum(double[] buf, double[] re, double[] im, double[] scratch) {
    fft.realForward(buf);
    re[0] = buf[0];
    im[0] = 0;
    re[half] = buf[1];
    im[half] = 0;
    for (int k = 1; k < half; k++) {
      re[k] = buf[2 * k];
      im[k] = buf[2 * k + 1];
    }
  }

  @Override
  public void power(double[] buf, double[] out, double[] scratch) {
    fft.realForward(buf);
    out[0] = buf[0] * buf[0];
    out[half] = buf[1] * buf[1];
    for (int k = 1; k < half; k++) {
      double r = buf[2 * k];
      double i = buf[2 * k + 1];
      out[k] = r * r + i * i;
    }
  }
}
