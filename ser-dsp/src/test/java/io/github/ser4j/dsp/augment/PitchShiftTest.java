package io.github.ser4j.dsp.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.Stft;
import io.github.ser4j.dsp.testing.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PitchShiftTest {
  private static final PitchShift DEFAULT = PitchShift.builder().build();

  @ParameterizedTest
  @ValueSource(doubles = {-4, -2, -1, -0.5, 0.5, 1, 2, 3.7})
  void movesTheFundamentalByTwoToTheStepsOverTwelveAndKeepsTheDuration(double steps) {
    AudioClip tone = Signals.harmonicTone(220, 16000, 40000);
    AudioClip out = DEFAULT.shift(tone, steps);
    assertEquals(tone.length(), out.length());
    assertEquals(16000, out.sampleRate());
    double expected = 220 * Math.pow(2, steps / 12);
    assertEquals(expected, Signals.f0(out, 80, 1000), 0.01 * expected, "F0 after " + steps + " semitones");
    // tighter than the brief's 1 %: the realised ratio is within 1.7 cents (0.098 %); measured worst 1.2e-5
    assertEquals(expected, Signals.f0(out, 80, 1000), 0.0012 * expected, "F0 after " + steps + " semitones");
  }

  @Test
  void matchesLibrosaPitchShiftInLengthAndEnergy() {
    AudioClip speech = Signals.reference("c_speech");
    double[] expected = Reference.array("effects/c_speech_pitch_shift_+2");
    AudioClip actual = DEFAULT.shift(speech, 2);
    assertEquals(48000, expected.length);
    assertEquals(48000, actual.length());
    // manifest sanity: rms 0.0630823868784355 (input 0.0924). Measured: 0.0630783 (-0.006 %).
    assertEquals(0.0630823868784355, Signals.rms(actual.samples()), 1e-3 * 0.0630823868784355);
    // librosa resamples by 2^(1/6) with soxr_hq; this by 55/49 (0.07 cents off) with another filter,
    // so the waveforms drift apart by up to ~2 samples over 3 s (relative L2 difference 0.13) while
    // the magnitude spectrograms agree closely (measured relative L2 0.0041 overall, 0.0009 below
    // 4 kHz; the filters differ most above 7 kHz).
    double[][] ours = MAG.magnitude(actual.samples());
    double[][] theirs = MAG.magnitude(toFloat(expected));
    assertTrue(relativeL2(theirs, ours, 16000) < 0.01, "|STFT| relative L2 " + relativeL2(theirs, ours, 16000));
    assertTrue(relativeL2(theirs, ours, 4000) < 0.003, "|STFT| below 4 kHz " + relativeL2(theirs, ours, 4000));
  }

  private static final Stft MAG = Stft.builder().nFft(2048).hopLength(512).build();

  /** Relative L2 difference of two frames x bins magnitudes over the bins below {@code maxHz}. */
  private static double relativeL2(double[][] expected, double[][] actual, double maxHz) {
    double diff = 0;
    double ref = 0;
    for (int t = 0; t < expected.length; t++) {
      for (int k = 0; k < expected[t].length && k * 16000.0 / 2048 < maxHz; k++) {
        double d = actual[t][k] - expected[t][k];
        diff += d * d;
        ref += expected[t][k] * expected[t][k];
      }
    }
    return Math.sqrt(diff / ref);
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  @Test
  void ratioIsTheClosestSmallFraction() {
    assertEquals(java.util.List.of(1, 1), asList(PitchShift.ratio(1.0)));
    assertEquals(java.util.List.of(3, 2), asList(PitchShift.ratio(1.5)));
    assertEquals(java.util.List.of(2, 1), asList(PitchShift.ratio(2.0)));
    assertEquals(java.util.List.of(1, 4), asList(PitchShift.ratio(0.25)));
    double worstCents = 0;
    for (int i = -24000; i <= 24000; i++) {
      double x = Math.pow(2, i / 12000.0);
      int[] pq = PitchShift.ratio(x);
      assertTrue(pq[0] >= 1 && pq[0] <= 512 && pq[1] >= 1 && pq[1] <= 512);
      worstCents = Math.max(worstCents, Math.abs(1200 * Math.log((double) pq[0] / pq[1] / x) / Math.log(2)));
    }
    assertTrue(worstCents < 1.7, "worst error " + worstCents + " cents");
  }

  private static java.util.List<Integer> asList(int[] a) {
    return java.util.List.of(a[0], a[1]);
  }

  @Test
  void drawsAndReportsTheShift() {
    PitchShift ps = Augment.pitchShift(-3, 1);
    AudioClip tone = Signals.harmonicTone(220, 16000, 6000);
    for (long seed = 0; seed < 10; seed++) {
      AugmentedClip r = ps.augment(tone, seed);
      double n = r.steps().get(0).parameters().get("semitones");
      double applied = r.steps().get(0).parameters().get("appliedSemitones");
      assertTrue(n >= -3 && n <= 1, "drawn " + n);
      assertEquals(n, applied, 0.0175);
      assertEquals(ps.shift(tone, n), r.clip());
      assertEquals(r.clip(), ps.augment(tone, seed).clip(), "same seed, same output");
    }
  }

  @Test
  void composesWithNoiseAsInTheDesign() {
    Augmentation aug = Augment.noise(20, 30).then(Augment.pitchShift(-2, 2));
    AudioClip tone = Signals.harmonicTone(220, 16000, 8000);
    AugmentedClip r = aug.augment(tone, 9);
    assertEquals(java.util.List.of("AddNoise", "PitchShift"),
        r.steps().stream().map(AugmentationStep::name).toList());
    assertEquals(8000, r.clip().length());
    assertEquals(r.clip(), aug.apply(tone, 9));
  }

  @Test
  void emptyClipIsReturnedUnchanged() {
    AudioClip empty = AudioClip.of(new float[0], 16000);
    assertSame(empty, DEFAULT.shift(empty, 2));
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(InvalidParameterException.class, () -> Augment.pitchShift(2, -2));
    assertThrows(InvalidParameterException.class, () -> Augment.pitchShift(-25, 0));
    assertThrows(InvalidParameterException.class, () -> Augment.pitchShift(0, Double.NaN));
    assertThrows(InvalidParameterException.class, () -> PitchShift.builder().binsPerOctave(0));
    assertThrows(InvalidParameterException.class, () -> PitchShift.builder().resampler(null));
    assertThrows(InvalidParameterException.class, () -> PitchShift.builder().nFft(2047));
    assertThrows(InvalidParameterException.class, () -> PitchShift.builder().nFft(256).hopLength(512).build());
    assertThrows(InvalidParameterException.class,
        () -> PitchShift.builder().binsPerOctave(24).semitones(-49, 0).build());
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> DEFAULT.shift(
        Signals.harmonicTone(220, 16000, 100), 30));
    assertTrue(e.getMessage().startsWith("nSteps = 30"), e.getMessage());
  }
}
