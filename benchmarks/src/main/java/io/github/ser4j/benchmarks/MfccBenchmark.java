package io.github.ser4j.benchmarks;

import io.github.ser4j.dsp.spectral.Mfcc;
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
 * 40 MFCCs of one 3 s, 16 kHz clip with n_fft 2048, hop 512, 128 mels (librosa 0.11 on this
 * machine: 4.71 ms). {@code intoBuffer} writes into a preallocated matrix (steady state allocates
 * nothing); {@code newMatrix} returns a fresh {@code float[94][40]}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MfccBenchmark {
  private Mfcc mfcc;
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
    mfcc = Mfcc.builder().sampleRate(BenchmarkClip.SAMPLE_RATE).nMfcc(40).nFft(2048).hopLength(512).nMels(128)
        .build();
    clip = BenchmarkClip.signal(signal);
    out = new float[mfcc.numFrames(clip.length)][mfcc.nMfcc()];
  }

  /** @return the output matrix, filled in place */
  @Benchmark
  public float[][] intoBuffer() {
    mfcc.extract(clip, out);
    return out;
  }

  /** @return a new output matrix */
  @Benchmark
  public float[][] newMatrix() {
    return mfcc.extract(clip);
  }
}
