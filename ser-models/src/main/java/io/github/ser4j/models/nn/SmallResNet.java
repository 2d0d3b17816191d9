package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The small ResNet of the "Audio Emotion Recognition System" reference (log-mel input), as a DL4J
 * {@link ComputationGraphConfiguration}.
 *
 * <p>Input {@code [batch, channels, height, width]} = {@code [batch, 1, mels, frames]} (NCHW), by
 * default {@code [batch, 1, 64, 94]}: 64 mel bands, 94 frames of 3 s at 16 kHz with hop 512.
 * Layers: a stem (conv k x k, {@code stemChannels}, batch norm, ReLU); then stages of basic residual
 * blocks (He et al. 2016, "Deep Residual Learning for Image Recognition": conv-BN-ReLU-conv-BN plus
 * the shortcut, then ReLU), the first block of every stage after the first with stride 2, the
 * shortcut an identity or, when the stride or width changes, a 1x1 conv + batch norm; global
 * average pooling; a dense softmax layer over the classes. Convolutions followed by batch norm have
 * no bias; padding is {@code kernelSize / 2}, so the geometry is PyTorch's {@code Conv2d(padding=k//2)}.
 * Output: {@code [batch, numClasses]} probabilities.
 *
 * <p>Parameters: DL4J counts a batch norm layer's running mean and variance (2 per channel) as
 * parameters; PyTorch counts them as buffers. {@link #reference()} has 175,960 DL4J parameters of
 * which 174,840 are trainable: exactly PyTorch's count for the same network
 * ({@code ../shared/reference/peers/torch_peer.py}). The reference system reports 191,416; its
 * code is not available, and no choice of biases or counted buffers in this architecture gives
 * that number, so it must differ in some layer we cannot see (docs/models.md).
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #reference()}. Every network
 * configuration it returns has first applied {@link Dl4jRuntime#prepare()} (the oneDNN switch).
 */
public final class SmallResNet extends NetworkDescription {
  private final int inputChannels;
  private final int height;
  private final int width;
  private final int stemChannels;
  private final int[] stageChannels;
  private final int[] blocksPerStage;
  private final int kernelSize;

  private SmallResNet(Builder b) {
    super(b);
    inputChannels = b.inputChannels;
    height = b.height;
    width = b.width;
    stemChannels = b.stemChannels;
    stageChannels = b.stageChannels.clone();
    blocksPerStage = b.blocksPerStage.clone();
    kernelSize = b.kernelSize;
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
   * The reference network: input 1 x 64 x 94, stem 16, stages of 16, 32, 64 channels with two
   * blocks each, kernel 3, 8 classes, Adam with learning rate 1e-3, seed 42.
   *
   * @return the reference configuration
   */
  public static SmallResNet reference() {
    return builder().build();
  }

  @Override
  public Builder toBuilder() {
    return new Builder().input(inputChannels, height, width).stemChannels(stemChannels)
        .stages(stageChannels, blocksPerStage).kernelSize(kernelSize).commonSettings(this);
  }

  /**
   * The DL4J configuration of this network (Adam updater, multi-class cross-entropy loss, the
   * seed for weight initialisation). Applies {@link Dl4jRuntime#prepare()} first.
   * Input name {@code "input"}, output name {@code "output"}.
   *
   * @return a new configuration
   */
  @Override
  public ComputationGraphConfiguration configuration() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = baseConfiguration(WeightInit.RELU)
        .graphBuilder()
        .addInputs("input")
        .setInputTypes(InputType.convolutional(height, width, inputChannels));
    String last = convBn(g, "stem", "input", inputChannels, stemChannels, kernelSize, 1, true);
    int channels = stemChannels;
    for (int s = 0; s < stageChannels.length; s++) {
      for (int b = 0; b < blocksPerStage[s]; b++) {
        int stride = (s > 0 && b == 0) ? 2 : 1;
        last = block(g, "s" + (s + 1) + "b" + (b + 1), last, channels, stageChannels[s], stride);
        channels = stageChannels[s];
      }
    }
    g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last)
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nIn(channels).nOut(numClasses).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER)
            .build(), "pool")
        .setOutputs("output");
    return g.build();
  }

  /** Conv (no bias) then batch norm, then ReLU if {@code relu}; returns the last layer's name. */
  private static String convBn(ComputationGraphConfiguration.GraphBuilder g,
      String name, String in, int nIn, int nOut, int k, int stride, boolean relu) {
    return ConvBatchNorm.add(g, name, in, new ConvolutionLayer.Builder(k, k).stride(stride, stride)
        .padding(k / 2, k / 2).nIn(nIn).nOut(nOut).hasBias(false).activation(Activation.IDENTITY).build(), nOut, relu);
  }

  private String block(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int nIn,
      int nOut, int stride) {
    String a = convBn(g, name + "_1", in, nIn, nOut, kernelSize, stride, true);
    String b = convBn(g, name + "_2", a, nOut, nOut, kernelSize, 1, false);
    String shortcut = (stride != 1 || nIn != nOut)
        ? convBn(g, name + "_short", in, nIn, nOut, 1, stride, false)
        : in;
    // relu(b + shortcut) in one vertex: DL4J's ElementWiseVertex + ActivationLayer copy the data twice more.
    g.addVertex(name + "_relu", new AddReluVertex(), b, shortcut);
    return name + "_relu";
  }

  /** @return input channels (1 for a log-mel spectrogram) */
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

  /** @return the stem's output channels */
  public int stemChannels() {
    return stemChannels;
  }

  /** @return output channels per stage (a copy) */
  public int[] stageChannels() {
    return stageChannels.clone();
  }

  /** @return residual blocks per stage (a copy) */
  public int[] blocksPerStage() {
    return blocksPerStage.clone();
  }

  /** @return the convolution kernel size (odd) */
  public int kernelSize() {
    return kernelSize;
  }

  @Override
  public String toString() {
    return "SmallResNet[input=" + inputChannels + "x" + height + "x" + width + ", stem=" + stemChannels
        + ", stages=" + Arrays.toString(stageChannels) + ", blocks=" + Arrays.toString(blocksPerStage)
        + ", kernel=" + kernelSize + ", classes=" + numClasses + ", lr=" + learningRate + ", seed=" + seed + "]";
  }

  /** Builds a {@link SmallResNet}; every setter validates eagerly. Defaults: the reference. */
  public static final class Builder extends NetworkBuilder<Builder> {
    private int inputChannels = 1;
    private int height = 64;
    private int width = 94;
    private int stemChannels = 16;
    private int[] stageChannels = {16, 32, 64};
    private int[] blocksPerStage = {2, 2, 2};
    private int kernelSize = 3;

    private Builder() {
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The input shape.
     *
     * @param channels input channels, &gt;= 1 (1 for a spectrogram)
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
     * @param channels the stem convolution's output channels, &gt;= 1
     * @return this builder
     */
    public Builder stemChannels(int channels) {
      ModelException.require(channels >= 1, "stemChannels", channels, ">= 1");
      this.stemChannels = channels;
      return this;
    }

    /**
     * The residual stages: stage {@code i} has {@code blocks[i]} blocks of {@code channels[i]}
     * channels; every stage after the first halves height and width (stride 2).
     *
     * @param channels channels per stage, each &gt;= 1, at least one stage
     * @param blocks blocks per stage, each &gt;= 1, as many as {@code channels}
     * @return this builder
     */
    public Builder stages(int[] channels, int[] blocks) {
      ModelException.require(channels != null && channels.length >= 1, "stageChannels",
          Arrays.toString(channels), "at least one stage");
      ModelException.require(blocks != null && blocks.length == channels.length, "blocksPerStage",
          Arrays.toString(blocks), "one entry per stage (" + channels.length + ")");
      int[] c = positiveSizes(channels, "stageChannels");
      this.blocksPerStage = positiveSizes(blocks, "blocksPerStage");
      this.stageChannels = c;
      return this;
    }

    /**
     * @param k the kernel size of the 3x3-style convolutions, odd, in [1, 15]
     * @return this builder
     */
    public Builder kernelSize(int k) {
      ModelException.require(k >= 1 && k <= 15 && k % 2 == 1, "kernelSize", k, "odd, in [1, 15]");
      this.kernelSize = k;
      return this;
    }

    /**
     * Builds the immutable description. Every input size is valid: padding {@code kernelSize / 2}
     * keeps a stride-1 size, and stride 2 maps any size &gt;= 1 to one &gt;= 1.
     *
     * @return the network description
     */
    public SmallResNet build() {
      return new SmallResNet(this);
    }
  }
}
