package io.github.ser4j.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.testing.Reference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WAV writing: byte-exact 16-bit round trips of the reference files, libsndfile's rounding, float round trips. */
class WavWriterTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"a_chirp_16k_pcm16.wav", "b_noise_16k_pcm16.wav", "c_speech_16k_pcm16.wav",
      "d_speech_22050_pcm16.wav", "e_speech_short_1p5s_16k_pcm16.wav", "f_stereo_48k_pcm16.wav"})
  void readingAndWritingSixteenBitReproducesTheFile(String file) throws IOException {
    Path src = Reference.signal(file);
    byte[] original = Files.readAllBytes(src);
    List<AudioClip> channels = AudioIO.readChannels(src);
    int n = channels.get(0).length();
    float[] interleaved = new float[n * channels.size()];
    for (int c = 0; c < channels.size(); c++) {
      for (int i = 0; i < n; i++) {
        interleaved[i * channels.size() + c] = channels.get(c).sample(i);
      }
    }
    Path out = dir.resolve(file);
    WavWriter.write(out, interleaved, channels.size(), channels.get(0).sampleRate(), WavEncoding.PCM_16);
    // these reference files are canonical 44-byte-header WAVs, so the whole file must match
    assertArrayEquals(original, Files.readAllBytes(out));
  }

  @Test
  void floatToPcm16RoundsHalfToEvenAndClips() {
    float[] x = {0f, 0.5f / 32768, 1.5f / 32768, 2.5f / 32768, -0.5f / 32768, -1.5f / 32768, 0.49f / 32768,
        1f, 32767f / 32768, 32767.5f / 32768, 1.0001f, 7f, -1f, -1.0001f, -7f};
    short[] expected = {0, 0, 2, 2, 0, -2, 0, 32767, 32767, 32767, 32767, 32767, -32768, -32768, -32768};
    byte[] wav = WavWriter.toBytes(x, 1, 8000, WavEncoding.PCM_16);
    assertEquals(44 + 2 * x.length, wav.length);
    for (int i = 0; i < x.length; i++) {
      short s = (short) ((wav[44 + 2 * i] & 0xff) | wav[45 + 2 * i] << 8);
      assertEquals(expected[i], s, "sample " + i + " = " + x[i]);
    }
    AudioInfo info = WavReader.readInfo(wav, "w");
    assertEquals(new AudioInfo("WAV", "PCM_16", 1, 1, 8000, 16, x.length, List.of("fmt ", "data")), info);
  }

  @Test
  void sixteenBitRoundTripOfEveryCodeValue() {
    float[] all = new float[65536];
    for (int k = -32768; k < 32768; k++) {
      all[k + 32768] = k / 32768f;
    }
    byte[] wav = WavWriter.toBytes(all, 1, 16000, WavEncoding.PCM_16);
    assertArrayEquals(all, WavReader.read(wav, "w", ReadOptions.defaults()).samples());
  }

  @Test
  void floatRoundTripIsExact() throws IOException {
    SplittableRandom rnd = new SplittableRandom(42);
    float[] x = new float[3001];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (rnd.nextGaussian() * 0.3);
    }
    x[7] = 2.5f; // out of [-1, 1] is kept in float files
    x[8] = Float.MIN_VALUE;
    AudioClip clip = AudioClip.of(x, 22050);
    Path f = dir.resolve("f.wav");
    WavWriter.write(f, clip, WavEncoding.FLOAT);
    assertEquals(clip, AudioIO.read(f));
    AudioInfo info = AudioIO.readInfo(f);
    assertEquals(new AudioInfo("WAV", "FLOAT", 3, 1, 22050, 32, 3001, List.of("fmt ", "fact", "data")), info);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WavWriter.write(out, clip, WavEncoding.FLOAT);
    assertArrayEquals(Files.readAllBytes(f), out.toByteArray());

    float[] stereo = Arrays.copyOf(x, 3000);
    byte[] wav = WavWriter.toBytes(stereo, 2, 8000, WavEncoding.FLOAT);
    List<AudioClip> ch = WavReader.readChannels(wav, "s");
    for (int i = 0; i < 1500; i++) {
      assertEquals(stereo[2 * i], ch.get(0).sample(i));
      assertEquals(stereo[2 * i + 1], ch.get(1).sample(i));
    }
  }

  @Test
  void badArguments() {
    assertThrows(InvalidAudioException.class,
        () -> WavWriter.toBytes(new float[] {0, Float.NaN}, 1, 8000, WavEncoding.PCM_16));
    assertThrows(InvalidParameterException.class, () -> WavWriter.toBytes(new float[3], 2, 8000, WavEncoding.FLOAT));
    assertThrows(InvalidParameterException.class, () -> WavWriter.toBytes(new float[2], 0, 8000, WavEncoding.FLOAT));
    assertThrows(InvalidParameterException.class, () -> WavWriter.toBytes(new float[2], 1, 0, WavEncoding.FLOAT));
    assertThrows(InvalidParameterException.class, () -> WavWriter.toBytes(null, 1, 8000, WavEncoding.FLOAT));
    assertThrows(InvalidParameterException.class, () -> WavWriter.toBytes(new float[2], 1, 8000, null));
  }
}
