package io.github.ser4j.dsp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Block-wise reading: blocks concatenate to the whole-file decode, with memory independent of the file length. */
class WavStreamTest {
  @TempDir
  Path dir;

  private static final int RATE = 16_000;
  private static final int FRAMES = 10 * 60 * RATE; // 10 minutes

  /** Writes a 10-minute 16-bit mono WAV in blocks (the file is never held in memory). */
  private Path longFile() throws IOException {
    Path f = dir.resolve("long.wav");
    int dataBytes = FRAMES * 2;
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(TestWav.riff().fmt(1, 1, RATE, 16).chunk("LIST", new byte[26]).build(36 + 34 + dataBytes));
      out.write("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(TestWav.le32(dataBytes));
      SplittableRandom rnd = new SplittableRandom(7);
      ByteBuffer block = ByteBuffer.allocate(2 * 4000).order(ByteOrder.LITTLE_ENDIAN);
      for (int done = 0; done < FRAMES; done += 4000) {
        block.clear();
        for (int i = 0; i < 4000; i++) {
          block.putShort((short) rnd.nextInt(-32768, 32768));
        }
        out.write(block.array());
      }
    }
    return f;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  @Test
  void tenMinutesInBlocksEqualTheWholeDecodeWithBoundedMemory() throws IOException {
    Path f = longFile();
    assertEquals(44 + 34 + FRAMES * 2L, Files.size(f));
    float[] whole = AudioIO.read(f).samples();
    assertEquals(FRAMES, whole.length);

    float[] block = new float[3001]; // an odd block size, so blocks straddle the internal buffer
    for (int pass = 0; pass < 2; pass++) {
      long before = allocatedBytes();
      try (WavStream s = pass == 0 ? AudioIO.openStream(f)
          : AudioIO.openStream(new BufferedInputStream(Files.newInputStream(f)))) {
        assertEquals(FRAMES, s.frames());
        assertEquals(RATE, s.sampleRate());
        long pos = 0;
        int k;
        while ((k = s.read(block, 0, block.length)) > 0) {
          for (int i = 0; i < k; i++) {
            if (block[i] != whole[(int) pos + i]) {
              assertEquals(whole[(int) pos + i], block[i], "frame " + (pos + i) + " (pass " + pass + ")");
            }
          }
          pos += k;
          assertEquals(pos, s.position());
        }
        assertEquals(FRAMES, pos);
      }
      long allocated = allocatedBytes() - before;
      System.out.printf("WavStream (%s): 10 min, %d-byte file, %d bytes allocated while streaming%n",
          pass == 0 ? "Path" : "InputStream", Files.size(f), allocated);
      // the file is 19.2 MB; the stream holds one 64 KiB buffer (plus the BufferedInputStream's 8 KiB)
      assertTrue(allocated < 1_000_000, "streaming allocated " + allocated + " bytes for a " + Files.size(f)
          + "-byte file");
    }
  }

  @Test
  void stereoStreamMixesLikeTheWholeFileReader() throws IOException {
    SplittableRandom rnd = new SplittableRandom(11);
    float[] x = new float[2 * 50_001];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rnd.nextDouble(-1, 1);
    }
    byte[] wav = WavWriter.toBytes(x, 2, 44100, WavEncoding.FLOAT);
    AudioClip mono = WavReader.read(wav, "s", ReadOptions.defaults());
    List<AudioClip> channels = WavReader.readChannels(wav, "s");
    try (InputStream in = new ByteArrayInputStream(wav); WavStream s = AudioIO.openStream(in)) {
      float[] out = new float[50_001];
      int n = 0;
      int[] sizes = {1, 7, 16384, 20000, 100_000};
      for (int i = 0; n < out.length; i++) {
        int k = s.read(out, n, Math.min(sizes[i % sizes.length], out.length - n));
        assertTrue(k > 0);
        n += k;
      }
      assertEquals(-1, s.read(out, 0, 10));
      assertEquals(0, s.read(out, 0, 0));
      assertArrayEquals(mono.samples(), out);
    }
    try (WavStream s = AudioIO.openStream(new ByteArrayInputStream(wav))) {
      float[] right = new float[50_001];
      assertEquals(50_001, s.read(right, 0, right.length, 1));
      assertArrayEquals(channels.get(1).samples(), right);
    }
    try (WavStream s = AudioIO.openStream(new ByteArrayInputStream(wav))) {
      float[] inter = new float[x.length];
      assertEquals(50_001, s.readInterleaved(inter, 0, 50_001));
      assertArrayEquals(x, inter);
      assertEquals(Arrays.asList("fmt ", "fact", "data"), s.info().chunks());
    }
  }
}
