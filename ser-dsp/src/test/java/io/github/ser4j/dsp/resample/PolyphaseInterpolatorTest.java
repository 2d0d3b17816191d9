package io.github.ser4j.dsp.resample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float, row-laid-out {@link PolyphaseInterpolator} computes the same sums as the plain double
 * {@link PolyphaseFilter} (itself exact against scipy's resample_poly), up to float rounding, for every
 * length including those shorter than the filter (zero padding at both ends).
 */
class PolyphaseInterpolatorTest {

  @ParameterizedTest(name = "{0} -> {1} Hz")
  @CsvSource({"22050,16000", "16000,22050", "44100,16000", "16000,44100", "11025,16000", "44100,48000",
      "48000,44100"})
  void agreesWithTheDoublePolyphaseFilter(int from, int to) {
    FilterDesign.Prototype p = FilterDesign.interpolator(from, to);
    PolyphaseFilter reference = new PolyphaseFilter(p);
    PolyphaseInterpolator fast = new PolyphaseInterpolator(p);
    SplittableRandom rnd = new SplittableRandom(from + 31L * to);
    for (int n : new int[] {1, 3, 17, 250, 4000}) {
      float[] x = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = (float) rnd.nextDouble(-1, 1);
      }
      // Outputs past the signal's end too (the filter's tail), as the two-stage plan asks for.
      int nOut = (int) ((long) n * p.up() / p.down()) + 40;
      double[] expected = new double[nOut];
      double[] actual = new double[nOut];
      reference.apply(x, n, expected, nOut, false);
      fast.apply(x, n, actual, nOut);
      double worst = 0;
      for (int k = 0; k < nOut; k++) {
        worst = Math.max(worst, Math.abs(actual[k] - expected[k]));
      }
      // Float rounding of inputs, taps and a sum of about 24 products of magnitude <= 1: measured <= 4.2e-7.
      assertTrue(worst <= 1e-6, from + " -> " + to + ", n = " + n + ": max |float - double| = " + worst);
    }
  }
}
