package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The 1D CNN of "SER using deep learning" on one feature vector per clip (40 MFCC means, ZCR, RMS:
 * 42 values), as a DL4J {@link ComputationGraphConfiguration}: the Keras
 * {@code Conv1D(64, 3, relu) - MaxPooling1D(2) - Flatten - Dense(64, relu) - Dropout(0.3) -
 * Dense(classes, softmax)} stack.
 *
 * <p>Input {@code [batch, features]}, by default {@code [batch, 42]}: the vector is treated as a
 * one-channel signal of {@code features} steps (inside, a {@code [batch, 1, 1, features]} image
 * and 1 x k kernels, so DL4J's oneDNN convolution helper applies). Convolution: {@code filters}
 * filters of width {@code kernelSize}, no padding ("valid", Keras' default), ReLU, so
 * {@code L = features - kernelSize + 1} positions; max pooling of width and stride {@code poolSize}:
 * {@code P = floor(L / poolSize)}; flatten ({@code filters x P} values); dense {@code dense} ReLU;
 * dropout {@code dropout}; dense softmax. Output {@code [batch, numClasses]} probabilities.
 *
 * <p>Parameters: {@code filters (kernelSize + 1) + (filters P + 1) dense + (dense + 1) numClasses}.
 * {@link #reference()} (42 features, 64 filters of 3, pool 2, dense 64, 8 classes; {@code L = 40},
 * {@code P = 20}): 256 + 81,984 + 520 = <b>82,760</b>, the same as Keras for that stack.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every configuration
 * it returns has first applied {@link Dl4jRuntime#prepare()}.
 */
public final class Cnn1d extends NetworkDescription {
  private final int features;
  private final int filters;
  private final int kernelSize;
  private final int poolSize;
  private final int dense;
  private final double dropout;

  private Cnn1d(Builder b) {
    super(b);
    features = b.features;
    filters = b.filters;
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
   * The reference network: 42 features, 64 filters of width 3, max pooling 2, dense 64, dropout
   * 0.3, 8 classes, Adam with learning rate 1e-3, seed 42. 82,760 parameters.
   *
   * @return the reference configuration
   */
  public static Cnn1d reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().features(features).filters(filters).kernelSize(kernelSize).poolSize(poolSize)
        .dense(dense).dropout(dropout).commonSettings(this);
  }

  /** @return the pooled length {@code floor((features - kernelSize + 1) / poolSize)} */
  int pooledLength() {
    return (features - kernelSize + 1) / poolSize;
  }

  @Override
  public ComputationGraphConfiguration configuration() {
    Dl4jRuntime.prepare();
    OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(dense).nOut(numClasses).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
    if (dropout > 0) {
      out.dropOut(new Dropout(1 - dropout)); // on the dense layer's output; DL4J takes the retain probability
    }
    return baseConfiguration(WeightInit.RELU)
        .graphBuilder()
        .addInputs("input")
        .setInputTypes(InputType.feedForward(features))
        .addVertex("signal", new PreprocessorVertex(new FeedForwardToCnnPreProcessor(1, features, 1)), "input")
        .addLayer("conv", new ConvolutionLayer.Builder(1, kernelSize).nIn(1).nOut(filters)
            .activation(Activation.RELU).build(), "signal")
        .addLayer("pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(1, poolSize).stride(1, poolSize).build(), "conv")
        .addLayer("dense", new DenseLayer.Builder().nOut(dense).activation(Activation.RELU).build(), "pool")
        .addLayer("output", out.build(), "dense")
        .setOutputs("output")
        .build();
  }

  /**
   * The parameter count from the sizes (see the class comment).
   *
   * @return the number of parameters {@link #network()} has
   */
  public long parameterCount() {
    return (long) filters * (kernelSize + 1) + ((long) filters * pooledLength() + 1) * dense
        + (dense + 1L) * numClasses;
  }

  /** @return values per input vector */
  public int features() {
    return features;
  }

  /** @return convolution filters */
  public int filters() {
    return filters;
  }

  /** @return convolution width */
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
    return "Cnn1d[features=" + features + ", filters=" + filters + ", kernel=" + kernelSize + ", pool=" + poolSize
        + ", dense=" + dense + ", dropout=" + dropout + ", classes=" + numClasses + ", lr=" + learningRate
        + ", seed=" + seed + "]";
  }

  /** Builds a {@link Cnn1d}; every setter validates eagerly, {@link #build()} the geometry. */
  public static final class Builder extends DropoutNetworkBuilder<Builder> {
    private int features = 42;
    private int filters = 64;
    private int kernelSize = 3;
    private int poolSize = 2;
    private int dense = 64;

    private Builder() {
      super(0.3);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param n values per input vector, &gt;= 1
     * @return this builder
     */
    public Builder features(int n) {
      ModelException.require(n >= 1, "features", n, ">= 1");
      this.features = n;
      return this;
    }

    /**
     * @param n convolution filters, &gt;= 1
     * @return this builder
     */
    public Builder filters(int n) {
      ModelException.require(n >= 1, "filters", n, ">= 1");
      this.filters = n;
      return this;
    }

    /**
     * @param k convolution width, &gt;= 1
     * @return this builder
     */
    public Builder kernelSize(int k) {
      ModelException.require(k >= 1, "kernelSize", k, ">= 1");
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
     * @throws ModelException naming {@code features} if the vector is too short for one pooled
     *     position: {@code features >= kernelSize + poolSize - 1}
     */
    public Cnn1d build() {
      ModelException.require(features - kernelSize + 1 >= poolSize, "features", features,
          ">= kernelSize + poolSize - 1 = " + (kernelSize + poolSize - 1) + " (one pooled position)");
      return new Cnn1d(this);
    }
  }
}
