package io.github.ser4j.dsp.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeroCrossingRateTest {

  static float[] signal(String id) {
    return Reference.floatSignal(id);
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024,94", "a_chirp,2048,94", "b_noise,1024,94", "b_noise,2048,94", "c_speech,1024,94",
      "c_speech,2048,94", "e_speech_short,2048,47"})
  void matchesLibrosaExactly(String id, int frameLength, int frames) {
    String set = frameLength == 1024 ? "n1024_h512_m64" : "n2048_h512_m128";
    double[] expected = Reference.array(id + "/" + set + "/zero_crossing_rate");
    double[] actual = ZeroCrossingRate.builder().frameLength(frameLength).hopLength(512).build().extract(signal(id));
    assertEquals(frames, actual.length);
    // README: exact (counts / frameLength are exactly representable).
    Tolerance.assertClose(id + " zcr", expected, actual, 0, 1e-12);
  }

  @Test
  void countsSignChangesOverFrameLength() {
    // frame [1, -1, 1, -1] has 3 changes in 4 samples; edge padding continues the end values.
    float[] y = {1, -1, 1, -1, 1, -1, 1, -1};
    ZeroCrossingRate zcr = ZeroCrossingRate.builder().frameLength(4).hopLength(4).center(false).build();
    assertArrayEquals(new double[] {0.75, 0.75}, zcr.extract(y), 0);
    // centred: frame 0 is [1, 1 | 1, -1] (edge pad of 2) -> 1 change; frame 2 is [1, -1 | -1, -1] -> 1.
    ZeroCrossingRate centred = ZeroCrossingRate.builder().frameLength(4).hopLength(4).build();
    assertArrayEquals(new double[] {0.25, 0.75, 0.25}, centred.extract(y), 0);
  }

  @Test
  void zeroAndTinyValuesCountAsPositive() {
    ZeroCrossingRate zcr = ZeroCrossingRate.builder().frameLength(4).hopLength(4).center(false).build();
    // 0 -> -1 is a crossing (zero is positive); 1 -> 0 is not; -1e-11 is "zero" and so positive.
    assertArrayEquals(new double[] {0.25}, zcr.extract(new float[] {1, 0, -1, -1}), 0);
    assertArrayEquals(new double[] {0.0}, zcr.extract(new float[] {1, -1e-11f, 0, -0f}), 0);
    assertArrayEquals(new double[] {0.5}, zcr.extract(new float[] {1, -2e-10f, 0, 0}), 0);
    // threshold 0: librosa skips the zeroing and np.signbit sees -0.0 as negative.
    ZeroCrossingRate raw = ZeroCrossingRate.builder().frameLength(4).hopLength(4).center(false).threshold(0).build();
    assertArrayEquals(new double[] {0.5}, raw.extract(new float[] {1, -0f, 0, 0}), 0);
  }

  @Test
  void silentAndShortClips() {
    ZeroCrossingRate zcr = ZeroCrossingRate.builder().frameLength(2048).hopLength(512).build();
    double[] silent = zcr.extract(new float[16000]);
    assertEquals(32, silent.length);
    for (double v : silent) {
      assertEquals(0.0, v);
    }
    // shorter than a frame: centred framing still gives 1 + len / hop frames.
    double[] shortClip = zcr.extract(new float[] {0.5f, -0.5f, 0.5f});
    assertEquals(1, shortClip.length);
    assertEquals(2.0 / 2048, shortClip[0], 0);
    assertThrows(InvalidAudioException.class, () -> zcr.extract(new float[0]));
    assertThrows(InvalidAudioException.class, () -> zcr.extract(AudioClip.of(new float[0], 16000)));
    ZeroCrossingRate valid = ZeroCrossingRate.builder().frameLength(2048).center(false).build();
    assertThrows(InvalidAudioException.class, () -> valid.extract(new float[100]));
    assertEquals(1, valid.extract(new float[2048]).length);
  }

  @Test
  void badParametersNameThemselves() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> ZeroCrossingRate.builder().frameLength(1));
    assertTrue(e.getMessage().contains("frameLength"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> ZeroCrossingRate.builder().hopLength(0));
    assertThrows(InvalidParameterException.class, () -> ZeroCrossingRate.builder().threshold(-1));
  }
}
