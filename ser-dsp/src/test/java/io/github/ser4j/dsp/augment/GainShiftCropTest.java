package io.github.ser4j.dsp.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GainShiftCropTest {
  private static final AudioClip RAMP = ramp(10);

  private static AudioClip ramp(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i + 1) / 16f;
    }
    return AudioClip.of(x, 8000);
  }

  @Test
  void gainMultipliesByTenToTheDrawnDbOverTwenty() {
    Gain g = Augment.gain(-12, 6);
    for (long seed = 0; seed < 50; seed++) {
      AugmentedClip r = g.augment(RAMP, seed);
      double db = r.steps().get(0).parameters().get("gainDb");
      assertTrue(db >= -12 && db <= 6);
      for (int i = 0; i < RAMP.length(); i++) {
        assertEquals((float) (RAMP.sample(i) * Math.pow(10, db / 20)), r.clip().sample(i));
      }
    }
    // +6.0206 dB doubles the amplitude
    assertEquals(2 * RAMP.sample(3), Augment.gain(20 * Math.log10(2), 20 * Math.log10(2)).apply(RAMP, 0).sample(3),
        1e-6);
  }

  @Test
  void shiftWithRolloverIsNpRoll() {
    TimeShift s = TimeShift.builder().samples(-3, 3).build();
    Set<Long> seen = new HashSet<>();
    for (long seed = 0; seed < 100; seed++) {
      AugmentedClip r = s.augment(RAMP, seed);
      long shift = r.steps().get(0).parameters().get("shiftSamples").longValue();
      seen.add(shift);
      for (int i = 0; i < 10; i++) {
        // np.roll(x, shift)[i] == x[(i - shift) mod n]
        assertEquals(RAMP.sample((int) Math.floorMod(i - shift, 10L)), r.clip().sample(i));
      }
    }
    assertEquals(Set.of(-3L, -2L, -1L, 0L, 1L, 2L, 3L), seen, "every shift in the range is drawn");
  }

  @Test
  void shiftWithoutRolloverFillsZeros() {
    AudioClip right = TimeShift.builder().samples(3, 3).rollover(false).build().apply(RAMP, 1);
    AudioClip left = TimeShift.builder().samples(-4, -4).rollover(false).build().apply(RAMP, 1);
    AudioClip gone = TimeShift.builder().samples(10, 10).rollover(false).build().apply(RAMP, 1);
    for (int i = 0; i < 10; i++) {
      assertEquals(i < 3 ? 0f : RAMP.sample(i - 3), right.sample(i));
      assertEquals(i >= 6 ? 0f : RAMP.sample(i + 4), left.sample(i));
      assertEquals(0f, gone.sample(i));
    }
  }

  @Test
  void fractionalShiftRoundsFractionTimesLength() {
    TimeShift s = Augment.timeShift(-0.5, 0.5);
    AudioClip x = ramp(1000);
    for (long seed = 0; seed < 30; seed++) {
      AugmentedClip r = s.augment(x, seed);
      double f = r.steps().get(0).parameters().get("fraction");
      long shift = r.steps().get(0).parameters().get("shiftSamples").longValue();
      assertTrue(f >= -0.5 && f <= 0.5);
      assertEquals(Math.round(f * 1000), shift);
      assertEquals(x.sample(0), r.clip().sample((int) Math.floorMod(shift, 1000L)));
      assertEquals(1000, r.clip().length());
    }
  }

  @Test
  void cropTakesAWindowAtTheReportedOffset() {
    AudioClip x = ramp(100);
    CropOrPad c = Augment.cropOrPad(40);
    Set<Integer> offsets = new HashSet<>();
    for (long seed = 0; seed < 2000; seed++) {
      AugmentedClip r = c.augment(x, seed);
      int o = r.steps().get(0).parameters().get("offset").intValue();
      assertTrue(o >= 0 && o <= 60);
      offsets.add(o);
      assertEquals(x.slice(o, o + 40), r.clip());
    }
    assertEquals(61, offsets.size(), "every offset 0..60 is drawn");
  }

  @Test
  void padPlacesTheClipInsideZerosAtTheReportedOffset() {
    CropOrPad c = Augment.cropOrPad(25);
    Set<Integer> offsets = new HashSet<>();
    for (long seed = 0; seed < 500; seed++) {
      AugmentedClip r = c.augment(RAMP, seed);
      int o = r.steps().get(0).parameters().get("offset").intValue();
      offsets.add(o);
      assertEquals(25, r.clip().length());
      for (int i = 0; i < 25; i++) {
        float expected = i >= o && i < o + 10 ? RAMP.sample(i - o) : 0f;
        assertEquals(expected, r.clip().sample(i));
      }
    }
    assertEquals(16, offsets.size(), "every offset 0..15 is drawn");
    assertSame(RAMP, Augment.cropOrPad(10).apply(RAMP, 1));
    assertEquals(AudioClip.of(new float[7], 8000), Augment.cropOrPad(7).apply(AudioClip.of(new float[0], 8000), 1));
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(InvalidParameterException.class, () -> Augment.gain(6, -6));
    assertThrows(InvalidParameterException.class, () -> Augment.gain(-200, 0));
    assertThrows(InvalidParameterException.class, () -> Augment.timeShift(-1.5, 0));
    assertThrows(InvalidParameterException.class, () -> Augment.timeShift(0.5, 0.1));
    assertThrows(InvalidParameterException.class, () -> TimeShift.builder().samples(5, 4));
    assertThrows(InvalidParameterException.class, () -> Augment.cropOrPad(0));
    assertThrows(InvalidParameterException.class, () -> Augment.cropOrPad(5).withProbability(Double.NaN));
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Augment.cropOrPad(-3));
    assertTrue(e.getMessage().startsWith("targetLength = -3"), e.getMessage());
  }
}
