package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The 2D CNN on mel spectrograms of the "Speech Emotion Recognition (CNN)" system, as a DL4J
 * {@link ComputationGraphConfiguration}: conv/pool blocks, a dense layer, softmax.
 *
 * <p>Input {@code [batch, channels, height, width]} = {@code [batch, 1, mels, frames]} (NCHW), by
 * default {@code [batch, 1, 64, 94]}. Each block: convolution k x k with padding {@code k / 2}
 * and no bias (batch norm follows), batch norm, ReLU, max pooling {@code pool x pool} with stride
 * {@code pool}, so each block maps {@code H x W} to {@code floor(H / pool) x floor(W / pool)}. Then
 * flatten ({@code c_last x H' x W'} values), dense {@code dense} ReLU, dropout {@code dropout},
 * dense softmax. Output {@code [batch, numClasses]} probabilities.
 *
 * <p>Parameters (trainable, as PyTorch or Keras count them): per block {@code k^2 c_in c_out + 2 c_out}
 * (conv weights, batch-norm scale and shift), plus {@code (c_last H' W' + 1) dense + (dense + 1)
 * numClasses}; DL4J's {@code numParams()} adds the batch-norm running mean and variance,
 * {@code 2 c_out} per block. {@link #reference()} (1 x 64 x 94, blocks of 16, 32, 64 channels,
 * 3 x 3, pool 2, so 8 x 11 at the end; dense 128; 8 classes): 144 + 32 + 4,608 + 64 + 18,432 + 128 +
 * 721,024 + 1,032 = <b>745,464</b> trainable, 745,688 in DL4J. The paper does not give its layer
 * sizes; these follow the usual three-block mel-spectrogram CNN.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every configuration
 * it returns has first applied {@link Dl4jRuntime#prepare()}.
 */
public final class Cnn2d extends NetworkDescription {
  private final int inputChannels;
  private final int height;
  private final int width;
  private final int[] blockChannels;
  private final int kernelSize;
  private final int poolSize;
  private final int dense;
  private final double dropout;

  private Cnn2d(Builder b) {
    super(b);
    inputChannels = b.inputChannels;
    height = b.height;
    width = b.width;
    blockChannels = b.blockChannels.clone();
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
   * The reference network: input 1 x 64 x 94, blocks of 16, 32, 64 channels, kernel 3, pool 2,
   * dense 128, dropout 0.3, 8 classes, Adam with learning rate 1e-3, seed 42. 745,464 trainable
   * parameters.
   *
   * @return the reference configuration
   */
  public static Cnn2d reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().input(inputChannels, height, width).blocks(blockChannels).kernelSize(kernelSize)
        .poolSize(poolSize).dense(dense).dropout(dropout).commonSettings(this);
  }

  @Override
  public ComputationGraphConfiguration configuration() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = baseConfiguration(WeightInit.RELU)
        .graphBuilder()
        .addInputs("input")
        .setInputTypes(InputType.convolutional(height, width, inputChannels));
    String last = "input";
    int in = inputChannels;
    for (int b = 0; b < blockChannels.length; b++) {
      String name = "block" + (b + 1);
      String bn = ConvBatchNorm.add(g, name, last, new ConvolutionLayer.Builder(kernelSize, kernelSize)
          .padding(kernelSize / 2, kernelSize / 2).nIn(in).nOut(blockChannels[b]).hasBias(false)
          .activation(Activation.IDENTITY).build(), blockChannels[b], true);
      g.addLayer(name + "_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
          .kernelSize(poolSize, poolSize).stride(poolSize, poolSize).build(), bn);
      last = name + "_pool";
      in = blockChannels[b];
    }
    g.addLayer("dense", new DenseLayer.Builder().nOut(dense).activation(Activation.RELU).build(), last);
    OutputLayer.Builder out = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .nIn(dense).nOut(numClasses).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
    if (dropout > 0) {
      out.dropOut(new Dropout(1 - dropout)); // on the dense layer's output; DL4J takes the retain probability
    }
    g.addLayer("output", out.build(), "dense").setOutputs("output");
    return g.build();
  }

  /**
   * Trainable parameters from the sizes (see the class comment); DL4J's {@code numParams()} is
   * this plus {@code 2 c_out} batch-norm running statistics per block.
   *
   * @return the trainable parameter count
   */
  public long trainableParameterCount() {
    long n = 0;
    long in = inputChannels;
    long h = height;
    long w = width;
    for (int c : blockChannels) {
      n += (long) kernelSize * kernelSize * in * c + 2L * c;
      in = c;
      h /= poolSize;
      w /= poolSize;
    }
    return n + (in * h * w + 1) * dense + (dense + 1L) * numClasses;
  }

  /** @return input channels (1 for a spectrogram) */
  public int inputChannels() {
    return inputChannels;
  }

  /** @return input height: mel bands */
  public int height() {
    return height;
  }

  /** @return input width: frames */
  public int width() {
    return width;
  }

  /** @return output channels of each conv block (a copy) */
  public int[] blockChannels() {
    return blockChannels.clone();
  }

  /** @return the convolution kernel size (odd) */
  public int kernelSize() {
    return kernelSize;
  }

  /** @return max-pooling size and stride */
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
    return "Cnn2d[input=" + inputChannels + "x" + height + "x" + width + ", blocks=" + Arrays.toString(blockChannels)
        + ", kernel=" + kernelSize + ", pool=" + poolSize + ", dense=" + dense + ", dropout=" + dropout
        + ", classes=" + numClasses + ", lr=" + learningRate + ", seed=" + seed + "]";
  }

  /** Builds a {@link Cnn2d}; every setter validates eagerly, {@link #build()} the geometry. */
  public static final class Builder extends DropoutNetworkBuilder<Builder> {
    private int inputChannels = 1;
    private int height = 64;
    private int width = 94;
    private int[] blockChannels = {16, 32, 64};
    private int kernelSize = 3;
    private int poolSize = 2;
    private int dense = 128;

    private Builder() {
      super(0.3);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The input shape.
     *
     * @param channels input channels, &gt;= 1
     * @param height rows (mel bands), &gt;= 1
     * @param width columns (frames), &gt;= 1
     * @return this builder
     */
    public Builder input(int channels, int height, int width) {
      ModelException.require(channels >= 1, "inputChannels", channels, ">= 1");
      ModelException.require(height >= 1, "height", height, ">= 1");
      ModelException.require(width >= 1, "width", width, ">= 1");
      this.inputChannels = channels;
      this.height = height;
      this.width = width;
      return this;
    }

    /**
     * @param channels output channels of each conv block, each &gt;= 1, at least one block
     * @return this builder
     */
    public Builder blocks(int... channels) {
      ModelException.require(channels != null && channels.length >= 1, "blockChannels",
          Arrays.toString(channels), "at least one block");
      this.blockChannels = positiveSizes(channels, "blockChannels");
      return this;
    }

    /**
     * @param k convolution kernel size, odd, in [1, 15]
     * @return this builder
     */
    public Builder kernelSize(int k) {
      ModelException.require(k >= 1 && k <= 15 && k % 2 == 1, "kernelSize", k, "odd, in [1, 15]");
      this.kernelSize = k;
      return this;
    }

    /**
     * @param p max-pooling size and stride, &gt;= 1
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
     * @throws ModelException naming {@code height} or {@code width} if the pooling of all blocks
     *     would leave less than one row or column: each must be at least {@code poolSize^blocks}
     */
    public Cnn2d build() {
      double need = Math.pow(poolSize, blockChannels.length);
      ModelException.require(height >= need, "height", height, ">= poolSize^blocks = " + (long) need);
      ModelException.require(width >= need, "width", width, ">= poolSize^blocks = " + (long) need);
      return new Cnn2d(this);
    }
  }
}
