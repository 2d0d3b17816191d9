package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.AudioFormatException;
import io.github.ser4j.dsp.InvalidParameterException;
import java.io.IOException;

/**
 * Reads a WAV file block by block with bounded memory: each call decodes up to the requested
 * number of frames into the caller's buffer through one internal buffer of about 64 KiB, so a file
 * of any length can be processed (soundfile's {@code SoundFile.read(frames)} / {@code blocks()}).
 * Opened by {@link AudioIO#openStream(java.nio.file.Path)} or {@link AudioIO#openStream(java.io.InputStream)}.
 *
 * <p>Not thread-safe. Close it (try-with-resources) to release the file.
 */
public final class WavStream implements AutoCloseable {
  private static final int BUFFER_BYTES = 1 << 16;

  private final ByteSource src;
  private final WavHeader header;
  private final String name;
  private final byte[] buffer;
  private final int bufferFrames;
  private float[] scratch;
  private long position;
  private boolean ended;
  private boolean closed;

  private WavStream(ByteSource src, WavHeader header, String name) {
    this.src = src;
    this.header = header;
    this.name = name;
    int align = header.blockAlign();
    this.bufferFrames = Math.max(1, BUFFER_BYTES / align);
    this.buffer = new byte[bufferFrames * align];
  }

  /** Parses the header and positions {@code src} at the first sample; closes {@code src} on failure. */
  static WavStream open(ByteSource src, String name) throws IOException {
    try {
      boolean seekable = src instanceof ByteSource.OfChannel;
      WavHeader h = WavHeader.parse(src, name, seekable);
      if (seekable) {
        ((ByteSource.OfChannel) src).seek(h.dataOffset());
      }
      return new WavStream(src, h, name);
    } catch (IOException | RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /** @return the format facts (for an input stream, only the chunks up to the data are listed) */
  public AudioInfo info() {
    return header.info();
  }

  /** @return frames per second (Hz) */
  public int sampleRate() {
    return header.sampleRate();
  }

  /** @return channels per frame */
  public int channels() {
    return header.channels();
  }

  /** @return the number of frames in the file, or -1 when the data chunk's size is unknown (0xFFFFFFFF) */
  public long frames() {
    return header.frames();
  }

  /** @return frames read so far */
  public long position() {
    return position;
  }

  /**
   * Reads up to {@code maxFrames} frames as mono (the mean of the channels, as
   * {@link AudioIO#read(java.nio.file.Path)}).
   *
   * @param dst destination
   * @param off first index written
   * @param maxFrames frames wanted, &ge; 0
   * @return frames written (fewer than {@code maxFrames} only at the end), or -1 at the end
   * @throws IOException on a read failure or if the stream is closed
   * @throws AudioFormatException if the file ends before its data chunk does
   */
  public int read(float[] dst, int off, int maxFrames) throws IOException {
    return read(dst, off, maxFrames, ReadOptions.MIX);
  }

  /**
   * Reads up to {@code maxFrames} frames of one channel, or their mean.
   *
   * @param dst destination
   * @param off first index written
   * @param maxFrames frames wanted, &ge; 0
   * @param channel a channel index, or {@link ReadOptions#MIX} for the mean
   * @return frames written, or -1 at the end
   * @throws IOException on a read failure or if the stream is closed
   */
  public int read(float[] dst, int off, int maxFrames, int channel) throws IOException {
    checkRange(dst, off, maxFrames, 1);
    if (channel < ReadOptions.MIX || channel >= header.channels()) {
      throw new InvalidParameterException("channel = " + channel + " is not allowed: must be in [0, "
          + (header.channels() - 1) + "] or -1 (MIX)");
    }
    int channels = header.channels();
    if (channels == 1) {
      return readInterleaved(dst, off, maxFrames);
    }
    if (scratch == null) {
      scratch = new float[bufferFrames * channels];
    }
    int done = 0;
    while (done < maxFrames) {
      int k = fill(Math.min(bufferFrames, maxFrames - done));
      if (k == 0) {
        break;
      }
      header.format().decode(buffer, 0, k * channels, scratch, 0, (position - k) * channels, channels, name);
      ChannelMix.mix(scratch, k, channels, channel, dst, off + done);
      done += k;
    }
    return done == 0 && maxFrames > 0 ? -1 : done;
  }

  /**
   * Reads up to {@code maxFrames} frames with all channels interleaved ({@code [frame][channel]}
   * flattened, {@code channels()} values per frame).
   *
   * @param dst destination, room for {@code maxFrames * channels()} values from {@code off}
   * @param off first index written
   * @param maxFrames frames wanted, &ge; 0
   * @return frames written, or -1 at the end
   * @throws IOException on a read failure or if the stream is closed
   */
  public int readInterleaved(float[] dst, int off, int maxFrames) throws IOException {
    int channels = header.channels();
    checkRange(dst, off, maxFrames, channels);
    int done = 0;
    while (done < maxFrames) {
      int k = fill(Math.min(bufferFrames, maxFrames - done));
      if (k == 0) {
        break;
      }
      header.format().decode(buffer, 0, k * channels, dst, off + done * channels, (position - k) * channels,
          channels, name);
      done += k;
    }
    return done == 0 && maxFrames > 0 ? -1 : done;
  }

  /** Reads up to {@code frames} whole frames into {@link #buffer}; returns how many (0 at the end). */
  private int fill(int frames) throws IOException {
    if (closed) {
      throw new IOException(name + ": the stream is closed");
    }
    long total = header.frames();
    int want = total < 0 ? frames : (int) Math.min(frames, total - position);
    if (want <= 0 || ended) {
      return 0;
    }
    int align = header.blockAlign();
    int got = src.readFully(buffer, 0, want * align);
    int k = got / align;
    if (got < want * align) {
      if (total >= 0) {
        throw new AudioFormatException(name + ": the 'data' chunk declares " + total * align
            + " bytes of whole frames but the input ended after " + (position * align + got));
      }
      ended = true; // size unknown (0xFFFFFFFF): the data runs to the end; a partial last frame is dropped
    }
    position += k;
    return k;
  }

  private static void checkRange(float[] dst, int off, int maxFrames, int channels) {
    if (dst == null || off < 0 || maxFrames < 0 || (long) maxFrames * channels > dst.length - (long) off) {
      throw new InvalidParameterException("dst/off/maxFrames = " + (dst == null ? "null" : dst.length + " values")
          + "/" + off + "/" + maxFrames + " is not allowed: need off >= 0, maxFrames >= 0 and room for maxFrames * "
          + channels + " values from off");
    }
  }

  /** Closes the underlying file or stream. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      src.close();
    }
  }
}
