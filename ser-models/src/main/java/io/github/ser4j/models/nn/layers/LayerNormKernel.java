package io.github.ser4j.models.nn.layers;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Forward and backward pass of layer normalisation over the columns of a row matrix {@code [n, d]}
 * (one row per example and time step, one column per feature), in plain ND4J ops: shared by
 * {@link LayerNormalization} and {@link TransformerEncoderLayer}. New arrays go to the current
 * workspace (the callers choose it).
 */
final class LayerNormKernel {
  private LayerNormKernel() {
  }

  /**
   * What the backward pass needs from the forward pass.
   *
   * @param output {@code y = normalised * gain + bias}, {@code [n, d]}
   * @param normalised {@code (z - mean) / sqrt(var + eps)}, {@code [n, d]}
   * @param inverseStd {@code 1 / sqrt(var + eps)} per row, {@code [n]}
   */
  record Forward(INDArray output, INDArray normalised, INDArray inverseStd) {
  }

  /**
   * @param z the rows to normalise, {@code [n, d]}, c order; not modified
   * @param gain the per-feature gain, {@code d} values (any shape of that length, contiguous)
   * @param bias the per-feature bias, {@code d} values
   * @param epsilon added to the (biased) variance
   * @return output and cache
   */
  static Forward forward(INDArray z, INDArray gain, INDArray bias, double epsilon) {
    long d = z.size(1);
    INDArray mean = z.mean(1);
    INDArray inverseStd = z.var(false, 1);
    Transforms.pow(inverseStd.addi(epsilon), -0.5, false);
    INDArray normalised = z.ulike();
    Nd4j.getExecutioner().exec(new BroadcastSubOp(z, mean, normalised, 0));
    Nd4j.getExecutioner().exec(new BroadcastMulOp(normalised, inverseStd, normalised, 0));
    INDArray output = z.ulike();
    Nd4j.getExecutioner().exec(new BroadcastMulOp(normalised, gain.reshape(d), output, 1));
    Nd4j.getExecutioner().exec(new BroadcastAddOp(output, bias.reshape(d), output, 1));
    return new Forward(output, normalised, inverseStd);
  }

  /**
   * The gradient with respect to the input, given that with respect to the output; writes the
   * gradients of gain and bias.
   *
   * @param dy the gradient with respect to the output, {@code [n, d]}; not modified
   * @param gain the gain used in the forward pass
   * @param forward the forward pass's cache
   * @param gainGradient receives the gain's gradient ({@code d} values, contiguous)
   * @param biasGradient receives the bias's gradient ({@code d} values, contiguous)
   * @return the gradient with respect to {@code z}, a new {@code [n, d]} array
   */
  static INDArray backward(INDArray dy, INDArray gain, Forward forward, INDArray gainGradient,
      INDArray biasGradient) {
    long d = dy.size(1);
    INDArray xhat = forward.normalised();
    INDArray product = dy.mul(xhat);
    product.sum(gainGradient.reshape(d), 0);
    dy.sum(biasGradient.reshape(d), 0);
    // dz = inverseStd * (g - mean(g) - xhat * mean(g * xhat)), g = dy * gain (the gradient wrt xhat)
    INDArray g = dy.ulike();
    Nd4j.getExecutioner().exec(new BroadcastMulOp(dy, gain.reshape(d), g, 1));
    Nd4j.getExecutioner().exec(new MulOp(g, xhat, product));
    INDArray meanGradXhat = product.mean(1);
    INDArray meanG = g.mean(1);
    Nd4j.getExecutioner().exec(new BroadcastSubOp(g, meanG, g, 0));
    Nd4j.getExecutioner().exec(new BroadcastMulOp(xhat, meanGradXhat, product, 0));
    g.subi(product);
    Nd4j.getExecutioner().exec(new BroadcastMulOp(g, forward.inverseStd(), g, 0));
    return g;
  }
}
