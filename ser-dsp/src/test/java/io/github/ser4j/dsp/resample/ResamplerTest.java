package io.github.ser4j.dsp.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Behaviour of {@link Resampler} on synthetic signals with known answers, lengths and validation. */
class ResamplerTest {
  private static final int[][] PAIRS = {
      {22050, 16000}, {44100, 16000}, {48000, 16000}, {8000, 16000},
      {16000, 22050}, {16000, 44100}, {16000, 48000}, {16000, 8000}};

  private static float[] sine(double amplitude, double hz, int rate, int n) {
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return y;
  }

  /**
   * Largest |y[k] - amplitude * sin(2 pi hz k / rate)| over the outputs at least {@code margin}
   * seconds from either end (where the zero padding outside the signal matters): checks amplitude,
   * frequency and timing (zero delay) at once.
   */
  private static double worstError(float[] y, double amplitude, double hz, int rate, double margin) {
    int skip = (int) Math.ceil(margin * rate);
    double worst = 0;
    for (int k = skip; k < y.length - skip; k++) {
      worst = Math.max(worst, Math.abs(y[k] - amplitude * Math.sin(2 * Math.PI * hz * k / rate)));
    }
    return worst;
  }

  private static double rms(float[] y, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += (double) y[i] * y[i];
    }
    return Math.sqrt(s / (to - from));
  }

  @Test
  void sinesInThePassBandKeepAmplitudeFrequencyAndTiming() {
    int[][] pairs = java.util.Arrays.copyOf(PAIRS, PAIRS.length + 4);
    pairs[PAIRS.length] = new int[] {44100, 48000};
    pairs[PAIRS.length + 1] = new int[] {48000, 44100};
    pairs[PAIRS.length + 2] = new int[] {11025, 16000};
    pairs[PAIRS.length + 3] = new int[] {16000, 11025};
    for (int[] pair : pairs) {
      int from = pair[0];
      int to = pair[1];
      double nyquist = 0.5 * Math.min(from, to);
      for (double fraction : new double[] {0.01, 0.25, 0.5, 0.75, 0.9}) {
        double hz = fraction * nyquist;
        float[] y = Resampler.highQuality().resample(sine(0.5, hz, from, from), from, to);
        assertEquals(Resampler.outputLength(from, from, to), y.length); // 48001 for 44100 -> 48000, as librosa
        double err = worstError(y, 0.5, hz, to, 0.05);
        // Pass-band deviation <= 2e-5 (two stages) plus stop-band leakage <= 1e-5, plus float rounding.
        assertTrue(err <= 0.5 * 3e-5 + 1e-7, from + " -> " + to + " Hz, sine at " + hz + " Hz: error " + err);
      }
    }
  }

  @Test
  void sinesAboveTheNewNyquistAreRemoved() {
    for (int[] pair : PAIRS) {
      int from = pair[0];
      int to = pair[1];
      if (to > from) {
        continue; // upsampling: nothing in the input lies above the new Nyquist frequency
      }
      for (double hz : new double[] {to / 2.0, to / 2.0 + 100, 0.6 * to, 0.95 * from / 2}) {
        float[] y = Resampler.highQuality().resample(sine(1.0, hz, from, from), from, to);
        int skip = to / 20;
        double level = 20 * Math.log10(rms(y, skip, y.length - skip) * Math.sqrt(2));
        assertTrue(level <= -100, from + " -> " + to + " Hz, sine at " + hz + " Hz left at " + level + " dB");
      }
    }
  }

  @Test
  void upsamplingLeavesNoImages() {
    // An image of a tone at f appears at fromRate - f; the worst error against the pure tone bounds it.
    for (int[] pair : new int[][] {{8000, 16000}, {16000, 22050}, {16000, 44100}, {16000, 48000}}) {
      double hz = 0.9 * pair[0] / 2;
      float[] y = Resampler.highQuality().resample(sine(1.0, hz, pair[0], pair[0]), pair[0], pair[1]);
      assertTrue(worstError(y, 1.0, hz, pair[1], 0.05) <= 2e-5, pair[0] + " -> " + pair[1]);
    }
  }

  @Test
  void roundTrip16kTo48kAndBackIsNearlyExact() {
    SplittableRandom rnd = new SplittableRandom(42);
    double[] hz = {110, 440, 1234.5, 3000, 5000, 7000};
    double[] phase = new double[hz.length];
    for (int i = 0; i < hz.length; i++) {
      phase[i] = rnd.nextDouble(2 * Math.PI);
    }
    float[] x = new float[16000];
    for (int n = 0; n < x.length; n++) {
      double v = 0;
      for (int i = 0; i < hz.length; i++) {
        v += 0.1 * Math.sin(2 * Math.PI * hz[i] * n / 16000 + phase[i]);
      }
      x[n] = (float) v;
    }
    float[] up = Resampler.highQuality().resample(x, 16000, 48000);
    float[] back = Resampler.highQuality().resample(up, 48000, 16000);
    assertEquals(48000, up.length);
    assertEquals(16000, back.length);
    double worst = 0;
    for (int n = 800; n < 15200; n++) {
      worst = Math.max(worst, Math.abs(back[n] - x[n]));
    }
    // Two passes, each within 1e-5 of unit gain (so at most 1.2e-5 for a peak of 0.6); measured 5.4e-7.
    assertTrue(worst <= 2e-6, "round-trip error " + worst);
  }

  @Test
  void impulseResponseIsCentredAndSymmetric() {
    // With an integer upsampling factor the input impulse sits exactly on output sample 3 * 500:
    // a linear-phase, zero-delay filter gives a response symmetric about it, peaking there.
    float[] x = new float[1001];
    x[500] = 1;
    int c = 1500;
    for (Resampler r : new Resampler[] {Resampler.highQuality(), Resampler.polyphase()}) {
      float[] y = r.resample(x, 16000, 48000);
      for (int d = 1; d < 1000; d++) {
        assertEquals(y[c - d], y[c + d], 1e-7, r + ": symmetric at offset " + d);
        assertTrue(y[c + d] < y[c], r + ": peak at the impulse");
      }
    }
    // scipy's filter (cutoff 1/3 at the 48 kHz rate) has its sinc zeros on the original sample positions;
    // firwin's normalisation to unit sum scales the centre to 1.0006061735537772 (scipy's value).
    float[] y = Resampler.polyphase().resample(x, 16000, 48000);
    assertEquals(1.0006061735537772, y[c], 1e-7);
    assertEquals(0.0, y[c + 3], 1e-7);
    assertEquals(0.0, y[c - 30], 1e-7);
  }

  @Test
  void outputLengthsFollowLibrosa() {
    int[] lengths = {0, 1, 2, 3, 147, 441, 1000, 16001, 48000, 66150};
    for (int[] pair : PAIRS) {
      for (int n : lengths) {
        long exact = ((long) n * pair[1] + pair[0] - 1) / pair[0];
        assertEquals(exact, Resampler.outputLength(n, pair[0], pair[1]), n + " at " + pair[0] + " -> " + pair[1]);
        assertEquals(exact, Resampler.highQuality().resample(new float[n], pair[0], pair[1]).length);
        assertEquals(exact, Resampler.polyphase().resample(new double[n], pair[0], pair[1]).length);
      }
    }
    assertEquals(48000, Resampler.outputLength(66150, 22050, 16000));
  }

  @Test
  void librosaRoundingQuirkAppendsAZero() {
    // numpy: int(np.ceil(147 * (48000 / 44100))) = 161 although 147 * 48000 / 44100 = 160 exactly;
    // librosa.resample then pads scipy's 160 samples with one zero (fix_length).
    assertEquals(161, Resampler.outputLength(147, 44100, 48000));
    float[] x = sine(0.5, 1000, 44100, 147);
    float[] y = Resampler.polyphase().resample(x, 44100, 48000);
    assertEquals(161, y.length);
    assertEquals(0.0f, y[160]);
    assertTrue(Math.abs(y[159]) > 0);
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertEquals(0, Resampler.highQuality().resample(new float[0], 22050, 16000).length);
    assertEquals(0, Resampler.polyphase().resample(new double[0], 8000, 16000).length);
    AudioClip empty = AudioClip.of(new float[0], 22050).resample(16000);
    assertTrue(empty.isEmpty());
    assertEquals(16000, empty.sampleRate());
  }

  @Test
  void theInputIsTreatedAsZeroOutsideItsEnds() {
    // Resampling x and resampling x followed by zeros must agree wherever both have outputs, for
    // every length down to a single sample (edge handling in both stages).
    SplittableRandom rnd = new SplittableRandom(7);
    for (int[] pair : PAIRS) {
      for (int n : new int[] {1, 2, 5, 37, 600}) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
          x[i] = (float) rnd.nextDouble(-0.5, 0.5);
        }
        float[] padded = java.util.Arrays.copyOf(x, n + 3 * pair[0] / 100);
        for (Resampler r : new Resampler[] {Resampler.highQuality(), Resampler.polyphase()}) {
          float[] y = r.resample(x, pair[0], pair[1]);
          float[] yp = r.resample(padded, pair[0], pair[1]);
          assertEquals(Resampler.outputLength(n, pair[0], pair[1]), y.length);
          for (int k = 0; k < y.length; k++) {
            assertEquals(yp[k], y[k], 1e-7, r + " " + pair[0] + " -> " + pair[1] + ", n = " + n + ", k = " + k);
          }
        }
      }
    }
  }

  @Test
  void sameRateCopies() {
    float[] x = sine(0.5, 440, 16000, 100);
    float[] y = Resampler.highQuality().resample(x, 16000, 16000);
    assertNotSame(x, y);
    assertArrayEquals(x, y);
    AudioClip clip = AudioClip.of(x, 16000);
    assertSame(clip, clip.resample(16000));
    assertSame(clip, Resampler.polyphase().resample(clip, 16000));
  }

  @Test
  void clipOverloadsAgreeWithArrays() {
    float[] x = sine(0.3, 1000, 22050, 22050);
    AudioClip clip = AudioClip.of(x, 22050);
    AudioClip viaClip = clip.resample(16000);
    assertEquals(16000, viaClip.sampleRate());
    assertArrayEquals(Resampler.highQuality().resample(x, 22050, 16000), viaClip.samples());
    assertArrayEquals(Resampler.polyphase().resample(x, 22050, 16000),
        Resampler.polyphase().resample(clip, 16000).samples());
  }

  @Test
  void rejectsBadRatesAndNullWithTheParameterName() {
    float[] x = new float[10];
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> Resampler.highQuality().resample(x, 0, 16000));
    assertTrue(e.getMessage().startsWith("fromRate = 0"), e.getMessage());
    e = assertThrows(InvalidParameterException.class, () -> Resampler.polyphase().resample(x, 16000, -8000));
    assertTrue(e.getMessage().startsWith("toRate = -8000"), e.getMessage());
    e = assertThrows(InvalidParameterException.class, () -> AudioClip.of(x, 16000).resample(0));
    assertTrue(e.getMessage().startsWith("targetRate = 0"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> Resampler.highQuality().resample((float[]) null, 1, 2));
    assertThrows(InvalidParameterException.class, () -> Resampler.highQuality().resample((double[]) null, 1, 2));
    assertThrows(InvalidParameterException.class, () -> Resampler.highQuality().resample((AudioClip) null, 2));
    assertThrows(InvalidParameterException.class, () -> Resampler.outputLength(-1, 16000, 8000));
  }

  @Test
  void rejectsNonFiniteSamplesNamingTheFirst() {
    float[] x = sine(0.5, 440, 22050, 1000);
    x[5] = Float.NaN;
    x[7] = Float.POSITIVE_INFINITY;
    InvalidAudioException e = assertThrows(InvalidAudioException.class,
        () -> Resampler.highQuality().resample(x, 22050, 16000));
    assertTrue(e.getMessage().startsWith("sample 5 is NaN"), e.getMessage());
    double[] d = new double[100];
    d[99] = Double.NEGATIVE_INFINITY;
    e = assertThrows(InvalidAudioException.class, () -> Resampler.polyphase().resample(d, 16000, 8000));
    assertTrue(e.getMessage().startsWith("sample 99 is -Infinity"), e.getMessage());
    assertThrows(InvalidAudioException.class, () -> Resampler.polyphase().resample(d, 16000, 16000));
  }

  @Test
  void refusesRatioThatNeedsAnAbsurdFilter() {
    // 1000003 and 999983 are primes: the reduced ratio keeps them, and a 20-million-tap filter is refused.
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> Resampler.polyphase().resample(new float[10], 1000003, 999983));
    assertTrue(e.getMessage().contains("1000003"), e.getMessage());
  }

  @Test
  void concurrentCallsGiveTheSameResults() throws Exception {
    float[] x = sine(0.5, 440, 44100, 44100);
    List<float[]> expected = new ArrayList<>();
    for (int[] pair : PAIRS) {
      expected.add(Resampler.highQuality().resample(sine(0.5, 440, pair[0], pair[0] / 4), pair[0], pair[1]));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int rep = 0; rep < 3; rep++) {
        for (int[] pair : PAIRS) {
          results.add(pool.submit(() -> Resampler.highQuality().resample(sine(0.5, 440, pair[0], pair[0] / 4),
              pair[0], pair[1])));
        }
      }
      for (int i = 0; i < results.size(); i++) {
        assertArrayEquals(expected.get(i % PAIRS.length), results.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(32000, Resampler.highQuality().resample(x, 44100, 32000).length);
  }
}
