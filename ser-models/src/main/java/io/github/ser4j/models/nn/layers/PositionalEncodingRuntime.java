package io.github.ser4j.models.nn.layers;

import io.github.ser4j.models.ModelException;
import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/** The runtime layer of {@link PositionalEncoding}: {@code x + PE}, PE cached per length and data type. */
final class PositionalEncodingRuntime extends AbstractLayer<PositionalEncoding> {
  private INDArray table;

  PositionalEncodingRuntime(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public Type type() {
    return Type.RECURRENT;
  }

  @Override
  public boolean isPretrainLayer() {
    return false;
  }

  @Override
  public void clearNoiseWeightParams() {
    // no parameters
  }

  @Override
  public INDArray params() {
    return null;
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
    assertInputSet(false);
    long d = layerConf().getNIn();
    if (input.rank() != 3 || input.size(1) != d) {
      throw new ModelException("PositionalEncoding input shape = " + Arrays.toString(input.shape())
          + " is not allowed: must be [batch, " + d + ", time]");
    }
    INDArray encoding = table(input.dataType(), d, input.size(2));
    INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
    Nd4j.getExecutioner().exec(new BroadcastAddOp(input, encoding, out, 1, 2));
    return out;
  }

  private INDArray table(DataType type, long d, long time) {
    if (table == null || table.dataType() != type || table.size(1) != time) {
      double[] values = new double[Math.toIntExact(d * time)];
      for (int i = 0; i < d; i++) {
        for (int t = 0; t < time; t++) {
          values[Math.toIntExact(i * time + t)] = PositionalEncoding.value(i, t, (int) d);
        }
      }
      // Outside every workspace: the table outlives the current iteration.
      try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
        table = Nd4j.create(values, new long[] {d, time}, DataType.DOUBLE).castTo(type);
      }
    }
    return table;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
    assertInputSet(true);
    return new Pair<>(new DefaultGradient(), mgr.dup(ArrayType.ACTIVATION_GRAD, epsilon));
  }
}
