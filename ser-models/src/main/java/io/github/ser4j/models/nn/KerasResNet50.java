package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras's ResNet50 (keras.applications.ResNet50, {@code include_top=False, pooling="avg"}; He et
 * al. 2016, v1) rebuilt as a DL4J ComputationGraph with Keras's layer names, and loaded from a Keras
 * HDF5 weight file.
 *
 * <p>Topology, as in keras/applications/resnet.py: {@code conv1_pad} (zero padding 3),
 * {@code conv1_conv} (7 x 7, stride 2, 64, with bias), {@code conv1_bn}, {@code conv1_relu},
 * {@code pool1_pad} (zero padding 1), {@code pool1_pool} (max 3 x 3, stride 2), then the bottleneck
 * stages conv2..conv5 with 3, 4, 6, 3 blocks of widths 64, 128, 256, 512: block {@code convS_blockB}
 * is {@code _1_conv} 1 x 1 (stride 2 in the first block of stages 3-5, on this 1 x 1 convolution as in
 * Keras), {@code _2_conv} 3 x 3 "same", {@code _3_conv} 1 x 1 to 4 x width, each followed by
 * {@code _bn}, ReLU after the first two; the first block of a stage has the projection shortcut
 * {@code _0_conv} 1 x 1 (same stride) + {@code _0_bn}; {@code _add}, then {@code _out} (ReLU). Every
 * convolution has a bias; batch norm epsilon 1.001e-5; {@code avg_pool} the global average. For a
 * 224 x 224 input the stages are 56, 28, 14 and 7 pixels wide.
 *
 * <p>DL4J runs it in NCHW: Keras's channels-last kernels {@code [kh, kw, in, out]} become
 * {@code [out, in, kh, kw]}; image channel c is Keras's input channel c (B, G, R after Keras's
 * "caffe" preprocessing). Batch norm's gamma, beta, moving_mean and moving_variance go to DL4J's
 * gamma, beta, mean and var.
 */
final class KerasResNet50 {
  /** The input side in pixels. */
  static final int IMAGE_SIZE = 224;
  /** Keras's name of the global average pooling whose output is the 2048-d embedding. */
  static final String EMBEDDING_VERTEX = "avg_pool";
  /** The last layer before the pooling: {@code [batch, 2048, 7, 7]} for a 224 x 224 input. */
  static final String LAST_BLOCK = "conv5_block3_out";
  /** Keras's batch norm epsilon in ResNet50. */
  static final double BN_EPSILON = 1.001e-5;

  private static final int[] BLOCKS = {3, 4, 6, 3};
  private static final int[] WIDTHS = {64, 128, 256, 512};
  /** Block layers of a deeper Keras ResNet (ResNet101/152 have conv4_block7 and more). */
  private static final Pattern BLOCK_LAYER = Pattern.compile("conv(\\d+)_block(\\d+)_.*");

  /** A layer with weights: a convolution {@code [kh, kw, in, out]} with bias, or a batch norm over {@code in} channels. */
  record WeightedLayer(String name, boolean convolution, int kernel, int in, int out) {
    /** @return the Keras shape of the kernel (convolutions only) */
    long[] kernelShape() {
      return new long[] {kernel, kernel, in, out};
    }
  }

  private KerasResNet50() {
  }

