package io.github.ser4j.benchmarks;

import io.github.ser4j.models.nn.BiLstmAttention;
import io.github.ser4j.models.nn.Cnn1d;
import io.github.ser4j.models.nn.Cnn2d;
import io.github.ser4j.models.nn.Dl4jRuntime;
import io.github.ser4j.models.nn.InferenceGraphs;
import io.github.ser4j.models.nn.Lstm;
import io.github.ser4j.models.nn.ParallelCnnTransformer;
import io.github.ser4j.models.nn.RawWaveformCnn;
import io.github.ser4j.models.nn.SmallResNet;
import io.github.ser4j.models.nn.Transformer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ser-models networks (each builder's {@code reference()} preset) against the PyTorch 1.13 peer
 * {@code ../shared/reference/peers/torch_peer.py}, with the same input shapes and the same three
 * measurements:
 * <ul>
 *   <li>{@link #infer1}: one clip, {@code ComputationGraph.outputSingle(false, x)} (inference mode:
 *       batch norm uses its running statistics, dropout is off) on a {@code [1, ...]} input
 *       (PyTorch's {@code infer1} under {@code torch.inference_mode()}), by default on the network
 *       with its batch norms folded into the convolutions ({@link InferenceGraphs#foldBatchNorm},
 *       SER4J's prediction path; parameter {@code fold});</li>
 *   <li>{@link #infer16}: the same on a batch of 16 clips (PyTorch's {@code infer16});</li>
 *   <li>{@link #train16}: one training step on a batch of 16, {@code ComputationGraph.fit(DataSet)}:
 *       forward, multi-class cross-entropy, backward and the Adam update of the preset (learning
 *       rate 1e-3), like PyTorch's {@code train16} (forward + loss + backward + {@code Adam.step}).</li>
 * </ul>
 * Inputs (float32, Gaussian, fixed seed; labels uniform over the 8 classes): 1 x 64 x 94 log-mel
 * images for SmallResNet, ParallelCnnTransformer and Cnn2d; 40 MFCCs x 94 frames (NCW) for
 * BiLstmAttention, Lstm and Transformer (PyTorch's {@code (B, 94, 40)}); 42 values for Cnn1d;
 * 48,000 samples (3 s at 16 kHz) for RawWaveformCnn.
 *
 * <p>Threads: ND4J's OpenMP pool is sized by the environment variable {@code OMP_NUM_THREADS},
 * which JMH's fork inherits from the launching shell: run with {@code OMP_NUM_THREADS=2} (PyTorch's
 * peer uses {@code torch.set_num_threads(2)}). The setup prints the value it sees.
 *
 * <p>{@code onednn}: {@code true} applies SER4J's oneDNN switch ({@link Dl4jRuntime}), {@code false}
 * builds the network with DL4J's layer helpers off ({@code Dl4jRuntime.setOneDnnEnabled(false)}).
 *
 * <p>Memory: at the end of the trial (after the last measurement iteration) the teardown prints a
 * line {@code [ser4j-memory]} with the fork's peak resident set size ({@code VmHWM} of
 * {@code /proc/self/status}: everything the JVM process ever had resident at once: Java heap, JIT
 * code, the native libraries, ND4J's off-heap buffers, DL4J's workspaces), the same value read just
 * before the network was built (ND4J loaded, nothing else), and the Java heap in use. Every
 * benchmark method and parameter combination runs in its own fork ({@code -f 1}), so the peak is
 * that of one network doing one kind of work (the JVM runs with {@code -Xmx2g}; see {@link Fork}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=4G",
    "-Dorg.bytedeco.javacpp.maxphysicalbytes=6G"})
@State(Scope.Benchmark)
public class NetworkBenchmark {
  /** The batch size of the batch inference and the training step (PyTorch's peer: 16). */
  static final int BATCH = 16;
  /** Classes of every preset. */
  static final int CLASSES = 8;

  /** The network: the {@code reference()} preset of the ser-models builder of this name. */
  @Param({"SmallResNet", "BiLstmAttention", "ParallelCnnTransformer", "Transformer", "Lstm", "Cnn1d",
      "Cnn2d", "RawWaveformCnn"})
  public String network;

  /** Whether DL4J's oneDNN layer helpers are on (SER4J's default) or off (DL4J's default). */
  @Param({"true"})
  public boolean onednn;

  /**
   * Whether {@link #infer1} and {@link #infer16} run on the network after
   * {@link InferenceGraphs#foldBatchNorm} (SER4J's prediction path: batch norms folded into their
   * convolutions; the same outputs within 1e-5) or on the training graph itself. {@link #train16}
   * always trains the unfolded network.
   */
  @Param({"true"})
  public boolean fold;

  private ComputationGraph net;
  private ComputationGraph inference;
  private INDArray x1;
  private INDArray x16;
  private DataSet batch16;
  private long rssBeforeNetworkKb;

  /**
   * Builds the preset and the seeded inputs, and runs one forward pass so the network's workspaces
   * exist before warm-up.
   */
  @Setup(Level.Trial)
  public void setUp() {
    Dl4jRuntime.setOneDnnEnabled(onednn);
    Dl4jRuntime.backend();
    rssBeforeNetworkKb = procStatusKb("VmRSS");
    net = build(network);
    long[] shape = inputShape(network);
    Nd4j.getRandom().setSeed(0);
    x1 = Nd4j.randn(DataType.FLOAT, withBatch(shape, 1));
    x16 = Nd4j.randn(DataType.FLOAT, withBatch(shape, BATCH));
    Random r = new Random(0);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, BATCH, CLASSES);
    for (int i = 0; i < BATCH; i++) {
      labels.putScalar(i, r.nextInt(CLASSES), 1f);
    }
    batch16 = new DataSet(x16, labels);
    inference = fold ? InferenceGraphs.foldBatchNorm(net) : net;
    inference.outputSingle(false, x1);
    System.out.printf(Locale.ROOT, "%n[ser4j-setup] %s onednn=%s fold=%s helpersActive=%s params=%d input=%s"
            + " OMP_NUM_THREADS=%s nd4jMaxThreads=%d%n", network, onednn, fold, Dl4jRuntime.oneDnnHelpersActive(),
        net.numParams(), Arrays.toString(shape), System.getenv("OMP_NUM_THREADS"),
        Nd4j.getEnvironment().maxThreads());
  }

  /** Prints the fork's peak resident set size (see the class comment). */
  @TearDown(Level.Trial)
  public void tearDown() {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "%n[ser4j-memory] %s onednn=%s VmHWM=%d MB VmRSS=%d MB"
            + " rssBeforeNetwork=%d MB javaHeapUsed=%d MB javaHeapCommitted=%d MB%n", network, onednn,
        procStatusKb("VmHWM") / 1024, procStatusKb("VmRSS") / 1024, rssBeforeNetworkKb / 1024,
        (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20);
  }

  /** @return class probabilities of one clip, {@code [1, 8]} */
  @Benchmark
  public INDArray infer1() {
    return inference.outputSingle(false, x1);
  }

  /** @return class probabilities of 16 clips, {@code [16, 8]} */
  @Benchmark
  public INDArray infer16() {
    return inference.outputSingle(false, x16);
  }

  /**
   * One Adam step on 16 clips.
   *
   * @return the network's score (loss) after the step
   */
  @Benchmark
  public double train16() {
    net.fit(batch16);
    return net.score();
  }

  /**
   * The reference preset of the named builder, initialised.
   *
   * @param name a builder's simple class name
   * @return the network
   */
  static ComputationGraph build(String name) {
    switch (name) {
      case "SmallResNet":
        return SmallResNet.reference().network();
      case "BiLstmAttention":
        return BiLstmAttention.reference().network();
      case "ParallelCnnTransformer":
        return ParallelCnnTransformer.reference().network();
      case "Transformer":
        return Transformer.reference().network();
      case "Lstm":
        return Lstm.reference().network();
      case "Cnn1d":
        return Cnn1d.reference().network();
      case "Cnn2d":
        return Cnn2d.reference().network();
      case "RawWaveformCnn":
        return RawWaveformCnn.reference().network();
      default:
        throw new IllegalArgumentException("network: unknown preset " + name);
    }
  }

  /**
   * The input shape of one example of the named preset, without the batch dimension.
   *
   * @param name a builder's simple class name
   * @return {@code [1, 64, 94]}, {@code [40, 94]}, {@code [42]} or {@code [48000]}
   */
  static long[] inputShape(String name) {
    switch (name) {
      case "SmallResNet":
      case "ParallelCnnTransformer":
      case "Cnn2d":
        return new long[] {1, 64, 94};
      case "BiLstmAttention":
      case "Lstm":
      case "Transformer":
        return new long[] {40, 94};
      case "Cnn1d":
        return new long[] {42};
      case "RawWaveformCnn":
        return new long[] {48_000};
      default:
        throw new IllegalArgumentException("network: unknown preset " + name);
    }
  }

  private static long[] withBatch(long[] shape, int batch) {
    long[] s = new long[shape.length + 1];
    s[0] = batch;
    System.arraycopy(shape, 0, s, 1, shape.length);
    return s;
  }

  /** A "kB" field of /proc/self/status, or -1 where there is none (not Linux). */
  static long procStatusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
