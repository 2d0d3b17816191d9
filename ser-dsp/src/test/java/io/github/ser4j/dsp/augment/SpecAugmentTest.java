package io.github.ser4j.dsp.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecAugmentTest {
  private static final int FRAMES = 94;
  private static final int BINS = 64;

  /** Distinct positive entries, so any masked entry is visible. */
  private static double[][] features() {
    double[][] m = new double[FRAMES][BINS];
    for (int t = 0; t < FRAMES; t++) {
      for (int k = 0; k < BINS; k++) {
        m[t][k] = 1 + t * BINS + k;
      }
    }
    return m;
  }

  @Test
  void masksAreWithinBoundsCountedAndTheRestIsUntouched() {
    SpecAugment sa = SpecAugment.builder().frequencyMasks(2, 10).timeMasks(3, 20).build();
    double[][] in = features();
    for (long seed = 0; seed < 200; seed++) {
      AugmentedSpectrogram r = sa.augment(in, new java.util.SplittableRandom(seed));
      Map<String, Double> p = r.steps().get(0).parameters();
      assertEquals(2 * 2 + 3 * 2, p.size(), "two frequency and three time masks reported");
      boolean[][] expectedMask = new boolean[FRAMES][BINS];
      for (int i = 0; i < 2; i++) {
        int start = p.get("frequencyMask" + i + ".start").intValue();
        int width = p.get("frequencyMask" + i + ".width").intValue();
        assertTrue(width >= 0 && width <= 10 && start >= 0 && start + width <= BINS, start + "+" + width);
        for (boolean[] row : expectedMask) {
          Arrays.fill(row, start, start + width, true);
        }
      }
      for (int i = 0; i < 3; i++) {
        int start = p.get("timeMask" + i + ".start").intValue();
        int width = p.get("timeMask" + i + ".width").intValue();
        assertTrue(width >= 0 && width <= 20 && start >= 0 && start + width <= FRAMES, start + "+" + width);
        for (int t = start; t < start + width; t++) {
          Arrays.fill(expectedMask[t], true);
        }
      }
      for (int t = 0; t < FRAMES; t++) {
        for (int k = 0; k < BINS; k++) {
          assertEquals(expectedMask[t][k] ? 0.0 : in[t][k], r.features()[t][k], "seed " + seed + " [" + t + "][" + k + "]");
        }
      }
    }
    assertArrayEquals(features(), in, "input not modified");
  }

  @Test
  void widthsAreUniformOverZeroToTheMaximum() {
    SpecAugment sa = SpecAugment.builder().frequencyMasks(1, 5).timeMasks(1, 5).build();
    int[] freqCounts = new int[6];
    int[] timeCounts = new int[6];
    int n = 3000;
    for (long seed = 0; seed < n; seed++) {
      Map<String, Double> p = sa.augment(features(), new java.util.SplittableRandom(seed)).steps().get(0).parameters();
      freqCounts[p.get("frequencyMask0.width").intValue()]++;
      timeCounts[p.get("timeMask0.width").intValue()]++;
    }
    double expected = n / 6.0;
    double bound = 4.5 * Math.sqrt(n * (1 / 6.0) * (5 / 6.0));
    for (int w = 0; w <= 5; w++) {
      assertEquals(expected, freqCounts[w], bound, "frequency width " + w);
      assertEquals(expected, timeCounts[w], bound, "time width " + w);
    }
  }

  @Test
  void timeMaskWidthIsBoundedByTheFractionOfFrames() {
    SpecAugment sa = SpecAugment.builder().frequencyMasks(0, 0).timeMasks(4, 100).maxTimeFraction(0.1).build();
    int widest = 0;
    for (long seed = 0; seed < 300; seed++) {
      Map<String, Double> p = sa.augment(features(), new java.util.SplittableRandom(seed)).steps().get(0).parameters();
      for (int i = 0; i < 4; i++) {
        widest = Math.max(widest, p.get("timeMask" + i + ".width").intValue());
      }
    }
    assertEquals(9, widest, "floor(0.1 * 94) = 9 frames at most, and reached");
  }

  @Test
  void meanMaskValueIsTheMeanOfTheInput() {
    double[][] in = features();
    double mean = (1 + FRAMES * BINS) / 2.0;
    SpecAugment sa = SpecAugment.builder().frequencyMasks(1, 64).timeMasks(0, 0)
        .maskValue(SpecAugment.MaskValue.MEAN).build();
    for (long seed = 0; seed < 20; seed++) {
      AugmentedSpectrogram r = sa.augment(in, new java.util.SplittableRandom(seed));
      int start = r.steps().get(0).parameters().get("frequencyMask0.start").intValue();
      int width = r.steps().get(0).parameters().get("frequencyMask0.width").intValue();
      for (int k = start; k < start + width; k++) {
        assertEquals(mean, r.features()[7][k], 1e-9);
      }
    }
  }

  @Test
  void sameSeedSameMasksDifferentSeedsDiffer() {
    SpecAugment sa = Augment.specAugment(2, 27, 2, 40);
    double[][] a = sa.apply(features(), 11);
    sa.apply(features(), 12);
    assertArrayEquals(a, sa.apply(features(), 11));
    int distinct = 0;
    for (long seed = 0; seed < 20; seed++) {
      if (!Arrays.deepEquals(a, sa.apply(features(), 100 + seed))) {
        distinct++;
      }
    }
    assertEquals(20, distinct);
  }

  @Test
  void probabilityZeroReturnsAnUnmaskedCopy() {
    double[][] in = features();
    AugmentedSpectrogram r = SpecAugment.builder().probability(0).build().augment(in, new java.util.SplittableRandom(1));
    assertFalse(r.steps().get(0).applied());
    assertArrayEquals(in, r.features());
    assertNotSame(in[0], r.features()[0]);
  }

  @Test
  void handlesEmptyAndNarrowMatrices() {
    assertEquals(0, Augment.specAugment(2, 27, 2, 100).apply(new double[0][], 1).length);
    double[][] narrow = {{1, 2}, {3, 4}};
    double[][] out = Augment.specAugment(3, 27, 3, 100).apply(narrow, 1);
    assertEquals(2, out.length);
    assertEquals(2, out[1].length);
  }

  @Test
  void rejectsBadParametersAndRaggedInput() {
    assertThrows(InvalidParameterException.class, () -> SpecAugment.builder().frequencyMasks(-1, 10));
    assertThrows(InvalidParameterException.class, () -> SpecAugment.builder().frequencyMasks(1, -10));
    assertThrows(InvalidParameterException.class, () -> SpecAugment.builder().timeMasks(-2, 10));
    assertThrows(InvalidParameterException.class, () -> SpecAugment.builder().timeMasks(2, -1));
    assertThrows(InvalidParameterException.class, () -> SpecAugment.builder().maxTimeFraction(1.5));
    assertThrows(InvalidParameterException.class, () -> SpecAugment.builder().maskValue(null));
    assertThrows(InvalidParameterException.class, () -> SpecAugment.builder().probability(2));
    SpecAugment sa = SpecAugment.builder().build();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> sa.apply(new double[][] {{1, 2}, {3}}, 1));
    assertTrue(e.getMessage().startsWith("features[1].length"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> sa.apply(new double[][] {{1, 2}, null}, 1));
    assertThrows(InvalidParameterException.class, () -> sa.apply(null, 1));
  }
}
