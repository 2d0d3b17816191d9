package io.github.ser4j.dsp.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StftTest {

  static float[] signal(String id) {
    return Reference.floatSignal(id);
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void magnitudeMatchesLibrosa(String id, int nFft) {
    String set = nFft == 1024 ? "n1024_h512_m64" : "n2048_h512_m128";
    double[][] expected = Reference.framesByFeatures(id + "/" + set + "/stft_mag", nFft / 2 + 1);
    double[][] actual = Stft.builder().nFft(nFft).hopLength(512).build().magnitude(signal(id));
    assertEquals(94, actual.length);
    double floor = 1e-8 * Tolerance.maxAbs(expected);
    // README: |a-b| <= 1e-4 |b| + 1e-8 max|ref|; a double pipeline lands near 1e-9, so check that too.
    Tolerance.assertClose(id + " |STFT|", expected, actual, 1e-9, floor);
  }

  @Test
  void sineLandsInItsBinWithHalfTheWindowSum() {
    int n = 1024;
    int sr = 16000;
    int bin = 64; // 1000 Hz
    float[] y = new float[sr];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) Math.cos(2 * Math.PI * bin * i / n);
    }
    double[][] mag = Stft.builder().nFft(n).hopLength(256).build().magnitude(y);
    double[] frame = mag[20];
    // Hann window sum is n/2; a unit cosine puts half of it in its bin.
    assertEquals(n / 4.0, frame[bin], 1e-3);
    assertEquals(n / 8.0, frame[bin + 1], 1e-3);
    assertEquals(0.0, frame[bin + 5], 1e-3);
  }

  @Test
  void inverseRecoversTheSignal() {
    float[] y = signal("c_speech");
    Stft stft = Stft.builder().nFft(1024).hopLength(256).build();
    float[] back = stft.inverse(stft.complex(y), y.length);
    double worst = 0;
    for (int i = 0; i < y.length; i++) {
      worst = Math.max(worst, Math.abs(back[i] - y[i]));
    }
    assertEquals(0.0, worst, 1e-6);
  }

  @Test
  void frameCountsFollowLibrosa() {
    Stft centred = Stft.builder().nFft(2048).hopLength(512).build();
    assertEquals(94, centred.numFrames(48000));
    assertEquals(47, centred.numFrames(24000));
    assertEquals(1, centred.numFrames(1));
    Stft valid = Stft.builder().nFft(2048).hopLength(512).center(false).build();
    assertEquals(1 + (48000 - 2048) / 512, valid.numFrames(48000));
    assertThrows(InvalidAudioException.class, () -> valid.numFrames(2000));
    assertThrows(InvalidAudioException.class, () -> centred.magnitude(new float[0]));
  }

  @Test
  void badParametersNameThemselves() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Stft.builder().nFft(0));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("nFft"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> Stft.builder().nFft(1023));
    assertThrows(InvalidParameterException.class, () -> Stft.builder().hopLength(-1));
    assertThrows(InvalidParameterException.class, () -> Stft.builder().nFft(512).winLength(1024).build());
  }

  @Test
  void reflectAndEdgePaddingFollowNumpy() {
    float[] y = {1, 2, 3};
    assertEquals(2f, PadMode.REFLECT.sampleAt(y, -1));
    assertEquals(3f, PadMode.REFLECT.sampleAt(y, -2));
    assertEquals(2f, PadMode.REFLECT.sampleAt(y, 3));
    assertEquals(1f, PadMode.REFLECT.sampleAt(y, 4));
    assertEquals(1f, PadMode.EDGE.sampleAt(y, -5));
    assertEquals(3f, PadMode.EDGE.sampleAt(y, 9));
    assertEquals(0f, PadMode.CONSTANT.sampleAt(y, -1));
  }
}
