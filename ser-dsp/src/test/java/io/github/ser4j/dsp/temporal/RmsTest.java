package io.github.ser4j.dsp.temporal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.PadMode;
import io.github.ser4j.dsp.spectral.Stft;
import io.github.ser4j.dsp.spectral.WindowType;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RmsTest {

  @ParameterizedTest
  @CsvSource({"a_chirp,1024,94", "a_chirp,2048,94", "b_noise,1024,94", "b_noise,2048,94", "c_speech,1024,94",
      "c_speech,2048,94", "e_speech_short,2048,47"})
  void matchesLibrosa(String id, int frameLength, int frames) {
    String set = frameLength == 1024 ? "n1024_h512_m64" : "n2048_h512_m128";
    double[] expected = Reference.array(id + "/" + set + "/rms");
    double[] actual = Rms.builder().frameLength(frameLength).hopLength(512).build()
        .extract(ZeroCrossingRateTest.signal(id));
    assertEquals(frames, actual.length);
    Tolerance.assertClose(id + " rms (CI)", expected, actual, 1e-5, 1e-9);
    // float64 against float64: summation order only.
    Tolerance.assertClose(id + " rms (tight)", expected, actual, 1e-12, 1e-15);
  }

  @ParameterizedTest
  @CsvSource({"a_chirp,1024", "a_chirp,2048", "b_noise,1024", "b_noise,2048", "c_speech,1024", "c_speech,2048"})
  void matchesLibrosasFloat32Default(String id, int frameLength) {
    String set = frameLength == 1024 ? "n1024_h512_m64" : "n2048_h512_m128";
    double[] expected = Reference.array(id + "/" + set + "/rms_default_float32");
    double[] actual = Rms.builder().frameLength(frameLength).hopLength(512).build()
        .extract(ZeroCrossingRateTest.signal(id));
    Tolerance.assertClose(id + " rms vs float32", expected, actual, 1e-5, 1e-9);
  }

  @Test
  void handComputedFrames() {
    float[] y = {3, 4, 0, 0};
    Rms rms = Rms.builder().frameLength(2).hopLength(2).center(false).build();
    assertArrayEquals(new double[] {Math.sqrt(12.5), 0}, rms.extract(y), 1e-15);
    // centred, zero padding of 1: frames [0 3], [4 0], [0 0]
    Rms centred = Rms.builder().frameLength(2).hopLength(2).build();
    assertArrayEquals(new double[] {Math.sqrt(4.5), Math.sqrt(8), 0}, centred.extract(y), 1e-15);
    Rms edge = Rms.builder().frameLength(2).hopLength(2).padMode(PadMode.EDGE).build();
    assertArrayEquals(new double[] {3, Math.sqrt(8), 0}, edge.extract(y), 1e-15);
  }

  @Test
  void sineHasRmsOneOverRootTwo() {
    float[] y = new float[16000];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) Math.sin(2 * Math.PI * 440 * i / 16000.0);
    }
    double[] r = Rms.builder().frameLength(2000).hopLength(500).center(false).build().extract(y);
    for (double v : r) {
      assertEquals(Math.sqrt(0.5), v, 2e-4);
    }
  }

  @Test
  void spectrogramPathEqualsTimeDomainByParseval() {
    SplittableRandom rnd = new SplittableRandom(7);
    float[] y = new float[4000];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (rnd.nextDouble() - 0.5);
    }
    for (int n : new int[] {256, 200}) {
      // A rectangular window makes each STFT frame the raw frame, so Parseval gives the same RMS.
      Stft stft = Stft.builder().nFft(n).window(WindowType.RECTANGULAR).hopLength(128).center(false).build();
      Rms rms = Rms.builder().frameLength(n).hopLength(128).center(false).build();
      double[] fromS = rms.fromMagnitude(stft.magnitude(y));
      Tolerance.assertClose("rms(S) vs rms(y), n = " + n, rms.extract(y), fromS, 1e-12, 0);
    }
    // Odd frame length: only DC is halved. A constant frame of 1 has |X0| = n, so rms = sqrt(2 * n^2 / 2 / n^2).
    Rms odd = Rms.builder().frameLength(5).build();
    assertArrayEquals(new double[] {1.0}, odd.fromMagnitude(new double[][] {{5, 0, 0}}), 1e-15);
    assertThrows(InvalidParameterException.class, () -> odd.fromMagnitude(new double[][] {{5, 0}}));
  }

  @Test
  void silentShortAndEmptyClips() {
    Rms rms = Rms.builder().frameLength(2048).hopLength(512).build();
    for (double v : rms.extract(new float[48000])) {
      assertEquals(0.0, v);
    }
    double[] shortClip = rms.extract(new float[] {1, 1});
    assertEquals(1, shortClip.length);
    assertEquals(Math.sqrt(2.0 / 2048), shortClip[0], 1e-15);
    assertThrows(InvalidAudioException.class, () -> rms.extract(new float[0]));
  }

  @Test
  void badParametersNameThemselves() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Rms.builder().hopLength(0));
    assertTrue(e.getMessage().contains("hopLength"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> Rms.builder().frameLength(0));
    assertThrows(InvalidParameterException.class, () -> Rms.builder().padMode(null));
  }
}
