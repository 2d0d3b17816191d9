package io.github.ser4j.dsp.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * A sequential byte source with a known or unknown size: an in-memory array, a read-only file
 * channel, or an input stream. The WAV parser walks chunks through this one interface, so the
 * whole-file reader, {@link WavStream} and the fuzz test share the same validation code.
 */
abstract class ByteSource implements Closeable {

  /** @return bytes consumed so far */
  abstract long position();

  /** @return the total size in bytes, or -1 when unknown (a stream) */
  abstract long size();

  /**
   * Reads up to {@code len} bytes, blocking until they arrive or the source ends.
   *
   * @return the number of bytes read; less than {@code len} only at the end
   */
  abstract int readFully(byte[] b, int off, int len) throws IOException;

  /**
   * Skips up to {@code n} bytes.
   *
   * @return the number skipped; less than {@code n} only at the end
   */
  abstract long skip(long n) throws IOException;

  @Override
  public void close() throws IOException {}

  /** The whole file in memory; decoding reads the array directly. */
  static final class OfArray extends ByteSource {
    final byte[] bytes;
    private int pos;

    OfArray(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    long position() {
      return pos;
    }

    @Override
    long size() {
      return bytes.length;
    }

    @Override
    int readFully(byte[] b, int off, int len) {
      int n = Math.min(len, bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    long skip(long n) {
      long k = Math.min(n, (long) bytes.length - pos);
      pos += (int) k;
      return k;
    }

    void seek(long position) {
      pos = (int) position;
    }
  }

  /** A read-only file channel: skipping is a seek, so headers of huge files parse without reading them. */
  static final class OfChannel extends ByteSource {
    private final SeekableByteChannel channel;
    private final long size;
    private long pos;

    OfChannel(SeekableByteChannel channel) throws IOException {
      this.channel = channel;
      this.size = channel.size();
    }

    @Override
    long position() {
      return pos;
    }

    @Override
    long size() {
      return size;
    }

    @Override
    int readFully(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (buf.hasRemaining()) {
        if (channel.read(buf) < 0) {
          break;
        }
      }
      int n = buf.position() - off;
      pos += n;
      return n;
    }

    @Override
    long skip(long n) throws IOException {
      long k = Math.min(n, size - pos);
      pos += k;
      channel.position(pos);
      return k;
    }

    void seek(long position) throws IOException {
      pos = position;
      channel.position(position);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** An input stream of unknown length (network, resources, pipes). */
  static final class OfStream extends ByteSource {
    private final InputStream in;
    private long pos;
    private final byte[] skipBuffer = new byte[8192];

    OfStream(InputStream in) {
      this.in = in;
    }

    @Override
    long position() {
      return pos;
    }

    @Override
    long size() {
      return -1;
    }

    @Override
    int readFully(byte[] b, int off, int len) throws IOException {
      int n = in.readNBytes(b, off, len);
      pos += n;
      return n;
    }

    @Override
    long skip(long n) throws IOException {
      // InputStream.skip may stop early without reaching the end; reading is the only reliable probe.
      long done = 0;
      while (done < n) {
        int k = in.readNBytes(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - done));
        if (k == 0) {
          break;
        }
        done += k;
      }
      pos += done;
      return done;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
