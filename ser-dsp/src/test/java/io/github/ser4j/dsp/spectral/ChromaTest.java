package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.params.provider.ValueSource;

class ChromaTest {

  static Chroma.Builder chroma(int nFft) {
    return Chroma.builder().sampleRate(16000).nFft(nFft).hopLength(512);
  }

  @ParameterizedTest
  @ValueSource(ints = {1024, 2048})
  void filterBankMatchesLibrosa(int nFft) {
    double[][] expected = Reference.matrix("filters/chroma_sr16000_n" + nFft, 12);
    ChromaFilterBank fb = ChromaFilterBank.of(16000, nFft, 0.0);
    assertEquals(12, fb.numChroma());
    assertEquals(nFft / 2 + 1, fb.numBins());
    Tolerance.assertClose("chroma filters n" + nFft, expected, fb.weights(), 0, 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void chromaWithTuningZeroMatchesLibrosa(String id, int nFft) {
    double[][] expected = Reference.framesByFeatures(id + "/" + SpectralShapeTest.set(nFft) + "/chroma_stft_tuning0", 12);
    double[][] actual = chroma(nFft).tuning(0.0).build().extract(StftTest.signal(id));
    assertEquals(94, actual.length);
    Tolerance.assertClose(id + " chroma tuning 0 (CI)", expected, actual, 0, 1e-4);
    Tolerance.assertClose(id + " chroma tuning 0 (tight)", expected, actual, 0, 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void estimatedTuningMatchesLibrosa(String id, int nFft) {
    double expected = Reference.array(id + "/" + SpectralShapeTest.set(nFft) + "/estimated_tuning")[0];
    double[][] power = Stft.builder().nFft(nFft).hopLength(512).build().power(StftTest.signal(id));
    double actual = TuningEstimator.builder().sampleRate(16000).build().estimate(power);
    assertEquals(expected, actual, 1e-12, id + " n" + nFft + " tuning");
    assertEquals(expected, chroma(nFft).build().tuning(StftTest.signal(id)), 1e-12);
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void chromaWithEstimatedTuningMatchesLibrosa(String id, int nFft) {
    // Secondary check (README): the estimate is discontinuous, but it matches here, so the chroma does too.
    double[][] expected = Reference.framesByFeatures(id + "/" + SpectralShapeTest.set(nFft) + "/chroma_stft", 12);
    Chroma c = chroma(nFft).build();
    assertTrue(c.estimatesTuning());
    double[][] actual = c.extract(StftTest.signal(id));
    Tolerance.assertClose(id + " chroma (CI)", expected, actual, 0, 1e-4);
    Tolerance.assertClose(id + " chroma (tight)", expected, actual, 0, 1e-12);
  }

  @Test
  void pitchTuningFindsTheOffsetOfDetunedFrequencies() {
    // 440 Hz and its semitones, 20 cents sharp: residual 0.2 of a bin.
    double[] f = new double[12];
    for (int i = 0; i < f.length; i++) {
      f[i] = 440 * Math.pow(2, (i + 0.2) / 12);
    }
    assertEquals(0.2, TuningEstimator.pitchTuning(f, 0.01, 12), 0.01 + 1e-12);
    // 30 cents flat lands in the bin [-0.3, -0.29).
    double[] flat = {440 * Math.pow(2, -0.3 / 12), 0, -5};
    assertEquals(-0.3, TuningEstimator.pitchTuning(flat, 0.01, 12), 1e-9);
    assertEquals(0.0, TuningEstimator.pitchTuning(new double[] {0, -1}, 0.01, 12), 0);
    assertEquals(0.0, TuningEstimator.pitchTuning(new double[0], 0.01, 12), 0);
    assertThrows(InvalidParameterException.class, () -> TuningEstimator.pitchTuning(f, 0, 12));
  }

  @Test
  void detunedToneIsEstimatedAndItsChromaIsItsPitchClass() {
    int sr = 16000;
    float[] y = new float[2 * sr];
    double f0 = 440 * Math.pow(2, -0.25 / 12); // A, a quarter semitone flat
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (0.5 * Math.sin(2 * Math.PI * f0 * i / sr));
    }
    Chroma c = chroma(4096).build();
    assertEquals(-0.25, c.tuning(y), 0.021);
    double[][] chroma = c.extract(y);
    double[] mid = chroma[chroma.length / 2];
    assertEquals(1.0, mid[9], 0); // A with base C
    for (int k = 0; k < 12; k++) {
      if (k != 9) {
        assertTrue(mid[k] < 0.5, "pitch class " + k + " = " + mid[k]);
      }
    }
  }

  @Test
  void filterBankRowsStartAtCAndColumnsAreUnitLengthBeforeOctaveWeighting() {
    ChromaFilterBank plain = ChromaFilterBank.builder().sampleRate(16000).nFft(2048).noOctaveWeighting().build();
    double[][] w = plain.weights();
    for (int k = 1; k < plain.numBins(); k++) {
      double ss = 0;
      for (double[] row : w) {
        ss += row[k] * row[k];
      }
      assertEquals(1.0, ss, 1e-12);
    }
    // The bin nearest 261.63 Hz (middle C) weighs most on row 0 when base C, on row 3 when base A.
    int bin = (int) Math.round(261.63 * 2048 / 16000);
    ChromaFilterBank baseA = ChromaFilterBank.builder().sampleRate(16000).nFft(2048).noOctaveWeighting()
        .baseC(false).build();
    assertEquals(0, argmax(w, bin));
    assertEquals(3, argmax(baseA.weights(), bin));
    double[] out = new double[12];
    double[] impulse = new double[plain.numBins()];
    impulse[bin] = 2;
    plain.apply(impulse, out);
    assertEquals(2 * w[0][bin], out[0], 0);
  }

  private static int argmax(double[][] w, int bin) {
    int best = 0;
    for (int c = 1; c < w.length; c++) {
      if (w[c][bin] > w[best][bin]) {
        best = c;
      }
    }
    return best;
  }

  @Test
  void silentShortAndEmptyClips() {
    Chroma fixed = chroma(2048).tuning(0).build();
    Chroma estimated = chroma(2048).build();
    for (Chroma c : new Chroma[] {fixed, estimated}) {
      double[][] silent = c.extract(new float[8000]);
      assertEquals(16, silent.length);
      for (double[] row : silent) {
        assertArrayEquals(new double[12], row, 0);
      }
      assertEquals(1, c.extract(new float[] {0.1f, 0.3f}).length);
      assertThrows(InvalidAudioException.class, () -> c.extract(new float[0]));
      assertThrows(InvalidAudioException.class, () -> c.extract(AudioClip.of(new float[10], 8000)));
    }
    assertEquals(0.0, estimated.tuning(new float[8000]), 0);
    // c_speech frames 80-93 are exact zeros.
    double[][] speech = fixed.extract(StftTest.signal("c_speech"));
    assertArrayEquals(new double[12], speech[93], 0);
    assertFalse(fixed.estimatesTuning());
  }

  @Test
  void badParametersNameThemselves() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Chroma.builder().tuning(0.7));
    assertTrue(e.getMessage().contains("tuning"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> Chroma.builder().nChroma(0));
    assertThrows(InvalidParameterException.class, () -> ChromaFilterBank.builder().nFft(2));
    assertThrows(InvalidParameterException.class, () -> ChromaFilterBank.builder().octaveWidth(0));
    assertThrows(InvalidParameterException.class, () -> TuningEstimator.builder().threshold(2));
    assertThrows(InvalidParameterException.class,
        () -> ChromaFilterBank.of(16000, 1024, 0).apply(new double[][] {new double[3]}));
  }
}
