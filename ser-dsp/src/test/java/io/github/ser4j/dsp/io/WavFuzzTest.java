package io.github.ser4j.dsp.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.ser4j.dsp.DspException;
import io.github.ser4j.dsp.testing.Reference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the WAV parser: bit flips, bytes set to 0x00/0xFF/random, truncations,
 * insertions, deletions, and chunk-size and fmt fields set to extremes, applied to the reference WAVs
 * and to hand-built files of every supported layout. Nothing but a {@link DspException} may escape
 * (the input is in memory, so there is no real I/O), and no input may make the reader allocate much
 * more than its own size: header sizes are never trusted for allocation.
 */
class WavFuzzTest {
  private static final int TARGET = 100_000;
  private static final long TIME_LIMIT_NANOS = 60_000_000_000L;
  private static final long SEED = 20_261_121L;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** A valid file and the offsets of its size fields and fmt fields, the mutation targets. */
  private record Seed(String name, byte[] bytes, int[] sizeFields, int fmtOffset) {}

  @Test
  void mutatedWavsFailOnlyWithDeclaredExceptionsAndBoundedAllocation() throws IOException {
    List<Seed> seeds = seeds();
    Map<String, Integer> outcomes = new TreeMap<>();
    SplittableRandom master = new SplittableRandom(SEED);
    long start = System.nanoTime();
    int done = 0;
    while (done < TARGET && System.nanoTime() - start < TIME_LIMIT_NANOS) {
      long caseSeed = master.nextLong();
      SplittableRandom rnd = new SplittableRandom(caseSeed);
      Seed seed = seeds.get(rnd.nextInt(seeds.size()));
      byte[] input = mutate(seed, rnd);
      int mode = done % 16;
      long before = THREADS.getCurrentThreadAllocatedBytes();
      String outcome;
      try {
        outcome = run(input, mode);
      } catch (DspException e) {
        if (e.getMessage() == null || !e.getMessage().contains("fuzz.wav")) {
          fail("message does not name the file: " + e.getMessage() + " (case seed " + caseSeed + ")");
        }
        outcome = e.getClass().getSimpleName();
      } catch (Throwable t) {
        throw new AssertionError("case seed " + caseSeed + " from " + seed.name() + " (mode " + mode + "): "
            + t.getClass().getName() + " escaped: " + t.getMessage(), t);
      }
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      long allowed = 32L * input.length + (1 << 20);
      if (allocated > allowed) {
        fail("case seed " + caseSeed + " from " + seed.name() + ": allocated " + allocated + " bytes for a "
            + input.length + "-byte input");
      }
      outcomes.merge(outcome, 1, Integer::sum);
      done++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("WAV fuzz: %d mutations of %d seeds in %.1f s (%.0f/s); outcomes %s%n", done, seeds.size(),
        seconds, done / seconds, outcomes);
    assertTrue(done >= TARGET || seconds * 1e9 >= TIME_LIMIT_NANOS, "stopped early");
    assertTrue(outcomes.getOrDefault("ok", 0) > done / 100, "some mutations must still parse: " + outcomes);
    assertTrue(outcomes.size() >= 4, "several failure kinds expected: " + outcomes);
  }

  /** Parses through one entry point; the mode spreads cases over all of them. */
  private static String run(byte[] input, int mode) throws IOException {
    if (mode < 10) {
      WavReader.read(input, "fuzz.wav", mode == 1 ? ReadOptions.defaults().withChannel(0).withOffset(0.001)
          : ReadOptions.defaults());
    } else if (mode < 12) {
      WavReader.readChannels(input, "fuzz.wav");
    } else if (mode < 13) {
      WavReader.readInfo(input, "fuzz.wav");
    } else {
      // the streaming parser, which sees an unknown length and must find problems as it reads
      try (WavStream s = WavStream.open(new ByteSource.OfStream(new ByteArrayInputStream(input)), "fuzz.wav")) {
        float[] buf = new float[4096];
        while (s.read(buf, 0, mode == 13 ? 1000 : 1) > 0 && s.position() < 100_000) {
          // drain
        }
      }
    }
    return "ok";
  }

  private static byte[] mutate(Seed seed, SplittableRandom rnd) {
    byte[] b = seed.bytes().clone();
    int count = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
    for (int m = 0; m < count; m++) {
      b = mutateOnce(b, seed, rnd);
    }
    return b;
  }

  private static byte[] mutateOnce(byte[] b, Seed seed, SplittableRandom rnd) {
    if (b.length == 0) {
      return new byte[] {(byte) rnd.nextInt(256)};
    }
    // half of the point mutations hit the header, where the parser's decisions are
    int pos = rnd.nextBoolean() ? rnd.nextInt(Math.min(b.length, 96)) : rnd.nextInt(b.length);
    switch (rnd.nextInt(9)) {
      case 0 -> b[pos] ^= (byte) (1 << rnd.nextInt(8));
      case 1 -> b[pos] = 0;
      case 2 -> b[pos] = (byte) 0xFF;
      case 3 -> b[pos] = (byte) rnd.nextInt(256);
      case 4 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
      case 5 -> {
        byte[] ins = new byte[1 + rnd.nextInt(16)];
        rnd.nextBytes(ins);
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(ins, 0, out, pos, ins.length);
        System.arraycopy(b, pos, out, pos + ins.length, b.length - pos);
        b = out;
      }
      case 6 -> {
        int len = Math.min(b.length - pos, 1 + rnd.nextInt(16));
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, pos);
        System.arraycopy(b, pos + len, out, pos, b.length - pos - len);
        b = out;
      }
      case 7 -> {
        int field = seed.sizeFields()[rnd.nextInt(seed.sizeFields().length)];
        if (field + 4 <= b.length) {
          long old = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(field) & 0xffffffffL;
          long[] extremes = {0, 1, 2, 3, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0xFFFFFFFEL, old + 1, old - 1,
              old + 2, old * 2, rnd.nextLong(1L << 32)};
          ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(field, (int) extremes[rnd.nextInt(extremes.length)]);
        }
      }
      default -> {
        // fmt fields: tag, channels, rate, byte rate, block align, bits, cbSize, valid bits, sub-format tag
        int[] offsets = {0, 2, 4, 8, 12, 14, 16, 18, 24};
        int[] widths = {2, 2, 4, 4, 2, 2, 2, 2, 2};
        int k = rnd.nextInt(offsets.length);
        int at = seed.fmtOffset() + offsets[k];
        if (at + widths[k] <= b.length) {
          long[] extremes = {0, 1, 2, 3, 7, 8, 12, 24, 32, 64, 0xFFFE, 0xFFFF, 0x7FFFFFFFL, 0xFFFFFFFFL,
              rnd.nextLong(1L << 32)};
          long v = extremes[rnd.nextInt(extremes.length)];
          for (int i = 0; i < widths[k]; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
          }
        }
      }
    }
    return b;
  }

