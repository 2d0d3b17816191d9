package io.github.ser4j.dsp.io;

import static io.github.ser4j.dsp.io.TestWav.le16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ser4j.dsp.AudioClip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every supported sample layout and chunk arrangement, on hand-built files with hand-computed samples. */
class WavFormatsTest {

  private static float[] mono(byte[] wav) {
    return WavReader.read(wav, "test.wav", ReadOptions.defaults()).samples();
  }

  @Test
  void unsignedEightBitIsCenteredAt128() {
    byte[] data = {0, 1, 127, (byte) 128, (byte) 129, (byte) 255};
    byte[] wav = TestWav.riff().fmt(1, 1, 8000, 8).chunk("data", data).build();
    assertArrayEquals(new float[] {-1f, -127 / 128f, -1 / 128f, 0f, 1 / 128f, 127 / 128f}, mono(wav));
    assertEquals("PCM_U8", WavReader.readInfo(wav, "t").encoding());
  }

  @Test
  void sixteenBitDividesBy32768() {
    byte[] wav = TestWav.riff().fmt(1, 1, 16000, 16).chunk("data", le16(-32768, -1, 0, 1, 16384, 32767)).build();
    assertArrayEquals(new float[] {-1f, -1 / 32768f, 0f, 1 / 32768f, 0.5f, 32767 / 32768f}, mono(wav));
  }

