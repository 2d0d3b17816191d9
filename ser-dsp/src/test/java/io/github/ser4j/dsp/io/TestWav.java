package io.github.ser4j.dsp.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte for tests, including malformed ones (sizes that lie, odd chunks). */
final class TestWav {
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  static TestWav riff() {
    return new TestWav();
  }

  /** A 16-byte fmt chunk with consistent block align and byte rate. */
  TestWav fmt(int tag, int channels, int rate, int bits) {
    int align = channels * bits / 8;
    return chunk("fmt ", fmtBody(tag, channels, rate, rate * align, align, bits));
  }

  /** A chunk whose size field is the body length (plus a pad byte when odd). */
  TestWav chunk(String id, byte[] data) {
    return chunk(id, data.length, data, true);
  }

  /** A chunk with an arbitrary declared size; {@code pad} appends a pad byte for odd bodies. */
  TestWav chunk(String id, long declaredSize, byte[] data, boolean pad) {
    body.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
    body.writeBytes(le32(declaredSize));
    body.writeBytes(data);
    if (pad && (data.length & 1) == 1) {
      body.write(0);
    }
    return this;
  }

  /** Raw bytes appended as they are. */
  TestWav raw(byte[] data) {
    body.writeBytes(data);
    return this;
  }

  /** @return the file with a correct RIFF size */
  byte[] build() {
    return build(body.size() + 4L);
  }

  /** @return the file with the given RIFF size field */
  byte[] build(long riffSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(le32(riffSize));
    out.writeBytes("WAVE".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  static byte[] fmtBody(int tag, int channels, long rate, long byteRate, int align, int bits) {
    return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag).putShort((short) channels)
        .putInt((int) rate).putInt((int) byteRate).putShort((short) align).putShort((short) bits).array();
  }

  /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt body with the standard PCM/float sub-format GUID. */
  static byte[] extensibleBody(int subTag, int channels, int rate, int bits, int validBits) {
    int align = channels * bits / 8;
    ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * align).putShort((short) align)
        .putShort((short) bits).putShort((short) 22).putShort((short) validBits).putInt(channels == 2 ? 3 : 4);
    b.putShort((short) subTag).put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
    return b.array();
  }

  static byte[] le16(int... v) {
    ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int x : v) {
      b.putShort((short) x);
    }
    return b.array();
  }

  static byte[] le32(long v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
  }

  static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      b.putFloat(x);
    }
    return b.array();
  }

  static byte[] doubles(double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : v) {
      b.putDouble(x);
    }
    return b.array();
  }
}
