package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MelSpectrogramTest {

  static MelSpectrogram mel(int nFft, int nMels) {
    return MelSpectrogram.builder().sampleRate(16000).nFft(nFft).hopLength(512).nMels(nMels).build();
  }

  static String set(int nFft) {
    return nFft == 1024 ? "n1024_h512_m64" : "n2048_h512_m128";
  }

  /** Largest |a - b| / |b| over entries with |b| above {@code floor}. */
  static double worstRelative(double[][] expected, double[][] actual, double floor) {
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        if (Math.abs(expected[i][j]) > floor) {
          worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]) / Math.abs(expected[i][j]));
        }
      }
    }
    return worst;
  }

  static double worstAbsolute(double[][] expected, double[][] actual) {
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        worst = Math.max(worst, Math.abs(actual[i][j] - expected[i][j]));
      }
    }
    return worst;
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024,64", "a_chirp,2048,128", "b_noise,1024,64", "b_noise,2048,128", "c_speech,1024,64",
      "c_speech,2048,128"})
  void powerMatchesLibrosa(String id, int nFft, int nMels) {
    double[][] expected = Reference.framesByFeatures(id + "/" + set(nFft) + "/melspectrogram", nMels);
    double[][] actual = mel(nFft, nMels).extractDouble(StftTest.signal(id));
    double max = Tolerance.maxAbs(expected);
    // README CI tolerance, then the double-precision bound.
    Tolerance.assertClose(id + " mel", expected, actual, 1e-4, 1e-8 * max);
    Tolerance.assertClose(id + " mel (double)", expected, actual, 1e-9, 1e-13 * max);
    System.out.printf("melspectrogram %s %s: worst rel %.2e (entries > 1e-8 max)%n", id, set(nFft),
        worstRelative(expected, actual, 1e-8 * max));
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024,64", "a_chirp,2048,128", "b_noise,1024,64", "b_noise,2048,128", "c_speech,1024,64",
      "c_speech,2048,128"})
  void decibelsRelativeToMaxMatchLibrosa(String id, int nFft, int nMels) {
    double[][] expected = Reference.framesByFeatures(id + "/" + set(nFft) + "/mel_db", nMels);
    MelSpectrogram db = MelSpectrogram.builder().sampleRate(16000).nFft(nFft).hopLength(512).nMels(nMels)
        .decibels(PowerToDb.defaults().refMax()).build();
    double[][] actual = db.extractDouble(StftTest.signal(id));
    Tolerance.assertClose(id + " mel_db", expected, actual, 0, 1e-3);
    Tolerance.assertClose(id + " mel_db (double)", expected, actual, 0, 1e-9);
    System.out.printf("mel_db %s %s: worst abs %.2e dB%n", id, set(nFft), worstAbsolute(expected, actual));
  }

  @Test
  void shortClipMatchesLibrosa() {
    double[][] expected = Reference.framesByFeatures("e_speech_short/n2048_h512_m128/melspectrogram", 128);
    double[][] actual = mel(2048, 128).extractDouble(StftTest.signal("e_speech_short"));
    assertEquals(47, actual.length);
    double max = Tolerance.maxAbs(expected);
    Tolerance.assertClose("short mel", expected, actual, 1e-4, 1e-8 * max);
    Tolerance.assertClose("short mel (double)", expected, actual, 1e-9, 1e-13 * max);
  }

  @Test
  void magnitudeMelIsTheBankTimesLibrosaStftMagnitude() {
    // power = 1: W |X|, with librosa's own |X| and filter bank as the truth.
    double[][] mag = Reference.framesByFeatures("c_speech/n1024_h512_m64/stft_mag", 513);
    double[][] w = Reference.matrix("filters/mel_sr16000_n1024_m64", 64);
    double[][] expected = new double[mag.length][64];
    for (int t = 0; t < mag.length; t++) {
      for (int m = 0; m < 64; m++) {
        double s = 0;
        for (int k = 0; k < 513; k++) {
          s += w[m][k] * mag[t][k];
        }
        expected[t][m] = s;
      }
    }
    MelSpectrogram m1 = MelSpectrogram.builder().sampleRate(16000).nFft(1024).hopLength(512).nMels(64).power(1.0)
        .build();
    double[][] actual = m1.extractDouble(StftTest.signal("c_speech"));
    Tolerance.assertClose("magnitude mel", expected, actual, 1e-9, 1e-12 * Tolerance.maxAbs(expected));
  }

  @Test
  void floatFormsRoundTheDoubleValues() {
    float[] y = StftTest.signal("a_chirp");
    MelSpectrogram m = mel(1024, 64);
    double[][] d = m.extractDouble(y);
    float[][] f = m.extract(AudioClip.of(y, 16000));
    float[][] into = new float[m.numFrames(y.length)][64];
    assertEquals(94, m.extract(y, into));
    float[][] fromClip = new float[94][64];
    assertEquals(94, m.extract(AudioClip.of(y, 16000), fromClip));
    for (int t = 0; t < d.length; t++) {
      for (int i = 0; i < 64; i++) {
        assertEquals((float) d[t][i], f[t][i]);
        assertEquals((float) d[t][i], into[t][i]);
        assertEquals((float) d[t][i], fromClip[t][i]);
      }
    }
  }

  @Test
  void sineEnergyLandsInTheBandsAroundItsFrequency() {
    float[] y = new float[16000];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 16000.0);
    }
    MelSpectrogram m = mel(1024, 64);
    double[] frame = m.extractDouble(y)[10];
    double[] edges = m.filterBank().bandEdges();
    int best = 0;
    for (int b = 1; b < 64; b++) {
      if (frame[b] > frame[best]) {
        best = b;
      }
    }
    assertTrue(edges[best] < 1000 && 1000 < edges[best + 2], "band " + best + " spans " + edges[best] + ".."
        + edges[best + 2]);
  }

  @Test
  void wrongRateAndBadShapesAreRejected() {
    MelSpectrogram m = mel(1024, 64);
    InvalidAudioException e = assertThrows(InvalidAudioException.class,
        () -> m.extract(AudioClip.of(new float[1000], 22050)));
    assertTrue(e.getMessage().contains("22050") && e.getMessage().contains("16000"), e.getMessage());
    assertThrows(InvalidAudioException.class, () -> m.extract(new float[0]));
    assertThrows(InvalidParameterException.class, () -> m.extract(new float[1024], new float[2][64]));
    assertThrows(InvalidParameterException.class, () -> m.extractDouble(new float[1024], new double[3][63]));
    assertThrows(InvalidParameterException.class, () -> MelSpectrogram.builder().power(0));
    assertThrows(InvalidParameterException.class, () -> MelSpectrogram.builder().nFft(1023));
    assertThrows(InvalidParameterException.class,
        () -> MelSpectrogram.builder().sampleRate(16000).fmax(8001).build());
  }
}