  /** @return every layer with weights, in Keras's order (53 convolutions, 53 batch norms) */
  static List<WeightedLayer> weightedLayers() {
    List<WeightedLayer> layers = new ArrayList<>();
    layers.add(new WeightedLayer("conv1_conv", true, 7, 3, 64));
    layers.add(new WeightedLayer("conv1_bn", false, 0, 64, 64));
    int in = 64;
    for (int s = 0; s < BLOCKS.length; s++) {
      int width = WIDTHS[s];
      for (int b = 1; b <= BLOCKS[s]; b++) {
        String block = "conv" + (s + 2) + "_block" + b;
        if (b == 1) {
          layers.add(new WeightedLayer(block + "_0_conv", true, 1, in, 4 * width));
          layers.add(new WeightedLayer(block + "_0_bn", false, 0, 4 * width, 4 * width));
        }
        layers.add(new WeightedLayer(block + "_1_conv", true, 1, in, width));
        layers.add(new WeightedLayer(block + "_1_bn", false, 0, width, width));
        layers.add(new WeightedLayer(block + "_2_conv", true, 3, width, width));
        layers.add(new WeightedLayer(block + "_2_bn", false, 0, width, width));
        layers.add(new WeightedLayer(block + "_3_conv", true, 1, width, 4 * width));
        layers.add(new WeightedLayer(block + "_3_bn", false, 0, 4 * width, 4 * width));
        in = 4 * width;
      }
    }
    return layers;
  }