  @Test
  void twentyFourBitDividesBy2pow23() {
    int[] v = {-8388608, -1, 0, 1, 4194304, 8388607, 1234567};
    ByteBuffer b = ByteBuffer.allocate(3 * v.length);
    for (int x : v) {
      b.put((byte) x).put((byte) (x >> 8)).put((byte) (x >> 16));
    }
    byte[] wav = TestWav.riff().fmt(1, 1, 16000, 24).chunk("data", b.array()).build();
    float[] expected = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      expected[i] = (float) (v[i] / 8388608.0);
    }
    assertArrayEquals(expected, mono(wav));
  }

  @Test
  void thirtyTwoBitDividesBy2pow31RoundedOnce() {
    int[] v = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 123456789, -987654321};
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int x : v) {
      b.putInt(x);
    }
    byte[] wav = TestWav.riff().fmt(1, 1, 16000, 32).chunk("data", b.array()).build();
    float[] expected = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      expected[i] = (float) (v[i] / 2147483648.0);
    }
    assertArrayEquals(expected, mono(wav));
    assertEquals(1.0f, expected[4], "2^31-1 rounds to 1.0 in float, as soundfile's float32 read");
  }

  @Test
  void floatsAreKeptAsStored() {
    float[] v = {0f, -0f, 0.1f, -1.5f, Float.MIN_VALUE, 3.4e38f};
    byte[] wav = TestWav.riff().fmt(3, 1, 16000, 32).chunk("fact", TestWav.le32(v.length))
        .chunk("data", TestWav.floats(v)).build();
    assertArrayEquals(v, mono(wav));
    double[] d = {0.1, -1e-50, 0.999999999, -2.5};
    byte[] wav64 = TestWav.riff().fmt(3, 1, 16000, 64).chunk("data", TestWav.doubles(d)).build();
    assertArrayEquals(new float[] {0.1f, -0f, 1.0f, -2.5f}, mono(wav64));
    assertEquals("DOUBLE", WavReader.readInfo(wav64, "t").encoding());
  }

  @Test
  void extensiblePcmAndFloat() {
    byte[] pcm = TestWav.riff().chunk("fmt ", TestWav.extensibleBody(1, 2, 16000, 16, 16))
        .chunk("data", le16(100, -200, 300, -400)).build();
    List<AudioClip> ch = WavReader.readChannels(pcm, "t");
    assertArrayEquals(new float[] {100 / 32768f, 300 / 32768f}, ch.get(0).samples());
    assertArrayEquals(new float[] {-200 / 32768f, -400 / 32768f}, ch.get(1).samples());
    assertArrayEquals(new float[] {-50 / 32768f, -50 / 32768f}, mono(pcm));
    AudioInfo info = WavReader.readInfo(pcm, "t");
    assertEquals(0xFFFE, info.formatTag());
    assertEquals("PCM_16", info.encoding());

    byte[] flt = TestWav.riff().chunk("fmt ", TestWav.extensibleBody(3, 1, 16000, 32, 32))
        .chunk("data", TestWav.floats(0.25f, -0.75f)).build();
    assertArrayEquals(new float[] {0.25f, -0.75f}, mono(flt));

    // 24 valid bits left-justified in a 32-bit container: full-scale of the container applies
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1234567 << 8).putInt(-8388608 << 8);
    byte[] w24in32 = TestWav.riff().chunk("fmt ", TestWav.extensibleBody(1, 1, 16000, 32, 24))
        .chunk("data", b.array()).build();
    assertArrayEquals(new float[] {1234567 / 8388608f, -1f}, mono(w24in32));
  }

  @Test
  void chunksBeforeAndAfterDataWithOddSizesAndPadBytes() throws IOException {
    byte[] samples = {(byte) 128, (byte) 192, 64}; // odd size: a pad byte follows
    byte[] wav = TestWav.riff()
        .chunk("LIST", "INFOISFT\u0005\0\0\0abcd\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
        .chunk("junk", new byte[] {1, 2, 3})
        .fmt(1, 1, 8000, 8)
        .chunk("PAD ", new byte[7])
        .chunk("fact", TestWav.le32(3))
        .chunk("PEAK", new byte[16])
        .chunk("data", samples)
        .chunk("LIST", new byte[5])
        .chunk("id3 ", new byte[10])
        .build();
    float[] expected = {0f, 0.5f, -0.5f};
    assertArrayEquals(expected, mono(wav));
    assertEquals(List.of("LIST", "junk", "fmt ", "PAD ", "fact", "PEAK", "data", "LIST", "id3 "),
        WavReader.readInfo(wav, "t").chunks());
    try (WavStream s = AudioIO.openStream(new ByteArrayInputStream(wav))) {
      float[] out = new float[10];
      assertEquals(3, s.read(out, 0, 10));
      assertEquals(-1, s.read(out, 0, 10));
      assertArrayEquals(expected, java.util.Arrays.copyOf(out, 3));
      assertEquals(List.of("LIST", "junk", "fmt ", "PAD ", "fact", "PEAK", "data"), s.info().chunks());
    }
  }

  @Test
  void threeChannelMeanAndChannelSelection() {
    short[] frames = {300, -3000, 30000, 7, 8, 9, -32768, -32768, 32767};
    int[] asInt = new int[frames.length];
    for (int i = 0; i < frames.length; i++) {
      asInt[i] = frames[i];
    }
    byte[] wav = TestWav.riff().fmt(1, 3, 44100, 16).chunk("data", le16(asInt)).build();
    float[] expected = new float[3];
    for (int f = 0; f < 3; f++) {
      expected[f] = (float) ((asInt[3 * f] + asInt[3 * f + 1] + asInt[3 * f + 2]) / 32768.0 / 3);
    }
    AudioClip clip = WavReader.read(wav, "t", ReadOptions.defaults());
    assertEquals(44100, clip.sampleRate());
    assertArrayEquals(expected, clip.samples());
    assertArrayEquals(new float[] {30000 / 32768f, 9 / 32768f, 32767 / 32768f},
        WavReader.read(wav, "t", ReadOptions.defaults().withChannel(2)).samples());
  }

  @Test
  void partialFrameAtTheEndIsDropped() {
    // 5 bytes of 16-bit stereo = 1 whole frame + 1 byte, as libsndfile: frames = data size / block align
    byte[] wav = TestWav.riff().fmt(1, 2, 8000, 16).chunk("data", new byte[] {0, 64, 0, -64, 1}).build();
    assertArrayEquals(new float[] {0f}, mono(wav));
    assertEquals(1, WavReader.readInfo(wav, "t").frames());
  }

  @Test
  void streamingWriterSizesMeanUntilTheEnd() throws IOException {
    byte[] body = le16(1, 2, 3, 4);
    byte[] wav = TestWav.riff().fmt(1, 1, 8000, 16).chunk("data", 0xFFFFFFFFL, body, false).build(0xFFFFFFFFL);
    float[] expected = {1 / 32768f, 2 / 32768f, 3 / 32768f, 4 / 32768f};
    assertArrayEquals(expected, mono(wav));
    byte[] riff0 = TestWav.riff().fmt(1, 1, 8000, 16).chunk("data", body).build(0);
    assertArrayEquals(expected, mono(riff0));
    try (WavStream s = AudioIO.openStream(new ByteArrayInputStream(wav))) {
      assertEquals(-1, s.frames());
      float[] out = new float[8];
      assertEquals(4, s.read(out, 0, 8));
      assertEquals(-1, s.read(out, 0, 8));
      assertArrayEquals(expected, java.util.Arrays.copyOf(out, 4));
    }
  }

  @Test
  void bytesAfterTheRiffFormAreIgnored() {
    byte[] wav = TestWav.riff().fmt(1, 1, 8000, 16).chunk("data", le16(5, 6)).build();
    byte[] withTag = java.util.Arrays.copyOf(wav, wav.length + 128);
    System.arraycopy("TAG".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, withTag, wav.length, 3);
    assertArrayEquals(mono(wav), mono(withTag));
  }

  @Test
  void emptyDataChunkGivesAnEmptyClip() {
    byte[] wav = TestWav.riff().fmt(1, 1, 8000, 16).chunk("data", new byte[0]).build();
    AudioClip clip = WavReader.read(wav, "t", ReadOptions.defaults());
    assertEquals(0, clip.length());
    assertEquals(8000, clip.sampleRate());
  }
}
