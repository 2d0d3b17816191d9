package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.SpectralShape.Feature;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpectralShapeTest {

  static String set(int nFft) {
    return nFft == 1024 ? "n1024_h512_m64" : "n2048_h512_m128";
  }

  static SpectralShape shape(int nFft) {
    return SpectralShape.builder().sampleRate(16000).nFft(nFft).hopLength(512).build();
  }

  static double[] column(double[][] m, int j) {
    double[] c = new double[m.length];
    for (int t = 0; t < m.length; t++) {
      c[t] = m[t][j];
    }
    return c;
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void matchesLibrosaInOnePass(String id, int nFft) {
    String prefix = id + "/" + set(nFft) + "/";
    double[][] all = shape(nFft).extract(StftTest.signal(id));
    assertEquals(94, all.length);
    assertEquals(4, all[0].length);

    double[] centroid = Reference.array(prefix + "spectral_centroid");
    Tolerance.assertClose(id + " centroid (CI)", centroid, column(all, 0), 1e-5, 1e-6);
    Tolerance.assertClose(id + " centroid (tight)", centroid, column(all, 0), 1e-11, 1e-9);

    double[] bandwidth = Reference.array(prefix + "spectral_bandwidth");
    Tolerance.assertClose(id + " bandwidth (CI)", bandwidth, column(all, 1), 1e-5, 1e-6);
    Tolerance.assertClose(id + " bandwidth (tight)", bandwidth, column(all, 1), 1e-11, 1e-9);

    double[] rolloff = Reference.array(prefix + "spectral_rolloff");
    double[] actual = column(all, 2);
    double bin = 16000.0 / nFft;
    int off = 0;
    for (int t = 0; t < rolloff.length; t++) {
      if (actual[t] != rolloff[t]) {
        assertEquals(rolloff[t], actual[t], bin * 1.0000001, id + " rolloff frame " + t + " off by more than a bin");
        off++;
      }
    }
    // README: exact, one bin allowed in <= 1 % of frames. A double pipeline gets every frame exact.
    assertTrue(off <= rolloff.length / 100, id + " rolloff: " + off + " frames off by a bin");
    assertEquals(0, off, id + " rolloff: frames off by one bin");

    double[] flatness = Reference.array(prefix + "spectral_flatness");
    Tolerance.assertClose(id + " flatness (CI)", flatness, column(all, 3), 1e-4, 1e-9);
    Tolerance.assertClose(id + " flatness (tight)", flatness, column(all, 3), 1e-9, 1e-15);
  }

  @Test
  void singleFeatureMethodsAndSelectionAgreeWithTheCombinedPass() {
    SpectralShape s = shape(1024);
    float[] y = StftTest.signal("c_speech");
    double[][] all = s.extract(y);
    assertArrayEquals(column(all, 0), s.centroid(y), 0);
    assertArrayEquals(column(all, 1), s.bandwidth(y), 0);
    assertArrayEquals(column(all, 2), s.rolloff(y), 0);
    assertArrayEquals(column(all, 3), s.flatness(y), 0);
    SpectralShape two = SpectralShape.builder().sampleRate(16000).nFft(1024).hopLength(512)
        .features(Feature.FLATNESS, Feature.CENTROID).build();
    assertEquals(List.of(Feature.FLATNESS, Feature.CENTROID), two.features());
    double[][] sel = two.extract(y);
    assertArrayEquals(column(all, 3), column(sel, 0), 0);
    assertArrayEquals(column(all, 0), column(sel, 1), 0);
    Stft stft = Stft.builder().nFft(1024).hopLength(512).build();
    Tolerance.assertClose("fromMagnitude", all, s.fromMagnitude(stft.magnitude(y)), 0, 0);
  }

  @Test
  void pureToneHasItsFrequencyAsCentroidAndLowFlatness() {
    int sr = 16000;
    int n = 1024;
    float[] y = new float[sr];
    double f0 = 64 * sr / (double) n; // 1000 Hz, on a bin
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) Math.cos(2 * Math.PI * f0 * i / sr);
    }
    double[][] r = SpectralShape.builder().sampleRate(sr).nFft(n).hopLength(256).build().extract(y);
    double[] mid = r[r.length / 2];
    // Hann leakage is symmetric (bins 63, 64, 65 with weights 1/2, 1, 1/2), so the centroid is f0.
    assertEquals(f0, mid[0], 1e-3);
    // bandwidth: sqrt(sum w (f - f0)^2 / sum w) = sqrt((0.5 + 0.5) * df^2 / 2) = df / sqrt 2.
    // (float rounding of the tone spreads a little energy over all bins: allow 1 %)
    assertEquals(sr / (double) n / Math.sqrt(2), mid[1], 0.11);
    // rolloff: cumulative 0.5, 1.5, 2 of 2 -> 85 % is reached at bin 65.
    assertEquals(65 * sr / (double) n, mid[2], 0);
    assertTrue(mid[3] < 1e-3, "flatness of a tone " + mid[3]);
  }

  @Test
  void whiteNoiseIsFlatterThanATone() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    float[] y = new float[16000];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) rnd.nextGaussian();
    }
    double[] flat = shape(1024).flatness(y);
    // Exponential power values: E[log]/log E = exp(-gamma) = 0.56 for white Gaussian noise.
    assertEquals(Math.exp(-0.5772156649), flat[flat.length / 2], 0.08);
  }

  @Test
  void flatnessIsScaleInvariantAboveTheFloorEvenForHugeValues() {
    // Loud input makes blocks of powers overflow a double product: the per-value fallback must agree.
    float[] y = StftTest.signal("b_noise");
    float[] loud = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      loud[i] = y[i] * 0x1p40f; // a power of two: exact scaling; powers ~1e24
    }
    SpectralShape s = shape(2048);
    Tolerance.assertClose("flatness x2^40", s.flatness(y), s.flatness(loud), 1e-12, 0);
    Tolerance.assertClose("centroid x2^40", s.centroid(y), s.centroid(loud), 1e-12, 0);
  }

  @Test
  void silentFramesFollowLibrosa() {
    double[][] r = shape(2048).extract(new float[8000]);
    assertEquals(16, r.length);
    for (double[] row : r) {
      assertArrayEquals(new double[] {0, 0, 0, 1}, row, 0);
    }
    // c_speech frames 80-93 are exact zeros.
    double[][] speech = shape(2048).extract(StftTest.signal("c_speech"));
    assertArrayEquals(new double[] {0, 0, 0, 1}, speech[93], 0);
  }

  @Test
  void shortAndEmptyClips() {
    SpectralShape s = shape(2048);
    assertEquals(1, s.extract(new float[] {0.1f, -0.2f, 0.3f}).length);
    assertThrows(InvalidAudioException.class, () -> s.extract(new float[0]));
    InvalidAudioException e = assertThrows(InvalidAudioException.class,
        () -> s.extract(AudioClip.of(new float[100], 22050)));
    assertTrue(e.getMessage().contains("22050") && e.getMessage().contains("16000"), e.getMessage());
    assertEquals(1, s.extract(AudioClip.of(new float[100], 16000)).length);
  }

  @Test
  void badParametersNameThemselves() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> SpectralShape.builder().rollPercent(1.0));
    assertTrue(e.getMessage().contains("rollPercent"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> SpectralShape.builder().features());
    assertThrows(InvalidParameterException.class,
        () -> SpectralShape.builder().features(Feature.CENTROID, Feature.CENTROID));
    assertThrows(InvalidParameterException.class, () -> SpectralShape.builder().sampleRate(0));
    assertThrows(InvalidParameterException.class, () -> SpectralShape.builder().flatnessAmin(0));
    assertThrows(InvalidParameterException.class, () -> SpectralShape.builder().bandwidthP(-1));
    assertThrows(InvalidParameterException.class,
        () -> shape(1024).fromMagnitude(new double[][] {new double[10]}));
  }
}
