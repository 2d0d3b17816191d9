package io.github.ser4j.dsp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Element-wise comparisons with a message that names the worst entry. */
public final class Tolerance {
  private Tolerance() {}

  /**
   * Asserts {@code |a - b| <= atol + rtol * |b|} for every entry ({@code b} = expected).
   *
   * @param what a name for the message
   * @param expected reference values
   * @param actual computed values
   * @param rtol relative tolerance
   * @param atol absolute floor
   */
  public static void assertClose(String what, double[] expected, double[] actual, double rtol, double atol) {
    assertEquals(expected.length, actual.length, what + ": length");
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < expected.length; i++) {
      double diff = Math.abs(actual[i] - expected[i]);
      double allowed = atol + rtol * Math.abs(expected[i]);
      if (!(diff <= allowed) && (worst < 0 || diff - allowed > worstExcess)) {
        worst = i;
        worstExcess = diff - allowed;
      }
    }
    if (worst >= 0) {
      fail(String.format("%s: entry %d differs: expected %.12g, actual %.12g (|diff| %.3g > %.3g)", what, worst,
          expected[worst], actual[worst], Math.abs(actual[worst] - expected[worst]),
          atol + rtol * Math.abs(expected[worst])));
    }
  }

  /**
   * Matrix form of {@link #assertClose(String, double[], double[], double, double)}.
   *
   * @param what a name for the message
   * @param expected reference values
   * @param actual computed values
   * @param rtol relative tolerance
   * @param atol absolute floor
   */
  public static void assertClose(String what, double[][] expected, double[][] actual, double rtol, double atol) {
    assertEquals(expected.length, actual.length, what + ": rows");
    for (int i = 0; i < expected.length; i++) {
      assertClose(what + " row " + i, expected[i], actual[i], rtol, atol);
    }
  }

  /**
   * Converts a float matrix to double.
   *
   * @param m the matrix
   * @return the same values as double
   */
  public static double[][] toDouble(float[][] m) {
    double[][] d = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      d[i] = new double[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        d[i][j] = m[i][j];
      }
    }
    return d;
  }

  /**
   * The largest absolute value in a matrix.
   *
   * @param m the matrix
   * @return {@code max |m[i][j]|}
   */
  public static double maxAbs(double[][] m) {
    double max = 0;
    for (double[] r : m) {
      for (double v : r) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }
}