  /** @return the DL4J configuration (NCHW input 3 x 224 x 224; output {@value #EMBEDDING_VERTEX}, {@code [batch, 2048]}) */
  static ComputationGraphConfiguration configuration() {
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.ZERO) // every parameter is then set from the file
        .activation(Activation.IDENTITY)
        .convolutionMode(ConvolutionMode.Truncate) // Keras "valid"; "same" is written as explicit padding
        .graphBuilder()
        .addInputs("input")
        .setInputTypes(InputType.convolutional(IMAGE_SIZE, IMAGE_SIZE, 3));
    g.addLayer("conv1_pad", new ZeroPaddingLayer.Builder(3, 3).build(), "input");
    g.addLayer("conv1_conv", conv(7, 2, 0, 64), "conv1_pad");
    g.addLayer("conv1_bn", batchNorm(), "conv1_conv");
    g.addLayer("conv1_relu", relu(), "conv1_bn");
    g.addLayer("pool1_pad", new ZeroPaddingLayer.Builder(1, 1).build(), "conv1_relu");
    g.addLayer("pool1_pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2).build(),
        "pool1_pad");
    String previous = "pool1_pool";
    for (int s = 0; s < BLOCKS.length; s++) {
      int width = WIDTHS[s];
      for (int b = 1; b <= BLOCKS[s]; b++) {
        String block = "conv" + (s + 2) + "_block" + b;
        int stride = b == 1 && s > 0 ? 2 : 1;
        String shortcut = previous;
        if (b == 1) {
          g.addLayer(block + "_0_conv", conv(1, stride, 0, 4 * width), previous);
          g.addLayer(block + "_0_bn", batchNorm(), block + "_0_conv");
          shortcut = block + "_0_bn";
        }
        g.addLayer(block + "_1_conv", conv(1, stride, 0, width), previous);
        g.addLayer(block + "_1_bn", batchNorm(), block + "_1_conv");
        g.addLayer(block + "_1_relu", relu(), block + "_1_bn");
        g.addLayer(block + "_2_conv", conv(3, 1, 1, width), block + "_1_relu");
        g.addLayer(block + "_2_bn", batchNorm(), block + "_2_conv");
        g.addLayer(block + "_2_relu", relu(), block + "_2_bn");
        g.addLayer(block + "_3_conv", conv(1, 1, 0, 4 * width), block + "_2_relu");
        g.addLayer(block + "_3_bn", batchNorm(), block + "_3_conv");
        g.addVertex(block + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), shortcut, block + "_3_bn");
        g.addLayer(block + "_out", relu(), block + "_add");
        previous = block + "_out";
      }
    }
    g.addLayer(EMBEDDING_VERTEX, new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), previous);
    return g.setOutputs(EMBEDDING_VERTEX).validateOutputLayerConfig(false).build();
  }

  private static ConvolutionLayer conv(int kernel, int stride, int padding, int out) {
    return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).padding(padding, padding)
        .nOut(out).hasBias(true).activation(Activation.IDENTITY).build();
  }

  private static BatchNormalization batchNorm() {
    return new BatchNormalization.Builder().eps(BN_EPSILON).useLogStd(false).activation(Activation.IDENTITY).build();
  }

  private static ActivationLayer relu() {
    return new ActivationLayer.Builder().activation(Activation.RELU).build();
  }

  /**
   * Builds the network and sets every parameter from a Keras HDF5 weight file.
   *
   * @throws ModelException naming the file (and the layer, the weight and both shapes) if the file
   *     cannot be read as HDF5, lacks a layer group or a weight, has a weight of another shape, or
   *     has the block layers of a deeper ResNet
   */
  static ComputationGraph load(Path path) {
    try (KerasWeightsFile file = KerasWeightsFile.open(path)) {
      checkLayerNames(path, file.layerNames());
      ComputationGraph net = new ComputationGraph(configuration());
      net.init();
      for (WeightedLayer layer : weightedLayers()) {
        if (layer.convolution()) {
          INDArray kernel = values(path, file, layer, "kernel", layer.kernelShape());
          // [kh, kw, in, out] -> [out, in, kh, kw]
          param(net, layer, ConvolutionParamInitializer.WEIGHT_KEY).assign(kernel.permute(3, 2, 0, 1));
          INDArray bias = values(path, file, layer, "bias", new long[] {layer.out()});
          param(net, layer, ConvolutionParamInitializer.BIAS_KEY).assign(bias.reshape(1, layer.out()));
        } else {
          long[] shape = {layer.in()};
          String[][] names = {
              {"gamma", BatchNormalizationParamInitializer.GAMMA},
              {"beta", BatchNormalizationParamInitializer.BETA},
              {"moving_mean", BatchNormalizationParamInitializer.GLOBAL_MEAN},
              {"moving_variance", BatchNormalizationParamInitializer.GLOBAL_VAR}};
          for (String[] name : names) {
            INDArray v = values(path, file, layer, name[0], shape);
            param(net, layer, name[1]).assign(v.reshape(1, layer.in()));
          }
        }
      }
      return net;
    }
  }

  /** Recognises files of other networks or layouts, to say what they are instead of "no group for conv1_conv". */
  private static void checkLayerNames(Path path, List<String> names) {
    Set<String> ours = new HashSet<>();
    for (WeightedLayer layer : weightedLayers()) {
      ours.add(layer.name());
    }
    if (names.contains("bn_conv1") || names.contains("res2a_branch2a")) {
      throw new ModelException("Keras weight file " + path + " has the layer names of the old keras_applications"
          + " resnet50.py (bn_conv1, res2a_branch2a, ...; batch norm epsilon 1e-3): SER4J reads the file of"
          + " tf.keras / keras.applications.resnet (conv1_conv, conv2_block1_1_conv, ...), see docs/models.md");
    }
    if (!names.contains("conv1_conv") && names.contains("layers")) {
      throw new ModelException("Keras weight file " + path + " looks like a Keras 3 .weights.h5 (a group \"layers\")"
          + ": SER4J reads the Keras 2 HDF5 layout (a group per layer, conv1_conv/conv1_conv/kernel:0, ...)");
    }
    for (String name : names) {
      if (BLOCK_LAYER.matcher(name).matches() && name.endsWith("_conv") && !ours.contains(name)) {
        throw new ModelException("Keras weight file " + path + " has layer " + name
            + ", which ResNet50 does not have: it holds another network (a deeper ResNet?), not ResNet50");
      }
    }
  }

  private static INDArray values(Path path, KerasWeightsFile file, WeightedLayer layer, String weight, long[] shape) {
    KerasWeightsFile.Weight w = file.read(layer.name(), weight);
    if (!Arrays.equals(w.shape(), shape)) {
      throw new ModelException("Keras weight file " + path + ": layer " + layer.name() + " weight " + weight
          + " has shape " + Arrays.toString(w.shape()) + ", ResNet50 needs " + Arrays.toString(shape));
    }
    return Nd4j.create(w.values(), shape, DataType.FLOAT);
  }

  private static INDArray param(ComputationGraph net, WeightedLayer layer, String key) {
    return net.getLayer(layer.name()).getParam(key);
  }
}
