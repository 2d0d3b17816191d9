package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.api.Test;

class TonnetzTest {
  private static final double R3 = Math.sqrt(3);

  @Test
  void cMajorTriadGivesTheAnalyticVector() {
    double[] chroma = new double[12];
    chroma[0] = 1; // C
    chroma[4] = 1; // E
    chroma[7] = 1; // G
    // Mean over C, E, G of (sin, cos) at 7 pi c / 6, 3 pi c / 2 and (radius 1/2) 2 pi c / 3:
    // fifths (0,1) (sqrt3/2,-1/2) (1/2,sqrt3/2); minor thirds (0,1) (0,1) (1,0); major thirds all but C at 2pi/3.
    double[] expected = {(1 + R3) / 6, (1 + R3) / 6, 1.0 / 3, 2.0 / 3, R3 / 6, 0};
    assertArrayEquals(expected, Tonnetz.fromChroma(new double[][] {chroma})[0], 1e-15);
    // L1 normalisation: scaling the chroma changes nothing.
    for (int i = 0; i < 12; i++) {
      chroma[i] *= 7.5;
    }
    assertArrayEquals(expected, Tonnetz.fromChroma(new double[][] {chroma})[0], 1e-15);
  }

  @Test
  void singlePitchClassesSitOnTheThreeCircles() {
    double[][] unit = new double[12][12];
    for (int c = 0; c < 12; c++) {
      unit[c][c] = 3.0;
    }
    double[][] t = Tonnetz.fromChroma(unit);
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0.5}, t[0], 1e-15); // C
    assertArrayEquals(new double[] {1, 0, -1, 0, 0, 0.5}, t[9], 1e-14); // A (cos of 13.5 pi rounds to 3e-15)
    for (int c = 0; c < 12; c++) {
      double[] expected = {
          Math.sin(7 * Math.PI * c / 6), Math.cos(7 * Math.PI * c / 6),
          Math.sin(3 * Math.PI * c / 2), Math.cos(3 * Math.PI * c / 2),
          0.5 * Math.sin(2 * Math.PI * c / 3), 0.5 * Math.cos(2 * Math.PI * c / 3)};
      assertArrayEquals(expected, t[c], 1e-13, "pitch class " + c);
      assertEquals(1.0, Math.hypot(t[c][0], t[c][1]), 1e-14);
      assertEquals(1.0, Math.hypot(t[c][2], t[c][3]), 1e-14);
      assertEquals(0.5, Math.hypot(t[c][4], t[c][5]), 1e-14);
    }
    // A fifth up (7 semitones) is a twelfth of a turn on the circle of fifths: 7 * 7/6 pi = pi/6 mod 2 pi.
    assertEquals(Math.PI / 6, Math.atan2(t[7][0], t[7][1]), 1e-13);
  }

  @Test
  void uniformAndSilentChromaMapToTheCentre() {
    double[][] t = Tonnetz.fromChroma(new double[][] {new double[12], filled(12, 0.4)});
    assertArrayEquals(new double[6], t[0], 0);
    assertArrayEquals(new double[6], t[1], 1e-15);
  }

  @Test
  void extractsFromASignalThroughItsChroma() {
    int sr = 16000;
    float[] y = new float[sr];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / sr));
    }
    Chroma chroma = Chroma.builder().sampleRate(sr).nFft(2048).hopLength(512).tuning(0).build();
    Tonnetz tonnetz = Tonnetz.of(chroma);
    double[][] t = tonnetz.extract(y);
    assertEquals(chroma.stft().numFrames(y.length), t.length);
    assertEquals(Tonnetz.DIMENSIONS, t[0].length);
    Tolerance.assertClose("tonnetz = fromChroma(chroma)", Tonnetz.fromChroma(chroma.extract(y)), t, 0, 0);
    // A 440 Hz tone: close to pitch class A's point, (1, 0, -1, 0, 0, 0.5), shrunk by the leakage into neighbours.
    double[] mid = t[t.length / 2];
    assertEquals(0, Math.atan2(mid[4], mid[5]), 0.2); // major-third angle of A is 0
    assertEquals(Math.PI / 2, Math.atan2(mid[0], mid[1]), 0.2); // fifths angle of A is pi/2
  }

  @Test
  void otherChromaResolutionsAndBadInput() {
    // 24 bins: bin 2 is one semitone, so its point is pitch class 1's.
    double[] c24 = new double[24];
    c24[2] = 1;
    double[] c12 = new double[12];
    c12[1] = 1;
    assertArrayEquals(Tonnetz.fromChroma(new double[][] {c12})[0], Tonnetz.fromChroma(new double[][] {c24})[0], 1e-15);
    assertEquals(0, Tonnetz.fromChroma(new double[0][]).length);
    assertThrows(InvalidParameterException.class, () -> Tonnetz.fromChroma(new double[][] {new double[12], new double[11]}));
    assertThrows(InvalidParameterException.class, () -> Tonnetz.of(null));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