  /** The reference WAVs (when present: data cut to 4 KiB, sizes fixed) plus hand-built files of every layout. */
  private static List<Seed> seeds() throws IOException {
    List<byte[]> files = new ArrayList<>();
    Path signals = Reference.shared().resolve("reference").resolve("signals");
    if (Files.isDirectory(signals)) {
      try (var s = Files.list(signals)) {
        for (Path f : s.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
          files.add(shorten(Files.readAllBytes(f), 4096));
        }
      }
    }
    files.add(TestWav.riff().fmt(1, 1, 8000, 8).chunk("data", new byte[] {1, 2, 3, (byte) 200, 5}).build());
    files.add(TestWav.riff().chunk("LIST", new byte[13]).fmt(1, 2, 44100, 16).chunk("PAD ", new byte[6])
        .chunk("data", new byte[400]).chunk("id3 ", new byte[9]).build());
    files.add(TestWav.riff().fmt(1, 3, 48000, 24).chunk("data", new byte[9 * 50]).build());
    files.add(TestWav.riff().fmt(1, 1, 16000, 32).chunk("data", new byte[4 * 64]).build());
    files.add(TestWav.riff().fmt(3, 2, 16000, 32).chunk("fact", TestWav.le32(10))
        .chunk("data", TestWav.floats(new float[20])).build());
    files.add(TestWav.riff().fmt(3, 1, 16000, 64).chunk("data", TestWav.doubles(0.5, -0.5, 0.25)).build());
    files.add(TestWav.riff().chunk("fmt ", TestWav.extensibleBody(1, 2, 16000, 16, 16))
        .chunk("data", new byte[64]).build());
    files.add(TestWav.riff().chunk("fmt ", TestWav.extensibleBody(3, 1, 16000, 32, 32))
        .chunk("data", TestWav.floats(0.1f, 0.2f)).build());
    List<Seed> seeds = new ArrayList<>();
    int i = 0;
    for (byte[] f : files) {
      seeds.add(describe("seed" + i++, f));
    }
    return seeds;
  }

  private static Seed describe(String name, byte[] b) {
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> sizes = new ArrayList<>(List.of(4));
    int fmt = 20;
    for (int p = 12; p + 8 <= b.length; ) {
      sizes.add(p + 4);
      int size = bb.getInt(p + 4);
      if (b[p] == 'f' && b[p + 1] == 'm' && b[p + 2] == 't') {
        fmt = p + 8;
      }
      p += 8 + size + (size & 1);
    }
    return new Seed(name, b, sizes.stream().mapToInt(Integer::intValue).toArray(), fmt);
  }

  /** Cuts the data chunk to at most {@code maxData} bytes and fixes the data and RIFF sizes. */
  private static byte[] shorten(byte[] b, int maxData) {
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    for (int p = 12; p + 8 <= b.length; ) {
      int size = bb.getInt(p + 4);
      if (b[p] == 'd' && b[p + 1] == 'a' && b[p + 2] == 't' && b[p + 3] == 'a' && size > maxData) {
        byte[] out = Arrays.copyOf(b, p + 8 + maxData);
        ByteBuffer ob = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        ob.putInt(p + 4, maxData);
        ob.putInt(4, out.length - 8);
        return out;
      }
      p += 8 + size + (size & 1);
    }
    return b;
  }
}
