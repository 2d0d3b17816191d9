package io.github.ser4j.models.nn;

import io.github.ser4j.models.nn.layers.TransformerEncoderLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/**
 * Adds one post-norm transformer encoder block (Vaswani et al. 2017; PyTorch's
 * {@code TransformerEncoderLayer} with {@code norm_first=False}, ReLU) to a graph, on a sequence
 * {@code [batch, d, time]}: one {@link TransformerEncoderLayer} (multi-head self-attention with
 * projection biases, dropout, residual, layer norm, feed-forward ReLU network, dropout, residual,
 * layer norm), with PyTorch's parameter count {@code 4 d^2 + 2 d ff + ff + 9 d}.
 */
final class TransformerEncoderBlock {
  private TransformerEncoderBlock() {
  }

  /**
   * @param dropout the probability of dropping an activation (PyTorch's convention), in [0, 1)
   * @return the name of the block's output vertex ({@code name})
   */
  static String add(ComputationGraphConfiguration.GraphBuilder g, String name, String in, int heads,
      int feedForward, double dropout) {
    g.addLayer(name, new TransformerEncoderLayer(heads, feedForward, dropout), in);
    return name;
  }

  /** Parameters of one block (PyTorch's count). */
  static long parameters(long d, long feedForward) {
    return TransformerEncoderLayer.parameters(d, feedForward);
  }
}
