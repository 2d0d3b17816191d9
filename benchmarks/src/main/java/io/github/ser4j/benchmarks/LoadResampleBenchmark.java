package io.github.ser4j.benchmarks;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.io.AudioIO;
import io.github.ser4j.dsp.io.WavEncoding;
import io.github.ser4j.dsp.io.WavWriter;
import io.github.ser4j.dsp.resample.Resampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code librosa.load(wav, sr=16000)} of a 3 s, 22 050 Hz, 16-bit WAV: read and decode the file,
 * then resample to 16 kHz (librosa 0.11 with soxr_hq on this machine: 0.94 ms). The file is
 * {@code reference/signals/d_speech_22050_pcm16.wav}, or a synthetic clip written to a temporary
 * file when the reference data is absent. {@code readOnly} and {@code resampleOnly} split the time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LoadResampleBenchmark {
  private Path wav;
  private Path temp;
  private AudioClip clip22k;
  private final Resampler highQuality = Resampler.highQuality();
  private final Resampler polyphase = Resampler.polyphase();

  /**
   * Finds (or writes) the WAV and decodes it once for the resample-only benchmarks.
   *
   * @throws IOException if the temporary file cannot be written
   */
  @Setup
  public void setUp() throws IOException {
    Path ref = BenchmarkClip.shared().resolve("reference/signals/d_speech_22050_pcm16.wav");
    if (Files.isRegularFile(ref)) {
      wav = ref;
    } else {
      System.err.println(ref + " not found: using a synthetic 22050 Hz clip");
      temp = Files.createTempFile("ser4j-bench", ".wav");
      WavWriter.write(temp, AudioClip.of(BenchmarkClip.synthetic(66_150, 7), 22_050), WavEncoding.PCM_16);
      wav = temp;
    }
    clip22k = AudioIO.read(wav);
  }

  /**
   * Removes the temporary file, if any.
   *
   * @throws IOException if it cannot be deleted
   */
  @TearDown
  public void tearDown() throws IOException {
    if (temp != null) {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * @return the 16 kHz clip (the default, high-quality resampler)
   * @throws IOException never for the reference file
   */
  @Benchmark
  public AudioClip loadAndResample() throws IOException {
    return AudioIO.read(wav).resample(16_000);
  }

  /**
   * @return the 16 kHz clip (scipy-exact polyphase resampler)
   * @throws IOException never for the reference file
   */
  @Benchmark
  public float[] loadAndResamplePolyphase() throws IOException {
    AudioClip c = AudioIO.read(wav);
    return polyphase.resample(c.samples(), c.sampleRate(), 16_000);
  }

  /**
   * @return the decoded clip at its own rate
   * @throws IOException never for the reference file
   */
  @Benchmark
  public AudioClip readOnly() throws IOException {
    return AudioIO.read(wav);
  }

  /** @return the resampled samples (decoded once in setup) */
  @Benchmark
  public AudioClip resampleOnly() {
    return highQuality.resample(clip22k, 16_000);
  }
}
