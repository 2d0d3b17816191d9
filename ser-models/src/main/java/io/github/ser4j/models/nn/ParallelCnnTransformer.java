package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.layers.PositionalEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Parallel convolution branches and a transformer branch over a log-mel spectrogram, merged into
 * a dense softmax classifier, as a DL4J {@link ComputationGraphConfiguration}; after the
 * "ParallelCNN+Transf" network of {@code ../shared/reference/peers/torch_peer.py}.
 *
 * <p>Input {@code [batch, 1, mels, frames]} (NCHW), by default {@code [batch, 1, 64, 94]}.
 * <ul>
 *   <li>One convolution branch per kernel size {@code k} (default 3 and 5): stages of conv k x k
 *       (padding k/2, with bias), batch norm, ReLU, 2x2 max pooling (stride 2), one stage per entry of
 *       {@code branchChannels} (default 16, 32, 64); then global average pooling.</li>
 *   <li>The transformer branch: the spectrogram as a sequence of {@code frames} vectors of
 *       {@code mels} values ({@code [batch, mels, frames]}), the sinusoidal positional encoding
 *       (Vaswani et al. 2017; can be switched off, the PyTorch reference has none),
 *       {@code blocks} post-norm encoder blocks of model dimension {@code mels} (multi-head
 *       self-attention, layer norm, feed-forward ReLU network), the mean over time.</li>
 *   <li>The branches' outputs concatenated, a dense ReLU layer of {@code hidden} units, a dense
 *       softmax layer. Output {@code [batch, numClasses]} probabilities.</li>
 * </ul>
 *
 * <p>Parameters: PyTorch counts 134,600 for the reference, and so does
 * {@link #trainableParameterCount()} (each encoder block is one
 * {@link io.github.ser4j.models.nn.layers.TransformerEncoderLayer}, with PyTorch's attention
 * biases); DL4J also counts the batch norms' running means and variances (448 values), so
 * {@code numParams()} says 135,048.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every
 * configuration applies {@link Dl4jRuntime#prepare()} first. Input name {@code "input"}, output
 * name {@code "output"}.
 */
public final class ParallelCnnTransformer extends NetworkDescription {
  private final int mels;
  private final int frames;
  private final int[] branchKernels;
  private final int[] branchChannels;
  private final boolean positionalEncoding;
  private final int heads;
  private final int feedForward;
  private final int blocks;
  private final double dropout;
  private final int hidden;

  private ParallelCnnTransformer(Builder b) {
    super(b);
    mels = b.mels;
    frames = b.frames;
    branchKernels = b.branchKernels.clone();
    branchChannels = b.branchChannels.clone();
    positionalEncoding = b.positionalEncoding;
    heads = b.heads;
    feedForward = b.feedForward;
    blocks = b.blocks;
    dropout = b.dropout;
    hidden = b.hidden;
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
   * The reference network: input 1 x 64 x 94, branches with kernels 3 and 5 and channels 16, 32,
   * 64, positional encoding on, one encoder block with 4 heads and feed-forward width 128, dropout
   * 0.1, hidden 64, 8 classes, Adam with learning rate 1e-3, seed 42.
   *
   * @return the reference configuration
   */
  public static ParallelCnnTransformer reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().input(mels, frames).branches(branchKernels, branchChannels)
        .positionalEncoding(positionalEncoding).heads(heads).feedForward(feedForward).blocks(blocks)
        .dropout(dropout).hidden(hidden).commonSettings(this);
  }

  /**
   * The DL4J configuration of this network (Adam, multi-class cross-entropy, the seed for weight
   * initialisation: He for convolutions, Xavier elsewhere). Applies {@link Dl4jRuntime#prepare()} first.
   *
   * @return a new configuration
   */
  @Override
  public ComputationGraphConfiguration configuration() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = baseConfiguration(WeightInit.XAVIER)
        .graphBuilder()
        .addInputs("input")
        .setInputTypes(InputType.convolutional(mels, frames, 1));
    List<String> merged = new ArrayList<>();
    for (int k : branchKernels) {
      String name = "cnn" + k;
      String last = "input";
      int channels = 1;
      for (int s = 0; s < branchChannels.length; s++) {
        String stage = name + "_" + (s + 1);
        String bn = ConvBatchNorm.add(g, stage, last, new ConvolutionLayer.Builder(k, k).padding(k / 2, k / 2)
            .nIn(channels).nOut(branchChannels[s]).weightInit(WeightInit.RELU)
            .activation(Activation.IDENTITY).build(), branchChannels[s], true);
        g.addLayer(stage + "_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(2, 2).stride(2, 2).build(), bn);
        last = stage + "_pool";
        channels = branchChannels[s];
      }
      g.addLayer(name + "_gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
      merged.add(name + "_gap");
    }
    // [batch, 1, mels, frames] -> [batch, mels, frames]: frames are the time steps, mels the features.
    g.addVertex("sequence", new ReshapeVertex('c', new int[] {-1, mels, frames}, null), "input");
    String last = "sequence";
    if (positionalEncoding) {
      g.addLayer("position", new PositionalEncoding(), last);
      last = "position";
    }
    for (int i = 0; i < blocks; i++) {
      last = TransformerEncoderBlock.add(g, "block" + (i + 1), last, heads, feedForward, dropout);
    }
    g.addLayer("transformer_pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
    merged.add("transformer_pool");
    g.addVertex("merge", new MergeVertex(), merged.toArray(new String[0]));
    int mergedSize = branchKernels.length * branchChannels[branchChannels.length - 1] + mels;
    g.addLayer("hidden", new DenseLayer.Builder().nIn(mergedSize).nOut(hidden).activation(Activation.RELU)
        .weightInit(WeightInit.RELU).build(), "merge")
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nIn(hidden).nOut(numClasses).activation(Activation.SOFTMAX).build(), "hidden")
        .setOutputs("output");
    return g.build();
  }

  /**
   * The trainable parameters of {@link #network()}, computed from the sizes: its
   * {@code numParams()} minus the batch norms' running means and variances.
   *
   * @return the trainable parameter count
   */
  public long trainableParameterCount() {
    long n = 0;
    for (int k : branchKernels) {
      long in = 1;
      for (int c : branchChannels) {
        n += in * c * k * k + c + 2L * c;
        in = c;
      }
    }
    n += blocks * TransformerEncoderBlock.parameters(mels, feedForward);
    long merged = (long) branchKernels.length * branchChannels[branchChannels.length - 1] + mels;
    return n + merged * hidden + hidden + (long) hidden * numClasses + numClasses;
  }

  /** @return mel bands (input height, and the transformer's model dimension) */
  public int mels() {
    return mels;
  }

  /** @return frames (input width, the transformer's time steps) */
  public int frames() {
    return frames;
  }

  /** @return the kernel size of each convolution branch (a copy) */
  public int[] branchKernels() {
    return branchKernels.clone();
  }

  /** @return the output channels of the stages of every convolution branch (a copy) */
  public int[] branchChannels() {
    return branchChannels.clone();
  }

  /** @return whether the transformer branch adds the sinusoidal positional encoding */
  public boolean positionalEncoding() {
    return positionalEncoding;
  }

  /** @return attention heads */
  public int heads() {
    return heads;
  }

  /** @return the feed-forward width of each encoder block */
  public int feedForward() {
    return feedForward;
  }

  /** @return encoder blocks */
  public int blocks() {
    return blocks;
  }

  /** @return the dropout probability inside the encoder blocks */
  public double dropout() {
    return dropout;
  }

  /** @return units of the dense layer after the merge */
  public int hidden() {
    return hidden;
  }

  @Override
  public String toString() {
    return "ParallelCnnTransformer[input=1x" + mels + "x" + frames + ", kernels=" + Arrays.toString(branchKernels)
        + ", channels=" + Arrays.toString(branchChannels) + ", positionalEncoding=" + positionalEncoding
        + ", heads=" + heads + ", feedForward=" + feedForward + ", blocks=" + blocks + ", dropout=" + dropout
        + ", hidden=" + hidden + ", classes=" + numClasses + ", lr=" + learningRate + ", seed=" + seed + "]";
  }

  /** Builds a {@link ParallelCnnTransformer}; every setter validates eagerly. Defaults: the reference. */
  public static final class Builder extends DropoutNetworkBuilder<Builder> {
    private int mels = 64;
    private int frames = 94;
    private int[] branchKernels = {3, 5};
    private int[] branchChannels = {16, 32, 64};
    private boolean positionalEncoding = true;
    private int heads = 4;
    private int feedForward = 128;
    private int blocks = 1;
    private int hidden = 64;

    private Builder() {
      super(0.1);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param mels mel bands (input height), &gt;= 1; {@link #build()} checks it against the pooling
     *     and {@code heads}
     * @param frames frames (input width), &gt;= 1; {@link #build()} checks it against the pooling
     * @return this builder
     */
    public Builder input(int mels, int frames) {
      ModelException.require(mels >= 1, "mels", mels, ">= 1");
      ModelException.require(frames >= 1, "frames", frames, ">= 1");
      this.mels = mels;
      this.frames = frames;
      return this;
    }

    /**
     * @param kernels the kernel size of each convolution branch, at least one, each odd in [1, 15]
     * @param channels the output channels of each branch's stages, at least one, each &gt;= 1
     * @return this builder
     */
    public Builder branches(int[] kernels, int[] channels) {
      ModelException.require(kernels != null && kernels.length >= 1, "branchKernels",
          Arrays.toString(kernels), "at least one kernel size");
      ModelException.require(channels != null && channels.length >= 1, "branchChannels",
          Arrays.toString(channels), "at least one stage");
      for (int k : kernels) {
        ModelException.require(k >= 1 && k <= 15 && k % 2 == 1, "branchKernels", Arrays.toString(kernels),
            "all odd, in [1, 15]");
      }
      this.branchChannels = positiveSizes(channels, "branchChannels");
      this.branchKernels = kernels.clone();
      return this;
    }

    /**
     * @param on whether the transformer branch adds the sinusoidal positional encoding
     * @return this builder
     */
    public Builder positionalEncoding(boolean on) {
      this.positionalEncoding = on;
      return this;
    }

    /**
     * @param n attention heads, &gt;= 1, dividing {@code mels} (checked by {@link #build()})
     * @return this builder
     */
    public Builder heads(int n) {
      ModelException.require(n >= 1, "heads", n, ">= 1");
      this.heads = n;
      return this;
    }

    /**
     * @param n the feed-forward width of each encoder block, &gt;= 1
     * @return this builder
     */
    public Builder feedForward(int n) {
      ModelException.require(n >= 1, "feedForward", n, ">= 1");
      this.feedForward = n;
      return this;
    }

    /**
     * @param n encoder blocks, in [1, 24]
     * @return this builder
     */
    public Builder blocks(int n) {
      ModelException.require(n >= 1 && n <= 24, "blocks", n, "in [1, 24]");
      this.blocks = n;
      return this;
    }

    /**
     * @param n units of the dense ReLU layer after the merge, &gt;= 1
     * @return this builder
     */
    public Builder hidden(int n) {
      ModelException.require(n >= 1, "hidden", n, ">= 1");
      this.hidden = n;
      return this;
    }

    /**
     * Builds the immutable description.
     *
     * @return the network description
     * @throws ModelException if {@code heads} does not divide {@code mels}, or the input is too
     *     small for one 2x2 pooling per stage (mels and frames must be &gt;= 2^stages)
     */
    public ParallelCnnTransformer build() {
      ModelException.require(mels % heads == 0, "heads", heads, "a divisor of mels = " + mels);
      int minimum = 1 << Math.min(branchChannels.length, 30);
      ModelException.require(mels >= minimum, "mels", mels,
          ">= 2^stages = " + minimum + " (one 2x2 max pooling per stage)");
      ModelException.require(frames >= minimum, "frames", frames,
          ">= 2^stages = " + minimum + " (one 2x2 max pooling per stage)");
      return new ParallelCnnTransformer(this);
    }
  }
}
