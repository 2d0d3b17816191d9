package io.github.ser4j.models.nn.layers;

import io.github.ser4j.models.ModelException;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The runtime layer of {@link LayerNormalization}: forward and backward on the rows, see {@link LayerNormKernel}. */
final class LayerNormalizationRuntime extends BaseLayer<LayerNormalization> {
  private LayerNormKernel.Forward cache;

  LayerNormalizationRuntime(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public Type type() {
    return Type.FEED_FORWARD;
  }

  @Override
  public boolean isPretrainLayer() {
    return false;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
    assertInputSet(false);
    applyDropOutIfNecessary(training, mgr);
    LayerNormalization c = layerConf();
    long d = c.getNIn();
    int rank = c.isSequence() ? 3 : 2;
    if (input.rank() != rank || input.size(1) != d) {
      throw new ModelException("LayerNormalization input shape = " + Arrays.toString(input.shape())
          + " is not allowed: must be " + (rank == 3 ? "[batch, " + d + ", time]" : "[batch, " + d + "]"));
    }
    cache = null;
    // In training the forward pass runs in the workspace that lives until backprop (the cache).
    INDArray out;
    try (MemoryWorkspace ws = training && mgr.isWorkspaceOpen(ArrayType.INPUT)
        ? mgr.notifyScopeBorrowed(ArrayType.INPUT) : null) {
      INDArray rows = rank == 3 ? SequenceRows.rows(input) : input.dup('c');
      LayerNormKernel.Forward f = LayerNormKernel.forward(rows, getParam(LayerNormalization.GAIN),
          getParam(LayerNormalization.BIAS), c.getEpsilon());
      if (training) {
        cache = f;
      }
      out = f.output();
    }
    return rank == 3 ? SequenceRows.sequence(out, input.size(0), input.size(2), mgr, ArrayType.ACTIVATIONS)
        : mgr.leverageTo(ArrayType.ACTIVATIONS, out);
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
    assertInputSet(true);
    if (cache == null) {
      throw new IllegalStateException("LayerNormalization: backprop without a training forward pass");
    }
    boolean sequence = layerConf().isSequence();
    INDArray dy = sequence ? SequenceRows.rows(epsilon) : epsilon.dup('c');
    INDArray gainGradient = gradientViews.get(LayerNormalization.GAIN);
    INDArray biasGradient = gradientViews.get(LayerNormalization.BIAS);
    INDArray dz = LayerNormKernel.backward(dy, getParam(LayerNormalization.GAIN), cache, gainGradient,
        biasGradient);
    INDArray dx = sequence
        ? SequenceRows.sequence(dz, input.size(0), input.size(2), mgr, ArrayType.ACTIVATION_GRAD)
        : mgr.leverageTo(ArrayType.ACTIVATION_GRAD, dz);
    Gradient g = new DefaultGradient(gradientsFlattened);
    g.setGradientFor(LayerNormalization.GAIN, gainGradient);
    g.setGradientFor(LayerNormalization.BIAS, biasGradient);
    return new Pair<>(g, backpropDropOutIfPresent(dx));
  }

  @Override
  public void clear() {
    super.clear();
    cache = null;
  }
}
