package io.github.ser4j.dsp.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeStretchTest {
  private static final TimeStretch DEFAULT = TimeStretch.builder().build();

  @ParameterizedTest
  @CsvSource({
      "48000, 1.2, 40000", "48000, 0.8, 60000", "16001, 1.5, 10667", "1000, 3.0, 333",
      // Python's round() is half to even: round(2.5) = 2, round(1.5) = 2, round(4096/2.048) = 2000
      "5, 2.0, 2", "3, 2.0, 2", "4096, 2.048, 2000", "1, 0.5, 2"})
  void lengthIsRoundOfLengthOverRate(int length, double rate, int expected) {
    AudioClip clip = Signals.harmonicTone(200, 16000, length);
    AudioClip out = DEFAULT.stretch(clip, rate);
    assertEquals(expected, out.length());
    assertEquals(16000, out.sampleRate());
  }

  @ParameterizedTest
  @CsvSource({"0.8", "0.9", "1.1", "1.25", "1.5"})
  void keepsTheFundamentalOfAHarmonicTone(double rate) {
    AudioClip tone = Signals.harmonicTone(220, 16000, 40000);
    double before = Signals.f0(tone, 80, 1000);
    double after = Signals.f0(DEFAULT.stretch(tone, rate), 80, 1000);
    assertEquals(220, before, 0.05, "F0 estimator on the input");
    assertEquals(before, after, 0.01 * before, "F0 after stretching by " + rate);
    // measured worst relative change 1.1e-7
    assertEquals(before, after, 1e-5 * before, "F0 after stretching by " + rate);
  }

  @Test
  void matchesLibrosaTimeStretchSampleForSample() {
    AudioClip speech = Signals.reference("c_speech");
    double[] expected = Reference.array("effects/c_speech_time_stretch_1.2");
    float[] actual = DEFAULT.stretch(speech, 1.2).samples();
    assertEquals(40000, actual.length, "manifest sanity length");
    // manifest sanity: rms 0.06018546095625618 (input 0.0924)
    assertEquals(0.06018546095625618, Signals.rms(actual), 1e-9);
    double[] a = new double[actual.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = actual[i];
    }
    // Same algorithm in double; the only difference left is rounding the output to float
    // (measured max |diff| 1.5e-8 for samples up to 0.42).
    Tolerance.assertClose("time_stretch(rate=1.2)", expected, a, 1e-7, 1e-10);
  }

  @Test
  void drawsTheRateFromItsRangeAndReportsIt() {
    TimeStretch ts = Augment.timeStretch(0.9, 1.1);
    AudioClip tone = Signals.harmonicTone(220, 16000, 8000);
    for (long seed = 0; seed < 20; seed++) {
      AugmentedClip r = ts.augment(tone, seed);
      double rate = r.steps().get(0).parameters().get("rate");
      assertEquals(true, rate >= 0.9 && rate <= 1.1, "rate " + rate);
      assertEquals((int) Math.rint(8000 / rate), r.clip().length());
      assertEquals(ts.stretch(tone, rate), r.clip(), "the drawn rate reproduces the output");
    }
  }

  @Test
  void emptyClipIsReturnedUnchanged() {
    AudioClip empty = AudioClip.of(new float[0], 16000);
    assertSame(empty, DEFAULT.stretch(empty, 1.3));
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(InvalidParameterException.class, () -> TimeStretch.builder().rate(0, 1.2));
    assertThrows(InvalidParameterException.class, () -> TimeStretch.builder().rate(1.2, 1.1));
    assertThrows(InvalidParameterException.class, () -> TimeStretch.builder().rate(1, Double.NaN));
    assertThrows(InvalidParameterException.class, () -> TimeStretch.builder().nFft(1023));
    assertThrows(InvalidParameterException.class, () -> TimeStretch.builder().hopLength(0));
    assertThrows(InvalidParameterException.class, () -> TimeStretch.builder().nFft(512).hopLength(1024).build());
    assertThrows(InvalidParameterException.class, () -> DEFAULT.stretch(Signals.harmonicTone(200, 16000, 100), -1));
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> TimeStretch.builder().probability(1.5));
    assertEquals(true, e.getMessage().startsWith("probability = 1.5"), e.getMessage());
  }
}
