package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.layers.PositionalEncoding;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A plain transformer-encoder classifier over frames of MFCCs or mel bands, as a DL4J
 * {@link ComputationGraphConfiguration}: the baseline beside the recurrent and convolutional networks.
 *
 * <p>Input {@code [batch, features, frames]} (DL4J's recurrent NCW format; any number of frames),
 * by default 40 MFCCs per frame. Layers: a per-frame linear projection to {@code modelDim}; the
 * sinusoidal positional encoding of Vaswani et al. 2017; {@code blocks} post-norm encoder blocks
 * (multi-head self-attention, add and layer norm, feed-forward ReLU network, add and layer norm;
 * PyTorch's {@code nn.TransformerEncoderLayer}); the mean over time; a dense softmax layer.
 * Output {@code [batch, numClasses]} probabilities.
 *
 * <p>Each block is one {@link io.github.ser4j.models.nn.layers.TransformerEncoderLayer} (vertex
 * {@code block1}, {@code block2}, ...), with PyTorch's attention biases and parameter count; its
 * hand-written backward pass returns the true gradient (checked by finite differences), so any
 * updater and gradient clipping work as expected.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every
 * configuration applies {@link Dl4jRuntime#prepare()} first. Input name {@code "input"}, output
 * name {@code "output"}.
 */
public final class Transformer extends NetworkDescription {
  private final int features;
  private final int modelDim;
  private final int heads;
  private final int feedForward;
  private final int blocks;
  private final double dropout;

  private Transformer(Builder b) {
    super(b);
    features = b.features;
    modelDim = b.modelDim;
    heads = b.heads;
    feedForward = b.feedForward;
    blocks = b.blocks;
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
   * The reference baseline: 40 features per frame, model dimension 64, 4 heads, feed-forward
   * width 128, 2 blocks, dropout 0.1, 8 classes, Adam with learning rate 1e-3, seed 42.
   * 70,088 parameters.
   *
   * @return the reference configuration
   */
  public static Transformer reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().features(features).modelDim(modelDim).heads(heads).feedForward(feedForward)
        .blocks(blocks).dropout(dropout).commonSettings(this);
  }

  /**
   * The DL4J configuration of this network (Adam, multi-class cross-entropy, Xavier initialisation
   * with the seed). Applies {@link Dl4jRuntime#prepare()} first.
   *
   * @return a new configuration
   */
  @Override
  public ComputationGraphConfiguration configuration() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = baseConfiguration(WeightInit.XAVIER)
        .graphBuilder()
        .addInputs("input")
        .setInputTypes(InputType.recurrent(features, RNNFormat.NCW));
    g.addLayer("projection", new TimeDistributed(new DenseLayer.Builder().nIn(features).nOut(modelDim)
        .activation(Activation.IDENTITY).build(), RNNFormat.NCW), "input");
    g.addLayer("position", new PositionalEncoding(), "projection");
    String last = "position";
    for (int i = 0; i < blocks; i++) {
      last = TransformerEncoderBlock.add(g, "block" + (i + 1), last, heads, feedForward, dropout);
    }
    g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last)
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nIn(modelDim).nOut(numClasses).activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("output");
    return g.build();
  }

  /**
   * The number of parameters of {@link #network()}, computed from the sizes.
   *
   * @return the parameter count (all trainable)
   */
  public long parameterCount() {
    return (long) features * modelDim + modelDim
        + blocks * TransformerEncoderBlock.parameters(modelDim, feedForward)
        + (long) modelDim * numClasses + numClasses;
  }

  /** @return features per input frame */
  public int features() {
    return features;
  }

  /** @return the model (attention) dimension */
  public int modelDim() {
    return modelDim;
  }

  /** @return attention heads */
  public int heads() {
    return heads;
  }

  /** @return the width of each block's feed-forward network */
  public int feedForward() {
    return feedForward;
  }

  /** @return encoder blocks */
  public int blocks() {
    return blocks;
  }

  /** @return the dropout probability inside the blocks */
  public double dropout() {
    return dropout;
  }

  @Override
  public String toString() {
    return "Transformer[features=" + features + ", modelDim=" + modelDim + ", heads=" + heads
        + ", feedForward=" + feedForward + ", blocks=" + blocks + ", dropout=" + dropout
        + ", classes=" + numClasses + ", lr=" + learningRate + ", seed=" + seed + "]";
  }

  /** Builds a {@link Transformer}; every setter validates eagerly. Defaults: the reference. */
  public static final class Builder extends DropoutNetworkBuilder<Builder> {
    private int features = 40;
    private int modelDim = 64;
    private int heads = 4;
    private int feedForward = 128;
    private int blocks = 2;

    private Builder() {
      super(0.1);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param n features per frame (MFCCs or mel bands), &gt;= 1
     * @return this builder
     */
    public Builder features(int n) {
      ModelException.require(n >= 1, "features", n, ">= 1");
      this.features = n;
      return this;
    }

    /**
     * @param d the model dimension, &gt;= 1 and a multiple of {@code heads} (checked by {@link #build()})
     * @return this builder
     */
    public Builder modelDim(int d) {
      ModelException.require(d >= 1, "modelDim", d, ">= 1");
      this.modelDim = d;
      return this;
    }

    /**
     * @param n attention heads, &gt;= 1, dividing {@code modelDim} (checked by {@link #build()})
     * @return this builder
     */
    public Builder heads(int n) {
      ModelException.require(n >= 1, "heads", n, ">= 1");
      this.heads = n;
      return this;
    }

    /**
     * @param n the feed-forward width of each block, &gt;= 1
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
     * Builds the immutable description.
     *
     * @return the network description
     * @throws ModelException if {@code heads} does not divide {@code modelDim}
     */
    public Transformer build() {
      ModelException.require(modelDim % heads == 0, "heads", heads, "a divisor of modelDim = " + modelDim);
      return new Transformer(this);
    }
  }
}
