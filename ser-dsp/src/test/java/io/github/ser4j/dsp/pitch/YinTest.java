package io.github.ser4j.dsp.pitch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.PadMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YinTest {
  static final Yin YIN = Yin.builder().sampleRate(Tones.SR).fmin(60).fmax(1000).build();

  /** Worst relative error over the frames whose window lies inside the signal. */
  static double worstInterior(double[] f0, double truth, Yin yin, int length) {
    double worst = 0;
    for (int t = 0; t < f0.length; t++) {
      int start = t * yin.hopLength() - yin.frameLength() / 2;
      if (start >= 0 && start + yin.frameLength() <= length) {
        worst = Math.max(worst, Math.abs(f0[t] - truth) / truth);
      }
    }
    return worst;
  }

  @ParameterizedTest
  @ValueSource(doubles = {80, 110, 220, 440})
  void sineWithinOnePercent(double f) {
    float[] y = Tones.sine(f, 1.0);
    double[] f0 = YIN.extract(y);
    assertEquals(1 + y.length / 512, f0.length);
    double worst = worstInterior(f0, f, YIN, y.length);
    assertTrue(worst < 0.01, "worst relative error " + worst);
    // Regression bound: measured worst 0.41 % (80 Hz), 0.29 % (110 Hz), 0.14 % (220 Hz).
    assertTrue(worst < 0.005, "worst relative error " + worst);
  }

  @ParameterizedTest
  @ValueSource(doubles = {80, 110, 220, 440})
  void harmonicToneWithinOnePercent(double f) {
    float[] y = Tones.harmonic(f, 12, 1.0);
    double worst = worstInterior(YIN.extract(y), f, YIN, y.length);
    assertTrue(worst < 0.01, "worst relative error " + worst);
  }

  @Test
  void edgeFramesOfASineAreStillRight() {
    // Centred frames at the ends are half zeros; YIN still finds the period.
    double[] f0 = YIN.extract(Tones.sine(220, 1.0));
    assertEquals(220, f0[0], 2.2);
    assertEquals(220, f0[f0.length - 1], 2.2);
  }

  @Test
  void strongSecondHarmonicDoesNotCauseAnOctaveError() {
    // Fundamental at 150 Hz much weaker than its 2nd harmonic: the period is still 1/150 s.
    float[] y = Tones.partials(150, new double[] {0.3, 1.0, 0.4, 0.2}, 1.0);
    double worst = worstInterior(YIN.extract(y), 150, YIN, y.length);
    assertTrue(worst < 0.01, "worst relative error " + worst);
  }

  @Test
  void glideTrackedWithinTwoPercent() {
    double seconds = 2.0;
    float[] y = Tones.glide(100, 300, seconds);
    Yin yin = Yin.builder().sampleRate(Tones.SR).fmin(60).fmax(600).frameLength(1024).hopLength(256).build();
    double[] f0 = yin.extract(y);
    double worst = 0;
    for (int t = 0; t < f0.length; t++) {
      int start = t * 256 - 512;
      if (start >= 0 && start + 1024 <= y.length) {
        double truth = Tones.glideF0(100, 300, seconds, t * 256 / (double) Tones.SR);
        worst = Math.max(worst, Math.abs(f0[t] - truth) / truth);
      }
    }
    assertTrue(worst < 0.02, "worst relative error " + worst);
  }

  @Test
  void differenceFunctionMatchesItsDefinition() {
    // d(tau) = sum_j (x_j - x_{j+tau})^2 over the frame, zero beyond it; d' = d / mean(d(1..tau)).
    SplittableRandom r = new SplittableRandom(7);
    float[] y = new float[600];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (Math.sin(i * 0.31) + 0.3 * (r.nextDouble() - 0.5));
    }
    YinFrames frames = new YinFrames(8000, 100, 1000, 256, 64, false, PadMode.CONSTANT);
    assertEquals(8, frames.minPeriod);
    assertEquals(80, frames.maxPeriod);
    double[] v = new double[frames.numLags];
    int t = 3;
    frames.cmnd(y, t, v);
    double[] d = new double[frames.maxPeriod + 1];
    for (int tau = 1; tau <= frames.maxPeriod; tau++) {
      for (int j = 0; j < 256; j++) {
        double shifted = j + tau < 256 ? y[t * 64 + j + tau] : 0.0;
        double diff = y[t * 64 + j] - shifted;
        d[tau] += diff * diff;
      }
    }
    double cumulative = 0;
    for (int tau = 1; tau <= frames.maxPeriod; tau++) {
      cumulative += d[tau];
      if (tau >= frames.minPeriod) {
        assertEquals(d[tau] / (cumulative / tau), v[tau - frames.minPeriod], 1e-12, "tau " + tau);
      }
    }
  }

  @Test
  void parabolicShiftFindsTheVertex() {
    // Samples of (x - 2.3)^2 at x = 1, 2, 3: the vertex lies 0.3 to the right of index 1.
    double[] v = {1.69, 0.09, 0.49, 5};
    assertEquals(0.3, YinFrames.parabolicShift(v, 1, 4), 1e-12);
    assertEquals(0.0, YinFrames.parabolicShift(v, 0, 4));
    assertEquals(0.0, YinFrames.parabolicShift(v, 3, 4));
    assertTrue(YinFrames.isTrough(v, 1, 4));
    assertTrue(!YinFrames.isTrough(v, 2, 4));
  }

  @Test
  void silenceGivesTheShortestPeriodAndClippingBoundsIt() {
    // All-zero frames: d' is 0 everywhere, no trough, global minimum at the first lag (librosa).
    float[] y = new float[8000];
    Yin raw = Yin.builder().sampleRate(Tones.SR).fmin(60).fmax(900).clipToRange(false).build();
    Yin clipped = Yin.builder().sampleRate(Tones.SR).fmin(60).fmax(900).build();
    assertEquals(16000.0 / 17, raw.extract(y)[3], 1e-9);
    assertEquals(900.0, clipped.extract(y)[3], 0.0);
  }

  @Test
  void clippedEstimatesStayInRange() {
    double[] f0 = YIN.extract(Tones.noise(1.0, 11));
    for (double f : f0) {
      assertTrue(f >= 60 && f <= 1000, "f0 " + f);
    }
  }

  @Test
  void clipMustMatchRate() {
    AudioClip clip = AudioClip.of(Tones.sine(220, 0.5), 22050);
    InvalidAudioException e = assertThrows(InvalidAudioException.class, () -> YIN.extract(clip));
    assertTrue(e.getMessage().contains("22050") && e.getMessage().contains("16000"), e.getMessage());
    double[] f0 = YIN.extract(AudioClip.of(Tones.sine(220, 0.5), 16000));
    assertEquals(220, f0[5], 1);
  }

  @Test
  void badInputIsRejected() {
    assertThrows(InvalidAudioException.class, () -> YIN.extract(new float[0]));
    float[] nan = new float[4000];
    nan[17] = Float.NaN;
    InvalidAudioException e = assertThrows(InvalidAudioException.class, () -> YIN.extract(nan));
    assertTrue(e.getMessage().contains("17"), e.getMessage());
    Yin uncentred = Yin.builder().sampleRate(Tones.SR).fmin(60).fmax(1000).center(false).build();
    assertThrows(InvalidAudioException.class, () -> uncentred.extract(new float[2000]));
    assertEquals(1, uncentred.extract(Tones.sine(200, 2048.0 / Tones.SR)).length);
    assertThrows(InvalidParameterException.class, () -> YIN.extract((float[]) null));
  }

  @Test
  void builderValidates() {
    assertThrows(InvalidParameterException.class, () -> Yin.builder().fmin(0));
    assertThrows(InvalidParameterException.class, () -> Yin.builder().fmax(Double.NaN));
    assertThrows(InvalidParameterException.class, () -> Yin.builder().hopLength(0));
    assertThrows(InvalidParameterException.class, () -> Yin.builder().frameLength(4));
    assertThrows(InvalidParameterException.class, () -> Yin.builder().troughThreshold(-0.1));
    assertThrows(InvalidParameterException.class, () -> Yin.builder().padMode(null));
    InvalidParameterException nyquist = assertThrows(InvalidParameterException.class,
        () -> Yin.builder().sampleRate(16000).fmax(9000).build());
    assertTrue(nyquist.getMessage().startsWith("fmax"), nyquist.getMessage());
    assertThrows(InvalidParameterException.class, () -> Yin.builder().sampleRate(16000).fmin(500).fmax(400).build());
    InvalidParameterException low = assertThrows(InvalidParameterException.class,
        () -> Yin.builder().sampleRate(16000).fmin(7).fmax(400).build());
    assertTrue(low.getMessage().startsWith("fmin"), low.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> Yin.builder().sampleRate(16000).fmin(1000).fmax(1010).build());
    Yin d = Yin.builder().build();
    assertEquals(22050, d.sampleRate());
    assertEquals(512, d.hopLength());
    assertEquals(2048, d.frameLength());
    assertEquals(0.1, d.troughThreshold());
    assertTrue(d.clipToRange());
  }
}
