package io.github.ser4j.dsp.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionalsTest {

  /** One feature column as a frames x 1 matrix. */
  static double[][] column(double... x) {
    double[][] m = new double[x.length][1];
    for (int i = 0; i < x.length; i++) {
      m[i][0] = x[i];
    }
    return m;
  }

  static double one(Functionals f, double... x) {
    return f.extract(column(x))[0];
  }

  @Test
  void skewnessOfOneTwoThreeTen() {
    // mean 4, deviations -3 -2 -1 6: m2 = 50/4, m3 = 180/4, skew = 45 / 12.5^1.5.
    Functionals f = Functionals.builder().skewness().build();
    assertEquals(45 / (12.5 * Math.sqrt(12.5)), one(f, 1, 2, 3, 10), 1e-14);
    assertEquals(1.0182337649086284, one(f, 1, 2, 3, 10), 1e-14);
    // Symmetric samples have zero skew.
    assertEquals(0.0, one(f, 1, 2, 3, 4, 5), 1e-15);
  }

  @Test
  void kurtosisIsBiasedFisher() {
    // [1, 2, 3, 10]: m4 = 1394/4 = 348.5, m2^2 = 156.25, excess = 2.2304 - 3.
    Functionals f = Functionals.builder().kurtosis().build();
    assertEquals(348.5 / 156.25 - 3, one(f, 1, 2, 3, 10), 1e-14);
    // A two-point symmetric distribution (+-1 equally often) has kurtosis 1, excess -2.
    assertEquals(-2.0, one(f, -1, 1, -1, 1, -1, 1), 1e-15);
    // Uniform over 1..5: m2 = 2, m4 = (16 + 1 + 0 + 1 + 16) / 5 = 6.8, excess = 6.8 / 4 - 3 = -1.3.
    assertEquals(-1.3, one(f, 1, 2, 3, 4, 5), 1e-14);
  }

  @Test
  void percentilesAsNumpyLinear() {
    // np.percentile(np.arange(1, 11), q): h = 9 q / 100.
    Functionals f = Functionals.builder().percentiles(0, 10, 25, 33, 50, 75, 90, 100, 2.5).build();
    double[] x = {10, 3, 5, 1, 7, 2, 9, 4, 8, 6};
    assertArrayEquals(new double[] {1, 1.9, 3.25, 3.97, 5.5, 7.75, 9.1, 10, 1.225}, f.extract(column(x)), 1e-12);
    assertEquals(List.of("p0", "p10", "p25", "p33", "p50", "p75", "p90", "p100", "p2.5"), f.functionalNames());
    // One frame: every percentile is that value.
    assertEquals(4.0, f.extract(column(4))[3]);
  }

  @Test
  void meanStdMinMaxRangeMedian() {
    Functionals f = Functionals.builder().mean().std().min().max().range().median().build();
    // The classic population-std example: mean 5, std 2.
    assertArrayEquals(new double[] {5, 2, 2, 9, 7, 4.5}, f.extract(column(2, 4, 4, 4, 5, 5, 7, 9)), 1e-15);
    assertEquals(2.0, f.extract(column(3, 1, 2))[5]);
  }

  @Test
  void slopeIsTheLeastSquaresSlopeOverFrames() {
    Functionals f = Functionals.builder().slope().build();
    assertEquals(2.0, one(f, 3, 5, 7, 9, 11), 1e-15);
    // x = t^2 on t = 0..4: sum (t - 2)(t^2 - 6) / sum (t - 2)^2 = 40 / 10.
    assertEquals(4.0, one(f, 0, 1, 4, 9, 16), 1e-15);
    assertEquals(0.0, one(f, 7));
  }

  @Test
  void constantFeatureGivesZeroSkewAndKurtosisInsteadOfNaN() {
    Functionals f = Functionals.builder().std().skewness().kurtosis().build();
    assertArrayEquals(new double[] {0, 0, 0}, f.extract(column(0.3, 0.3, 0.3)), 0.0);
    assertArrayEquals(new double[] {0, 0, 0}, f.extract(column(0, 0)), 0.0);
  }

  @Test
  void layoutsAndNames() {
    double[][] m = {{1, 10}, {3, 20}};
    Functionals functionalMajor = Functionals.builder().mean().max().build();
    assertEquals(Functionals.Layout.FUNCTIONAL_MAJOR, functionalMajor.layout());
    assertArrayEquals(new double[] {2, 15, 3, 20}, functionalMajor.extract(m), 0.0);
    assertEquals(List.of("mfcc0_mean", "mfcc1_mean", "mfcc0_max", "mfcc1_max"), functionalMajor.names("mfcc", 2));

    Functionals featureMajor = Functionals.builder().mean().max().layout(Functionals.Layout.FEATURE_MAJOR).build();
    assertArrayEquals(new double[] {2, 3, 15, 20}, featureMajor.extract(m), 0.0);
    assertEquals(List.of("zcr_mean", "zcr_max", "rms_mean", "rms_max"), featureMajor.names(List.of("zcr", "rms")));
    assertEquals(4, featureMajor.size(2));
    assertEquals(2, featureMajor.numFunctionals());
    assertEquals(40 * 9, Functionals.builder().mean().std().min().max().median().range().skewness().kurtosis()
        .slope().build().names("mfcc", 40).size());
    assertTrue(Functionals.builder().mean().build().names("mfcc", 40).contains("mfcc3_mean"));
  }

  @Test
  void inputIsValidated() {
    Functionals f = Functionals.builder().mean().build();
    InvalidParameterException nan = assertThrows(InvalidParameterException.class,
        () -> f.extract(new double[][] {{1, 2}, {3, Double.NaN}}));
    assertTrue(nan.getMessage().contains("frame 1") && nan.getMessage().contains("feature 1"), nan.getMessage());
    assertThrows(InvalidParameterException.class, () -> f.extract(new double[0][]));
    assertThrows(InvalidParameterException.class, () -> f.extract(new double[][] {{}}));
    assertThrows(InvalidParameterException.class, () -> f.extract(null));
    InvalidParameterException ragged = assertThrows(InvalidParameterException.class,
        () -> f.extract(new double[][] {{1, 2}, {3}}));
    assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> f.extract(new double[][] {{1}, {Double.POSITIVE_INFINITY}}));
  }

  @Test
  void builderValidatesEagerly() {
    assertThrows(InvalidParameterException.class, () -> Functionals.builder().build());
    assertThrows(InvalidParameterException.class, () -> Functionals.builder().mean().mean());
    assertThrows(InvalidParameterException.class, () -> Functionals.builder().percentiles(25, 25));
    assertThrows(InvalidParameterException.class, () -> Functionals.builder().percentile(101));
    assertThrows(InvalidParameterException.class, () -> Functionals.builder().percentile(Double.NaN));
    assertThrows(InvalidParameterException.class, () -> Functionals.builder().layout(null));
    assertThrows(InvalidParameterException.class, () -> Functionals.builder().mean().build().size(0));
    // Different percentiles may coexist.
    assertEquals(2, Functionals.builder().percentile(25).percentile(75).build().numFunctionals());
  }
}
