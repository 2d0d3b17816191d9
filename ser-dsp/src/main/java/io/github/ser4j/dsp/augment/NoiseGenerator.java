package io.github.ser4j.dsp.augment;

import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Seeded noise signals. Gaussian draws use Marsaglia's polar method with {@link StrictMath}, so a
 * seed gives the same noise on every JVM and platform.
 */
final class NoiseGenerator {
  private NoiseGenerator() {}

  /**
   * White Gaussian noise, zero mean and unit variance.
   *
   * @param n number of samples
   * @param rng the generator
   * @return {@code n} independent N(0, 1) values
   */
  static double[] white(int n, SplittableRandom rng) {
    double[] out = new double[n];
    for (int i = 0; i < n; i += 2) {
      double u;
      double v;
      double s;
      do {
        u = 2 * rng.nextDouble() - 1;
        v = 2 * rng.nextDouble() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s == 0);
      double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
      out[i] = u * f;
      if (i + 1 < n) {
        out[i + 1] = v * f;
      }
    }
    return out;
  }

  /**
   * Pink (1/f) noise by spectral shaping: white Gaussian noise of the next power of two length is
   * transformed, each bin {@code k >= 1} scaled by {@code 1/sqrt(k)} (so the power falls as
   * {@code 1/f}, -3.01 dB per octave, -10 dB per decade), the DC bin zeroed, and transformed back;
   * the first {@code n} samples are kept. The overall scale is arbitrary (callers normalise to a
   * target power).
   *
   * @param n number of samples
   * @param rng the generator
   * @return {@code n} samples of zero-mean pink noise
   */
  static double[] pink(int n, SplittableRandom rng) {
    int m = Math.max(2, Integer.highestOneBit(Math.max(1, n - 1)) << 1);
    double[] buf = white(m, rng);
    new DoubleFFT_1D(m).realForward(buf);
    // JTransforms' packed layout: buf[0] = Re X0, buf[1] = Re X(m/2), then (Re, Im) of bins 1..m/2-1.
    buf[0] = 0;
    buf[1] /= Math.sqrt(m / 2.0);
    for (int k = 1; k < m / 2; k++) {
      double g = 1 / Math.sqrt(k);
      buf[2 * k] *= g;
      buf[2 * k + 1] *= g;
    }
    new DoubleFFT_1D(m).realInverse(buf, true);
    return n == m ? buf : java.util.Arrays.copyOf(buf, n);
  }
}
