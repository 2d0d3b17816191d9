package io.github.ser4j.dsp.io;

import java.io.ByteArrayOutputStream;

/**
 * A minimal FLAC encoder for tests (jflac-codec 1.5.2 ships only a decoder; its FLACEncoder class
 * has settings but no encoding method). Writes STREAMINFO and fixed-blocksize frames whose subframes
 * are CONSTANT when a block is constant and VERBATIM otherwise, per the FLAC format specification
 * (RFC 9639): lossless by construction, so a decoder must return exactly the input integers.
 */
final class TestFlac {
  private TestFlac() {}

  /**
   * @param interleaved integer samples, {@code [frame][channel]} flattened, within {@code bps} bits
   * @param channels 1..8
   * @param rate sample rate in Hz
   * @param bps bits per sample: 8, 16 or 24
   * @param blockSize frames per FLAC frame, 16..65535
   * @return the FLAC file
   */
  static byte[] encode(int[] interleaved, int channels, int rate, int bps, int blockSize) {
    return encode(interleaved, channels, rate, bps, blockSize, false);
  }

  /**
   * As {@link #encode(int[], int, int, int, int)}; {@code vorbisComment} adds a VORBIS_COMMENT block
   * after STREAMINFO, as the reference encoder (libFLAC) always writes one.
   */
  static byte[] encode(int[] interleaved, int channels, int rate, int bps, int blockSize, boolean vorbisComment) {
    int frames = interleaved.length / channels;
    Bits out = new Bits();
    out.bytes("fLaC");
    out.put(vorbisComment ? 0 : 1, 1); // last metadata block?
    out.put(0, 7); // STREAMINFO
    out.put(34, 24);
    out.put(blockSize, 16);
    out.put(blockSize, 16);
    out.put(0, 24); // min frame size unknown
    out.put(0, 24); // max frame size unknown
    out.put(rate, 20);
    out.put(channels - 1, 3);
    out.put(bps - 1, 5);
    out.put((long) frames >>> 32, 4);
    out.put(frames & 0xffffffffL, 32);
    for (int i = 0; i < 16; i++) {
      out.put(0, 8); // MD5 unknown
    }
    if (vorbisComment) {
      byte[] vendor = "ser4j test".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      out.put(1, 1);
      out.put(4, 7); // VORBIS_COMMENT: little-endian lengths, unlike the rest of FLAC
      out.put(4 + vendor.length + 4, 24);
      out.put(Integer.reverseBytes(vendor.length) & 0xffffffffL, 32);
      for (byte v : vendor) {
        out.put(v, 8);
      }
      out.put(0, 32); // no comments
    }
    for (int start = 0, index = 0; start < frames; start += blockSize, index++) {
      int n = Math.min(blockSize, frames - start);
      int frameStart = out.size();
      out.put(0b11111111111110, 14);
      out.put(0, 1);
      out.put(0, 1); // fixed blocksize
      out.put(0b0111, 4); // 16-bit (blocksize-1) at the end of the header
      out.put(0b0000, 4); // sample rate from STREAMINFO
      out.put(channels - 1, 4); // independent channels
      out.put(bps == 8 ? 0b001 : bps == 16 ? 0b100 : 0b110, 3);
      out.put(0, 1);
      utf8(out, index);
      out.put(n - 1, 16);
      out.put(crc8(out.buffer(), frameStart, out.size()), 8);
      for (int c = 0; c < channels; c++) {
        boolean constant = true;
        int first = interleaved[start * channels + c];
        for (int i = 1; i < n && constant; i++) {
          constant = interleaved[(start + i) * channels + c] == first;
        }
        out.put(0, 1);
        out.put(constant ? 0b000000 : 0b000001, 6);
        out.put(0, 1); // no wasted bits
        if (constant) {
          out.put(first & ((1L << bps) - 1), bps);
        } else {
          for (int i = 0; i < n; i++) {
            out.put(interleaved[(start + i) * channels + c] & ((1L << bps) - 1), bps);
          }
        }
      }
      out.alignToByte();
      out.put(crc16(out.buffer(), frameStart, out.size()), 16);
    }
    return out.toByteArray();
  }

  private static void utf8(Bits out, int v) {
    if (v < 0x80) {
      out.put(v, 8);
    } else if (v < 0x800) {
      out.put(0xC0 | v >> 6, 8);
      out.put(0x80 | v & 0x3F, 8);
    } else {
      out.put(0xE0 | v >> 12, 8);
      out.put(0x80 | v >> 6 & 0x3F, 8);
      out.put(0x80 | v & 0x3F, 8);
    }
  }

  private static int crc8(byte[] b, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= b[i] & 0xff;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xff : crc << 1 & 0xff;
      }
    }
    return crc;
  }

  private static int crc16(byte[] b, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc ^= (b[i] & 0xff) << 8;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x8005) & 0xffff : crc << 1 & 0xffff;
      }
    }
    return crc;
  }

  /** MSB-first bit writer. */
  private static final class Bits {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long acc;
    private int nbits;

    void put(long value, int width) {
      for (int i = width - 1; i >= 0; i--) {
        acc = acc << 1 | (value >>> i & 1);
        if (++nbits == 8) {
          bytes.write((int) acc);
          acc = 0;
          nbits = 0;
        }
      }
    }

    void bytes(String s) {
      for (char c : s.toCharArray()) {
        put(c, 8);
      }
    }

    void alignToByte() {
      while (nbits != 0) {
        put(0, 1);
      }
    }

    /** @return bytes written so far (call when byte-aligned) */
    int size() {
      return bytes.size();
    }

    byte[] buffer() {
      return bytes.toByteArray();
    }

    byte[] toByteArray() {
      return bytes.toByteArray();
    }
  }
}
