package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.AudioFormatException;
import io.github.ser4j.dsp.UnsupportedAudioException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Formats other than WAV, decoded through {@code javax.sound.sampled} service providers found on
 * the class path (jflac-codec for FLAC, mp3spi for MP3; AIFF and AU are built into the JDK).
 * The file type is recognised from its first bytes so that a missing codec can be named.
 */
enum Codec {
  FLAC("FLAC", "org.jflac", "jflac-codec", "1.5.2"),
  MP3("MP3 (MPEG audio)", "com.googlecode.soundlibs", "mp3spi", "1.9.5.4"),
  OGG("Ogg Vorbis", "com.googlecode.soundlibs", "vorbisspi", "1.0.3.3"),
  AIFF("AIFF", null, null, null),
  AU("Sun AU", null, null, null),
  UNKNOWN("unknown", null, null, null);

  final String label;
  private final String groupId;
  private final String artifactId;
  private final String version;

  Codec(String label, String groupId, String artifactId, String version) {
    this.label = label;
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.version = version;
  }

  /** Recognises a container from its magic bytes. */
  static Codec sniff(byte[] b) {
    if (starts(b, "fLaC")) {
      return FLAC;
    }
    if (starts(b, "ID3") || (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
      return MP3;
    }
    if (starts(b, "OggS")) {
      return OGG;
    }
    if (starts(b, "FORM")) {
      return AIFF;
    }
    if (starts(b, ".snd")) {
      return AU;
    }
    return UNKNOWN;
  }

  private static boolean starts(byte[] b, String magic) {
    if (b.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (b[i] != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The message for a file that no installed service provider can read. */
  String missingMessage(String name, byte[] head) {
    if (groupId == null) {
      String what = this == UNKNOWN ? "not a recognised audio file (starts with '"
          + WavHeader.printable(head, 0, Math.min(head.length, 4)) + "'); supported: WAV, and through"
          + " javax.sound.sampled AIFF, AU, FLAC (org.jflac:jflac-codec) and MP3 (com.googlecode.soundlibs:mp3spi)"
          : label + " could not be decoded by javax.sound.sampled";
      return name + ": " + what;
    }
    return name + ": " + label + " needs a decoder on the class path: add " + groupId + ":" + artifactId + ":"
        + version + " (<dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
        + "</artifactId><version>" + version + "</version></dependency>)";
  }

  /** Decodes a whole file held in memory to little-endian PCM, described by a header for the WAV decoder. */
  static Decoded decode(byte[] bytes, String name) {
    Codec kind = sniff(bytes);
    byte[] input = kind == FLAC ? padLoneStreamInfo(bytes) : bytes;
    AudioInputStream in;
    try {
      in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(input));
    } catch (UnsupportedAudioFileException e) {
      throw new UnsupportedAudioException(kind.missingMessage(name, bytes));
    } catch (IOException | RuntimeException e) {
      throw new AudioFormatException(name + ": the " + kind.label + " decoder failed: " + e, e);
    }
    try (AudioInputStream source = in) {
      AudioFormat f = source.getFormat();
      int channels = f.getChannels();
      float rate = f.getSampleRate();
      if (channels < 1 || !(rate >= 1 && rate <= Integer.MAX_VALUE) || rate != Math.rint(rate)) {
        throw new AudioFormatException(name + ": " + kind.label + " stream has " + channels + " channel(s) at "
            + rate + " Hz; need >= 1 channel and a whole positive sample rate");
      }
      SampleFormat sf = direct(f);
      AudioInputStream pcm = source;
      if (sf == null) {
        int bits = f.getSampleSizeInBits();
        int outBits = bits == 24 || bits == 32 ? bits : 16;
        AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, outBits, channels,
            channels * outBits / 8, rate, false);
        try {
          pcm = AudioSystem.getAudioInputStream(target, source);
        } catch (IllegalArgumentException e) {
          throw new UnsupportedAudioException(name + ": no javax.sound.sampled conversion from " + f
              + " to PCM is installed");
        }
        sf = direct(pcm.getFormat());
        if (sf == null) {
          throw new UnsupportedAudioException(name + ": the " + kind.label + " decoder produced " + pcm.getFormat()
              + ", which is not PCM");
        }
      }
      byte[] data = pcm.readAllBytes();
      if (pcm.getFormat().isBigEndian() && sf.bytes > 1) {
        swap(data, sf.bytes);
      }
      int align = channels * sf.bytes;
      WavHeader h = new WavHeader(sf, 0, channels, (int) rate, align, 0, data.length / align, List.of());
      return new Decoded(h, data, kind);
    } catch (IOException | RuntimeException e) {
      if (e instanceof AudioFormatException afe) {
        throw afe;
      }
      // Third-party decoders report corrupt input with all kinds of exceptions; name the file and codec.
      throw new AudioFormatException(name + ": the " + kind.label + " decoder failed: " + e, e);
    }
  }

  /**
   * jflac-codec 1.5.2 re-serialises STREAMINFO with its "last metadata block" flag cleared before
   * decoding, so a valid FLAC file whose only metadata block is STREAMINFO fails with an
   * EOFException. Such a file gets an empty PADDING block appended after STREAMINFO (same audio).
   */
  static byte[] padLoneStreamInfo(byte[] b) {
    if (b.length < 8 || (b[4] & 0xFF) != 0x80) {
      return b; // not "last block, type STREAMINFO"
    }
    int end = 8 + ((b[5] & 0xFF) << 16 | (b[6] & 0xFF) << 8 | (b[7] & 0xFF));
    if (end > b.length) {
      return b;
    }
    byte[] out = new byte[b.length + 4];
    System.arraycopy(b, 0, out, 0, end);
    out[4] = 0x00;
    out[end] = (byte) 0x81; // last block, type PADDING, length 0
    System.arraycopy(b, end, out, end + 4, b.length - end);
    return out;
  }

  /** Header facts from a provider, without decoding. */
  static AudioInfo info(AudioFileFormat ff) {
    AudioFormat f = ff.getFormat();
    return new AudioInfo(ff.getType().toString(), f.getEncoding().toString(), 0, f.getChannels(),
        Math.round(f.getSampleRate()), f.getSampleSizeInBits(), ff.getFrameLength(), List.of());
  }

  /** @return the layout if our decoder can read this PCM directly, else null */
  private static SampleFormat direct(AudioFormat f) {
    int bits = f.getSampleSizeInBits();
    AudioFormat.Encoding e = f.getEncoding();
    if (AudioFormat.Encoding.PCM_SIGNED.equals(e)) {
      return switch (bits) {
        case 8 -> SampleFormat.PCM_S8;
        case 16 -> SampleFormat.PCM_16;
        case 24 -> SampleFormat.PCM_24;
        case 32 -> SampleFormat.PCM_32;
        default -> null;
      };
    }
    if (AudioFormat.Encoding.PCM_UNSIGNED.equals(e) && bits == 8) {
      return SampleFormat.PCM_U8;
    }
    if (AudioFormat.Encoding.PCM_FLOAT.equals(e)) {
      return bits == 32 ? SampleFormat.FLOAT : bits == 64 ? SampleFormat.DOUBLE : null;
    }
    return null;
  }

  private static void swap(byte[] data, int width) {
    for (int p = 0; p + width <= data.length; p += width) {
      for (int i = 0, j = width - 1; i < j; i++, j--) {
        byte t = data[p + i];
        data[p + i] = data[p + j];
        data[p + j] = t;
      }
    }
  }

  /** PCM bytes and the header that describes them. */
  record Decoded(WavHeader header, byte[] data, Codec codec) {}
}
