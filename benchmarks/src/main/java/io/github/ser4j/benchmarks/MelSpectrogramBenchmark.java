package io.github.ser4j.benchmarks;

import io.github.ser4j.dsp.spectral.MelSpectrogram;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mel spectrogram of one 3 s, 16 kHz clip with n_fft 1024, hop 512, 64 mels (librosa 0.11 on this
 * machine: 1.68 ms). {@code intoBuffer} writes into a preallocated matrix (steady state allocates
 * nothing); {@code newMatrix} returns a fresh {@code float[94][64]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MelSpectrogramBenchmark {
  private MelSpectrogram mel;
  /**
   * The input: {@code c_speech} (frames 80-93 are exact zeros, whose FFT is skipped) or
   * {@code b_noise} (no silent frame).
   */
  @Param({"c_speech", "b_noise"})
  public String signal;

  private float[] clip;
  private float[][] out;

  /** Builds the extractor and loads the clip. */
  @Setup
  public void setUp() {
    mel = MelSpectrogram.builder().sampleRate(BenchmarkClip.SAMPLE_RATE).nFft(1024).hopLength(512).nMels(64).build();
    clip = BenchmarkClip.signal(signal);
    out = new float[mel.numFrames(clip.length)][mel.nMels()];
  }

  /** @return the output matrix, filled in place */
  @Benchmark
  public float[][] intoBuffer() {
    mel.extract(clip, out);
    return out;
  }

  /** @return a new output matrix */
  @Benchmark
  public float[][] newMatrix() {
    return mel.extract(clip);
  }
}
