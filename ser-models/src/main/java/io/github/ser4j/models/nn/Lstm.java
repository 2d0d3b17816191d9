package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.layers.LstmLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The LSTM baseline (the "Audio Emotion Recognition System" lists one beside its ResNet): stacked
 * unidirectional LSTMs over a feature sequence, pooled to one vector by the last time step or the
 * mean over time, then a dense softmax layer. A DL4J {@link ComputationGraphConfiguration}.
 *
 * <p>Input {@code [batch, features, time]} (NCW), by default {@code [batch, 40, frames]}; any number
 * of frames; masks (sequences of different lengths, padded at the end) are honoured by both poolings. Dropout
 * {@code dropout} on the input of every LSTM layer after the first and on the pooled vector.
 * Output {@code [batch, numClasses]} probabilities.
 *
 * <p>The LSTMs are {@link LstmLayer}s (one native libnd4j {@code lstmLayer} call per layer forward,
 * a batched backpropagation through time backward): the same function as DL4J's {@code LSTM} with the same weights
 * and initialisation, much faster. Masks must mark padding at the end of a sequence (1s, then 0s).
 *
 * <p>Parameters: per layer {@code 4 hidden (in + hidden + 1)} (one bias per gate; PyTorch has
 * two), plus {@code (hidden + 1) numClasses}. {@link #reference()} (40 features, 2 x 128, 8 classes):
 * 86,528 + 131,584 + 1,032 = <b>219,144</b> (PyTorch: 220,168).
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every configuration
 * it returns has first applied {@link Dl4jRuntime#prepare()}.
 */
public final class Lstm extends NetworkDescription {
  /** How the sequence of LSTM outputs becomes one vector. */
  public enum Pooling {
    /** The last time step's output (the last unmasked one if masked). */
    LAST,
    /** The mean over time (over unmasked steps if masked). */
    MEAN
  }

  private final int features;
  private final int layers;
  private final int hidden;
  private final Pooling pooling;
  private final double dropout;

  private Lstm(Builder b) {
    super(b);
    features = b.features;
    layers = b.layers;
    hidden = b.hidden;
    pooling = b.pooling;
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
   * The reference network: 40 features, 2 layers of 128 units, mean pooling, dropout 0.2, 8 classes,
   * Adam with learning rate 1e-3, seed 42. 219,144 parameters.
   *
   * @return the reference configuration
   */
  public static Lstm reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().features(features).layers(layers).hidden(hidden).pooling(pooling)
        .dropout(dropout).commonSettings(this);
  }

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
      LstmLayer.Builder lstm = new LstmLayer.Builder().nIn(in).nOut(hidden).activation(Activation.TANH);
      if (i > 1 && dropout > 0) {
        lstm.dropOut(new Dropout(1 - dropout)); // DL4J's argument is the retain probability
      }
      boolean lastLayer = i == layers;
      g.addLayer("lstm" + i, lastLayer && pooling == Pooling.LAST ? new LastTimeStep(lstm.build()) : lstm.build(),
          last);
      last = "lstm" + i;
      in = hidden;
    }
    if (pooling == Pooling.MEAN) {
      g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
      last = "pool";
    }
    OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(hidden).nOut(numClasses).activation(Activation.SOFTMAX);
    if (dropout > 0) {
      out.dropOut(new Dropout(1 - dropout));
    }
    g.addLayer("output", out.build(), last).setOutputs("output");
    return g.build();
  }

  /**
   * The parameter count from the sizes: per layer {@code 4 hidden (in + hidden + 1)}, plus
   * {@code (hidden + 1) numClasses}.
   *
   * @return the number of parameters {@link #network()} has
   */
  public long parameterCount() {
    long n = 0;
    long in = features;
    for (int i = 0; i < layers; i++) {
      n += 4L * hidden * (in + hidden + 1);
      in = hidden;
    }
    return n + (hidden + 1L) * numClasses;
  }

  /** @return features per time step */
  public int features() {
    return features;
  }

  /** @return number of stacked LSTM layers */
  public int layers() {
    return layers;
  }

  /** @return LSTM units per layer */
  public int hidden() {
    return hidden;
  }

  /** @return how the outputs over time are pooled */
  public Pooling pooling() {
    return pooling;
  }

  /** @return dropout probability (of dropping) between layers and before the classifier */
  public double dropout() {
    return dropout;
  }

  @Override
  public String toString() {
    return "Lstm[features=" + features + ", layers=" + layers + ", hidden=" + hidden + ", pooling=" + pooling
        + ", dropout=" + dropout + ", classes=" + numClasses + ", lr=" + learningRate + ", seed=" + seed + "]";
  }

  /** Builds an {@link Lstm}; every setter validates eagerly. Defaults: the reference. */
  public static final class Builder extends DropoutNetworkBuilder<Builder> {
    private int features = 40;
    private int layers = 2;
    private int hidden = 128;
    private Pooling pooling = Pooling.MEAN;

    private Builder() {
      super(0.2);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param n features per time step, &gt;= 1
     * @return this builder
     */
    public Builder features(int n) {
      ModelException.require(n >= 1, "features", n, ">= 1");
      this.features = n;
      return this;
    }

    /**
     * @param n number of stacked LSTM layers, in [1, 8]
     * @return this builder
     */
    public Builder layers(int n) {
      ModelException.require(n >= 1 && n <= 8, "layers", n, "in [1, 8]");
      this.layers = n;
      return this;
    }

    /**
     * @param n LSTM units per layer, &gt;= 1
     * @return this builder
     */
    public Builder hidden(int n) {
      ModelException.require(n >= 1, "hidden", n, ">= 1");
      this.hidden = n;
      return this;
    }

    /**
     * @param p the pooling over time, not null
     * @return this builder
     */
    public Builder pooling(Pooling p) {
      ModelException.require(p != null, "pooling", p, "LAST or MEAN");
      this.pooling = p;
      return this;
    }

    /** @return the immutable network description */
    public Lstm build() {
      return new Lstm(this);
    }
  }
}
