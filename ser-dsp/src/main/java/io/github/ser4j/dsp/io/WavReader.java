package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.AudioFormatException;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.UnsupportedAudioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RIFF/WAVE files: PCM 8 (unsigned), 16, 24 and 32 bit, IEEE float 32 and 64 bit, plain or
 * WAVE_FORMAT_EXTENSIBLE, with any other chunks (LIST, fact, PEAK, PAD , unknown ones) before or
 * after the samples. Samples decode exactly as {@code soundfile.read(dtype='float64')} rounded to
 * float: int16 / 2^15, int24 / 2^23, int32 / 2^31, (u8 - 128) / 2^7, float as stored.
 *
 * <p>The header is checked strictly (see {@code docs/audio-io.md}): a data chunk longer than the
 * file is an {@link AudioFormatException} naming the declared and available bytes, never a silent
 * truncation; sizes in the header are never trusted for allocation. Use {@link AudioIO} to read
 * any supported format, and {@link WavStream} for long files.
 */
public final class WavReader {
  private static final int BLOCK_FRAMES = 4096;

  private WavReader() {}

  /**
   * Reads a WAV file as a mono clip (mean of the channels).
   *
   * @param path the file, opened read-only
   * @return the clip at the file's sample rate
   * @throws IOException if the file cannot be read (missing, a directory, ...)
   * @throws AudioFormatException if it is not a well-formed WAV file
   * @throws UnsupportedAudioException for encodings other than PCM and IEEE float
   * @throws InvalidAudioException for NaN or infinite float samples
   */
  public static AudioClip read(Path path) throws IOException {
    return read(path, ReadOptions.defaults());
  }

  /**
   * Reads part of a WAV file, or one channel.
   *
   * @param path the file, opened read-only
   * @param options offset, duration and channel selection
   * @return the clip at the file's sample rate
   * @throws IOException if the file cannot be read
   */
  public static AudioClip read(Path path, ReadOptions options) throws IOException {
    return read(AudioIO.readFile(path), path.toString(), options);
  }

  /**
   * Decodes a WAV file held in memory.
   *
   * @param wav the file's bytes (not modified)
   * @param name a name for error messages
   * @param options offset, duration and channel selection
   * @return the clip at the file's sample rate
   */
  public static AudioClip read(byte[] wav, String name, ReadOptions options) {
    requireArgs(wav, options);
    return decode(header(wav, name), wav, name, options);
  }

  /**
   * Reads every channel of a WAV file.
   *
   * @param path the file, opened read-only
   * @return one clip per channel, in file order
   * @throws IOException if the file cannot be read
   */
  public static List<AudioClip> readChannels(Path path) throws IOException {
    return readChannels(AudioIO.readFile(path), path.toString());
  }

  /**
   * Decodes every channel of a WAV file held in memory.
   *
   * @param wav the file's bytes
   * @param name a name for error messages
   * @return one clip per channel, in file order
   */
  public static List<AudioClip> readChannels(byte[] wav, String name) {
    requireArgs(wav, ReadOptions.defaults());
    return decodeChannels(header(wav, name), wav, name);
  }

  /**
   * Reads a WAV header without decoding the samples; chunks after the data are listed too.
   *
   * @param path the file, opened read-only (only the header bytes are read)
   * @return the format facts
   * @throws IOException if the file cannot be read
   */
  public static AudioInfo readInfo(Path path) throws IOException {
    try (ByteSource src = AudioIO.openChannel(path)) {
      return WavHeader.parse(src, path.toString(), true).info();
    }
  }

  /**
   * Reads the header of a WAV file held in memory.
   *
   * @param wav the file's bytes
   * @param name a name for error messages
   * @return the format facts
   */
  public static AudioInfo readInfo(byte[] wav, String name) {
    requireArgs(wav, ReadOptions.defaults());
    return header(wav, name).info();
  }

  private static void requireArgs(byte[] wav, ReadOptions options) {
    if (wav == null || options == null) {
      throw new InvalidParameterException((wav == null ? "wav" : "options")
          + " = null is not allowed: must be given");
    }
  }

  static WavHeader header(byte[] wav, String name) {
    try {
      return WavHeader.parse(new ByteSource.OfArray(wav), name, true);
    } catch (IOException e) {
      throw new AssertionError("an in-memory source cannot fail", e);
    }
  }

  /** Decodes the selected frames of a parsed file held in memory into one channel. */
  static AudioClip decode(WavHeader h, byte[] bytes, String name, ReadOptions options) {
    options.checkChannel(h.channels(), name);
    long start = options.startFrame(h.frames(), h.sampleRate());
    int n = toInt(options.frameCount(h.frames(), h.sampleRate(), start), name);
    float[] out = new float[n];
    int channels = h.channels();
    int off = (int) (h.dataOffset() + start * h.blockAlign());
    if (channels == 1) {
      h.format().decode(bytes, off, n, out, 0, start, 1, name);
    } else {
      float[] block = new float[Math.min(n, BLOCK_FRAMES) * channels];
      for (int done = 0; done < n; ) {
        int k = Math.min(BLOCK_FRAMES, n - done);
        h.format().decode(bytes, off + done * h.blockAlign(), k * channels, block, 0, (start + done) * channels,
            channels, name);
        ChannelMix.mix(block, k, channels, options.channel(), out, done);
        done += k;
      }
    }
    return AudioClip.wrap(out, h.sampleRate());
  }

  /** Decodes every channel of a parsed file held in memory. */
  static List<AudioClip> decodeChannels(WavHeader h, byte[] bytes, String name) {
    int channels = h.channels();
    int n = toInt(h.frames(), name);
    float[][] out = new float[channels][n];
    float[] block = new float[Math.min(n, BLOCK_FRAMES) * channels];
    for (int done = 0; done < n; ) {
      int k = Math.min(BLOCK_FRAMES, n - done);
      h.format().decode(bytes, (int) h.dataOffset() + done * h.blockAlign(), k * channels, block, 0,
          (long) done * channels, channels, name);
      for (int c = 0; c < channels; c++) {
        ChannelMix.mix(block, k, channels, c, out[c], done);
      }
      done += k;
    }
    List<AudioClip> clips = new ArrayList<>(channels);
    for (float[] c : out) {
      clips.add(AudioClip.wrap(c, h.sampleRate()));
    }
    return List.copyOf(clips);
  }

  private static int toInt(long frames, String name) {
    if (frames > Integer.MAX_VALUE - 8) {
      throw new InvalidAudioException(name + ": " + frames + " frames do not fit in one clip; read it in blocks"
          + " with AudioIO.openStream");
    }
    return (int) frames;
  }
}
