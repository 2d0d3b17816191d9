package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.AudioFormatException;
import io.github.ser4j.dsp.UnsupportedAudioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The facts of a parsed RIFF/WAVE header and where its sample data lies.
 *
 * @param format the stored sample layout
 * @param formatTag the fmt chunk's tag as stored (1 PCM, 3 IEEE float, 0xFFFE extensible)
 * @param channels channels per frame, &ge; 1
 * @param sampleRate frames per second, &ge; 1
 * @param blockAlign bytes per frame
 * @param dataOffset byte offset of the first sample
 * @param frames whole frames in the data chunk, or -1 when unknown (streamed, size 0xFFFFFFFF)
 * @param chunks the chunk ids in file order (up to the data chunk when only the start was parsed)
 */
record WavHeader(SampleFormat format, int formatTag, int channels, int sampleRate, int blockAlign, long dataOffset,
    long frames, List<String> chunks) {

  /** The data size that streaming writers leave when they cannot seek back: "until the end". */
  private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
  /** The fixed 14 bytes after the 2-byte tag in KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT. */
  private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
      (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

  AudioInfo info() {
    return new AudioInfo("WAV", format.name(), formatTag, channels, sampleRate, format.bits(), frames, chunks);
  }

  /**
   * Parses the RIFF/WAVE header from the start of {@code src}.
   *
   * <p>With {@code walkAll} (and a source of known size) every chunk is visited, so chunks after
   * {@code data} are validated and listed, and the source is left at the end; otherwise parsing
   * stops at the first sample (the streaming case).
   *
   * @param src the bytes, positioned at 0
   * @param name the file name for messages
   * @param walkAll whether to visit chunks after the data chunk
   * @return the header
   * @throws AudioFormatException if the file is malformed
   * @throws UnsupportedAudioException if the encoding is not PCM 8/16/24/32 or float 32/64
   * @throws IOException on a read failure
   */
  static WavHeader parse(ByteSource src, String name, boolean walkAll) throws IOException {
    byte[] h = new byte[40];
    int n = src.readFully(h, 0, 12);
    if (n == 0) {
      throw new AudioFormatException(name + ": the file is empty (0 bytes), not a WAV file");
    }
    String magic = ascii(h, 0, Math.min(4, n));
    if (magic.equals("RIFX") || magic.equals("RF64") || magic.equals("BW64")) {
      throw new UnsupportedAudioException(name + ": " + magic + " files are not supported"
          + " (only little-endian RIFF/WAVE up to 4 GiB); convert to a plain RIFF WAV");
    }
    if (n < 12) {
      throw new AudioFormatException(name + ": truncated RIFF header: " + n + " bytes, a WAV file needs at least 12");
    }
    if (!magic.equals("RIFF") || !ascii(h, 8, 4).equals("WAVE")) {
      throw new AudioFormatException(name + ": not a RIFF/WAVE file (starts with '" + printable(h, 0, 4) + "' ... '"
          + printable(h, 8, 4) + "', expected 'RIFF' ... 'WAVE')");
    }
    long riffSize = u32(h, 4);
    long size = src.size();
    long limit;
    if (riffSize == 0 || riffSize == UNKNOWN_SIZE) {
      // Streaming writers leave 0 or 0xFFFFFFFF here; the chunks themselves say how much there is.
      limit = size >= 0 ? size : Long.MAX_VALUE;
    } else {
      limit = riffSize + 8;
      if (riffSize < 4) {
        throw new AudioFormatException(name + ": RIFF size " + riffSize + " is smaller than the 4-byte 'WAVE' tag");
      }
      // limit < size: bytes after the RIFF form (e.g. an appended ID3v1 tag) are ignored.
    }
    // A RIFF size past the end is reported after the walk, so that a truncated data chunk gets its
    // own, more precise message (declared vs available bytes).
    long riffEnd = limit;
    if (size >= 0 && limit > size) {
      limit = size;
    }

    List<String> chunks = new ArrayList<>();
    boolean seenFmt = false;
    SampleFormat format = null;
    int tag = 0;
    int channels = 0;
    int sampleRate = 0;
    int blockAlign = 0;
    long dataOffset = -1;
    long dataBytes = -1;
    while (src.position() < limit) {
      long pos = src.position();
      int k = src.readFully(h, 0, 8);
      if (k == 0 && size < 0 && limit == Long.MAX_VALUE) {
        break;
      }
      if (k < 8 || pos + 8 > limit) {
        throw new AudioFormatException(name + ": truncated chunk header at byte " + pos + ": "
            + Math.min(k, limit - pos) + " of 8 bytes");
      }
      String id = printable(h, 0, 4);
      long csize = u32(h, 4);
      if (chunks.size() >= 10_000) {
        throw new AudioFormatException(name + ": more than 10000 chunks; not a plausible WAV file");
      }
      chunks.add(id);
      long body = pos + 8;
      if (id.equals("data")) {
        if (dataOffset >= 0) {
          throw new AudioFormatException(name + ": a second 'data' chunk at byte " + pos);
        }
        if (!seenFmt) {
          throw new AudioFormatException(name + ": 'data' chunk at byte " + pos
              + " comes before any 'fmt ' chunk (the format must precede the samples)");
        }
        dataOffset = body;
        if (csize == UNKNOWN_SIZE) {
          dataBytes = limit == Long.MAX_VALUE ? -1 : limit - body;
        } else {
          if (body + csize > limit) {
            throw new AudioFormatException(name + ": 'data' chunk declares " + csize + " bytes at byte " + body
                + " but only " + (limit - body) + " are available (truncated file?)");
          }
          dataBytes = csize;
        }
        if (!walkAll || dataBytes < 0) {
          break;
        }
        skipBody(src, name, id, pos, dataBytes, (csize & 1) != 0 && csize != UNKNOWN_SIZE);
        continue;
      }
      if (csize > limit - body) {
        throw new AudioFormatException(name + ": '" + id + "' chunk at byte " + pos + " declares " + csize
            + " bytes but only " + Math.max(0, limit - body) + " are available");
      }
      if (id.equals("fmt ")) {
        if (seenFmt) {
          throw new AudioFormatException(name + ": a second 'fmt ' chunk at byte " + pos);
        }
        if (dataOffset >= 0) {
          throw new AudioFormatException(name + ": 'fmt ' chunk at byte " + pos
              + " comes after the 'data' chunk (the format must precede the samples)");
        }
        if (csize < 16) {
          throw new AudioFormatException(name + ": 'fmt ' chunk has " + csize + " bytes, needs at least 16");
        }
        int want = (int) Math.min(csize, 40);
        if (src.readFully(h, 0, want) < want) {
          throw new AudioFormatException(name + ": 'fmt ' chunk at byte " + pos + " is truncated");
        }
        skipBody(src, name, id, pos, csize - want, (csize & 1) != 0);
        seenFmt = true;
        tag = u16(h, 0);
        long ch = u16(h, 2);
        long rate = u32(h, 4);
        blockAlign = u16(h, 12);
        int bits = u16(h, 14);
        if (ch == 0) {
          throw new AudioFormatException(name + ": 'fmt ' chunk says 0 channels");
        }
        if (rate == 0 || rate > Integer.MAX_VALUE) {
          throw new AudioFormatException(name + ": 'fmt ' chunk says sample rate " + rate + " Hz, must be 1.."
              + Integer.MAX_VALUE);
        }
        channels = (int) ch;
        sampleRate = (int) rate;
        format = sampleFormat(name, tag, bits, csize, h);
        if (blockAlign != channels * format.bytes) {
          throw new AudioFormatException(name + ": block align " + blockAlign + " is inconsistent with " + channels
              + " channel(s) x " + format.bytes + " bytes per sample = " + channels * format.bytes);
        }
        continue;
      }
      skipBody(src, name, id, pos, csize, (csize & 1) != 0);
    }
    if (!seenFmt) {
      throw new AudioFormatException(name + ": no 'fmt ' chunk (chunks found: " + chunks + ")");
    }
    if (dataOffset < 0) {
      throw new AudioFormatException(name + ": no 'data' chunk (chunks found: " + chunks + "); header only?");
    }
    if (riffEnd != Long.MAX_VALUE && size >= 0 && riffEnd > size) {
      throw new AudioFormatException(name + ": RIFF size field says the file has " + riffEnd + " bytes but it has "
          + size + " (truncated file or wrong RIFF size)");
    }
    long frames = dataBytes < 0 ? -1 : dataBytes / blockAlign;
    return new WavHeader(format, tag, channels, sampleRate, blockAlign, dataOffset, frames, List.copyOf(chunks));
  }

  /** Skips a chunk body and its pad byte; a missing final pad byte at the very end is tolerated. */
  private static void skipBody(ByteSource src, String name, String id, long pos, long n, boolean padded)
      throws IOException {
    long skipped = src.skip(n);
    if (skipped < n) {
      throw new AudioFormatException(name + ": '" + id + "' chunk at byte " + pos + " declares " + n
          + " more bytes but the input ended after " + skipped);
    }
    if (padded) {
      src.skip(1);
    }
  }

  private static SampleFormat sampleFormat(String name, int tag, int bits, long csize, byte[] h) {
    int effective = tag;
    if (tag == 0xFFFE) {
      if (csize < 40) {
        throw new AudioFormatException(name + ": WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk has " + csize
            + " bytes, needs 40");
      }
      effective = u16(h, 24);
      for (int i = 0; i < GUID_TAIL.length; i++) {
        if (h[26 + i] != GUID_TAIL[i]) {
          throw new UnsupportedAudioException(name + ": WAVE_FORMAT_EXTENSIBLE sub-format GUID " + guid(h, 24)
              + " is not supported (only PCM and IEEE float)");
        }
      }
    }
    if (effective == 1) {
      switch (bits) {
        case 8: return SampleFormat.PCM_U8;
        case 16: return SampleFormat.PCM_16;
        case 24: return SampleFormat.PCM_24;
        case 32: return SampleFormat.PCM_32;
        default:
          throw new UnsupportedAudioException(name + ": PCM with " + bits
              + " bits per sample is not supported (8, 16, 24 or 32)");
      }
    }
    if (effective == 3) {
      switch (bits) {
        case 32: return SampleFormat.FLOAT;
        case 64: return SampleFormat.DOUBLE;
        default:
          throw new UnsupportedAudioException(name + ": IEEE float with " + bits
              + " bits per sample is not supported (32 or 64)");
      }
    }
    throw new UnsupportedAudioException(name + ": WAV format tag " + tagName(effective)
        + " is not supported (only PCM, tag 1, and IEEE float, tag 3, possibly inside WAVE_FORMAT_EXTENSIBLE)");
  }

  private static String tagName(int tag) {
    String hex = String.format(Locale.ROOT, "0x%04X", tag);
    String what = switch (tag) {
      case 0x0002 -> "Microsoft ADPCM";
      case 0x0006 -> "A-law";
      case 0x0007 -> "mu-law";
      case 0x0011 -> "IMA ADPCM";
      case 0x0031 -> "GSM 6.10";
      case 0x0050 -> "MPEG";
      case 0x0055 -> "MPEG Layer 3";
      case 0x00FF, 0x1610 -> "AAC";
      case 0xF1AC -> "FLAC";
      default -> null;
    };
    return what == null ? hex : hex + " (" + what + ")";
  }

  static int u16(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  static long u32(byte[] b, int i) {
    return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
  }

  private static String ascii(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  /** Chunk ids as text, with non-printable bytes escaped so that messages stay readable. */
  static String printable(byte[] b, int off, int len) {
    StringBuilder s = new StringBuilder(len);
    for (int i = off; i < off + len; i++) {
      int c = b[i] & 0xff;
      if (c >= 0x20 && c < 0x7f) {
        s.append((char) c);
      } else {
        s.append(String.format(Locale.ROOT, "\\x%02X", c));
      }
    }
    return s.toString();
  }

  private static String guid(byte[] b, int off) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      s.append(String.format(Locale.ROOT, "%02X", b[off + i]));
    }
    return s.toString();
  }
}
