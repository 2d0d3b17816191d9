package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.InvalidAudioException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * How one stored sample is laid out, and its conversion to float the way soundfile/libsndfile
 * does it: int16 / 2^15, int24 / 2^23, int32 / 2^31 (rounded once to float), unsigned 8-bit
 * (u - 128) / 2^7, IEEE float as stored (float64 rounded to float). Names are soundfile's subtypes.
 *
 * <p>Every conversion is a whole-block loop with the format switch outside it, reading the byte
 * array through little-endian array views (no per-sample virtual call, no intermediate buffer).
 */
enum SampleFormat {
  PCM_U8(1, false),
  /** Signed 8-bit, as java.sound delivers it for some codecs; WAV 8-bit is always unsigned. */
  PCM_S8(1, false),
  PCM_16(2, false),
  PCM_24(3, false),
  PCM_32(4, false),
  FLOAT(4, true),
  DOUBLE(8, true);

  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  final int bytes;
  final boolean floating;

  SampleFormat(int bytes, boolean floating) {
    this.bytes = bytes;
    this.floating = floating;
  }

  /** @return bits per stored sample */
  int bits() {
    return bytes * 8;
  }

  /**
   * Decodes {@code count} consecutive samples (interleaved channels stay interleaved).
   *
   * @param src little-endian sample bytes
   * @param off offset of the first sample in {@code src}
   * @param count number of samples
   * @param dst destination
   * @param dstOff first index written in {@code dst}
   * @param firstIndex index of the first sample in the whole file, for error messages
   * @param channels channels per frame, for error messages
   * @param name the file name, for error messages
   * @throws InvalidAudioException if a float sample is NaN, infinite or beyond the float range
   */
  void decode(byte[] src, int off, int count, float[] dst, int dstOff, long firstIndex, int channels, String name) {
    switch (this) {
      case PCM_U8 -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = ((src[off + i] & 0xff) - 128) * 0x1p-7f;
        }
      }
      case PCM_S8 -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = src[off + i] * 0x1p-7f;
        }
      }
      case PCM_16 -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = (short) SHORT_LE.get(src, off + 2 * i) * 0x1p-15f;
        }
      }
      case PCM_24 -> {
        for (int i = 0, p = off; i < count; i++, p += 3) {
          int v = (src[p] & 0xff) | (src[p + 1] & 0xff) << 8 | src[p + 2] << 16;
          dst[dstOff + i] = v * 0x1p-23f;
        }
      }
      case PCM_32 -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = (float) ((int) INT_LE.get(src, off + 4 * i) * 0x1p-31);
        }
      }
      case FLOAT -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = (float) FLOAT_LE.get(src, off + 4 * i);
        }
        requireFinite(dst, dstOff, count, null, 0, firstIndex, channels, name);
      }
      case DOUBLE -> {
        for (int i = 0; i < count; i++) {
          dst[dstOff + i] = (float) (double) DOUBLE_LE.get(src, off + 8 * i);
        }
        requireFinite(dst, dstOff, count, src, off, firstIndex, channels, name);
      }
      default -> throw new IllegalStateException(name());
    }
  }

  private static void requireFinite(float[] dst, int dstOff, int count, byte[] doubles, int off, long firstIndex,
      int channels, String name) {
    for (int i = 0; i < count; i++) {
      if (!Float.isFinite(dst[dstOff + i])) {
        long index = firstIndex + i;
        String value = Float.toString(dst[dstOff + i]);
        if (doubles != null) {
          double d = (double) DOUBLE_LE.get(doubles, off + 8 * i);
          value = Double.isFinite(d) ? d + " (beyond the float range)" : Double.toString(d);
        }
        throw new InvalidAudioException(name + ": sample " + index + " (frame " + index / channels + ", channel "
            + index % channels + ") is " + value + ": audio samples must be finite");
      }
    }
  }
}
