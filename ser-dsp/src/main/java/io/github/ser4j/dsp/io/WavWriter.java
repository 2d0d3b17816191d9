package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes WAV files: 16-bit PCM or 32-bit IEEE float, any number of channels (plain format tags
 * 1 and 3, a 16-byte {@code fmt } chunk; float files also get a {@code fact} chunk).
 *
 * <p>Float to 16-bit follows libsndfile with clipping on ({@code SFC_SET_CLIPPING}, its
 * {@code psf_f2s_clip_array}): {@code lrint(x * 32768)} (round half to even), clipped to
 * [-32768, 32767]. This is the exact inverse of the reader's {@code k / 32768}, so reading a 16-bit
 * file and writing it back reproduces its data bytes. (soundfile's default, clipping off, scales by
 * 32767 instead: it changes every |k| &gt; 16384 by one step on a round trip and wraps around for
 * |x| &gt; 1.)
 */
public final class WavWriter {
  private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

  private WavWriter() {}

  /**
   * Writes a mono clip to a file (created or replaced).
   *
   * @param path the file
   * @param clip the samples and rate
   * @param encoding the sample encoding
   * @throws IOException if the file cannot be written
   */
  public static void write(Path path, AudioClip clip, WavEncoding encoding) throws IOException {
    Files.write(path, toBytes(clip, encoding));
  }

  /**
   * Writes a mono clip to a stream (not closed).
   *
   * @param out the stream
   * @param clip the samples and rate
   * @param encoding the sample encoding
   * @throws IOException if writing fails
   */
  public static void write(OutputStream out, AudioClip clip, WavEncoding encoding) throws IOException {
    out.write(toBytes(clip, encoding));
  }

  /**
   * Writes interleaved multichannel samples to a file (created or replaced).
   *
   * @param path the file
   * @param interleaved {@code frames * channels} samples, {@code [frame][channel]} flattened
   * @param channels channels per frame, 1..65535
   * @param sampleRate frames per second, &gt; 0
   * @param encoding the sample encoding
   * @throws IOException if the file cannot be written
   * @throws InvalidAudioException if a sample is NaN or infinite
   */
  public static void write(Path path, float[] interleaved, int channels, int sampleRate, WavEncoding encoding)
      throws IOException {
    Files.write(path, toBytes(interleaved, channels, sampleRate, encoding));
  }

  /**
   * Encodes a mono clip as a complete WAV file in memory.
   *
   * @param clip the samples and rate
   * @param encoding the sample encoding
   * @return the file's bytes
   */
  public static byte[] toBytes(AudioClip clip, WavEncoding encoding) {
    if (clip == null) {
      throw new InvalidParameterException("clip = null is not allowed: must be an AudioClip");
    }
    float[] s = new float[clip.length()];
    clip.copyTo(s);
    return toBytes(s, 1, clip.sampleRate(), encoding);
  }

  /**
   * Encodes interleaved samples as a complete WAV file in memory.
   *
   * @param interleaved {@code frames * channels} samples
   * @param channels channels per frame, 1..65535
   * @param sampleRate frames per second, &gt; 0
   * @param encoding the sample encoding
   * @return the file's bytes
   * @throws InvalidAudioException if a sample is NaN or infinite
   */
  public static byte[] toBytes(float[] interleaved, int channels, int sampleRate, WavEncoding encoding) {
    if (interleaved == null || encoding == null) {
      throw new InvalidParameterException((interleaved == null ? "interleaved" : "encoding")
          + " = null is not allowed: must be given");
    }
    InvalidParameterException.require(channels >= 1 && channels <= 65535, "channels", channels, "1..65535");
    InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
    if (interleaved.length % channels != 0) {
      throw new InvalidParameterException("interleaved.length = " + interleaved.length + " is not allowed: must be"
          + " a multiple of channels = " + channels);
    }
    AudioClip.requireFinite(interleaved);
    int bytesPerSample = encoding == WavEncoding.PCM_16 ? 2 : 4;
    int blockAlign = channels * bytesPerSample;
    if (blockAlign > 65535) {
      throw new InvalidParameterException("channels = " + channels + " is not allowed with " + encoding
          + ": a frame would exceed the 65535-byte WAV block align");
    }
    long dataBytes = (long) interleaved.length * bytesPerSample;
    int headerBytes = encoding == WavEncoding.PCM_16 ? 44 : 56;
    if (dataBytes + headerBytes > Integer.MAX_VALUE - 8) {
      throw new InvalidParameterException("interleaved.length = " + interleaved.length
          + " is not allowed: the file would exceed 2 GiB; write it in several files");
    }
    byte[] b = new byte[(int) (headerBytes + dataBytes)];
    int p = 0;
    p = ascii(b, p, "RIFF");
    INT_LE.set(b, p, b.length - 8);
    p = ascii(b, p + 4, "WAVE");
    p = ascii(b, p, "fmt ");
    INT_LE.set(b, p, 16);
    SHORT_LE.set(b, p + 4, (short) (encoding == WavEncoding.PCM_16 ? 1 : 3));
    SHORT_LE.set(b, p + 6, (short) channels);
    INT_LE.set(b, p + 8, sampleRate);
    INT_LE.set(b, p + 12, (int) Math.min(0xFFFFFFFFL, (long) sampleRate * blockAlign));
    SHORT_LE.set(b, p + 16, (short) blockAlign);
    SHORT_LE.set(b, p + 18, (short) (bytesPerSample * 8));
    p += 20;
    if (encoding == WavEncoding.FLOAT) {
      p = ascii(b, p, "fact");
      INT_LE.set(b, p, 4);
      INT_LE.set(b, p + 4, interleaved.length / channels);
      p += 8;
    }
    p = ascii(b, p, "data");
    INT_LE.set(b, p, (int) dataBytes);
    p += 4;
    if (encoding == WavEncoding.PCM_16) {
      for (int i = 0; i < interleaved.length; i++, p += 2) {
        SHORT_LE.set(b, p, toPcm16(interleaved[i]));
      }
    } else {
      for (int i = 0; i < interleaved.length; i++, p += 4) {
        FLOAT_LE.set(b, p, interleaved[i]);
      }
    }
    return b;
  }

  /** libsndfile's clipping float-to-short: lrint(x * 32768) (half to even), clipped. */
  static short toPcm16(float x) {
    double v = Math.rint(x * 32768.0);
    return (short) Math.max(-32768.0, Math.min(32767.0, v));
  }

  private static int ascii(byte[] b, int p, String s) {
    for (int i = 0; i < 4; i++) {
      b[p + i] = (byte) s.charAt(i);
    }
    return p + 4;
  }
}
