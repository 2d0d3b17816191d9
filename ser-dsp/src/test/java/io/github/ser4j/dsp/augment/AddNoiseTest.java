package io.github.ser4j.dsp.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import org.junit.jupiter.api.Test;

class AddNoiseTest {
  private static final AudioClip TONE = Signals.harmonicTone(220, 16000, 24000);

  /** 10 log10(P_signal / P_noise) with the noise measured as output minus input. */
  static double achievedSnrDb(AudioClip in, AudioClip out) {
    double ps = 0;
    double pn = 0;
    for (int i = 0; i < in.length(); i++) {
      double x = in.sample(i);
      double d = (double) out.sample(i) - x;
      ps += x * x;
      pn += d * d;
    }
    return 10 * Math.log10(ps / pn);
  }

  private static AudioClip noiseClip() {
    // 0.3 s of a two-tone "hum" plus white noise: deliberately shorter than the input, so it loops.
    float[] n = new float[4800];
    double[] w = NoiseGenerator.white(n.length, new java.util.SplittableRandom(99));
    for (int i = 0; i < n.length; i++) {
      n[i] = (float) (0.1 * Math.sin(2 * Math.PI * 50 * i / 16000.0) + 0.05 * w[i]);
    }
    return AudioClip.of(n, 16000);
  }

  @Test
  void achievedSnrEqualsTheDrawnSnrForEverySource() {
    AddNoise[] sources = {Augment.noise(-5, 40), Augment.pinkNoise(-5, 40), Augment.noise(noiseClip(), -5, 40)};
    for (AddNoise a : sources) {
      for (long seed = 0; seed < 30; seed++) {
        AugmentedClip r = a.augment(TONE, seed);
        double snr = r.steps().get(0).parameters().get("snrDb");
        assertTrue(snr >= -5 && snr <= 40, "drawn " + snr);
        assertEquals(snr, achievedSnrDb(TONE, r.clip()), 0.1, a.source() + " seed " + seed);
        // the scale is exact in double; only the float output rounds (measured worst 2e-7 dB)
        assertEquals(snr, achievedSnrDb(TONE, r.clip()), 1e-5, a.source() + " seed " + seed);
      }
    }
  }

  @Test
  void achievedSnrOnSpeechWithSilence() {
    AudioClip speech = Signals.reference("c_speech"); // exact zeros from 2.48 s
    for (double snr : new double[] {0, 10, 20, 30}) {
      AudioClip out = AddNoise.builder().snrDb(snr, snr).pink().build().apply(speech, 5);
      assertEquals(snr, achievedSnrDb(speech, out), 0.1);
    }
  }

  @Test
  void noiseClipIsLoopedFromTheReportedOffset() {
    AudioClip noise = noiseClip();
    AugmentedClip r = Augment.noise(noise, 10, 10).augment(TONE, 42);
    int offset = r.steps().get(0).parameters().get("offset").intValue();
    assertTrue(offset >= 0 && offset < noise.length());
    double scale = ((double) r.clip().sample(0) - TONE.sample(0)) / noise.sample(offset);
    for (int i = 0; i < TONE.length(); i++) {
      double expected = TONE.sample(i) + scale * noise.sample((offset + i) % noise.length());
      assertEquals(expected, r.clip().sample(i), 1e-6, "sample " + i);
    }
  }

  @Test
  void offsetsCoverTheNoiseClip() {
    AudioClip noise = noiseClip();
    AddNoise a = Augment.noise(noise, 10, 10);
    int min = Integer.MAX_VALUE;
    int max = -1;
    for (long seed = 0; seed < 400; seed++) {
      int o = a.augment(TONE, seed).steps().get(0).parameters().get("offset").intValue();
      min = Math.min(min, o);
      max = Math.max(max, o);
    }
    assertTrue(min < noise.length() / 20 && max > noise.length() * 19 / 20, min + ".." + max);
  }

  @Test
  void silentAndEmptyInputsAreReturnedUnchanged() {
    AudioClip silent = AudioClip.of(new float[1000], 16000);
    AudioClip empty = AudioClip.of(new float[0], 16000);
    for (AddNoise a : new AddNoise[] {Augment.noise(10, 20), Augment.pinkNoise(10, 20),
        Augment.noise(noiseClip(), 10, 20)}) {
      AugmentedClip r = a.augment(silent, 3);
      assertSame(silent, r.clip());
      assertTrue(r.steps().get(0).applied());
      assertSame(empty, a.apply(empty, 3));
    }
  }

  @Test
  void sameSeedSameNoiseDifferentSeedDifferentNoise() {
    AddNoise a = Augment.pinkNoise(15, 25);
    assertEquals(a.apply(TONE, 7), a.apply(TONE, 7));
    assertNotEquals(a.apply(TONE, 7), a.apply(TONE, 8));
  }

  @Test
  void noiseAtAnotherSampleRateIsRejectedEvenWhenNotApplied() {
    AudioClip noise22k = AudioClip.of(new float[] {0.1f, -0.2f, 0.3f}, 22050);
    AddNoise a = Augment.noise(noise22k, 10, 20).withProbability(0);
    InvalidAudioException e = assertThrows(InvalidAudioException.class, () -> a.apply(TONE, 1));
    assertTrue(e.getMessage().contains("22050") && e.getMessage().contains("16000"), e.getMessage());
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(InvalidParameterException.class, () -> Augment.noise(30, 20));
    assertThrows(InvalidParameterException.class, () -> Augment.noise(Double.NaN, 20));
    assertThrows(InvalidParameterException.class, () -> Augment.noise(10, Double.POSITIVE_INFINITY));
    assertThrows(InvalidParameterException.class, () -> Augment.noise(10, 20).withProbability(-0.1));
    assertThrows(InvalidParameterException.class, () -> AddNoise.builder().noise(null));
    assertThrows(InvalidParameterException.class,
        () -> AddNoise.builder().noise(AudioClip.of(new float[0], 16000)));
    assertThrows(InvalidParameterException.class,
        () -> AddNoise.builder().noise(AudioClip.of(new float[10], 16000)));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Augment.noise(30, 20));
    assertTrue(e.getMessage().startsWith("snrDb range"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> Augment.noise(10, 20).apply(null, 1));
    assertThrows(InvalidParameterException.class,
        () -> Augment.noise(10, 20).augment(TONE, (java.util.SplittableRandom) null));
  }
}
