package io.github.ser4j.dsp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.testing.Reference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/**
 * The EmoDB files whose header has a {@code PAD } chunk decode right: found by a chunk scan written
 * here (independent of the reader), the frame count must equal data size / block align, and the
 * samples must equal the JDK's own WAV decoder (javax.sound.sampled) wherever it accepts the file.
 */
class EmoDbPadChunkTest {

  /** Chunk ids and the data chunk's size, by a minimal independent walk. */
  private record Scan(List<String> ids, long dataSize, int blockAlign, int channels, int bits) {}

  private static Scan scan(byte[] b) {
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    List<String> ids = new ArrayList<>();
    long dataSize = -1;
    int align = 0;
    int channels = 0;
    int bits = 0;
    int p = 12;
    while (p + 8 <= b.length) {
      String id = new String(b, p, 4, StandardCharsets.ISO_8859_1);
      long size = bb.getInt(p + 4) & 0xffffffffL;
      ids.add(id);
      if (id.equals("fmt ")) {
        channels = bb.getShort(p + 10);
        align = bb.getShort(p + 20);
        bits = bb.getShort(p + 22);
      } else if (id.equals("data")) {
        dataSize = size;
      }
      p += 8 + (int) size + (int) (size & 1);
    }
    return new Scan(ids, dataSize, align, channels, bits);
  }

  @Test
  void filesWithPadChunksDecodeLikeTheJdkReader() throws Exception {
    Path wavDir = Reference.corpus("EmoDB16k").resolve("wav");
    List<Path> files;
    try (Stream<Path> s = Files.list(wavDir)) {
      files = s.filter(f -> f.toString().endsWith(".wav")).sorted().toList();
    }
    int withPad = 0;
    int comparedWithJdk = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      Scan sc = scan(bytes);
      if (!sc.ids().contains("PAD ")) {
        continue;
      }
      withPad++;
      assertEquals(16, sc.bits(), f + " is 16-bit");
      AudioClip clip = AudioIO.read(f);
      assertEquals(16000, clip.sampleRate(), f.toString());
      assertEquals(sc.dataSize() / sc.blockAlign(), clip.length(), f + ": frames = data size / block align");
      assertEquals(sc.ids(), AudioIO.readInfo(f).chunks(), f + ": chunk list");
      // plausible speech: within [-1, 1), not silent, not clipped everywhere
      double sumSq = 0;
      for (int i = 0; i < clip.length(); i++) {
        float x = clip.sample(i);
        assertTrue(x >= -1 && x < 1);
        sumSq += x * (double) x;
      }
      double rms = Math.sqrt(sumSq / clip.length());
      assertTrue(rms > 1e-3 && rms < 0.5, f + ": rms " + rms);

      float[] jdk = jdkDecode(f);
      if (jdk != null) {
        comparedWithJdk++;
        assertEquals(jdk.length, clip.length(), f + ": JDK frame count");
        for (int i = 0; i < jdk.length; i++) {
          if (jdk[i] != clip.sample(i)) {
            assertEquals(jdk[i], clip.sample(i), f + ": sample " + i + " differs from javax.sound.sampled");
          }
        }
      }
    }
    System.out.printf("EmoDB16k: %d of %d files have a PAD chunk; %d compared sample-exact with javax.sound.sampled%n",
        withPad, files.size(), comparedWithJdk);
    assertTrue(withPad > 0, "expected EmoDB files with a PAD chunk");
    assertTrue(comparedWithJdk > 0, "the JDK reader should accept at least some of them");
  }

  /** int16 / 32768 through the JDK's WAV reader, or null if it rejects the file. */
  private static float[] jdkDecode(Path f) throws IOException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
      AudioFormat fmt = in.getFormat();
      if (!AudioFormat.Encoding.PCM_SIGNED.equals(fmt.getEncoding()) || fmt.getSampleSizeInBits() != 16
          || fmt.isBigEndian() || fmt.getChannels() != 1) {
        return null;
      }
      byte[] b = in.readAllBytes();
      float[] out = new float[b.length / 2];
      ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < out.length; i++) {
        out[i] = bb.getShort(2 * i) / 32768f;
      }
      return out;
    } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
      return null;
    }
  }
}
