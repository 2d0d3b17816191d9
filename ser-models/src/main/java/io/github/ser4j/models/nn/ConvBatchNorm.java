package io.github.ser4j.models.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * A convolution followed by batch normalisation, and the ReLU after it, as every conv network of
 * this package adds them to a graph.
 *
 * <p>The ReLU is a layer of its own because DL4J 1.0.0-M2.1's {@code BatchNormalization} layer
 * ignores the activation function it is configured with (its forward pass returns the normalised
 * values, with or without the oneDNN helper, and its backprop has no activation derivative):
 * {@code BatchNormalization.Builder().activation(RELU)} builds a batch norm without ReLU.
 */
final class ConvBatchNorm {
  private ConvBatchNorm() {
  }

  /**
   * Adds {@code <name>_conv} (the given convolution, which must have the identity activation) and
   * {@code <name>_bn}: a batch norm with PyTorch's {@code BatchNorm2d} defaults, eps 1e-5 and
   * running-average momentum 0.1 (DL4J decay 0.9).
   *
   * @return the batch norm's name
   */
  static String add(ComputationGraphConfiguration.GraphBuilder g, String name, String in, ConvolutionLayer conv,
      int channels) {
    g.addLayer(name + "_conv", conv, in);
    g.addLayer(name + "_bn", new BatchNormalization.Builder().nOut(channels).eps(1e-5).decay(0.9)
        .activation(Activation.IDENTITY).build(), name + "_conv");
    return name + "_bn";
  }

  /**
   * Adds a ReLU layer named {@code name} reading {@code in}.
   *
   * @return {@code name}
   */
  static String relu(ComputationGraphConfiguration.GraphBuilder g, String name, String in) {
    g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), in);
    return name;
  }
}
