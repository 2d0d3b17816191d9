package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MelFilterBankTest {

  @ParameterizedTest
  @CsvSource({"1024,64", "1024,128", "2048,64", "2048,128"})
  void slaneyBankMatchesLibrosa(int nFft, int nMels) {
    double[][] expected = Reference.matrix("filters/mel_sr16000_n" + nFft + "_m" + nMels, nMels);
    MelFilterBank bank = MelFilterBank.builder().sampleRate(16000).nFft(nFft).nMels(nMels).build();
    Tolerance.assertClose("mel n" + nFft + " m" + nMels, expected, bank.dense(), 0, 1e-12);
  }

  @Test
  void slaneyScaleIsLinearBelow1kHzAndLogAbove() {
    assertEquals(15.0, MelScale.SLANEY.hzToMel(1000), 1e-12);
    assertEquals(7.5, MelScale.SLANEY.hzToMel(500), 1e-12);
    // 27 mels per factor 6.4 above 1 kHz.
    assertEquals(42.0, MelScale.SLANEY.hzToMel(6400), 1e-12);
    assertEquals(6400.0, MelScale.SLANEY.melToHz(42), 1e-9);
    assertEquals(200.0 / 3, MelScale.SLANEY.melToHz(1), 1e-12);
    for (double f : new double[] {0, 10, 999.9, 1000, 1234.5, 8000, 11025}) {
      assertEquals(f, MelScale.SLANEY.melToHz(MelScale.SLANEY.hzToMel(f)), 1e-9 * Math.max(1, f));
    }
  }

  @Test
  void htkScaleFollowsItsFormula() {
    assertEquals(2595 * Math.log10(2), MelScale.HTK.hzToMel(700), 1e-12);
    assertEquals(700.0, MelScale.HTK.melToHz(2595 * Math.log10(2)), 1e-9);
    assertEquals(0.0, MelScale.HTK.hzToMel(0), 0);
    for (double f : new double[] {0, 100, 1000, 4000, 8000}) {
      assertEquals(f, MelScale.HTK.melToHz(MelScale.HTK.hzToMel(f)), 1e-9 * Math.max(1, f));
    }
  }

  @Test
  void htkEdgesAreEquallySpacedInHtkMels() {
    MelFilterBank bank = MelFilterBank.builder().sampleRate(16000).nFft(512).nMels(40).fmin(300).fmax(7600)
        .scale(MelScale.HTK).norm(MelFilterBank.Norm.NONE).build();
    double[] edges = bank.bandEdges();
    assertEquals(42, edges.length);
    double lo = 2595 * Math.log10(1 + 300 / 700.0);
    double hi = 2595 * Math.log10(1 + 7600 / 700.0);
    for (int i = 0; i < edges.length; i++) {
      double mel = lo + i * (hi - lo) / 41;
      assertEquals(700 * (Math.pow(10, mel / 2595) - 1), edges[i], 1e-9, "edge " + i);
    }
    assertEquals(300.0, edges[0], 1e-9);
    assertEquals(7600.0, edges[41], 1e-9);
  }

  @Test
  void unnormalisedTrianglesPeakAtOneAndSumToOne() {
    // With 31.25 Hz bins and edges placed on bins, every triangle's peak falls on a bin.
    for (MelScale scale : MelScale.values()) {
      MelFilterBank bank = MelFilterBank.builder().sampleRate(16000).nFft(512).nMels(26).scale(scale)
          .norm(MelFilterBank.Norm.NONE).build();
      double[][] w = bank.dense();
      double[] edges = bank.bandEdges();
      for (int m = 0; m < w.length; m++) {
        double max = 0;
        for (int k = 0; k < w[m].length; k++) {
          double f = k * 16000.0 / 512;
          double expected = Math.max(0, Math.min((f - edges[m]) / (edges[m + 1] - edges[m]),
              (edges[m + 2] - f) / (edges[m + 2] - edges[m + 1])));
          assertEquals(expected, w[m][k], 1e-12, scale + " band " + m + " bin " + k);
          max = Math.max(max, w[m][k]);
        }
        assertTrue(max <= 1.0 && max > 0.5, scale + " band " + m + " peak " + max);
      }
      // Overlapping triangles form a partition of unity between the first and last peaks.
      for (int k = 0; k < 257; k++) {
        double f = k * 16000.0 / 512;
        if (f >= edges[1] && f <= edges[26]) {
          double sum = 0;
          for (double[] row : w) {
            sum += row[k];
          }
          assertEquals(1.0, sum, 1e-12, scale + " bin " + k);
        }
      }
    }
    // A bank whose peaks land exactly on bins: sr 8000, nFft 8, HTK edges at bin frequencies is not
    // generally possible, but the Slaney linear region is: 200/3 Hz per mel below 1 kHz.
    MelFilterBank linear = MelFilterBank.builder().sampleRate(16000).nFft(480).nMels(13).fmax(1000.0 * 14 / 15)
        .norm(MelFilterBank.Norm.NONE).build();
    double[] e = linear.bandEdges();
    for (int m = 0; m < 13; m++) {
      // edges at multiples of 1000/15 Hz = 2 bins of 100/3 Hz.
      assertEquals((m + 1) * 1000.0 / 15, e[m + 1], 1e-9);
      double[] row = linear.dense()[m];
      assertEquals(1.0, row[2 * (m + 1)], 1e-12, "peak of band " + m);
      assertEquals(0.5, row[2 * (m + 1) - 1], 1e-12);
      assertEquals(0.0, row[2 * m], 1e-12);
    }
  }

  @Test
  void slaneyNormScalesEachTriangleToUnitArea() {
    MelFilterBank none = MelFilterBank.builder().sampleRate(16000).nFft(1024).nMels(40)
        .norm(MelFilterBank.Norm.NONE).build();
    MelFilterBank slaney = MelFilterBank.builder().sampleRate(16000).nFft(1024).nMels(40).build();
    double[] e = none.bandEdges();
    double[][] a = none.dense();
    double[][] b = slaney.dense();
    for (int m = 0; m < 40; m++) {
      for (int k = 0; k < a[m].length; k++) {
        assertEquals(a[m][k] * 2 / (e[m + 2] - e[m]), b[m][k], 1e-15);
      }
    }
  }

  @Test
  void sparseStorageMatchesDenseAndApply() {
    MelFilterBank bank = MelFilterBank.builder().sampleRate(16000).nFft(2048).nMels(128).build();
    double[][] dense = bank.dense();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    double[] spec = new double[bank.numBins()];
    for (int k = 0; k < spec.length; k++) {
      spec[k] = rnd.nextDouble();
    }
    double[] out = new double[128];
    bank.apply(spec, out);
    for (int m = 0; m < 128; m++) {
      double s = 0;
      for (int k = 0; k < spec.length; k++) {
        s += dense[m][k] * spec[k];
      }
      assertEquals(s, out[m], 1e-12 * Math.abs(s));
      double[] w = bank.bandWeights(m);
      int start = bank.startBin(m);
      assertArrayEquals(java.util.Arrays.copyOfRange(dense[m], start, start + w.length), w);
      for (int k = 0; k < start; k++) {
        assertEquals(0.0, dense[m][k]);
      }
    }
  }

  @Test
  void badParametersNameThemselves() {
    assertThrows(InvalidParameterException.class, () -> MelFilterBank.builder().nMels(0));
    assertThrows(InvalidParameterException.class, () -> MelFilterBank.builder().fmin(-1));
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> MelFilterBank.builder().sampleRate(16000).fmax(9000).build());
    assertTrue(e.getMessage().contains("fmax"), e.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> MelFilterBank.builder().sampleRate(16000).fmin(4000).fmax(3000).build());
    MelFilterBank bank = MelFilterBank.builder().sampleRate(16000).nFft(512).nMels(10).build();
    assertThrows(InvalidParameterException.class, () -> bank.apply(new double[10], new double[10]));
    assertThrows(InvalidParameterException.class, () -> bank.startBin(10));
  }
}
