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
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The runtime layer of {@link TransformerEncoderLayer}. Works on the rows {@code [n, d]},
 * {@code n = batch * time} (row {@code b * time + t}), and per head on {@code [batch * heads, time, dh]}.
 */
final class TransformerEncoderLayerRuntime extends BaseLayer<TransformerEncoderLayer> {
  /** Added to the attention scores of masked keys: exp underflows to exactly 0 in float and double. */
  private static final double MASKED = -1e9;

  /** What the backward pass needs (arrays in the workspace that lives until backprop). */
  private static final class Cache {
    INDArray x;
    INDArray q;
    INDArray k;
    INDArray v;
    INDArray p;
    INDArray attentionMask;
    INDArray pDropped;
    INDArray heads;
    INDArray outMask;
    LayerNormKernel.Forward norm1;
    INDArray hidden;
    INDArray hiddenMask;
    INDArray hiddenDropped;
    INDArray ffMask;
    LayerNormKernel.Forward norm2;
  }

  private Cache cache;

  TransformerEncoderLayerRuntime(NeuralNetConfiguration conf, DataType dataType) {
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
  public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
    assertInputSet(false);
    applyDropOutIfNecessary(training, mgr);
    TransformerEncoderLayer c = layerConf();
    long d = c.getNIn();
    if (input.rank() != 3 || input.size(1) != d) {
      throw new ModelException("TransformerEncoderLayer input shape = " + Arrays.toString(input.shape())
          + " is not allowed: must be [batch, " + d + ", time]");
    }
    cache = null;
    // In training everything is computed in the workspace that lives until backprop (the cache).
    INDArray rows;
    try (MemoryWorkspace ws = training && mgr.isWorkspaceOpen(ArrayType.INPUT)
        ? mgr.notifyScopeBorrowed(ArrayType.INPUT) : null) {
      Cache f = forward(training && c.getDropout() > 0);
      if (training) {
        cache = f;
      }
      rows = f.norm2.output();
    }
    return SequenceRows.sequence(rows, input.size(0), input.size(2), mgr, ArrayType.ACTIVATIONS);
  }

  private Cache forward(boolean dropout) {
    TransformerEncoderLayer c = layerConf();
    long batch = input.size(0);
    long time = input.size(2);
    long d = c.getNIn();
    int heads = c.getHeads();
    long dh = d / heads;
    double p = c.getDropout();
    Cache f = new Cache();
    f.x = SequenceRows.rows(input);
    INDArray qkv = product(f.x, getParam(TransformerEncoderLayer.QKV_WEIGHT))
        .addiRowVector(getParam(TransformerEncoderLayer.QKV_BIAS));
    // [n, 3d] -> [3, batch, heads, time, dh]: q, k and v per (example, head) as contiguous [time, dh] blocks.
    INDArray split = qkv.reshape(batch, time, 3, heads, dh).permute(2, 0, 3, 1, 4).dup('c')
        .reshape(3, batch * heads, time, dh);
    f.q = split.slice(0).muli(1 / Math.sqrt(dh));
    f.k = split.slice(1);
    f.v = split.slice(2);
    INDArray scores = Nd4j.createUninitialized(f.x.dataType(), batch * heads, time, time);
    Nd4j.matmul(f.q, f.k, scores, false, true, false);
    if (maskArray != null) {
      INDArray keyPenalty = maskArray.reshape(batch, time).castTo(scores.dataType()).rsub(1).muli(MASKED);
      INDArray byExample = scores.reshape(batch, heads, time, time);
      Nd4j.getExecutioner().exec(new BroadcastAddOp(byExample, keyPenalty, byExample, 0, 3));
    }
    Nd4j.exec(new SoftMax(scores, scores, -1));
    f.p = scores;
    if (dropout) {
      f.attentionMask = mask(f.p, p);
      f.pDropped = f.p.mul(f.attentionMask);
    } else {
      f.pDropped = f.p;
    }
    INDArray perHead = Nd4j.createUninitialized(f.x.dataType(), batch * heads, time, dh);
    Nd4j.matmul(f.pDropped, f.v, perHead, false, false, false);
    f.heads = perHead.reshape(batch, heads, time, dh).permute(0, 2, 1, 3).dup('c').reshape(batch * time, d);
    INDArray z1 = product(f.heads, getParam(TransformerEncoderLayer.OUT_WEIGHT))
        .addiRowVector(getParam(TransformerEncoderLayer.OUT_BIAS));
    if (dropout) {
      f.outMask = mask(z1, p);
      z1.muli(f.outMask);
    }
    z1.addi(f.x);
    f.norm1 = LayerNormKernel.forward(z1, getParam(TransformerEncoderLayer.NORM1_GAIN),
        getParam(TransformerEncoderLayer.NORM1_BIAS), c.getEpsilon());
    INDArray h = f.norm1.output();
    f.hidden = Transforms.relu(product(h, getParam(TransformerEncoderLayer.FF1_WEIGHT))
        .addiRowVector(getParam(TransformerEncoderLayer.FF1_BIAS)), false);
    if (dropout) {
      f.hiddenMask = mask(f.hidden, p);
      f.hiddenDropped = f.hidden.mul(f.hiddenMask);
    } else {
      f.hiddenDropped = f.hidden;
    }
    INDArray z2 = product(f.hiddenDropped, getParam(TransformerEncoderLayer.FF2_WEIGHT))
        .addiRowVector(getParam(TransformerEncoderLayer.FF2_BIAS));
    if (dropout) {
      f.ffMask = mask(z2, p);
      z2.muli(f.ffMask);
    }
    z2.addi(h);
    f.norm2 = LayerNormKernel.forward(z2, getParam(TransformerEncoderLayer.NORM2_GAIN),
        getParam(TransformerEncoderLayer.NORM2_BIAS), c.getEpsilon());
    return f;
  }

