package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.AudioFormatException;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.UnsupportedAudioException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads audio files into {@link AudioClip}s, as {@code librosa.load(path, sr=None, mono=True)}: the
 * native sample rate, channels averaged. The format is recognised from the content, not the file
 * name: RIFF/WAVE goes to {@link WavReader}; anything else to {@code javax.sound.sampled}, which
 * reads AIFF and AU, and FLAC or MP3 when the optional codecs {@code org.jflac:jflac-codec} or
 * {@code com.googlecode.soundlibs:mp3spi} are on the class path.
 *
 * <p>Files are opened read-only and never modified. Failures: {@link java.nio.file.NoSuchFileException}
 * and other {@link IOException}s for I/O (a directory is a {@link FileSystemException});
 * {@link AudioFormatException} for a malformed file; {@link UnsupportedAudioException} for a valid
 * file in an encoding that cannot be decoded (naming the encoding, or the Maven coordinates of the
 * missing codec); {@link InvalidAudioException} for NaN or infinite samples. Every message names the file.
 */
public final class AudioIO {
  private static final String STREAM_NAME = "<input stream>";

  private AudioIO() {}

  /**
   * Reads a file as a mono clip at its own sample rate (the mean of the channels).
   *
   * @param path the file
   * @return the clip
   * @throws IOException if the file cannot be read
   */
  public static AudioClip read(Path path) throws IOException {
    return read(path, ReadOptions.defaults());
  }

  /**
   * Reads part of a file, or one channel.
   *
   * @param path the file
   * @param options offset, duration (seconds) and channel selection
   * @return the clip at the file's sample rate
   * @throws IOException if the file cannot be read
   */
  public static AudioClip read(Path path, ReadOptions options) throws IOException {
    requireOptions(options);
    return decode(readFile(path), path.toString(), options);
  }

  /**
   * Reads a whole stream as a mono clip. The stream is read to its end but not closed.
   *
   * @param in the audio file's bytes
   * @return the clip
   * @throws IOException if reading fails
   */
  public static AudioClip read(InputStream in) throws IOException {
    return read(in, ReadOptions.defaults());
  }

  /**
   * Reads part of a stream, or one channel. The stream is read to its end but not closed.
   *
   * @param in the audio file's bytes
   * @param options offset, duration and channel selection
   * @return the clip
   * @throws IOException if reading fails
   */
  public static AudioClip read(InputStream in, ReadOptions options) throws IOException {
    requireOptions(options);
    return decode(readStream(in), STREAM_NAME, options);
  }

  /**
   * Reads every channel of a file.
   *
   * @param path the file
   * @return one clip per channel, in file order
   * @throws IOException if the file cannot be read
   */
  public static List<AudioClip> readChannels(Path path) throws IOException {
    byte[] bytes = readFile(path);
    String name = path.toString();
    if (isRiff(bytes)) {
      return WavReader.decodeChannels(WavReader.header(bytes, name), bytes, name);
    }
    Codec.Decoded d = Codec.decode(bytes, name);
    return WavReader.decodeChannels(d.header(), d.data(), name);
  }

  /**
   * Reads a file's format facts without decoding its samples.
   *
   * @param path the file
   * @return the facts
   * @throws IOException if the file cannot be read
   */
  public static AudioInfo readInfo(Path path) throws IOException {
    byte[] head = new byte[12];
    try (ByteSource src = openChannel(path)) {
      int n = src.readFully(head, 0, head.length);
      byte[] start = Arrays.copyOf(head, n);
      if (isRiff(start)) {
        return WavReader.readInfo(path);
      }
      Codec kind = Codec.sniff(start);
      try {
        return Codec.info(AudioSystem.getAudioFileFormat(path.toFile()));
      } catch (UnsupportedAudioFileException e) {
        throw new UnsupportedAudioException(kind.missingMessage(path.toString(), start));
      } catch (RuntimeException e) {
        throw new AudioFormatException(path + ": the " + kind.label + " decoder failed: " + e, e);
      }
    }
  }

  /**
   * Opens a WAV file for reading block by block with bounded memory.
   *
   * @param path the WAV file, opened read-only
   * @return the open stream; close it
   * @throws IOException if the file cannot be opened
   * @throws AudioFormatException if it is not a well-formed WAV file (checked in full before returning)
   */
  public static WavStream openStream(Path path) throws IOException {
    return WavStream.open(openChannel(path), path.toString());
  }

  /**
   * Opens a WAV stream for reading block by block; the header is parsed now, the samples as they
   * are read. Closing the returned stream closes {@code in}.
   *
   * @param in a WAV file's bytes
   * @return the open stream
   * @throws IOException if reading fails
   */
  public static WavStream openStream(InputStream in) throws IOException {
    if (in == null) {
      throw new InvalidParameterException("in = null is not allowed: must be an input stream");
    }
    return WavStream.open(new ByteSource.OfStream(in), STREAM_NAME);
  }

  static AudioClip decode(byte[] bytes, String name, ReadOptions options) {
    if (isRiff(bytes)) {
      return WavReader.decode(WavReader.header(bytes, name), bytes, name, options);
    }
    Codec.Decoded d = Codec.decode(bytes, name);
    return WavReader.decode(d.header(), d.data(), name, options);
  }

  /** RIFF-family and too-short inputs go to the WAV parser, which has the precise messages for them. */
  private static boolean isRiff(byte[] b) {
    if (b.length < 4) {
      return true;
    }
    String m = new String(b, 0, 4, StandardCharsets.ISO_8859_1);
    return m.equals("RIFF") || m.equals("RIFX") || m.equals("RF64") || m.equals("BW64");
  }

  private static void requireOptions(ReadOptions options) {
    if (options == null) {
      throw new InvalidParameterException("options = null is not allowed: use ReadOptions.defaults()");
    }
  }

  private static void requirePath(Path path) throws IOException {
    if (path == null) {
      throw new InvalidParameterException("path = null is not allowed: must be a file");
    }
    if (Files.isDirectory(path)) {
      throw new FileSystemException(path.toString(), null, "is a directory, not an audio file");
    }
  }

  /** Reads a whole file, opened read-only. */
  static byte[] readFile(Path path) throws IOException {
    requirePath(path);
    return Files.readAllBytes(path);
  }

  /** Opens a file read-only as a seekable source. */
  static ByteSource.OfChannel openChannel(Path path) throws IOException {
    requirePath(path);
    return new ByteSource.OfChannel(Files.newByteChannel(path, StandardOpenOption.READ));
  }

  private static byte[] readStream(InputStream in) throws IOException {
    if (in == null) {
      throw new InvalidParameterException("in = null is not allowed: must be an input stream");
    }
    return in.readAllBytes();
  }
}
