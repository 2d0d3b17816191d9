package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {

  @Test
  void agreesWithMathLogToAFewUlps() {
    SplittableRandom rnd = new SplittableRandom(3);
    double worst = 0;
    for (int n = 0; n < 1_000_000; n++) {
      // Log-uniform over 1e-12 .. 1e12, the range of mel powers.
      double x = Math.exp((rnd.nextDouble() * 2 - 1) * 27.6);
      double expected = Math.log(x);
      double err = Math.abs(FastLog.ln(x) - expected);
      worst = Math.max(worst, err);
      assertTrue(err <= 4 * Math.ulp(expected) + 2e-16, "x = " + x + ": " + FastLog.ln(x) + " vs " + expected);
    }
    // Absolute error is what matters for dB (relative error is meaningless where ln x is near 0).
    assertTrue(worst < 1e-14, "worst absolute error " + worst);
  }

  @Test
  void exactPointsAndSpecialValues() {
    assertEquals(0.0, FastLog.ln(1.0), 1e-16);
    assertEquals(Math.log(2), FastLog.ln(2.0), 1e-16);
    assertEquals(-10 * Math.log(10), FastLog.ln(1e-10), 1e-13);
    assertEquals(Math.log(Double.MIN_NORMAL), FastLog.ln(Double.MIN_NORMAL), 1e-12);
    assertEquals(Math.log(Double.MAX_VALUE), FastLog.ln(Double.MAX_VALUE), 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, FastLog.ln(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(FastLog.ln(Double.NaN)));
  }
}
