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
 * 2048/512/128, to compare with {@link MelSpectrogramBenchmark} and {@link MfccBenchmark} (SER4J)
 * and with librosa. Needs the {@code jlibrosa} Maven profile; without it the setup fails with that
 * message. On this machine (2 shared cores, JDK 17, JLibrosa 1.1.8 built from source, 6 runs):
 * mel spectrogram 16.8-18.2 ms, MFCC 24.0-30.6 ms per call (about 20 MB allocated per call);
 * librosa 0.11: 1.68 ms and 4.71 ms.
 *
 * <p>Running it, from the repository root:
 *
 * <pre>{@code
 * mvn -B -q -pl ser-dsp,benchmarks -am package -DskipTests -Pjlibrosa
 * java -Dser4j.shared=../shared -jar benchmarks/target/benchmarks.jar JLibrosaBenchmark \
 *     -f 1 -wi 5 -i 5 -w 1 -r 1 -t 1
 * java -Dser4j.shared=../shared -cp benchmarks/target/benchmarks.jar \
 *     io.github.ser4j.benchmarks.JLibrosaComparison
 * }</pre>
 *
 * <p>The profile resolves {@code com.litongjava:jlibrosa:${jlibrosa.version}} (default 1.1.8). Where
 * Maven Central does not serve that jar, compile JLibrosa's MIT sources
 * (github.com/Subtitle-Synchronizer/jlibrosa, {@code src/main/java}, needs commons-math3 3.6.1) into a
 * jar, install it under a version that says so, and select it:
 *
 * <pre>{@code
 * javac --release 8 -cp commons-math3-3.6.1.jar -d classes $(find src/main/java -name '*.java')
 * jar cf jlibrosa-1.1.8-src.jar -C classes .
 * mvn install:install-file -Dfile=jlibrosa-1.1.8-src.jar -DgroupId=com.litongjava \
 *     -DartifactId=jlibrosa -Dversion=1.1.8-src -Dpackaging=jar
 * mvn -B -q -pl ser-dsp,benchmarks -am package -DskipTests -Pjlibrosa -Djlibrosa.version=1.1.8-src
 * }</pre>
 *
 * <p>(The generated pom of such an install declares no dependency; commons-math3 3.6.1 still reaches
 * the classpath through ser-dsp. {@code -Dser4j.shared} names the folder holding {@code reference/};
 * without it the benchmark uses a seeded synthetic clip; JMH's forked JVM inherits the property.)
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