  /**
   * {@code a b} into a new c-order array with {@code Nd4j.gemm}, not {@code a.mmul(b)}: in ND4J
   * 1.0.0-M2.1 with oneDNN the latter took 4-5x as long for these shapes (measured, 2 threads:
   * 171 vs 44 us for [94, 64] x [64, 192], 1.23 vs 0.25 ms for [1504, 64] x [64, 192]).
   */
  private static INDArray product(INDArray a, INDArray b) {
    return Nd4j.gemm(a, b, false, false);
  }

  /** An inverted-dropout mask like DL4J's {@code Dropout}: 0 with probability p, else 1 / (1 - p). */
  private static INDArray mask(INDArray like, double p) {
    INDArray m = like.ulike().assign(1.0);
    Nd4j.getExecutioner().exec(new DropOutInverted(m, m, 1 - p));
    return m;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
    assertInputSet(true);
    if (cache == null) {
      throw new IllegalStateException("TransformerEncoderLayer: backprop without a training forward pass");
    }
    Cache f = cache;
    TransformerEncoderLayer c = layerConf();
    long batch = input.size(0);
    long time = input.size(2);
    long d = c.getNIn();
    int heads = c.getHeads();
    long dh = d / heads;
    long n = batch * time;

    INDArray dy = SequenceRows.rows(epsilon);
    INDArray dz2 = LayerNormKernel.backward(dy, getParam(TransformerEncoderLayer.NORM2_GAIN), f.norm2,
        gradientViews.get(TransformerEncoderLayer.NORM2_GAIN), gradientViews.get(TransformerEncoderLayer.NORM2_BIAS));

    // Feed-forward branch: z2 = h + Dropout(hiddenDropped W2 + b2).
    INDArray dff2 = f.ffMask == null ? dz2 : dz2.mul(f.ffMask);
    dff2.sum(gradientViews.get(TransformerEncoderLayer.FF2_BIAS).reshape(d), 0);
    Nd4j.gemm(f.hiddenDropped, dff2, gradientViews.get(TransformerEncoderLayer.FF2_WEIGHT), true, false, 1, 0);
    INDArray dHidden = Nd4j.gemm(dff2, getParam(TransformerEncoderLayer.FF2_WEIGHT), false, true);
    if (f.hiddenMask != null) {
      dHidden.muli(f.hiddenMask);
    }
    Nd4j.exec(new ThresholdReluBp(f.hidden, dHidden, dHidden, 0.0));
    dHidden.sum(gradientViews.get(TransformerEncoderLayer.FF1_BIAS).reshape(c.getFeedForward()), 0);
    Nd4j.gemm(f.norm1.output(), dHidden, gradientViews.get(TransformerEncoderLayer.FF1_WEIGHT), true, false, 1, 0);
    INDArray dNorm1 = Nd4j.gemm(dHidden, getParam(TransformerEncoderLayer.FF1_WEIGHT), false, true).addi(dz2);
    INDArray dz1 = LayerNormKernel.backward(dNorm1, getParam(TransformerEncoderLayer.NORM1_GAIN), f.norm1,
        gradientViews.get(TransformerEncoderLayer.NORM1_GAIN), gradientViews.get(TransformerEncoderLayer.NORM1_BIAS));

    // Attention branch: z1 = x + Dropout(heads Wout + bout).
    INDArray dOut = f.outMask == null ? dz1 : dz1.mul(f.outMask);
    dOut.sum(gradientViews.get(TransformerEncoderLayer.OUT_BIAS).reshape(d), 0);
    Nd4j.gemm(f.heads, dOut, gradientViews.get(TransformerEncoderLayer.OUT_WEIGHT), true, false, 1, 0);
    INDArray dHeads = Nd4j.gemm(dOut, getParam(TransformerEncoderLayer.OUT_WEIGHT), false, true)
        .reshape(batch, time, heads, dh).permute(0, 2, 1, 3).dup('c').reshape(batch * heads, time, dh);
    INDArray dSplit = Nd4j.createUninitialized(dy.dataType(), 3, batch * heads, time, dh);
    INDArray dq = dSplit.slice(0);
    INDArray dk = dSplit.slice(1);
    INDArray dv = dSplit.slice(2);
    Nd4j.matmul(f.pDropped, dHeads, dv, true, false, false);
    INDArray dp = Nd4j.createUninitialized(dy.dataType(), batch * heads, time, time);
    Nd4j.matmul(dHeads, f.v, dp, false, true, false);
    if (f.attentionMask != null) {
      dp.muli(f.attentionMask);
    }
    // Softmax backward along the keys: ds = p * (dp - sum(dp * p)).
    INDArray rowSums = dp.mul(f.p).sum(2);
    Nd4j.getExecutioner().exec(new BroadcastSubOp(dp, rowSums, dp, 0, 1));
    INDArray ds = dp.muli(f.p);
    // q was scaled by 1/sqrt(dh) before the product, so dk = ds^T q_scaled and dq = ds k / sqrt(dh).
    Nd4j.matmul(ds, f.k, dq, false, false, false);
    dq.muli(1 / Math.sqrt(dh));
    Nd4j.matmul(ds, f.q, dk, true, false, false);
    INDArray dqkv = dSplit.reshape(3, batch, heads, time, dh).permute(1, 3, 0, 2, 4).dup('c').reshape(n, 3 * d);
    dqkv.sum(gradientViews.get(TransformerEncoderLayer.QKV_BIAS).reshape(3 * d), 0);
    Nd4j.gemm(f.x, dqkv, gradientViews.get(TransformerEncoderLayer.QKV_WEIGHT), true, false, 1, 0);
    INDArray dx = Nd4j.gemm(dqkv, getParam(TransformerEncoderLayer.QKV_WEIGHT), false, true).addi(dz1);

    Gradient g = new DefaultGradient(gradientsFlattened);
    for (String key : gradientViews.keySet()) {
      g.setGradientFor(key, gradientViews.get(key));
    }
    INDArray out = SequenceRows.sequence(dx, batch, time, mgr, ArrayType.ACTIVATION_GRAD);
    return new Pair<>(g, backpropDropOutIfPresent(out));
  }

  @Override
  public void clear() {
    super.clear();
    cache = null;
  }
}
