package io.github.ser4j.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * JLibrosa 1.1.8 on the same clip and the closest parameters its API allows (see
 * {@link JLibrosaBridge} for what it cannot set): mel spectrogram 1024/512/64 and MFCC 40 with
 * 2048/512/128, to compare with {@link MelSpectrogramBenchmark} and {@link MfccBenchmark}. Needs the
 * {@code jlibrosa} Maven profile; without it the setup fails with that message.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class JLibrosaBenchmark {
  private JLibrosaBridge jlibrosa;
  private float[] clip;

  /** Loads JLibrosa and the clip. */
  @Setup
  public void setUp() {
    jlibrosa = JLibrosaBridge.load();
    clip = BenchmarkClip.speech();
  }

  /** @return JLibrosa's mel spectrogram (n_fft 1024, hop 512, 64 mels) */
  @Benchmark
  public float[][] melSpectrogram() {
    return jlibrosa.melSpectrogram(clip, BenchmarkClip.SAMPLE_RATE, 1024, 64, 512);
  }

  /** @return JLibrosa's 40 MFCCs (n_fft 2048, hop 512, 128 mels) */
  @Benchmark
  public float[][] mfcc40() {
    return jlibrosa.mfcc(clip, BenchmarkClip.SAMPLE_RATE, 40, 2048, 128, 512);
  }
}
