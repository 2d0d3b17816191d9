package io.github.ser4j.dsp.pitch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PYinTest {
  static final PYin PYIN = PYin.builder().sampleRate(Tones.SR).fmin(60).fmax(1000).build();

  /** Asserts every frame whose window lies inside the signal is voiced with f0 within {@code rel}. */
  static void assertTracks(PitchTrack track, double truth, int length, double rel) {
    double[] f0 = track.f0();
    boolean[] voiced = track.voiced();
    int checked = 0;
    for (int t = 0; t < f0.length; t++) {
      int start = t * 512 - 1024;
      if (start >= 0 && start + 2048 <= length) {
        assertTrue(voiced[t], "frame " + t + " unvoiced");
        assertEquals(truth, f0[t], rel * truth, "frame " + t);
        checked++;
      }
    }
    assertTrue(checked >= 20, "checked " + checked + " frames");
  }

  @ParameterizedTest
  @ValueSource(doubles = {80, 110, 220, 440})
  void sineWithinOnePercent(double f) {
    float[] y = Tones.sine(f, 1.5);
    PitchTrack track = PYIN.extract(y);
    assertEquals(1 + y.length / 512, track.frames());
    assertTracks(track, f, y.length, 0.01);
  }

  @ParameterizedTest
  @ValueSource(doubles = {80, 110, 220, 440})
  void harmonicToneWithinOnePercent(double f) {
    float[] y = Tones.harmonic(f, 12, 1.5);
    assertTracks(PYIN.extract(y), f, y.length, 0.01);
  }

  @Test
  void strongSecondHarmonicDoesNotCauseAnOctaveError() {
    float[] y = Tones.partials(150, new double[] {0.3, 1.0, 0.4, 0.2}, 1.5);
    assertTracks(PYIN.extract(y), 150, y.length, 0.01);
  }

  @Test
  void glideTrackedWithinTwoPercent() {
    double seconds = 2.0;
    float[] y = Tones.glide(100, 300, seconds);
    PYin pyin = PYin.builder().sampleRate(Tones.SR).fmin(60).fmax(600).frameLength(1024).hopLength(256).build();
    PitchTrack track = pyin.extract(y);
    double[] f0 = track.f0();
    boolean[] voiced = track.voiced();
    int checked = 0;
    for (int t = 0; t < f0.length; t++) {
      int start = t * 256 - 512;
      if (start >= 0 && start + 1024 <= y.length) {
        double truth = Tones.glideF0(100, 300, seconds, track.timeSeconds(t));
        assertTrue(voiced[t], "frame " + t);
        assertEquals(truth, f0[t], 0.02 * truth, "frame " + t);
        checked++;
      }
    }
    assertTrue(checked > 100, "checked " + checked);
  }

  @Test
  void silenceIsUnvoiced() {
    PitchTrack track = PYIN.extract(new float[16000]);
    assertEquals(0, track.voicedFrames());
    for (int t = 0; t < track.frames(); t++) {
      assertTrue(Double.isNaN(track.f0()[t]));
      assertEquals(0.0, track.voicedProbability()[t]);
    }
    PitchTrack zeros = PYin.builder().sampleRate(Tones.SR).fmin(60).fmax(1000).unvoicedValue(0).build()
        .extract(new float[16000]);
    for (double f : zeros.f0()) {
      assertEquals(0.0, f);
    }
  }

  @Test
  void whiteNoiseHasALowVoicedProbability() {
    float[] y = Tones.noise(3.0, 42);
    PitchTrack track = PYIN.extract(y);
    double[] p = track.voicedProbability();
    for (int t = 0; t < p.length; t++) {
      // Only the no-trough mass (noTroughProb = 0.01 times the beta mass below the minimum) remains.
      assertTrue(p[t] <= 0.011, "frame " + t + " voiced probability " + p[t]);
    }
    // librosa 0.11's decoder still marks runs of noise frames voiced near fmin (37 of 94 here, all
    // below 92 Hz; see the PYin Javadoc): the voicing flag alone is not a noise detector, the
    // voiced probability is.
  }

  @Test
  void toneBetweenSilencesHasSharpVoicingBoundaries() {
    // 0.5 s silence, 1 s of 200 Hz, 0.5 s silence: voiced from 0.5 s to 1.5 s, within 3 frames (96 ms).
    float[] y = Tones.concat(new float[8000], Tones.harmonic(200, 8, 1.0), new float[8000]);
    PitchTrack track = PYIN.extract(y);
    boolean[] voiced = track.voiced();
    int first = -1;
    int last = -1;
    for (int t = 0; t < voiced.length; t++) {
      if (voiced[t]) {
        last = t;
        if (first < 0) {
          first = t;
        }
      }
    }
    double onset = 0.5 * Tones.SR / 512;
    double offset = 1.5 * Tones.SR / 512;
    assertTrue(Math.abs(first - onset) <= 3, "first voiced frame " + first + ", onset at frame " + onset);
    assertTrue(Math.abs(last - offset) <= 3, "last voiced frame " + last + ", offset at frame " + offset);
    for (int t = first; t <= last; t++) {
      assertTrue(voiced[t], "gap at frame " + t);
    }
    assertEquals(200, track.f0()[(int) ((first + last) / 2)], 2);
  }

  @Test
  void speechIsInAPlausibleRangeAndTheTrailingZerosAreUnvoiced() {
    float[] y = Tones.signal(Reference.array("signals/c_speech"));
    PYin pyin = PYin.builder().sampleRate(16000).fmin(60).fmax(400).build();
    PitchTrack track = pyin.extract(AudioClip.of(y, 16000));
    assertEquals(94, track.frames());
    boolean[] voiced = track.voiced();
    double[] f0 = track.f0();
    int count = 0;
    for (int t = 0; t < voiced.length; t++) {
      if (voiced[t]) {
        count++;
        assertTrue(f0[t] >= 60 && f0[t] <= 300, "frame " + t + " f0 " + f0[t]);
      } else {
        assertTrue(Double.isNaN(f0[t]));
      }
      // Samples after 2.48 s are exact zeros: frames from t = 80 see only zeros.
      if (t * 512 - 1024 >= 39680) {
        assertFalse(voiced[t], "frame " + t + " in the trailing silence is voiced");
        assertEquals(0.0, track.voicedProbability()[t]);
      }
    }
    assertTrue(count >= 40, "voiced frames " + count);
  }

  @Test
  void triangleWindowsAndLocalTransitionsMatchScipyAndLibrosa() {
    assertArrayEquals(new double[] {1.0 / 3, 2.0 / 3, 1.0, 2.0 / 3, 1.0 / 3}, PitchHmm.triangle(5), 1e-15);
    assertArrayEquals(new double[] {0.25, 0.75, 0.75, 0.25}, PitchHmm.triangle(4), 1e-15);
    assertArrayEquals(new double[] {1.0}, PitchHmm.triangle(1), 0.0);
    // transition_local(5, 3, window='triangle', wrap=False): triangle [0.5, 1, 0.5] around the
    // diagonal, cut at the edges, rows normalised.
    double[][] t = PitchHmm.transitionLocal(5, 3);
    assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3, 0, 0, 0}, t[0], 1e-15);
    assertArrayEquals(new double[] {0.25, 0.5, 0.25, 0, 0}, t[1], 1e-15);
    assertArrayEquals(new double[] {0, 0, 0, 1.0 / 3, 2.0 / 3}, t[4], 1e-15);
    // Even width on an even number of states: librosa's pad-centre-and-roll puts window index
    // width/2 - 1 on the diagonal, so the window leans right: row 2 of (6, 4) = [0, .25, .75, .75, .25, 0]/2.
    assertArrayEquals(new double[] {0, 0.125, 0.375, 0.375, 0.125, 0}, PitchHmm.transitionLocal(6, 4)[2], 1e-15);
  }

  @Test
  void viterbiFollowsTheObservationsAndPaysForSwitching() {
    // 3 pitch bins, width 3, switch 0.01: unvoiced evidence, six frames of bin 2, unvoiced again.
    PitchHmm hmm = new PitchHmm(3, 3, 0.01);
    int[][] bins = new int[9][];
    double[][] probs = new double[9][];
    double[] unvoiced = new double[9];
    for (int t = 0; t < 9; t++) {
      boolean on = t >= 1 && t <= 6;
      bins[t] = on ? new int[] {2} : new int[0];
      probs[t] = on ? new double[] {0.9} : new double[0];
      unvoiced[t] = on ? 0.1 / 3 : 1.0 / 3;
    }
    int[] path = hmm.decode(bins, probs, unvoiced);
    assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2}, java.util.Arrays.copyOfRange(path, 1, 7),
        java.util.Arrays.toString(path));
    assertTrue(path[0] >= 3 && path[7] >= 3 && path[8] >= 3, java.util.Arrays.toString(path));
    // Two frames of evidence do not pay for two switches (0.01 each): the path stays unvoiced.
    for (int t = 3; t <= 6; t++) {
      bins[t] = new int[0];
      probs[t] = new double[0];
      unvoiced[t] = 1.0 / 3;
    }
    for (int s : hmm.decode(bins, probs, unvoiced)) {
      assertTrue(s >= 3);
    }
  }

  @Test
  void sharedInstancesAreThreadSafe() throws Exception {
    // Yin and PYin keep per-thread scratch buffers: concurrent use gives the sequential results.
    Yin yin = Yin.builder().sampleRate(Tones.SR).fmin(60).fmax(1000).build();
    float[][] inputs = {Tones.harmonic(110, 8, 1.0), Tones.glide(150, 250, 1.0), Tones.noise(1.0, 5)};
    PitchTrack[] expectedTracks = new PitchTrack[inputs.length];
    double[][] expectedYin = new double[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      expectedTracks[i] = PYIN.extract(inputs[i]);
      expectedYin[i] = yin.extract(inputs[i]);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int rep = 0; rep < 2; rep++) {
        for (int i = 0; i < inputs.length; i++) {
          int k = i;
          results.add(pool.submit(() -> PYIN.extract(inputs[k]).equals(expectedTracks[k])
              && java.util.Arrays.equals(yin.extract(inputs[k]), expectedYin[k])));
        }
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertTrue(r.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void pitchGrid() {
    PYin p = PYin.builder().sampleRate(16000).fmin(60).fmax(400).build();
    // floor(120 * log2(400 / 60)) + 1 = floor(328.45) + 1
    assertEquals(329, p.numPitchBins());
    double[] f = p.pitchBinFrequencies();
    assertEquals(60.0, f[0], 0.0);
    assertEquals(120.0, f[120], 1e-9);
    assertEquals(Math.pow(2, 1.0 / 120), f[1] / f[0], 1e-15);
  }

  @Test
  void validation() {
    assertThrows(InvalidParameterException.class, () -> PYin.builder().nThresholds(0));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().betaParameters(0, 18));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().betaParameters(2, Double.POSITIVE_INFINITY));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().boltzmannParameter(-1));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().resolution(0));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().resolution(1.5));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().maxTransitionRate(-1));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().switchProb(1));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().noTroughProb(2));
    assertThrows(InvalidParameterException.class, () -> PYin.builder().sampleRate(16000).fmax(8001).build());
    assertThrows(InvalidAudioException.class, () -> PYIN.extract(new float[0]));
    assertThrows(InvalidAudioException.class, () -> PYIN.extract(AudioClip.of(new float[4000], 8000)));
    PYin d = PYin.builder().build();
    assertEquals(22050, d.sampleRate());
    assertEquals(512, d.hopLength());
    assertTrue(Double.isNaN(d.unvoicedValue()));
  }

  @Test
  void trackIsImmutableAndChecked() {
    double[] f0 = {100, Double.NaN};
    PitchTrack t = new PitchTrack(f0, new boolean[] {true, false}, new double[] {0.9, 0.1},
        new double[] {100, 120}, 512, 16000);
    f0[0] = 5;
    assertEquals(100, t.f0()[0]);
    t.f0()[0] = 7;
    assertEquals(100, t.f0()[0]);
    assertEquals(0.032, t.timeSeconds(1), 1e-15);
    assertEquals(1, t.voicedFrames());
    assertEquals(t, new PitchTrack(new double[] {100, Double.NaN}, new boolean[] {true, false},
        new double[] {0.9, 0.1}, new double[] {100, 120}, 512, 16000));
    assertThrows(InvalidParameterException.class,
        () -> new PitchTrack(new double[2], new boolean[1], new double[2], new double[2], 512, 16000));
  }
}
