package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A multi-scale 1D CNN on raw audio (the raw-audio network of the "Audio Emotion Recognition
 * System"), as a DL4J {@link ComputationGraph} configuration: parallel branches whose first
 * convolutions have different widths (short kernels see pitch-period detail, long ones the spectral
 * envelope), merged, then dense layers.
 *
 * <p>Input {@code [batch, samples]}: mono audio, by default 3 s at 16 kHz = 48,000 samples (inside,
 * a {@code [batch, 1, 1, samples]} image and 1 x k kernels, so DL4J's oneDNN convolution helper
 * applies). Each branch {@code b}: stage 1 is a convolution of width {@code branchKernels[b]} and
 * stride {@code firstStride}; stage {@code s > 1} a convolution of width {@code kernelSize}, stride 1;
 * every stage has {@code stageChannels[s]} filters, padding {@code k / 2} and no bias (batch norm
 * follows), batch norm, ReLU and max pooling of width and stride {@code poolSize}; then global
 * average pooling over time. Lengths: the first convolution gives {@code ceil(samples / firstStride)}
 * positions (odd widths), each pooling {@code floor(L / poolSize)}; the reference goes
 * 48,000 -> 12,000 -> 3,000 -> 750 -> 187. The branches' vectors are concatenated
 * ({@code branches x c_last}), then dense {@code dense} ReLU, dropout {@code dropout}, dense softmax.
 * Output {@code [batch, numClasses]} probabilities.
 *
 * <p>Parameters (trainable): per branch {@code branchKernels[b] c_1 + 2 c_1 + sum over s > 1 of
 * (kernelSize c_{s-1} c_s + 2 c_s)}, plus {@code (branches c_last + 1) dense + (dense + 1) numClasses};
 * DL4J's {@code numParams()} adds the batch-norm running statistics, {@code 2 c_s} per stage and
 * branch. {@link #reference()} (kernels 11, 51, 101; stride 4; channels 16, 32, 64; kernel 3; pool 4;
 * dense 64; 8 classes): 2,608 + 3 x 7,904 + 12,352 + 520 = <b>39,192</b> trainable, 39,864 in DL4J.
 * The reference system describes this network only as a raw-audio 1D CNN; the sizes are ours.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every configuration
 * it returns has first applied {@link Dl4jRuntime#prepare()}.
 */
public final class RawWaveformCnn extends NetworkDescription {
  private final int samples;
  private final int[] branchKernels;
  private final int firstStride;
  private final int[] stageChannels;
  private final int kernelSize;
  private final int poolSize;
  private final int dense;
  private final double dropout;

  private RawWaveformCnn(Builder b) {
    super(b);
    samples = b.samples;
    branchKernels = b.branchKernels.clone();
    firstStride = b.firstStride;
    stageChannels = b.stageChannels.clone();
    kernelSize = b.kernelSize;
    poolSize = b.poolSize;
    dense = b.dense;
    dropout = b.dropout;
  }

  /**
   * A builder with the reference's settings (see {@link #reference()}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The reference network: 48,000 samples (3 s at 16 kHz), branches with first kernels of 11, 51
   * and 101 samples, first stride 4, stages of 16, 32, 64 channels, kernel 3, pool 4, dense 64,
   * dropout 0.3, 8 classes, Adam with learning rate 1e-3, seed 42. 39,192 trainable parameters.
   *
   * @return the reference configuration
   */
  public static RawWaveformCnn reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().samples(samples).branchKernels(branchKernels).firstStride(firstStride)
        .stageChannels(stageChannels).kernelSize(kernelSize).poolSize(poolSize).dense(dense).dropout(dropout)
        .commonSettings(this);
  }

  /**
   * The time positions left after the last pooling of a branch.
   *
   * @return {@code >= 1} for every network {@link Builder#build()} accepts
   */
  public long finalLength() {
    return finalLength(samples, firstStride, poolSize, stageChannels.length);
  }

  private static long finalLength(long samples, int stride, int pool, int stages) {
    long length = (samples - 1) / stride + 1;
    for (int s = 0; s < stages; s++) {
      length /= pool;
    }
    return length;
  }

  /**
   * The DL4J configuration (Adam, multi-class cross-entropy, the seed for weight initialisation).
   * Applies {@link Dl4jRuntime#prepare()} first. Input name {@code "input"}, output name
   * {@code "output"}; branch {@code b} (from 1) has layers named {@code "b<b>s<stage>_conv"} etc.
   *
   * @return a new configuration
   */
  @Override
  public ComputationGraphConfiguration configuration() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = baseConfiguration(WeightInit.RELU)
        .graphBuilder()
        .addInputs("input")
        .setInputTypes(InputType.feedForward(samples))
        .addVertex("signal", new PreprocessorVertex(new FeedForwardToCnnPreProcessor(1, samples, 1)), "input");
    String[] branchOutputs = new String[branchKernels.length];
    for (int b = 0; b < branchKernels.length; b++) {
      String last = "signal";
      int in = 1;
      for (int s = 0; s < stageChannels.length; s++) {
        String name = "b" + (b + 1) + "s" + (s + 1);
        int k = s == 0 ? branchKernels[b] : kernelSize;
        int stride = s == 0 ? firstStride : 1;
        String bn = ConvBatchNorm.add(g, name, last, new ConvolutionLayer.Builder(1, k).stride(1, stride)
            .padding(0, k / 2).nIn(in).nOut(stageChannels[s]).hasBias(false).activation(Activation.IDENTITY).build(),
            stageChannels[s], true);
        g.addLayer(name + "_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(1, poolSize).stride(1, poolSize).build(), bn);
        last = name + "_pool";
        in = stageChannels[s];
      }
      branchOutputs[b] = "b" + (b + 1) + "_gap";
      g.addLayer(branchOutputs[b], new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
    }
    g.addVertex("merge", new MergeVertex(), branchOutputs);
    g.addLayer("dense", new DenseLayer.Builder().nOut(dense).activation(Activation.RELU).build(), "merge");
    OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(dense).nOut(numClasses).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
    if (dropout > 0) {
      out.dropOut(new Dropout(1 - dropout)); // on the dense layer's output; DL4J takes the retain probability
    }
    g.addLayer("output", out.build(), "dense").setOutputs("output");
    return g.build();
  }

  /**
   * Trainable parameters from the sizes (see the class comment); DL4J's {@code numParams()} adds
   * {@code 2 c_s} batch-norm running statistics per stage and branch.
   *
   * @return the trainable parameter count
   */
  public long trainableParameterCount() {
    long n = 0;
    for (int k : branchKernels) {
      long in = 1;
      for (int s = 0; s < stageChannels.length; s++) {
        n += (long) (s == 0 ? k : kernelSize) * in * stageChannels[s] + 2L * stageChannels[s];
        in = stageChannels[s];
      }
    }
    long merged = (long) branchKernels.length * stageChannels[stageChannels.length - 1];
    return n + (merged + 1) * dense + (dense + 1L) * numClasses;
  }

  /** @return input length in samples */
  public int samples() {
    return samples;
  }

  /** @return the first convolution's width in each branch (a copy) */
  public int[] branchKernels() {
    return branchKernels.clone();
  }

  /** @return the first convolution's stride */
  public int firstStride() {
    return firstStride;
  }

  /** @return filters per stage, shared by the branches (a copy) */
  public int[] stageChannels() {
    return stageChannels.clone();
  }

  /** @return the width of the convolutions after the first */
  public int kernelSize() {
    return kernelSize;
  }

  /** @return max-pooling width and stride */
  public int poolSize() {
    return poolSize;
  }

  /** @return units of the hidden dense layer */
  public int dense() {
    return dense;
  }

  /** @return dropout probability (of dropping) after the hidden dense layer */
  public double dropout() {
    return dropout;
  }

  @Override
  public String toString() {
    return "RawWaveformCnn[samples=" + samples + ", branchKernels=" + Arrays.toString(branchKernels)
        + ", firstStride=" + firstStride + ", stages=" + Arrays.toString(stageChannels) + ", kernel=" + kernelSize
        + ", pool=" + poolSize + ", dense=" + dense + ", dropout=" + dropout + ", classes=" + numClasses
        + ", lr=" + learningRate + ", seed=" + seed + "]";
  }

  /** Builds a {@link RawWaveformCnn}; every setter validates eagerly, {@link #build()} the geometry. */
  public static final class Builder extends DropoutNetworkBuilder<Builder> {
    private int samples = 48_000;
    private int[] branchKernels = {11, 51, 101};
    private int firstStride = 4;
    private int[] stageChannels = {16, 32, 64};
    private int kernelSize = 3;
    private int poolSize = 4;
    private int dense = 64;

    private Builder() {
      super(0.3);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param n input length in samples, &gt;= 1 (long enough for the poolings: see {@link #build()})
     * @return this builder
     */
    public Builder samples(int n) {
      ModelException.require(n >= 1, "samples", n, ">= 1");
      this.samples = n;
      return this;
    }

    /**
     * @param kernels the first convolution's width in each branch, each odd, in [1, 1023]; one
     *     entry per branch, at least one
     * @return this builder
     */
    public Builder branchKernels(int... kernels) {
      ModelException.require(kernels != null && kernels.length >= 1, "branchKernels",
          Arrays.toString(kernels), "at least one branch");
      for (int k : kernels) {
        ModelException.require(k >= 1 && k <= 1023 && k % 2 == 1, "branchKernels", Arrays.toString(kernels),
            "all odd, in [1, 1023]");
      }
      this.branchKernels = kernels.clone();
      return this;
    }

    /**
     * @param stride the first convolution's stride, in [1, 64]
     * @return this builder
     */
    public Builder firstStride(int stride) {
      ModelException.require(stride >= 1 && stride <= 64, "firstStride", stride, "in [1, 64]");
      this.firstStride = stride;
      return this;
    }

    /**
     * @param channels filters of each stage (shared by all branches), each &gt;= 1, at least one stage
     * @return this builder
     */
    public Builder stageChannels(int... channels) {
      ModelException.require(channels != null && channels.length >= 1, "stageChannels",
          Arrays.toString(channels), "at least one stage");
      this.stageChannels = positiveSizes(channels, "stageChannels");
      return this;
    }

    /**
     * @param k the width of the convolutions after the first, odd, in [1, 63]
     * @return this builder
     */
    public Builder kernelSize(int k) {
      ModelException.require(k >= 1 && k <= 63 && k % 2 == 1, "kernelSize", k, "odd, in [1, 63]");
      this.kernelSize = k;
      return this;
    }

    /**
     * @param p max-pooling width and stride, &gt;= 1
     * @return this builder
     */
    public Builder poolSize(int p) {
      ModelException.require(p >= 1, "poolSize", p, ">= 1");
      this.poolSize = p;
      return this;
    }

    /**
     * @param n units of the hidden dense layer, &gt;= 1
     * @return this builder
     */
    public Builder dense(int n) {
      ModelException.require(n >= 1, "dense", n, ">= 1");
      this.dense = n;
      return this;
    }

    /**
     * Builds the immutable description.
     *
     * @return the network description
     * @throws ModelException naming {@code samples} if the input is too short to leave one
     *     position after the last pooling
     */
    public RawWaveformCnn build() {
      ModelException.require(finalLength(samples, firstStride, poolSize, stageChannels.length) >= 1, "samples",
          samples, "long enough for one position after " + stageChannels.length + " poolings of " + poolSize
          + " behind a stride of " + firstStride + " (at least "
          + (((long) Math.pow(poolSize, stageChannels.length) - 1) * firstStride + 1) + ")");
      return new RawWaveformCnn(this);
    }
  }
}
