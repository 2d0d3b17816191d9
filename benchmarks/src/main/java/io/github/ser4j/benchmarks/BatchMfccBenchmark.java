package io.github.ser4j.benchmarks;

import io.github.ser4j.dsp.spectral.Mfcc;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch MFCC 40 (n_fft 2048, hop 512, 128 mels) of 1000 different 3 s, 16 kHz clips on all cores
 * (a parallel stream over one shared, thread-safe extractor; each clip's output preallocated).
 * The score is clips per second (librosa 0.11, one process on this machine: 212 clips/s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class BatchMfccBenchmark {
  static final int CLIPS = 1000;
  private Mfcc mfcc;
  private float[][] clips;
  private float[][][] outs;

  /** Builds the extractor and 1000 clips: the speech clip rotated and scaled differently each time. */
  @Setup
  public void setUp() {
    mfcc = Mfcc.builder().sampleRate(BenchmarkClip.SAMPLE_RATE).nMfcc(40).nFft(2048).hopLength(512).nMels(128)
        .build();
    float[] base = BenchmarkClip.speech();
    clips = new float[CLIPS][base.length];
    outs = new float[CLIPS][mfcc.numFrames(base.length)][mfcc.nMfcc()];
    for (int c = 0; c < CLIPS; c++) {
      int shift = (int) ((long) c * 7919 % base.length);
      float gain = 0.5f + (c % 10) / 10f;
      for (int i = 0; i < base.length; i++) {
        clips[c][i] = gain * base[(i + shift) % base.length];
      }
    }
  }

  /** @return the outputs */
  @Benchmark
  @OperationsPerInvocation(CLIPS)
  public float[][][] allCores() {
    IntStream.range(0, CLIPS).parallel().forEach(c -> mfcc.extract(clips[c], outs[c]));
    return outs;
  }
}
