package io.github.ser4j.models.nn.layers;

import io.github.ser4j.models.ModelException;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The runtime of {@link LstmLayer}. Forward pass: one native {@code lstmLayer} call; without
 * sequence lengths on a time-major copy of the input (libnd4j format 0), which libnd4j's oneDNN build
 * hands to oneDNN's LSTM primitive, with lengths on the NCW input as it is (format 2, libnd4j's
 * generic loop). Backward pass: backpropagation through time by {@link LstmBackprop} between batched
 * matrix products (see {@link #backpropGradient}).
 */
final class LstmLayerImpl extends BaseLayer<LstmLayer> {
  /** libnd4j's data format for {@code [batch, features, time]}. */
  private static final int FORMAT_NST = 2;
  /** libnd4j's data format for {@code [time, batch, features]}. */
  private static final int FORMAT_TNS = 0;
  /** libnd4j's direction modes. */
  private static final int FORWARD = 0;
  private static final int BIDIRECTIONAL_CONCAT = 3;
  /** libnd4j's activation id of the gates: sigmoid. */
  private static final int SIGMOID = 2;

  LstmLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  public boolean isPretrainLayer() {
    return false;
  }

  @Override
  public Type type() {
    return Type.RECURRENT;
  }

  @Override
  public Gradient gradient() {
    throw new UnsupportedOperationException("LstmLayer has no layer-wise pretraining gradient " + layerId());
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    checkInput();
    applyDropOutIfNecessary(training, workspaceMgr);
    INDArray x = input.castTo(dataType);
    INDArray[] weights = weights(training, workspaceMgr);
    INDArray lengths = sequenceLengths(x.size(0), x.size(2));
    long[] shape = {x.size(0), layerConf().directions() * layerConf().getNOut(), x.size(2)};
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c');
    if (lengths != null) {
      forwardNcw(x, weights, lengths, out);
    } else {
      out.assign(forwardTimeMajor(x, weights, workspaceMgr, ArrayType.FF_WORKING_MEM).permute(1, 2, 0));
    }
    return out;
  }

  /**
   * The forward pass with sequence lengths: libnd4j's generic C++ loop on the NCW layout (format 2)
   * as it is, into {@code out [batch, channels, time]} (0 at padded steps).
   */
  private void forwardNcw(INDArray x, INDArray[] weights, INDArray lengths, INDArray out) {
    execOnOneThread(DynamicCustomOp.builder("lstmLayer")
        .addInputs(inputs(x, weights, lengths))
        .addOutputs(out)
        .addIntegerArguments(integerArguments(FORMAT_NST))
        .addBooleanArguments(booleanArguments(lengths, false))
        .addFloatingPointArguments(0.0)
        .build());
  }

  /**
   * The forward pass without sequence lengths, time-major: returns {@code [time, batch, channels]}
   * in the given workspace. libnd4j runs oneDNN's LSTM primitive on time-major input (float, with
   * the oneDNN build), about 4x faster than its generic loop. oneDNN's implementation in M2.1 fails
   * unless the last output and cell state are requested as well, so they are. Temporaries live in
   * DL4J's working-memory workspaces (reused every call), not in fresh off-heap arrays, which only
   * the Java garbage collector would free.
   */
  private INDArray forwardTimeMajor(INDArray x, INDArray[] weights, LayerWorkspaceMgr workspaceMgr,
      ArrayType working) {
    LstmLayer c = layerConf();
    long batch = x.size(0);
    long time = x.size(2);
    INDArray timeMajor = workspaceMgr.dup(working, x.permute(2, 0, 1), 'c');
    INDArray h = workspaceMgr.createUninitialized(working, dataType,
        new long[] {time, batch, c.directions() * c.getNOut()}, 'c');
    long[] lastShape = c.isBidirectional() ? new long[] {2, batch, c.getNOut()} : new long[] {batch, c.getNOut()};
    INDArray lastH = workspaceMgr.createUninitialized(working, dataType, lastShape, 'c');
    INDArray lastC = workspaceMgr.createUninitialized(working, dataType, lastShape, 'c');
    Nd4j.exec(DynamicCustomOp.builder("lstmLayer")
        .addInputs(inputs(timeMajor, weights, null))
        .addOutputs(h, lastH, lastC)
        .addIntegerArguments(integerArguments(FORMAT_TNS))
        .addBooleanArguments(booleanArguments(null, true))
        .addFloatingPointArguments(0.0)
        .build());
    return h;
  }

  /**
   * Backpropagation through time, per direction: the forward outputs are recomputed (one native
   * call), the gate pre-activations of all steps come from two matrix products ({@code x W} and
   * {@code h_prev RW}, the previous outputs being known), {@link LstmBackprop} runs the two
   * recurrences on Java arrays, and the weight, bias and input gradients of all steps are again
   * matrix products. (libnd4j 1.0.0-M2.1's {@code lstmLayer_bp} computes the same but leaks its
   * work arrays, ~9 MB per call at batch 16 x 94 steps x 64 units, bidirectional, and was 2-3x
   * slower.)
   */
  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    checkInput();
    LstmLayer c = layerConf();
    INDArray x = input.castTo(dataType);
    int batch = (int) x.size(0);
    int time = (int) x.size(2);
    int nIn = (int) x.size(1);
    int hidden = (int) c.getNOut();
    int channels = c.directions() * hidden;
    INDArray[] weights = weights(true, workspaceMgr);
    INDArray lengths = sequenceLengths(batch, time);
    ArrayType work = ArrayType.BP_WORKING_MEM;
    // Forward outputs, time-major [time, batch, channels].
    INDArray h;
    if (lengths == null) {
      h = forwardTimeMajor(x, weights, workspaceMgr, work);
    } else {
      INDArray ncw = workspaceMgr.createUninitialized(work, dataType, new long[] {batch, channels, time}, 'c');
      forwardNcw(x, weights, lengths, ncw);
      h = workspaceMgr.dup(work, ncw.permute(2, 0, 1), 'c');
    }
    int[] steps = lengths == null ? null : lengths.toIntVector();
    INDArray x2 = workspaceMgr.dup(work, x.permute(2, 0, 1), 'c').reshape('c', (long) time * batch, nIn);
    double[] eps = values(workspaceMgr.dup(work, epsilon.castTo(dataType).permute(2, 0, 1), 'c'));
    INDArray dx2 = workspaceMgr.create(work, dataType, new long[] {(long) time * batch, nIn}, 'c');
    INDArray hPrev = workspaceMgr.create(work, dataType, new long[] {time, batch, hidden}, 'c');
    INDArray z = workspaceMgr.createUninitialized(work, dataType, new long[] {(long) time * batch, 4L * hidden}, 'c');
    INDArray stepDz = workspaceMgr.createUninitialized(work, dataType, new long[] {batch, 4L * hidden}, 'c');
    INDArray stepDh = workspaceMgr.createUninitialized(work, dataType, new long[] {batch, hidden}, 'c');
    HostArrays stepDzHost = HostArrays.of(stepDz);
    HostArrays stepDhHost = HostArrays.of(stepDh);
    int stepDzValues = batch * 4 * hidden;
    INDArray dW = gradientViews.get(LstmParamInitializer.INPUT_WEIGHTS);
    INDArray dRW = gradientViews.get(LstmParamInitializer.RECURRENT_WEIGHTS);
    INDArray db = gradientViews.get(LstmParamInitializer.BIAS);
    for (int d = 0; d < c.directions(); d++) {
      boolean reverse = d == 1;
      INDArray w = direction(weights[0], d);
      INDArray rw = direction(weights[1], d);
      INDArray b = direction(weights[2], d);
      // The previous step's output of this direction (0 before its first step; with lengths the
      // reverse direction's "previous" output at an example's last step is padding, which is 0).
      INDArray own = h.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(d * hidden, (d + 1) * hidden));
      if (time > 1) {
        if (reverse) {
          hPrev.get(NDArrayIndex.interval(0, time - 1)).assign(own.get(NDArrayIndex.interval(1, time)));
          hPrev.get(NDArrayIndex.point(time - 1)).assign(0);
        } else {
          hPrev.get(NDArrayIndex.interval(1, time)).assign(own.get(NDArrayIndex.interval(0, time - 1)));
          hPrev.get(NDArrayIndex.point(0)).assign(0);
        }
      } else {
        hPrev.assign(0);
      }
      INDArray hPrev2 = hPrev.reshape('c', (long) time * batch, hidden);
      Nd4j.gemm(x2, w, z, false, false, 1.0, 0.0);
      Nd4j.gemm(hPrev2, rw, z, false, false, 1.0, 1.0);
      z.addiRowVector(b);
      activateGates(z, hidden, c.nativeActivation());
      double[] dz = values(z);
      LstmBackprop.backward(dz, eps, channels, d * hidden, (rows, from, dhNext) -> {
        stepDzHost.write(0, rows, from, stepDzValues);
        Nd4j.gemm(stepDz, rw, stepDh, false, true, 1.0, 0.0);
        stepDhHost.read(0, dhNext, 0, dhNext.length);
      }, time, batch, hidden, steps, reverse, c.nativeActivation());
      HostArrays.of(z).write(0, dz, 0, dz.length);
      Nd4j.gemm(x2, z, direction(dW, d), true, false, 1.0, 0.0);
      Nd4j.gemm(hPrev2, z, direction(dRW, d), true, false, 1.0, 0.0);
      direction(db, d).assign(z.sum(0));
      Nd4j.gemm(z, w, dx2, false, true, 1.0, 1.0);
    }
    INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
    dx.assign(dx2.reshape('c', time, batch, nIn).permute(1, 2, 0));
    Gradient g = new DefaultGradient(gradientsFlattened);
    g.gradientForVariable().put(LstmParamInitializer.INPUT_WEIGHTS, dW);
    g.gradientForVariable().put(LstmParamInitializer.RECURRENT_WEIGHTS, dRW);
    g.gradientForVariable().put(LstmParamInitializer.BIAS, db);
    weightNoiseParams.clear();
    return new Pair<>(g, backpropDropOutIfPresent(dx));
  }

  /**
   * Direction {@code d}'s block of a parameter or gradient (the whole array when unidirectional), as
   * a view built from the buffer offset: ND4J M2.1's {@code get(point(d))} / {@code slice(d)} on the
   * reshaped offset views of the flattened parameters returns an empty array for some sizes.
   */
  private INDArray direction(INDArray param, int d) {
    if (!layerConf().isBidirectional()) {
      return param;
    }
    if (param.ordering() != 'c' || param.elementWiseStride() != 1) {
      throw new IllegalStateException("LstmLayer: parameter block is not C-contiguous " + layerId());
    }
    long[] shape = java.util.Arrays.copyOfRange(param.shape(), 1, param.rank());
    long block = param.length() / 2;
    return Nd4j.create(param.data(), shape, Nd4j.getStrides(shape, 'c'), param.offset() + d * block, 'c');
  }

  /**
   * Gate activations in place on pre-activations {@code [rows, 4 hidden]}: sigmoid for i, f, o, the
   * cell activation for g.
   */
  private static void activateGates(INDArray z, int hidden, int activation) {
    Transforms.sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2 * hidden)), false);
    INDArray g = z.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * hidden, 3 * hidden));
    switch (activation) {
      case LstmBackprop.TANH:
        Transforms.tanh(g, false);
        break;
      case LstmBackprop.SIGMOID:
        Transforms.sigmoid(g, false);
        break;
      default:
        Transforms.softsign(g, false);
        break;
    }
    Transforms.sigmoid(z.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * hidden, 4 * hidden)), false);
  }

  /** All values of a dense array (see {@link HostArrays}), widened to double. */
  private static double[] values(INDArray a) {
    double[] out = new double[Math.toIntExact(a.length())];
    HostArrays.of(a).read(0, out, 0, out.length);
    return out;
  }

  private void checkInput() {
    if (input.rank() != 3 || input.size(1) != layerConf().getNIn()) {
      throw new ModelException("LstmLayer input shape = " + java.util.Arrays.toString(input.shape())
          + " is not allowed: must be [batch, " + layerConf().getNIn() + ", time] " + layerId());
    }
  }

  private INDArray[] weights(boolean training, LayerWorkspaceMgr workspaceMgr) {
    return new INDArray[] {
        getParamWithNoise(LstmParamInitializer.INPUT_WEIGHTS, training, workspaceMgr),
        getParamWithNoise(LstmParamInitializer.RECURRENT_WEIGHTS, training, workspaceMgr),
        getParamWithNoise(LstmParamInitializer.BIAS, training, workspaceMgr)};
  }

  private static INDArray[] inputs(INDArray x, INDArray[] weights, INDArray lengths) {
    return lengths == null ? new INDArray[] {x, weights[0], weights[1], weights[2]}
        : new INDArray[] {x, weights[0], weights[1], weights[2], lengths};
  }

  private int[] integerArguments(int format) {
    LstmLayer c = layerConf();
    int act = c.nativeActivation();
    // data format, direction mode, gate, cell and output activations
    return new int[] {format, c.isBidirectional() ? BIDIRECTIONAL_CONCAT : FORWARD, SIGMOID, act, act};
  }

  private static boolean[] booleanArguments(INDArray lengths, boolean last) {
    // biases, sequence lengths, initial h, initial c, peepholes, full sequence out, last h, last c
    return new boolean[] {true, lengths != null, false, false, false, true, last, last};
  }

  /**
   * The per-example sequence lengths the mask describes, or null if there is no mask or every
   * sequence has all steps (the operation's fast path: it batches examples only without lengths).
   *
   * @throws ModelException if a mask row is not 1 on its first steps and 0 after them
   */
  private INDArray sequenceLengths(long batch, long time) {
    if (maskArray == null) {
      return null;
    }
    if (maskArray.rank() != 2 || maskArray.size(0) != batch || maskArray.size(1) != time) {
      throw new ModelException("LstmLayer mask shape = " + java.util.Arrays.toString(maskArray.shape())
          + " is not allowed: must be [" + batch + ", " + time + "] " + layerId());
    }
    float[][] m = maskArray.castTo(DataType.FLOAT).toFloatMatrix();
    long[] lengths = new long[(int) batch];
    boolean full = true;
    for (int e = 0; e < batch; e++) {
      int n = 0;
      while (n < time && m[e][n] != 0) {
        n++;
      }
      for (int t = 0; t < time; t++) {
        float expected = t < n ? 1f : 0f;
        if (m[e][t] != expected) {
          throw new ModelException("LstmLayer mask row " + e + " is not allowed: must be 1 on the first steps "
              + "of a sequence and 0 after them (padding at the end) " + layerId());
        }
      }
      lengths[e] = n;
      full &= n == time;
    }
    return full ? null : Nd4j.createFromArray(lengths);
  }

  @Override
  public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
      int minibatchSize) {
    // As DL4J's LSTM: the mask passes through unchanged (outputs at padded steps are 0).
    this.maskArray = maskArray;
    return new Pair<>(maskArray, MaskState.Passthrough);
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LstmLayer.class);

  /** Sections currently inside {@link #execOnOneThread}, and the limit to restore after the last. */
  private static int sequentialSections;
  private static int savedMaxThreads;

  /**
   * Runs one of libnd4j's generic LSTM loops (the backward pass, and the forward pass with sequence
   * lengths) with libnd4j's "master" thread limit ({@code Environment.maxMasterThreads}, the threads
   * an op may split its outer loops over) set to one, then restores it. The loops run about 30 small
   * operations per time step and direction; splitting them over threads costs more than it gains
   * (BiLstmAttention training step at batch 16, 2 cores: median ~530 ms with two master threads,
   * ~255 ms with one; docs/benchmarks.md). Limiting it for the whole process instead slows the
   * convolution networks (SmallResNet training 364 -> 390 ms), so it is limited only here. oneDNN's
   * threads, which run the unmasked forward pass, are not affected. The limit is global to ND4J:
   * while a section runs, other ND4J work in the process has the same limit (results are unchanged,
   * only speed).
   */
  private static void execOnOneThread(DynamicCustomOp op) {
    onOneThread(Nd4j.getEnvironment(), () -> Nd4j.exec(op));
  }

  /** {@link #execOnOneThread} for any work and environment (package-private for tests). */
  static void onOneThread(org.nd4j.linalg.factory.Environment env, Runnable work) {
    synchronized (LstmLayerImpl.class) {
      if (sequentialSections++ == 0) {
        savedMaxThreads = env.maxMasterThreads();
        env.setMaxMasterThreads(1);
      }
    }
    try {
      work.run();
    } finally {
      synchronized (LstmLayerImpl.class) {
        if (--sequentialSections == 0) {
          env.setMaxMasterThreads(savedMaxThreads);
        }
      }
    }
  }

}
