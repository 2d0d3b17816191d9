package io.github.ser4j.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.testing.Reference;
import io.github.ser4j.dsp.testing.Tolerance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Decoded samples of every reference signal equal soundfile's float64 decode
 * ({@code arrays/signals/<id>.f64}) exactly, and the stereo mixdown equals librosa.load(mono=True).
 */
class WavReaderReferenceTest {

  @ParameterizedTest
  @CsvSource({
      "a_chirp, a_chirp_16k_pcm16.wav, 16000, PCM_16, 1",
      "b_noise, b_noise_16k_pcm16.wav, 16000, PCM_16, 1",
      "c_speech, c_speech_16k_pcm16.wav, 16000, PCM_16, 1",
      "d_speech22k, d_speech_22050_pcm16.wav, 22050, PCM_16, 1",
      "e_speech_short, e_speech_short_1p5s_16k_pcm16.wav, 16000, PCM_16, 1",
      "g_chirp_pcm24, g_chirp_16k_pcm24.wav, 16000, PCM_24, 1",
      "g_chirp_float32, g_chirp_16k_float32.wav, 16000, FLOAT, 3"})
  void monoSignalsDecodeExactly(String id, String file, int rate, String encoding, int tag) throws IOException {
    double[] expected = Reference.array("signals/" + id);
    Path path = Reference.signal(file);
    AudioClip clip = AudioIO.read(path);
    assertEquals(rate, clip.sampleRate());
    assertArrayEquals(expected, toDouble(clip.samples()), 0.0, id);
    assertEquals(clip, WavReader.read(path));
    try (InputStream in = Files.newInputStream(path)) {
      assertEquals(clip, AudioIO.read(in), "InputStream path");
    }
    AudioInfo info = AudioIO.readInfo(path);
    assertEquals(new AudioInfo("WAV", encoding, tag, 1, rate, encoding.equals("PCM_24") ? 24 : encoding.equals("FLOAT")
        ? 32 : 16, expected.length, info.chunks()), info);
    assertEquals(encoding.equals("FLOAT") ? List.of("fmt ", "fact", "PEAK", "data") : List.of("fmt ", "data"),
        info.chunks());
  }

  @Test
  void stereoChannelsAndMixdown() throws IOException {
    Path path = Reference.signal("f_stereo_48k_pcm16.wav");
    double[] interleaved = Reference.array("signals/f_stereo48k");
    List<AudioClip> channels = AudioIO.readChannels(path);
    assertEquals(2, channels.size());
    int frames = interleaved.length / 2;
    double[] actual = new double[interleaved.length];
    for (int c = 0; c < 2; c++) {
      assertEquals(48000, channels.get(c).sampleRate());
      assertEquals(frames, channels.get(c).length());
      for (int i = 0; i < frames; i++) {
        actual[2 * i + c] = channels.get(c).sample(i);
      }
    }
    assertArrayEquals(interleaved, actual, 0.0, "[frames, 2] interleaved");

    // librosa.load(sr=None, mono=True) = float32 mean of the channels
    double[] librosaMono = Reference.array("load/f_stereo48k_load_srNone_mono");
    AudioClip mono = AudioIO.read(path);
    double[] monoD = toDouble(mono.samples());
    Tolerance.assertClose("mono mixdown", librosaMono, monoD, 0x1p-24, 0);
    double[] mean = new double[frames];
    for (int i = 0; i < frames; i++) {
      mean[i] = (interleaved[2 * i] + interleaved[2 * i + 1]) / 2;
    }
    assertArrayEquals(mean, monoD, 0.0, "int16 mean is exact in float");

    ReadOptions right = ReadOptions.defaults().withChannel(1);
    assertEquals(channels.get(1), AudioIO.read(path, right));

    try (WavStream s = AudioIO.openStream(path)) {
      float[] all = new float[interleaved.length];
      int n = 0;
      int k;
      while ((k = s.readInterleaved(all, 2 * n, Math.min(1000, frames - n))) > 0) {
        n += k;
      }
      assertEquals(frames, n);
      assertArrayEquals(interleaved, toDouble(all), 0.0, "stream interleaved");
    }
  }

  @Test
  void offsetAndDurationFollowLibrosaRounding() throws IOException {
    Path path = Reference.signal("a_chirp_16k_pcm16.wav");
    double[] all = Reference.array("signals/a_chirp");
    // librosa.load(offset=0.25, duration=0.5): start round(0.25*16000) = 4000, 8000 frames
    AudioClip part = AudioIO.read(path, ReadOptions.defaults().withOffset(0.25).withDuration(0.5));
    assertEquals(8000, part.length());
    for (int i = 0; i < 8000; i++) {
      assertEquals(all[4000 + i], part.sample(i), 0.0);
    }
    assertEquals(0, AudioIO.read(path, ReadOptions.defaults().withOffset(10)).length(), "offset past the end");
    assertEquals(48000 - 47000, AudioIO.read(path, ReadOptions.defaults().withOffset(47000 / 16000.0)).length());
  }

  static double[] toDouble(float[] f) {
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }
}
