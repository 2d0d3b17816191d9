package io.github.ser4j.dsp.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class NoiseGeneratorTest {
  private static final int SR = 16000;

  @Test
  void whiteNoiseIsStandardGaussian() {
    double[] x = NoiseGenerator.white(200_001, new SplittableRandom(1));
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double var = 0;
    double fourth = 0;
    for (double v : x) {
      var += (v - mean) * (v - mean);
      fourth += Math.pow(v - mean, 4);
    }
    var /= x.length;
    fourth /= x.length;
    // standard errors: mean 0.0022, variance 0.0032, fourth moment ~0.022
    assertEquals(0, mean, 0.01);
    assertEquals(1, var, 0.015);
    assertEquals(3, fourth / (var * var), 0.1, "kurtosis of a Gaussian");
  }

  @Test
  void whiteNoiseHasAFlatSpectrum() {
    double slope = slopeDbPerDecade(NoiseGenerator.white(1 << 18, new SplittableRandom(2)));
    assertEquals(0, slope, 0.3);
  }

  @Test
  void pinkNoiseFallsTenDbPerDecade() {
    // 1/f power: -10 dB per decade = -3.01 dB per octave.
    for (long seed = 3; seed < 6; seed++) {
      double slope = slopeDbPerDecade(NoiseGenerator.pink(1 << 18, new SplittableRandom(seed)));
      assertEquals(-10, slope, 0.3, "seed " + seed);
    }
  }

  @Test
  void pinkNoiseOfAnyLengthHasTheSlopeAndIsReproducible() {
    double[] a = NoiseGenerator.pink(200_000, new SplittableRandom(7));
    assertEquals(200_000, a.length);
    assertEquals(-10, slopeDbPerDecade(a), 0.3);
    assertArrayEquals(a, NoiseGenerator.pink(200_000, new SplittableRandom(7)));
    assertEquals(1, NoiseGenerator.pink(1, new SplittableRandom(7)).length);
  }

  /**
   * Least-squares slope of 10 log10(PSD) against log10(f) between 50 Hz and 5 kHz; the PSD is a
   * Welch average of Hann-windowed, half-overlapping 4096-sample periodograms.
   */
  static double slopeDbPerDecade(double[] x) {
    int seg = 4096;
    double[] psd = new double[seg / 2 + 1];
    int count = 0;
    DoubleFFT_1D fft = new DoubleFFT_1D(seg);
    for (int start = 0; start + seg <= x.length; start += seg / 2) {
      double[] buf = new double[seg];
      for (int i = 0; i < seg; i++) {
        buf[i] = x[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / seg));
      }
      fft.realForward(buf);
      for (int k = 1; k < seg / 2; k++) {
        psd[k] += buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
      }
      count++;
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = 0;
    for (int k = 1; k < seg / 2; k++) {
      double f = k * (double) SR / seg;
      if (f < 50 || f > 5000) {
        continue;
      }
      double lx = Math.log10(f);
      double ly = 10 * Math.log10(psd[k] / count);
      sx += lx;
      sy += ly;
      sxx += lx * lx;
      sxy += lx * ly;
      n++;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }
}
