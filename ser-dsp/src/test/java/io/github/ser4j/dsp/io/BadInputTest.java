package io.github.ser4j.dsp.io;

import static io.github.ser4j.dsp.io.TestWav.le16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioFormatException;
import io.github.ser4j.dsp.DspException;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.UnsupportedAudioException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad input has one defined outcome: the exception type, and a message that names the
 * problem and the file. Every case is checked through a Path (file name in the message) and, for
 * WAV, through the streaming reader on an InputStream.
 */
class BadInputTest {
  @TempDir
  Path dir;

  private static final byte[] GOOD_FMT = TestWav.fmtBody(1, 1, 16000, 32000, 2, 16);

  /** Writes {@code bytes} to {@code name}, reads it through every entry point, returns the Path failure. */
  private <T extends DspException> T fails(Class<T> type, String name, byte[] bytes, String... fragments)
      throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    T e = assertThrows(type, () -> AudioIO.read(f));
    assertTrue(e.getMessage().contains(f.toString()), "names the file: " + e.getMessage());
    for (String s : fragments) {
      assertTrue(e.getMessage().contains(s), "message should contain '" + s + "': " + e.getMessage());
    }
    String wavMessage = assertThrows(type, () -> WavReader.read(f)).getMessage();
    if (bytes.length >= 4 && bytes[0] == 'R') {
      assertEquals(e.getMessage(), wavMessage, "the WAV reader fails the same way");
    }
    assertThrows(type, () -> AudioIO.read(new ByteArrayInputStream(bytes)));
    return e;
  }

  /** Also fails when streamed from an InputStream (header errors at open, data errors while reading). */
  private static <T extends DspException> void streamFails(Class<T> type, byte[] bytes) {
    assertThrows(type, () -> {
      try (WavStream s = AudioIO.openStream(new ByteArrayInputStream(bytes))) {
        float[] buf = new float[4096];
        while (s.read(buf, 0, 1024) > 0) {
          // drain
        }
      }
    });
  }

  @Test
  void emptyFile() throws IOException {
    fails(AudioFormatException.class, "empty.wav", new byte[0], "empty (0 bytes)");
    streamFails(AudioFormatException.class, new byte[0]);
  }

  @Test
  void headerOnly() throws IOException {
    byte[] riffOnly = TestWav.riff().build();
    fails(AudioFormatException.class, "riff.wav", riffOnly, "no 'fmt ' chunk");
    byte[] fmtOnly = TestWav.riff().chunk("fmt ", GOOD_FMT).build();
    fails(AudioFormatException.class, "fmtonly.wav", fmtOnly, "no 'data' chunk");
    streamFails(AudioFormatException.class, fmtOnly);
    fails(AudioFormatException.class, "short.wav", "RIFF\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "truncated RIFF header: 6 bytes");
  }

  @Test
  void riffSizeLargerThanTheFile() throws IOException {
    byte[] wav = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1, 2, 3)).build(1000);
    fails(AudioFormatException.class, "riffsize.wav", wav, "RIFF size field says the file has 1008 bytes but it has "
        + wav.length);
  }

  @Test
  void riffSizeCuttingIntoTheData() throws IOException {
    byte[] wav = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1, 2, 3)).build(4 + 24 + 8 + 2);
    fails(AudioFormatException.class, "riffsmall.wav", wav, "'data' chunk declares 6 bytes", "only 2 are available");
  }

  @Test
  void riffSizeTooSmallForWave() throws IOException {
    byte[] wav = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1)).build(2);
    fails(AudioFormatException.class, "riff2.wav", wav, "RIFF size 2");
  }

  @Test
  void dataPastTheEndIsRejectedNamingDeclaredAndAvailableBytes() throws IOException {
    // the stricter choice: a truncated file is an error, not a silently shorter clip
    byte[] full = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", new byte[1000]).build();
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 400);
    fails(AudioFormatException.class, "cut.wav", cut, "'data' chunk declares 1000 bytes", "only 600 are available");
    streamFails(AudioFormatException.class, cut);
    // The stream reader only finds out at the end of its input, and says so.
    AudioFormatException e = assertThrows(AudioFormatException.class, () -> {
      try (WavStream s = AudioIO.openStream(new ByteArrayInputStream(cut))) {
        float[] buf = new float[2000];
        assertEquals(300, s.read(buf, 0, 300));
        s.read(buf, 0, 500);
      }
    });
    assertTrue(e.getMessage().contains("declares 1000 bytes") && e.getMessage().contains("ended after 600"),
        e.getMessage());
  }

  @Test
  void missingFmtAndFmtAfterData() throws IOException {
    fails(AudioFormatException.class, "nofmt.wav", TestWav.riff().chunk("data", le16(1, 2)).build(),
        "comes before any 'fmt ' chunk");
    fails(AudioFormatException.class, "listonly.wav", TestWav.riff().chunk("LIST", new byte[4]).build(),
        "no 'fmt ' chunk");
    byte[] fmtAfter = TestWav.riff().chunk("data", le16(1, 2)).chunk("fmt ", GOOD_FMT).build();
    fails(AudioFormatException.class, "fmtafter.wav", fmtAfter, "'data' chunk at byte 12 comes before any 'fmt '");
    streamFails(AudioFormatException.class, fmtAfter);
  }

  @Test
  void duplicateChunks() throws IOException {
    fails(AudioFormatException.class, "twofmt.wav",
        TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("fmt ", GOOD_FMT).chunk("data", le16(1)).build(),
        "second 'fmt ' chunk");
    fails(AudioFormatException.class, "twodata.wav",
        TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1)).chunk("data", le16(1)).build(),
        "second 'data' chunk");
  }

  @Test
  void zeroChannelsAndZeroSampleRate() throws IOException {
    byte[] ch0 = TestWav.riff().chunk("fmt ", TestWav.fmtBody(1, 0, 16000, 0, 0, 16)).chunk("data", le16(1)).build();
    fails(AudioFormatException.class, "ch0.wav", ch0, "0 channels");
    streamFails(AudioFormatException.class, ch0);
    byte[] sr0 = TestWav.riff().chunk("fmt ", TestWav.fmtBody(1, 1, 0, 0, 2, 16)).chunk("data", le16(1)).build();
    fails(AudioFormatException.class, "sr0.wav", sr0, "sample rate 0 Hz");
    byte[] srHuge = TestWav.riff().chunk("fmt ", TestWav.fmtBody(1, 1, 0x80000000L, 0, 2, 16))
        .chunk("data", le16(1)).build();
    fails(AudioFormatException.class, "srhuge.wav", srHuge, "sample rate 2147483648 Hz");
  }

  @Test
  void blockAlignInconsistent() throws IOException {
    byte[] wav = TestWav.riff().chunk("fmt ", TestWav.fmtBody(1, 2, 16000, 64000, 2, 16))
        .chunk("data", le16(1, 2)).build();
    fails(AudioFormatException.class, "align.wav", wav, "block align 2 is inconsistent with 2 channel(s) x 2 bytes");
  }

  @Test
  void fmtTooShortOrChunkPastTheEnd() throws IOException {
    fails(AudioFormatException.class, "fmt14.wav",
        TestWav.riff().chunk("fmt ", new byte[14]).chunk("data", le16(1)).build(), "'fmt ' chunk has 14 bytes");
    byte[] listTooLong = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1))
        .chunk("LIST", 500, new byte[4], false).build();
    fails(AudioFormatException.class, "list.wav", listTooLong, "'LIST' chunk at byte", "declares 500 bytes");
    byte[] strayBytes = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1)).raw(new byte[] {1, 2, 3})
        .build();
    fails(AudioFormatException.class, "stray.wav", strayBytes, "truncated chunk header", "3 of 8 bytes");
  }

  @Test
  void unsupportedCodecsNameTheFormatTag() throws IOException {
    Object[][] cases = {{2, "0x0002 (Microsoft ADPCM)"}, {6, "0x0006 (A-law)"}, {7, "0x0007 (mu-law)"},
        {0x11, "0x0011 (IMA ADPCM)"}, {0x55, "0x0055 (MPEG Layer 3)"}, {0x1234, "0x1234"}};
    for (Object[] c : cases) {
      int tag = (Integer) c[0];
      byte[] wav = TestWav.riff().chunk("fmt ", TestWav.fmtBody(tag, 1, 8000, 8000, 1, 8))
          .chunk("data", new byte[4]).build();
      fails(UnsupportedAudioException.class, "tag" + tag + ".wav", wav, "format tag " + c[1]);
      streamFails(UnsupportedAudioException.class, wav);
    }
    byte[] ext = TestWav.riff().chunk("fmt ", TestWav.extensibleBody(1, 1, 8000, 16, 16)).chunk("data", le16(1))
        .build();
    ext[12 + 8 + 24 + 5] ^= 0x40; // break the GUID tail
    fails(UnsupportedAudioException.class, "guid.wav", ext, "sub-format GUID");
    byte[] extAlaw = TestWav.riff().chunk("fmt ", TestWav.extensibleBody(6, 1, 8000, 8, 8))
        .chunk("data", new byte[2]).build();
    fails(UnsupportedAudioException.class, "extalaw.wav", extAlaw, "format tag 0x0006 (A-law)");
    fails(UnsupportedAudioException.class, "rf64.wav", "RF64\0\0\0\0WAVE".getBytes(java.nio.charset.StandardCharsets
        .US_ASCII), "RF64");
  }

  @Test
  void unsupportedBitsPerSample() throws IOException {
    fails(UnsupportedAudioException.class, "pcm12.wav",
        TestWav.riff().chunk("fmt ", TestWav.fmtBody(1, 1, 8000, 16000, 2, 12)).chunk("data", le16(1)).build(),
        "PCM with 12 bits per sample");
    fails(UnsupportedAudioException.class, "float16.wav",
        TestWav.riff().chunk("fmt ", TestWav.fmtBody(3, 1, 8000, 16000, 2, 16)).chunk("data", le16(1)).build(),
        "IEEE float with 16 bits per sample");
  }

  @Test
  void nonFiniteFloatSamplesNameTheIndex() throws IOException {
    byte[] nan = TestWav.riff().fmt(3, 2, 8000, 32).chunk("data", TestWav.floats(0f, 0.5f, 0.25f, Float.NaN))
        .build();
    fails(InvalidAudioException.class, "nan.wav", nan, "sample 3 (frame 1, channel 1) is NaN");
    streamFails(InvalidAudioException.class, nan);
    byte[] inf = TestWav.riff().fmt(3, 1, 8000, 32).chunk("data", TestWav.floats(0f, Float.NEGATIVE_INFINITY))
        .build();
    fails(InvalidAudioException.class, "inf.wav", inf, "sample 1 (frame 1, channel 0) is -Infinity");
    byte[] big = TestWav.riff().fmt(3, 1, 8000, 64).chunk("data", TestWav.doubles(1e300)).build();
    fails(InvalidAudioException.class, "big.wav", big, "sample 0", "1.0E300 (beyond the float range)");
  }

  @Test
  void notAudioAtAll() throws IOException {
    fails(AudioFormatException.class, "text.wav", "hello, this is not audio at all".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII), "not a recognised audio file");
    byte[] riffAvi = TestWav.riff().build();
    riffAvi[8] = 'A';
    assertThrows(AudioFormatException.class, () -> WavReader.read(riffAvi, "x.avi", ReadOptions.defaults()));
  }

  @Test
  void missingFileAndDirectory() {
    Path missing = dir.resolve("nope.wav");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AudioIO.read(missing));
    assertTrue(e.getMessage().contains("nope.wav"));
    assertThrows(NoSuchFileException.class, () -> AudioIO.openStream(missing));
    assertThrows(NoSuchFileException.class, () -> AudioIO.readInfo(missing));
    FileSystemException d = assertThrows(FileSystemException.class, () -> AudioIO.read(dir));
    assertTrue(d.getMessage().contains(dir.toString()) && d.getMessage().contains("is a directory"), d.getMessage());
    assertThrows(FileSystemException.class, () -> AudioIO.openStream(dir));
    assertThrows(FileSystemException.class, () -> AudioIO.readInfo(dir));
  }

  @Test
  void badOptionsAndArguments() throws IOException {
    assertThrows(InvalidParameterException.class, () -> ReadOptions.defaults().withOffset(-1));
    assertThrows(InvalidParameterException.class, () -> ReadOptions.defaults().withDuration(0));
    assertThrows(InvalidParameterException.class, () -> ReadOptions.defaults().withChannel(-2));
    byte[] mono = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1)).build();
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> WavReader.read(mono, "m.wav", ReadOptions.defaults().withChannel(1)));
    assertTrue(e.getMessage().contains("m.wav") && e.getMessage().contains("1 channel(s)"), e.getMessage());
    try (WavStream s = AudioIO.openStream(new ByteArrayInputStream(mono))) {
      assertThrows(InvalidParameterException.class, () -> s.read(new float[2], 1, 2));
      assertThrows(InvalidParameterException.class, () -> s.read(new float[2], 0, 1, 3));
      s.close();
      assertThrows(IOException.class, () -> s.read(new float[2], 0, 1));
    }
  }

  @Test
  void readingNeverModifiesTheFile() throws IOException {
    byte[] wav = TestWav.riff().chunk("fmt ", GOOD_FMT).chunk("data", le16(1, 2, 3)).build();
    Path f = dir.resolve("keep.wav");
    Files.write(f, wav);
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(f, before);
    AudioIO.read(f);
    AudioIO.readInfo(f);
    AudioIO.readChannels(f);
    try (WavStream s = AudioIO.openStream(f)) {
      s.read(new float[3], 0, 3);
    }
    assertArrayEquals(wav, Files.readAllBytes(f));
    assertEquals(before, Files.getLastModifiedTime(f));
  }
}
