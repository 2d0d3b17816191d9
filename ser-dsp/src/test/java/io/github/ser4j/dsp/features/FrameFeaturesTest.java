package io.github.ser4j.dsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.SpectralShape;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameFeaturesTest {

  static float[] signal(String id) {
    return Reference.floatSignal(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a_chirp", "b_noise", "c_speech"})
  void mfccZcrRmsMeanPoolIsTheReferenceVector(String id) {
    double[] expected = Reference.array(id + "/feature_vector_mfcc40_zcr_rms_mean");
    FrameFeatures ff = FrameFeatures.mfccZcrRms(16_000);
    double[] actual = Functionals.builder().mean().build().extract(ff.extract(signal(id)));
    assertEquals(42, actual.length);
    // MFCC part: README tolerance abs 1e-3; a double pipeline is near 1e-9.
    Tolerance.assertClose(id + " mfcc means", java.util.Arrays.copyOf(expected, 40),
        java.util.Arrays.copyOf(actual, 40), 0, 1e-8);
    Tolerance.assertClose(id + " zcr mean", new double[] {expected[40]}, new double[] {actual[40]}, 0, 1e-12);
    Tolerance.assertClose(id + " rms mean", new double[] {expected[41]}, new double[] {actual[41]}, 1e-12, 1e-15);
  }

  @Test
  void columnsAreTheBlocksInOrder() {
    float[] y = signal("a_chirp");
    FrameFeatures ff = FrameFeatures.builder().sampleRate(16_000).nFft(1024).hopLength(512)
        .zcr().spectralShape(SpectralShape.Feature.CENTROID).mfccWithDeltas(13, 64, 2).contrast().chroma().build();
    assertEquals(1 + 1 + 39 + 7 + 12, ff.dimension());
    assertEquals("zcr", ff.names().get(0));
    assertEquals("spectral_centroid", ff.names().get(1));
    assertEquals("mfcc0", ff.names().get(2));
    assertEquals("mfcc_d0", ff.names().get(15));
    assertEquals("mfcc_dd12", ff.names().get(40));
    double[][] m = ff.extract(y);
    assertEquals(94, m.length);
    double[][] zcr = Reference.framesByFeatures("a_chirp/n1024_h512_m64/zero_crossing_rate", 1);
    double[][] centroid = Reference.framesByFeatures("a_chirp/n1024_h512_m64/spectral_centroid", 1);
    double[][] mfcc13 = Reference.framesByFeatures("a_chirp/n1024_h512_m64/mfcc13", 13);
    double[][] contrast = Reference.framesByFeatures("a_chirp/n1024_h512_m64/spectral_contrast", 7);
    double[][] chroma = Reference.framesByFeatures("a_chirp/n1024_h512_m64/chroma_stft_tuning0", 12);
    for (int t = 0; t < 94; t++) {
      assertEquals(zcr[t][0], m[t][0], 1e-12);
      assertEquals(centroid[t][0], m[t][1], 1e-5 * centroid[t][0] + 1e-6);
      for (int c = 0; c < 13; c++) {
        assertEquals(mfcc13[t][c], m[t][2 + c], 1e-6);
      }
      for (int c = 0; c < 7; c++) {
        assertEquals(contrast[t][c], m[t][41 + c], 1e-6);
      }
      for (int c = 0; c < 12; c++) {
        assertEquals(chroma[t][c], m[t][48 + c], 1e-9);
      }
    }
  }

  @Test
  void deltasMatchLibrosaInsideTheComposer() {
    double[][] d1 = Reference.framesByFeatures("c_speech/n2048_h512_m128/mfcc40_delta", 40);
    double[][] d2 = Reference.framesByFeatures("c_speech/n2048_h512_m128/mfcc40_delta2", 40);
    FrameFeatures ff = FrameFeatures.builder().sampleRate(16_000).mfccWithDeltas(40, 128, 2).build();
    double[][] m = ff.extract(signal("c_speech"));
    for (int t = 0; t < m.length; t++) {
      for (int c = 0; c < 40; c++) {
        assertEquals(d1[t][c], m[t][40 + c], 1e-8);
        assertEquals(d2[t][c], m[t][80 + c], 1e-8);
      }
    }
  }

  @Test
  void badUseIsReported() {
    assertThrows(InvalidParameterException.class, () -> FrameFeatures.builder().build());
    assertThrows(InvalidParameterException.class, () -> FrameFeatures.builder().zcr().sampleRate(16000));
    assertThrows(InvalidParameterException.class, () -> FrameFeatures.builder().mfccWithDeltas(13, 40, 3));
    FrameFeatures ff = FrameFeatures.mfccZcrRms(16_000);
    assertThrows(InvalidAudioException.class, () -> ff.extract(AudioClip.of(new float[100], 8000)));
    assertThrows(InvalidAudioException.class, () -> ff.extract(new float[0]));
    assertEquals(List.of("zcr", "rms"), ff.names().subList(40, 42));
  }
}
