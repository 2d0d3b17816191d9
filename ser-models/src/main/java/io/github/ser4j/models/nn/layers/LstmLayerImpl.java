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

/**
 * The runtime of {@link LstmLayer}: forward pass = one native {@code lstmLayer} call, backward pass
 * = one native {@code lstmLayer_bp} call (which recomputes the forward pass internally). Without
 * sequence lengths the forward pass runs on a time-major copy of the input (libnd4j format 0), which
 * libnd4j's oneDNN build hands to oneDNN's LSTM primitive, and the backward pass on time-major
 * copies too (contiguous slices per step); with lengths, both run on the NCW input as it is
 * (format 2).
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
    LstmLayer c = layerConf();
    INDArray x = input.castTo(dataType);
    long batch = x.size(0);
    long time = x.size(2);
    INDArray[] weights = weights(training, workspaceMgr);
    INDArray lengths = sequenceLengths(batch, time);
    long channels = c.directions() * c.getNOut();
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
        new long[] {batch, channels, time}, 'c');
    if (lengths != null) {
      // Variable lengths: the generic C++ loop on the NCW layout (format 2) as it is.
      execOnOneThread(DynamicCustomOp.builder("lstmLayer")
          .addInputs(inputs(x, weights, lengths))
          .addOutputs(out)
          .addIntegerArguments(integerArguments(FORMAT_NST))
          .addBooleanArguments(booleanArguments(lengths, false))
          .addFloatingPointArguments(0.0)
          .build());
      return out;
    }
    // Time-major [time, batch, features] copies: libnd4j then runs oneDNN's LSTM primitive (float,
    // with the oneDNN build), about 4x faster than its generic loop. oneDNN's implementation in M2.1
    // fails unless the last output and cell state are requested as well, so they are.
    // Temporaries in DL4J's working-memory workspace (reused every call), not in fresh off-heap
    // arrays, which only the Java garbage collector would free.
    INDArray timeMajor = workspaceMgr.dup(ArrayType.FF_WORKING_MEM, x.permute(2, 0, 1), 'c');
    INDArray h = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType,
        new long[] {time, batch, channels}, 'c');
    long[] lastShape = c.isBidirectional() ? new long[] {2, batch, c.getNOut()} : new long[] {batch, c.getNOut()};
    INDArray lastH = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, lastShape, 'c');
    INDArray lastC = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, lastShape, 'c');
    Nd4j.exec(DynamicCustomOp.builder("lstmLayer")
        .addInputs(inputs(timeMajor, weights, null))
        .addOutputs(h, lastH, lastC)
        .addIntegerArguments(integerArguments(FORMAT_TNS))
        .addBooleanArguments(booleanArguments(null, true))
        .addFloatingPointArguments(0.0)
        .build());
    out.assign(h.permute(1, 2, 0));
    return out;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    if (!leakWarned) {
      leakWarned = true;
      LOG.warn("LstmLayer training: libnd4j 1.0.0-M2.1's lstmLayer_bp operation leaks native memory"
          + " (about 5-9 MB per call at batch 16 x 94 steps x 64 units; not returned by garbage"
          + " collection). Long training runs of BiLstmAttention/Lstm grow the process without bound;"
          + " see docs/models.md (LstmLayer).");
    }
    assertInputSet(true);
    checkInput();
    LstmLayer c = layerConf();
    INDArray x = input.castTo(dataType);
    long batch = x.size(0);
    long time = x.size(2);
    INDArray[] weights = weights(true, workspaceMgr);
    INDArray lengths = sequenceLengths(batch, time);
    INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
    INDArray dW = gradientViews.get(LstmParamInitializer.INPUT_WEIGHTS);
    INDArray dRW = gradientViews.get(LstmParamInitializer.RECURRENT_WEIGHTS);
    INDArray db = gradientViews.get(LstmParamInitializer.BIAS);
    // Without lengths: time-major contiguous copies (format 0), so that every step's slices are
    // contiguous for BLAS; with lengths: the NCW arrays as they are (format 2).
    boolean timeMajor = lengths == null;
    INDArray xIn = timeMajor ? workspaceMgr.dup(ArrayType.BP_WORKING_MEM, x.permute(2, 0, 1), 'c') : x;
    INDArray eIn = timeMajor
        ? workspaceMgr.dup(ArrayType.BP_WORKING_MEM, epsilon.castTo(dataType).permute(2, 0, 1), 'c')
        : epsilon.castTo(dataType);
    INDArray dxOut = timeMajor ? workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
        new long[] {time, batch, x.size(1)}, 'c') : dx;
    INDArray[] inputs = inputs(xIn, weights, lengths);
    INDArray[] withEpsilon = java.util.Arrays.copyOf(inputs, inputs.length + 1);
    withEpsilon[inputs.length] = eIn;
    // With sequence lengths the operation also "returns" a (never computed) gradient for them.
    INDArray[] outputs = lengths == null ? new INDArray[] {dxOut, dW, dRW, db}
        : new INDArray[] {dxOut, dW, dRW, db, Nd4j.create(dataType, batch)};
    execOnOneThread(DynamicCustomOp.builder("lstmLayer_bp")
        .addInputs(withEpsilon)
        .addOutputs(outputs)
        .addIntegerArguments(integerArguments(timeMajor ? FORMAT_TNS : FORMAT_NST))
        .addBooleanArguments(booleanArguments(lengths, false))
        .addFloatingPointArguments(0.0)
        .build());
    if (timeMajor) {
      dx.assign(dxOut.permute(1, 2, 0));
    }
    Gradient g = new DefaultGradient(gradientsFlattened);
    g.gradientForVariable().put(LstmParamInitializer.INPUT_WEIGHTS, dW);
    g.gradientForVariable().put(LstmParamInitializer.RECURRENT_WEIGHTS, dRW);
    g.gradientForVariable().put(LstmParamInitializer.BIAS, db);
    weightNoiseParams.clear();
    return new Pair<>(g, backpropDropOutIfPresent(dx));
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
  private static volatile boolean leakWarned;

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
