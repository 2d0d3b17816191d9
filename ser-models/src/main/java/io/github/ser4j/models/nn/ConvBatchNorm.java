package io.github.ser4j.models.nn;

import io.github.ser4j.models.nn.layers.FusedBatchNormalization;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.nd4j.linalg.activations.Activation;

/**
 * A convolution followed by batch normalisation (and ReLU), as every conv network of this package
 * adds them to a graph: the batch norm is a {@link FusedBatchNormalization}, which applies the ReLU
 * itself. DL4J 1.0.0-M2.1's own {@code BatchNormalization} layer ignores the activation it is
 * configured with, so with it conv-BN-ReLU needed a separate activation layer.
 */
final class ConvBatchNorm {
  private ConvBatchNorm() {
  }

  /**
   * Adds {@code <name>_conv} (the given convolution, which must have the identity activation) and
   * {@code <name>_bn}: a batch norm with PyTorch's {@code BatchNorm2d} defaults, eps 1e-5 and
   * running-average momentum 0.1 (DL4J decay 0.9), followed by ReLU if {@code relu}.
   *
   * @return the batch norm's name
   */
  static String add(ComputationGraphConfiguration.GraphBuilder g, String name, String in, ConvolutionLayer conv,
      int channels, boolean relu) {
    g.addLayer(name + "_conv", conv, in);
    g.addLayer(name + "_bn", new FusedBatchNormalization(channels, relu ? Activation.RELU : Activation.IDENTITY),
        name + "_conv");
    return name + "_bn";
  }
}
