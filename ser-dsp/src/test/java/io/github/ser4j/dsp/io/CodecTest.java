package io.github.ser4j.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.AudioFormatException;
import io.github.ser4j.dsp.UnsupportedAudioException;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formats other than WAV through javax.sound.sampled: FLAC (jflac-codec, files made by the test
 * encoder {@link TestFlac}), MP3 (mp3spi, on hand-made silent frames), AIFF (JDK), dispatch by
 * content rather than file name, and the message when the codec is missing (a child JVM without it).
 */
class CodecTest {
  @TempDir
  Path dir;

  private static int[] randomInts(int n, int bits, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] v = new int[n];
    int max = 1 << (bits - 1);
    for (int i = 0; i < n; i++) {
      v[i] = rnd.nextInt(-max, max);
    }
    v[0] = -max;
    v[1] = max - 1;
    return v;
  }

  @Test
  void flacMono16DecodesToTheSourcePcmExactly() throws IOException {
    int[] pcm = randomInts(40_000, 16, 1);
    for (int i = 20_000; i < 24_096; i++) {
      pcm[i] = 0; // one constant block
    }
    Path f = dir.resolve("mono.flac");
    Files.write(f, TestFlac.encode(pcm, 1, 16000, 16, 4096, true));
    AudioClip clip = AudioIO.read(f);
    assertEquals(16000, clip.sampleRate());
    float[] expected = new float[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      expected[i] = pcm[i] / 32768f;
    }
    assertArrayEquals(expected, clip.samples());
    AudioInfo info = AudioIO.readInfo(f);
    assertEquals("FLAC", info.container());
    assertEquals(1, info.channels());
    assertEquals(16000, info.sampleRate());
    assertEquals(16, info.bitsPerSample());
    // content decides, not the name
    Path named = dir.resolve("actually-flac.wav");
    Files.copy(f, named);
    assertEquals(clip, AudioIO.read(named));
    assertEquals(clip, AudioIO.read(new ByteArrayInputStream(Files.readAllBytes(f))));
    // the same audio with STREAMINFO as the only metadata block (valid FLAC; jflac needs our workaround)
    Path lone = dir.resolve("lone.flac");
    Files.write(lone, TestFlac.encode(pcm, 1, 16000, 16, 4096, false));
    assertEquals(clip, AudioIO.read(lone));
  }

  @Test
  void flacStereoAndTwentyFourBit() throws IOException {
    int[] st = randomInts(2 * 9000, 16, 2);
    Path f = dir.resolve("st.flac");
    Files.write(f, TestFlac.encode(st, 2, 44100, 16, 1152));
    List<AudioClip> ch = AudioIO.readChannels(f);
    AudioClip mono = AudioIO.read(f);
    assertEquals(44100, mono.sampleRate());
    for (int i = 0; i < 9000; i++) {
      assertEquals(st[2 * i] / 32768f, ch.get(0).sample(i));
      assertEquals(st[2 * i + 1] / 32768f, ch.get(1).sample(i));
      assertEquals((float) ((st[2 * i] + st[2 * i + 1]) / 65536.0), mono.sample(i));
    }
    int[] p24 = randomInts(5000, 24, 3);
    Path g = dir.resolve("p24.flac");
    Files.write(g, TestFlac.encode(p24, 1, 48000, 24, 1000));
    AudioClip c24 = AudioIO.read(g);
    assertEquals(5000, c24.length());
    for (int i = 0; i < p24.length; i++) {
      assertEquals(p24[i] / 8388608f, c24.sample(i), "24-bit sample " + i);
    }
  }

  @Test
  void wavNamedFlacIsReadAsWav() throws IOException {
    byte[] wav = WavWriter.toBytes(new float[] {0.5f, -0.25f}, 1, 8000, WavEncoding.PCM_16);
    Path f = dir.resolve("actually-wav.flac");
    Files.write(f, wav);
    assertArrayEquals(new float[] {0.5f, -0.25f}, AudioIO.read(f).samples());
    assertEquals("WAV", AudioIO.readInfo(f).container());
  }

  @Test
  void mp3ThroughMp3spi() throws IOException {
    // 40 frames of MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, stereo, no CRC: 417 bytes each; an
    // all-zero side info means no coded spectrum, so the decoder must output silence.
    byte[] frame = new byte[417];
    frame[0] = (byte) 0xFF;
    frame[1] = (byte) 0xFB;
    frame[2] = (byte) 0x90;
    frame[3] = 0x00;
    byte[] mp3 = new byte[40 * frame.length];
    for (int i = 0; i < 40; i++) {
      System.arraycopy(frame, 0, mp3, i * frame.length, frame.length);
    }
    Path f = dir.resolve("silence.mp3");
    Files.write(f, mp3);
    AudioClip clip = AudioIO.read(f);
    assertEquals(44100, clip.sampleRate());
    assertTrue(clip.length() >= 30 * 1152 && clip.length() <= 40 * 1152, "frames: " + clip.length());
    for (int i = 0; i < clip.length(); i++) {
      assertEquals(0f, clip.sample(i));
    }
    assertEquals(2, AudioIO.readInfo(f).channels());
  }

  @Test
  void aiffThroughTheJdk() throws Exception {
    int[] v = randomInts(3000, 16, 4);
    byte[] be = new byte[2 * v.length];
    for (int i = 0; i < v.length; i++) {
      be[2 * i] = (byte) (v[i] >> 8);
      be[2 * i + 1] = (byte) v[i];
    }
    AudioFormat fmt = new AudioFormat(22050, 16, 1, true, true);
    File f = dir.resolve("x.aiff").toFile();
    AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(be), fmt, v.length), AudioFileFormat.Type.AIFF, f);
    AudioClip clip = AudioIO.read(f.toPath());
    assertEquals(22050, clip.sampleRate());
    for (int i = 0; i < v.length; i++) {
      assertEquals(v[i] / 32768f, clip.sample(i));
    }
  }

  @Test
  void missingCodecNamesTheFormatAndMavenCoordinates() throws IOException {
    byte[] ogg = "OggS\0\2\0\0\0\0\0\0\0\0 this is no real vorbis stream".getBytes(StandardCharsets.ISO_8859_1);
    Path f = dir.resolve("x.ogg");
    Files.write(f, ogg);
    UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class, () -> AudioIO.read(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("Ogg Vorbis")
        && e.getMessage().contains("com.googlecode.soundlibs:vorbisspi"), e.getMessage());
    assertThrows(UnsupportedAudioException.class, () -> AudioIO.readInfo(f));
  }

  @Test
  void flacWithoutJflacOnTheClassPath() throws Exception {
    Path f = dir.resolve("mono.flac");
    Files.write(f, TestFlac.encode(randomInts(2000, 16, 5), 1, 16000, 16, 1024));
    String classes = Path.of(AudioIO.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String testClasses = Path.of(NoCodecMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-cp", classes + File.pathSeparator + testClasses, NoCodecMain.class.getName(), f.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(out.startsWith("UNSUPPORTED " + f + ": FLAC needs a decoder on the class path: add"
        + " org.jflac:jflac-codec:1.5.2"), out);
    assertTrue(out.contains("<artifactId>jflac-codec</artifactId>"), out);
  }

  @Test
  void corruptFlacIsAFormatError() throws IOException {
    byte[] good = TestFlac.encode(randomInts(5000, 16, 6), 1, 16000, 16, 1024);
    byte[] bad = java.util.Arrays.copyOf(good, 200);
    Path f = dir.resolve("cut.flac");
    Files.write(f, bad);
    // jflac either reports the damage or decodes what is there; it must never escape as a raw runtime error
    try {
      AudioClip c = AudioIO.read(f);
      assertTrue(c.length() < 5000);
    } catch (AudioFormatException e) {
      assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }
  }
}
