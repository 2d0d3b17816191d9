package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The graph vertex of {@link AddReluVertex}: {@code relu(a + b)}; the ReLU's derivative from the output. */
final class AddRelu extends BaseGraphVertex {
  private static final long serialVersionUID = 1L;

  /** The last forward output; alive (in the activations workspace) until the backward pass. */
  private INDArray output;

  AddRelu(ComputationGraph graph, String name, int index, DataType dataType) {
    super(graph, name, index, null, null, dataType);
  }

  @Override
  public boolean hasLayer() {
    return false;
  }

  @Override
  public Layer getLayer() {
    return null;
  }

  @Override
  public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
    INDArray a = inputs[0].castTo(dataType);
    INDArray b = inputs[1].castTo(dataType);
    if (!a.equalShapes(b)) {
      throw new ModelException("add + ReLU needs two inputs of the same shape, got "
          + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape()));
    }
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, a.shape(), 'c');
    Nd4j.exec(new AddOp(a, b, out));
    Transforms.relu(out, false);
    output = out;
    return out;
  }

  @Override
  public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
    INDArray dz = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, epsilon.shape(), 'c');
    Nd4j.exec(new RectifiedLinearDerivative(output, epsilon, dz, 0.0));
    // Both inputs get dL/dz; separate arrays, since DL4J may accumulate into an epsilon in place.
    return new Pair<>(null, new INDArray[] {dz, workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, dz)});
  }

  @Override
  public void setBackpropGradientsViewArray(INDArray view) {
    if (view != null) {
      throw new IllegalStateException("add + ReLU has no parameters");
    }
  }

  @Override
  public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState state, int minibatchSize) {
    return new Pair<>(maskArrays == null || maskArrays.length == 0 ? null : maskArrays[0], state);
  }

  @Override
  public void clear() {
    super.clear();
    output = null;
  }

  @Override
  public String toString() {
    return "AddRelu(" + vertexName + ")";
  }
}
