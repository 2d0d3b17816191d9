package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.layers.LstmLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A bidirectional LSTM over MFCC sequences with attention pooling over time (the emotion_rec
 * system), as a DL4J {@link ComputationGraphConfiguration}.
 *
 * <p>Input {@code [batch, features, time]} (DL4J's NCW recurrent layout), by default
 * {@code [batch, 40, frames]}: 40 MFCCs per frame, any number of frames (94 for 3 s at 16 kHz, hop
 * 512); all sequences of a batch have the same length (masks are rejected). Layers:
 * {@code layers} bidirectional LSTMs ({@code hidden} units per direction, outputs of both
 * directions concatenated: {@code 2 hidden} channels per step), dropout {@code dropout} on the input
 * of every LSTM layer after the first and on the pooled vector (PyTorch's {@code nn.LSTM(dropout=)}
 * placement, plus the classifier's input); attention pooling: a learned score per time step
 * {@code s_t = w . h_t} (a kernel-1 convolution without bias: a bias would cancel in the softmax),
 * weights {@code a = softmax over t of s}, pooled vector {@code sum_t a_t h_t} ({@code [batch, 2 hidden]});
 * a dense softmax layer. Output {@code [batch, numClasses]} probabilities.
 *
 * <p>The attention pooling is a small vertex of our own with hand-written forward and backward
 * passes in plain ND4J ops, checked against numerical gradients: DL4J's
 * {@code RecurrentAttentionLayer}/{@code SelfAttentionLayer} are SameDiff-based and in 1.0.0-M2.1
 * return twice the true gradient, and they compute a different thing (attention per step, not
 * pooling).
 *
 * <p>The LSTMs are {@link LstmLayer}s: each layer, both directions, is one native libnd4j
 * {@code lstmLayer} call forward and a batched backpropagation through time backward, the same function as
 * DL4J's {@code Bidirectional(CONCAT, LSTM)} with the same weights and the same initialisation for a
 * seed, about an order of magnitude faster (DL4J's layer runs a Java loop of ~16 ND4J calls per time
 * step). Dropout before a layer uses one mask for both directions (as PyTorch).
 *
 * <p>Parameters: a DL4J LSTM has one bias per gate where PyTorch has two, so a layer of one
 * direction has {@code 4 hidden (in + hidden + 1)} parameters. {@link #reference()} (40 features,
 * 2 x 64, 8 classes) has 152,576 LSTM + 128 attention + 1,032 output = <b>153,736</b> parameters.
 * The PyTorch peer ({@code ../shared/reference/peers/torch_peer.py}, same LSTMs with mean pooling)
 * has 154,632: 1,024 more LSTM biases, 128 fewer attention weights.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every configuration
 * it returns has first applied {@link Dl4jRuntime#prepare()}.
 */
public final class BiLstmAttention extends NetworkDescription {
  private final int features;
  private final int layers;
  private final int hidden;
  private final double dropout;

  private BiLstmAttention(Builder b) {
    super(b);
    features = b.features;
    layers = b.layers;
    hidden = b.hidden;
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
   * The reference network: 40 MFCCs in, 2 bidirectional layers of 64 units per direction, dropout
   * 0.2, 8 classes, Adam with learning rate 1e-3, seed 42. 153,736 parameters.
   *
   * @return the reference configuration
   */
  public static BiLstmAttention reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().features(features).layers(layers).hidden(hidden).dropout(dropout)
        .commonSettings(this);
  }

  /**
   * The DL4J configuration (Adam, multi-class cross-entropy, the seed for weight initialisation).
   * Applies {@link Dl4jRuntime#prepare()} first. Input name {@code "input"}, output name
   * {@code "output"}; the attention weights' scores come from the layer {@code "attention_score"}.
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
    String last = "input";
    int in = features;
    for (int i = 1; i <= layers; i++) {
      LstmLayer.Builder lstm = new LstmLayer.Builder().bidirectional(true).nIn(in).nOut(hidden)
          .activation(Activation.TANH);
      if (i > 1 && dropout > 0) {
        lstm.dropOut(new Dropout(1 - dropout)); // DL4J's argument is the retain probability
      }
      g.addLayer("lstm" + i, lstm.build(), last);
      last = "lstm" + i;
      in = 2 * hidden;
    }
    g.addLayer("attention_score", new Convolution1DLayer.Builder().kernelSize(1).nIn(in).nOut(1)
        .hasBias(false).activation(Activation.IDENTITY).rnnDataFormat(RNNFormat.NCW).build(), last);
    g.addVertex("attention_pool", new SoftmaxTimePoolingVertex(), last, "attention_score");
    OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(in).nOut(numClasses).activation(Activation.SOFTMAX);
    if (dropout > 0) {
      out.dropOut(new Dropout(1 - dropout));
    }
    g.addLayer("output", out.build(), "attention_pool").setOutputs("output");
    return g.build();
  }

  /**
   * The parameter count, computed from the sizes: per layer and direction
   * {@code 4 hidden (in + hidden + 1)}, plus {@code 2 hidden} attention weights, plus
   * {@code (2 hidden + 1) numClasses}.
   *
   * @return the number of parameters {@link #network()} has
   */
  public long parameterCount() {
    long n = 0;
    long in = features;
    for (int i = 0; i < layers; i++) {
      n += 2L * 4 * hidden * (in + hidden + 1);
      in = 2L * hidden;
    }
    return n + in + (in + 1) * numClasses;
  }

  /** @return features per time step (MFCCs) */
  public int features() {
    return features;
  }

  /** @return number of bidirectional LSTM layers */
  public int layers() {
    return layers;
  }

  /** @return LSTM units per direction */
  public int hidden() {
    return hidden;
  }

  /** @return dropout probability (of dropping) between layers and before the classifier */
  public double dropout() {
    return dropout;
  }

  @Override
  public String toString() {
    return "BiLstmAttention[features=" + features + ", layers=" + layers + ", hidden=" + hidden
        + ", dropout=" + dropout + ", classes=" + numClasses + ", lr=" + learningRate + ", seed=" + seed + "]";
  }

  /** Builds a {@link BiLstmAttention}; every setter validates eagerly. Defaults: the reference. */
  public static final class Builder extends DropoutNetworkBuilder<Builder> {
    private int features = 40;
    private int layers = 2;
    private int hidden = 64;

    private Builder() {
      super(0.2);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param n features per time step (MFCCs), &gt;= 1
     * @return this builder
     */
    public Builder features(int n) {
      ModelException.require(n >= 1, "features", n, ">= 1");
      this.features = n;
      return this;
    }

    /**
     * @param n number of stacked bidirectional LSTM layers, in [1, 8]
     * @return this builder
     */
    public Builder layers(int n) {
      ModelException.require(n >= 1 && n <= 8, "layers", n, "in [1, 8]");
      this.layers = n;
      return this;
    }

    /**
     * @param n LSTM units per direction, &gt;= 1
     * @return this builder
     */
    public Builder hidden(int n) {
      ModelException.require(n >= 1, "hidden", n, ">= 1");
      this.hidden = n;
      return this;
    }

    /** @return the immutable network description */
    public BiLstmAttention build() {
      return new BiLstmAttention(this);
    }
  }
}
