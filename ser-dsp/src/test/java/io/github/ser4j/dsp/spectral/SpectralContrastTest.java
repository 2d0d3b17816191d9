package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpectralContrastTest {

  static SpectralContrast contrast(int nFft) {
    return SpectralContrast.builder().sampleRate(16000).nFft(nFft).hopLength(512).build();
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void matchesLibrosa(String id, int nFft) {
    double[][] expected = Reference.framesByFeatures(id + "/" + SpectralShapeTest.set(nFft) + "/spectral_contrast", 7);
    double[][] actual = contrast(nFft).extract(StftTest.signal(id));
    assertEquals(94, actual.length);
    Tolerance.assertClose(id + " contrast (CI)", expected, actual, 0, 1e-3);
    Tolerance.assertClose(id + " contrast (tight)", expected, actual, 0, 1e-8);
  }

  @Test
  void silentFramesGetTheClipLevelFloorDifference() {
    // README: all-zero frames get (max peak dB - 80) - (max valley dB - 80) = 19.14 dB in c_speech, not 0.
    double[][] c = contrast(2048).extract(StftTest.signal("c_speech"));
    double[][] expected = Reference.framesByFeatures("c_speech/n2048_h512_m128/spectral_contrast", 7);
    for (int t = 80; t < 94; t++) {
      for (int k = 0; k < 7; k++) {
        assertEquals(expected[t][k], c[t][k], 1e-8);
        assertEquals(c[80][k], c[t][k], 0);
      }
    }
    // An all-silent clip: both matrices sit at the amin floor, contrast 0.
    for (double[] row : contrast(2048).extract(new float[4000])) {
      for (double v : row) {
        assertEquals(0.0, v, 0);
      }
    }
  }

  @Test
  void linearContrastAndFromMagnitudeAgree() {
    float[] y = StftTest.signal("b_noise");
    Stft stft = Stft.builder().nFft(1024).hopLength(512).build();
    SpectralContrast db = contrast(1024);
    Tolerance.assertClose("fromMagnitude", db.extract(y), db.fromMagnitude(stft.magnitude(y)), 0, 0);
    SpectralContrast lin = SpectralContrast.builder().sampleRate(16000).nFft(1024).hopLength(512).linear(true).build();
    double[][] l = lin.extract(y);
    for (double[] row : l) {
      for (double v : row) {
        assertTrue(v > 0, "peak above valley in noise");
      }
    }
  }

  @Test
  void bandsAndQuantilesFollowLibrosasRules() {
    // sr 1600, nFft 64: bins every 25 Hz (0..32). fmin 200, 2 bands, quantile 0.25. librosa's rules give
    // band 0 = bins 0..7 (f <= 200, last dropped; 9 bins -> rint(2.25) = 2 values),
    // band 1 = bins 7..15 (one below 200 Hz, f <= 400, last dropped; 10 bins -> rint(2.5) = 2, half to even),
    // band 2 = bins 15..32 (one below 400 Hz, everything above; 18 bins -> rint(4.5) = 4, half to even).
    SpectralContrast c = SpectralContrast.builder().sampleRate(1600).nFft(64).fmin(200).nBands(2).quantile(0.25)
        .linear(true).build();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    double[][] mag = new double[3][33];
    for (double[] row : mag) {
      for (int k = 0; k < row.length; k++) {
        row[k] = rnd.nextInt(6); // many ties
      }
    }
    double[][] actual = c.fromMagnitude(mag);
    int[][] bands = {{0, 7, 2}, {7, 15, 2}, {15, 32, 4}};
    for (int t = 0; t < mag.length; t++) {
      for (int b = 0; b < 3; b++) {
        double[] band = java.util.Arrays.copyOfRange(mag[t], bands[b][0], bands[b][1] + 1);
        java.util.Arrays.sort(band);
        int q = bands[b][2];
        double low = 0;
        double high = 0;
        for (int i = 0; i < q; i++) {
          low += band[i];
          high += band[band.length - 1 - i];
        }
        assertEquals(high / q - low / q, actual[t][b], 1e-15, "frame " + t + " band " + b);
      }
    }
  }

  @Test
  void toneInOneBandRaisesOnlyThatBandsContrast() {
    int sr = 16000;
    float[] y = new float[sr];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    for (int i = 0; i < y.length; i++) {
      // 1.5 kHz lies in band 3 ([800, 1600] Hz); weak noise everywhere.
      y[i] = (float) (Math.sin(2 * Math.PI * 1500 * i / sr) + 1e-3 * rnd.nextGaussian());
    }
    double[][] c = SpectralContrast.builder().sampleRate(sr).nFft(2048).hopLength(512).build().extract(y);
    double[] mid = c[c.length / 2];
    for (int k = 0; k < mid.length; k++) {
      if (k != 3) {
        assertTrue(mid[3] > mid[k] + 20, "band 3 " + mid[3] + " vs band " + k + " " + mid[k]);
      }
    }
  }

  @Test
  void badParametersAndAudio() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> SpectralContrast.builder().sampleRate(16000).nBands(7).build());
    assertTrue(e.getMessage().contains("Nyquist"), e.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> SpectralContrast.builder().sampleRate(16000).nFft(64).build());
    assertThrows(InvalidParameterException.class, () -> SpectralContrast.builder().quantile(0));
    assertThrows(InvalidParameterException.class, () -> SpectralContrast.builder().fmin(-1));
    assertThrows(InvalidAudioException.class, () -> contrast(1024).extract(new float[0]));
    assertEquals(1, contrast(2048).extract(new float[] {0.5f}).length);
  }
}
