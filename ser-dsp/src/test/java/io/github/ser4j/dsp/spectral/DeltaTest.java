package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeltaTest {

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void deltasOfLibrosaMfccMatchLibrosa(String id, int nFft) {
    String base = id + "/" + MelSpectrogramTest.set(nFft) + "/mfcc40";
    double[][] mfcc = Reference.framesByFeatures(base, 40);
    for (int order = 1; order <= 2; order++) {
      double[][] expected = Reference.framesByFeatures(base + (order == 1 ? "_delta" : "_delta2"), 40);
      double[][] actual = Delta.builder().width(9).order(order).build().apply(mfcc);
      Tolerance.assertClose(base + " delta" + order, expected, actual, 0, 1e-4);
      Tolerance.assertClose(base + " delta" + order + " (double)", expected, actual, 0, 1e-11);
      System.out.printf("delta order %d of %s: worst abs %.2e%n", order, base,
          MelSpectrogramTest.worstAbsolute(expected, actual));
    }
  }

  @ParameterizedTest
  @CsvSource({"c_speech,1024,64", "c_speech,2048,128"})
  void deltasOfOurMfccMatchLibrosa(String id, int nFft, int nMels) {
    String base = id + "/" + MelSpectrogramTest.set(nFft) + "/mfcc40";
    double[][] mfcc = MfccTest.mfcc(40, nFft, nMels).extractDouble(StftTest.signal(id));
    Tolerance.assertClose("delta", Reference.framesByFeatures(base + "_delta", 40),
        Delta.of(9, 1).apply(mfcc), 0, 1e-9);
    Tolerance.assertClose("delta2", Reference.framesByFeatures(base + "_delta2", 40),
        Delta.of(9, 2).apply(mfcc), 0, 1e-9);
  }

  @Test
  void polynomialsHaveExactDerivativesEverywhere() {
    int frames = 30;
    double[][] line = new double[frames][2];
    double[][] parabola = new double[frames][1];
    for (int t = 0; t < frames; t++) {
      line[t][0] = 3 * t - 7;
      line[t][1] = -0.5 * t;
      parabola[t][0] = 0.25 * t * t - t + 2;
    }
    double[][] d = Delta.of(9, 1).apply(line);
    double[][] dd = Delta.of(5, 2).apply(parabola);
    double[][] dp = Delta.of(7, 1).apply(parabola);
    for (int t = 0; t < frames; t++) {
      assertEquals(3.0, d[t][0], 1e-12, "frame " + t);
      assertEquals(-0.5, d[t][1], 1e-12, "frame " + t);
      assertEquals(0.5, dd[t][0], 1e-12, "frame " + t);
      if (t >= 3 && t < frames - 3) {
        // A centred least-squares line through a parabola has its tangent's slope.
        assertEquals(0.5 * t - 1, dp[t][0], 1e-12, "frame " + t);
      }
    }
  }

  @Test
  void interiorWeightsAreTheRegressionSlope() {
    double[] w = Delta.weights(9, 1, 1, 4);
    for (int j = 0; j < 9; j++) {
      assertEquals((j - 4) / 60.0, w[j], 1e-15);
    }
  }

  @Test
  void badInputIsRejected() {
    assertThrows(InvalidParameterException.class, () -> Delta.of(8, 1));
    assertThrows(InvalidParameterException.class, () -> Delta.of(1, 1));
    assertThrows(InvalidParameterException.class, () -> Delta.of(5, 0));
    assertThrows(InvalidParameterException.class, () -> Delta.of(5, 5));
    assertThrows(InvalidAudioException.class, () -> Delta.of(9, 1).apply(new double[8][3]));
    double[][] x = new double[9][3];
    assertThrows(InvalidParameterException.class, () -> Delta.of(9, 1).apply(x, x));
    assertThrows(InvalidParameterException.class, () -> Delta.of(9, 1).apply(x, new double[9][2]));
  }
}
