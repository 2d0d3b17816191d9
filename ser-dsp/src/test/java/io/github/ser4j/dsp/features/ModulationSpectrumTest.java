package io.github.ser4j.dsp.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.Stft;
import io.github.ser4j.dsp.spectral.WindowType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModulationSpectrumTest {
  static final ModulationSpectrum DEFAULT = ModulationSpectrum.builder().build();
  static final int SR = 16000;
  static final int HOP = 160;
  static final double FRAME_RATE = SR / (double) HOP;

  /** A 1 kHz tone, amplitude-modulated at {@code fm} Hz with depth 0.5 (unmodulated for fm = 0). */
  static float[] amTone(double fm, double seconds) {
    float[] y = new float[(int) (seconds * SR)];
    for (int i = 0; i < y.length; i++) {
      double t = i / (double) SR;
      y[i] = (float) (0.4 * (1 + 0.5 * Math.sin(2 * Math.PI * fm * t)) * Math.sin(2 * Math.PI * 1000 * t));
    }
    return y;
  }

  /** |STFT| frames x bins: 512-point frames every 10 ms (100 frames/s); bin 32 holds 1 kHz. */
  static double[][] spectrogram(float[] y, boolean center) {
    return Stft.builder().nFft(512).hopLength(HOP).center(center).build().magnitude(y);
  }

  static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  @Test
  void defaultBandsAreOctavesAroundTwoToThirtyTwoHertz() {
    double[] e = DEFAULT.bandEdgesHz();
    assertEquals(6, e.length);
    assertEquals(Math.sqrt(2), e[0], 1e-15);
    assertEquals(4 * Math.sqrt(2), e[2], 1e-14);
    assertEquals(32 * Math.sqrt(2), e[5], 1e-13);
    assertEquals(5, DEFAULT.numBands());
  }

  @Test
  void fourHertzModulationLandsInTheFourHertzBandAndEightHertzMovesIt() {
    for (double fm : new double[] {4, 8}) {
      ModulationFeatures m = DEFAULT.extract(spectrogram(amTone(fm, 3.0), true), FRAME_RATE);
      double[] carrier = m.energy()[32];
      int band = fm == 4 ? 1 : 2;
      assertEquals(band, argmax(carrier), "fm " + fm);
      assertTrue(carrier[band] > 0.95 * sum(carrier), "fm " + fm + ": " + java.util.Arrays.toString(carrier));
      assertEquals(fm, m.modulationCentroid()[32], 0.05 * fm);
      // The carrier band dominates the across-band centroid of that modulation band.
      assertEquals(32, m.bandCentroid()[band], 1.0);
    }
  }

  @Test
  void frameRateIsRespected() {
    // The same matrix read at half the frame rate: 4 Hz becomes 2 Hz, one band down.
    double[][] s = spectrogram(amTone(4, 3.0), true);
    ModulationFeatures half = DEFAULT.extract(s, FRAME_RATE / 2);
    assertEquals(0, argmax(half.energy()[32]));
    assertEquals(2.0, half.modulationCentroid()[32], 0.1);
  }

  @Test
  void unmodulatedToneHasOnlyDcEnergy() {
    // Uncentred frames every 10 periods of 1 kHz: every frame sees the same samples, so each band
    // is constant over time.
    double[][] s = spectrogram(amTone(0, 2.0), false);
    ModulationFeatures m = DEFAULT.extract(s, FRAME_RATE);
    double dc = m.dcEnergy()[32];
    assertEquals(s[0][32] * s[0][32], dc, 1e-9 * dc);
    for (double[] row : m.energy()) {
      for (double e : row) {
        assertTrue(e <= 1e-24 * dc, "modulation energy " + e + " against DC " + dc);
      }
    }
    // A constant matrix: exactly no modulation, flatness 1 by definition, centroids 0.
    double[][] flat = new double[50][3];
    for (double[] row : flat) {
      java.util.Arrays.fill(row, 2.0);
    }
    ModulationFeatures c = DEFAULT.extract(flat, 100);
    assertArrayEquals(new double[] {4, 4, 4}, c.dcEnergy(), 0.0);
    assertArrayEquals(new double[5], c.bandMean(), 0.0);
    assertArrayEquals(new double[] {1, 1, 1, 1, 1}, c.bandFlatness(), 0.0);
    assertArrayEquals(new double[3], c.modulationCentroid(), 0.0);
  }

  /** {@code frames x bands}: band k is {@code offset + amps[k] cos(2 pi f t / rate)}. */
  static double[][] cosines(int frames, double rate, double f, double offset, double... amps) {
    double[][] m = new double[frames][amps.length];
    for (int t = 0; t < frames; t++) {
      for (int k = 0; k < amps.length; k++) {
        m[t][k] = offset + amps[k] * Math.cos(2 * Math.PI * f * t / rate);
      }
    }
    return m;
  }

  @Test
  void sinusoidalFluctuationOfAmplitudeAHasEnergyASquaredOverTwo() {
    // 128 frames at 128 frames/s: 1 Hz bins; 16 Hz is bin 16, inside the band centred on 16 Hz.
    // With a periodic Hann window the windowed cosine's energy is exactly a^2/2 (cross terms vanish).
    ModulationFeatures m = DEFAULT.extract(cosines(128, 128, 16, 10, 3.0), 128);
    double[] e = m.energy()[0];
    assertEquals(4.5, e[3], 1e-12);
    assertEquals(0.0, e[0] + e[1] + e[2] + e[4], 1e-12);
    assertEquals(100.0, m.dcEnergy()[0], 1e-12);
    assertEquals(16.0, m.modulationCentroid()[0], 1e-9);
  }

  @Test
  void acrossBandMeanFlatnessAndCentroid() {
    // Two acoustic bands fluctuating at 8 Hz with energies 1 and 4 (amplitudes sqrt 2, sqrt 8):
    // mean 2.5, flatness sqrt(1 * 4) / 2.5 = 0.8, centroid (0 * 1 + 1 * 4) / 5 = 0.8.
    ModulationFeatures m = DEFAULT.extract(cosines(128, 128, 8, 1, Math.sqrt(2), Math.sqrt(8)), 128);
    assertEquals(1.0, m.energy()[0][2], 1e-12);
    assertEquals(4.0, m.energy()[1][2], 1e-12);
    assertEquals(2.5, m.bandMean()[2], 1e-12);
    assertEquals(0.8, m.bandFlatness()[2], 1e-12);
    assertEquals(0.8, m.bandCentroid()[2], 1e-12);
    // Equal energies are perfectly flat.
    ModulationFeatures eq = DEFAULT.extract(cosines(128, 128, 8, 1, 2, 2, 2), 128);
    assertEquals(1.0, eq.bandFlatness()[2], 1e-12);
    assertEquals(1.0, eq.bandCentroid()[2], 1e-12);
  }

  @Test
  void energiesAddUpToTheWindowWeightedVariance() {
    // With bands covering [0, Nyquist], Parseval: sum of P_i = sum (w (x - m))^2 / sum w^2.
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    int frames = 77;
    double[][] x = new double[frames][1];
    for (double[] row : x) {
      row[0] = r.nextDouble();
    }
    ModulationSpectrum all = ModulationSpectrum.builder().bandEdges(0, 25, 50.001).window(WindowType.HAMMING).build();
    ModulationFeatures m = all.extract(x, 100);
    double mean = 0;
    for (double[] row : x) {
      mean += row[0];
    }
    mean /= frames;
    double[] w = WindowType.HAMMING.values(frames, true);
    double num = 0;
    double den = 0;
    for (int t = 0; t < frames; t++) {
      num += Math.pow(w[t] * (x[t][0] - mean), 2);
      den += w[t] * w[t];
    }
    assertEquals(num / den, sum(m.energy()[0]), 1e-12 * num / den);
  }

  @Test
  void bandsAboveTheFrameNyquistRateAreZero() {
    // 31.25 frames/s (hop 512 at 16 kHz): nothing above 15.6 Hz, so the 32 Hz band is empty.
    ModulationFeatures m = DEFAULT.extract(cosines(94, 31.25, 4, 1, 1, 2), 31.25);
    assertEquals(0.0, m.energy()[0][4]);
    assertEquals(0.0, m.bandMean()[4]);
    assertTrue(m.energy()[1][1] > 0);
  }

  @Test
  void vectorAndNames() {
    ModulationFeatures m = DEFAULT.extract(cosines(64, 100, 4, 1, 1, 2, 3), 100);
    double[] v = m.vector();
    List<String> names = m.names();
    assertEquals(3 * 5 + 2 * 3 + 3 * 5, v.length);
    assertEquals(v.length, names.size());
    assertEquals("mod_a1_m2", names.get(7));
    assertEquals(m.energy()[1][2], v[7]);
    assertEquals("mod_dc_a0", names.get(15));
    assertEquals(m.dcEnergy()[0], v[15]);
    assertEquals("mod_acentroid_m4", names.get(v.length - 1));
    assertEquals(m.bandCentroid()[4], v[v.length - 1]);
    assertEquals(3, m.acousticBands());
    assertEquals(5, m.modulationBands());
  }

  @Test
  void validation() {
    InvalidParameterException nan = assertThrows(InvalidParameterException.class,
        () -> DEFAULT.extract(new double[][] {{1, 2}, {3, Double.NaN}}, 100));
    assertTrue(nan.getMessage().contains("frame 1") && nan.getMessage().contains("band 1"), nan.getMessage());
    assertThrows(InvalidParameterException.class, () -> DEFAULT.extract(new double[][] {{1}}, 100));
    assertThrows(InvalidParameterException.class, () -> DEFAULT.extract(null, 100));
    assertThrows(InvalidParameterException.class, () -> DEFAULT.extract(new double[][] {{1, 2}, {3}}, 100));
    assertThrows(InvalidParameterException.class, () -> DEFAULT.extract(new double[][] {{1}, {2}}, 0));
    assertThrows(InvalidParameterException.class, () -> DEFAULT.extract(new double[][] {{1}, {2}}, Double.NaN));
    assertThrows(InvalidParameterException.class, () -> ModulationSpectrum.builder().bandEdges(4, 2));
    assertThrows(InvalidParameterException.class, () -> ModulationSpectrum.builder().bandEdges(4));
    assertThrows(InvalidParameterException.class, () -> ModulationSpectrum.builder().bandEdges(-1, 2));
    assertThrows(InvalidParameterException.class, () -> ModulationSpectrum.builder().octaveBands(0, 5));
    assertThrows(InvalidParameterException.class, () -> ModulationSpectrum.builder().octaveBands(2, 0));
    assertThrows(InvalidParameterException.class, () -> ModulationSpectrum.builder().window(null));
    // Two frames is enough.
    assertEquals(1, DEFAULT.extract(new double[][] {{1}, {2}}, 100).acousticBands());
  }
}
