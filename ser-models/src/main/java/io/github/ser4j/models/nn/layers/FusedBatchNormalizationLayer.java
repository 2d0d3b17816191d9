package io.github.ser4j.models.nn.layers;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The layer of {@link FusedBatchNormalization}: DL4J's batch norm layer with the fast training
 * path and the activation (see the configuration's Javadoc).
 */
final class FusedBatchNormalizationLayer extends BatchNormalization {
  private static final double ONE_ON_2LOGE_10 = 1.0 / (2 * Math.log(10.0));
  private static final IActivation PLAIN_RELU = new ActivationReLU();

  /** Batch mean and variance of the last fast training forward pass (null: DL4J's path was used). */
  private double[] batchMean;
  private double[] batchVar;
  /** Output of the last forward pass: the activation of {@link #normalized}. */
  private INDArray output;
  /** Normalised values before the activation (kept only for activations other than identity and ReLU). */
  private INDArray normalized;

  FusedBatchNormalizationLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  private IActivation activation() {
    return layerConf().getActivationFn();
  }

  private boolean fastPath(INDArray x) {
    return !layerConf().isLockGammaBeta() && layerConf().getCnn2DFormat() == CNN2DFormat.NCHW
        && (x.rank() == 4 || x.rank() == 2) && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    batchMean = null;
    batchVar = null;
    normalized = null;
    INDArray x = input.castTo(dataType);
    INDArray z;
    if (fastPath(x) && training) {
      z = normalizeWithBatchStatistics(x, workspaceMgr);
    } else if (fastPath(x)) {
      z = normalizeWithRunningStatistics(x, workspaceMgr);
    } else {
      // DL4J's path (oneDNN helper or built-in), which ignores the activation
      z = super.activate(training, workspaceMgr);
    }
    IActivation act = activation();
    if (act instanceof ActivationIdentity) {
      output = z;
    } else if (PLAIN_RELU.equals(act)) {
      output = z; // in place: z is a new array of this layer; ReLU's derivative is read from the output
      Transforms.relu(z, false);
    } else {
      normalized = z;
      output = act.getActivation(workspaceMgr.dup(ArrayType.ACTIVATIONS, z), training);
    }
    return output;
  }

  /** Batch statistics in one pass over the contiguous input, then libnd4j's {@code batchnorm}. */
  private INDArray normalizeWithBatchStatistics(INDArray x, LayerWorkspaceMgr workspaceMgr) {
    INDArray c = x.rank() == 2 ? x.reshape(x.ordering(), x.size(0), x.size(1), 1, 1) : x;
    if (c.ordering() != 'c' || c.isView() || c.offset() != 0 || !Shape.hasDefaultStridesForShape(c)) {
      c = c.dup('c');
    }
    int channels = (int) c.size(1);
    batchMean = new double[channels];
    batchVar = new double[channels];
    BatchNormKernels.moments(HostArrays.of(c), (int) c.size(0), channels, (int) (c.size(2) * c.size(3)),
        batchMean, batchVar);
    return batchNorm(x, c, batchMean, batchVar, workspaceMgr);
  }

  /** Inference: the running statistics (variance from {@code log10(std)} if so stored), then {@code batchnorm}. */
  private INDArray normalizeWithRunningStatistics(INDArray x, LayerWorkspaceMgr workspaceMgr) {
    INDArray c = x.rank() == 2 ? x.reshape(x.ordering(), x.size(0), x.size(1), 1, 1) : x;
    INDArray runningMean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
    int channels = (int) runningMean.length();
    double[] mean = new double[channels];
    double[] var = new double[channels];
    INDArray stored = getParam(layerConf().isUseLogStd()
        ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD : BatchNormalizationParamInitializer.GLOBAL_VAR);
    for (int i = 0; i < channels; i++) {
      mean[i] = runningMean.getDouble(i);
      var[i] = layerConf().isUseLogStd() ? Math.pow(10, 2 * stored.getDouble(i)) : stored.getDouble(i);
    }
    return batchNorm(x, c, mean, var, workspaceMgr);
  }

  /** libnd4j's {@code batchnorm} of {@code c} (x as rank 4) with the given per-channel statistics. */
  private INDArray batchNorm(INDArray x, INDArray c, double[] meanValues, double[] varValues,
      LayerWorkspaceMgr workspaceMgr) {
    INDArray mean = Nd4j.createFromArray(meanValues).castTo(dataType);
    INDArray var = Nd4j.createFromArray(varValues).castTo(dataType);
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, c.shape(), 'c');
    Nd4j.exec(DynamicCustomOp.builder("batchnorm")
        .addInputs(c, mean, var, gammaVector(), betaVector())
        .addOutputs(out)
        .addIntegerArguments(1, 1, 1) // apply scale, apply offset, channel axis 1
        .addFloatingPointArguments(layerConf().getEps())
        .build());
    return x.rank() == 2 ? out.reshape('c', x.size(0), x.size(1)) : out;
  }


  private INDArray gammaVector() {
    INDArray g = getParam(BatchNormalizationParamInitializer.GAMMA);
    return g.reshape(g.length());
  }

  private INDArray betaVector() {
    INDArray b = getParam(BatchNormalizationParamInitializer.BETA);
    return b.reshape(b.length());
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    IActivation act = activation();
    if (batchMean == null) {
      // DL4J's path (not the fast training forward pass): activation backward, then DL4J's layer.
      INDArray dz;
      if (act instanceof ActivationIdentity) {
        dz = epsilon;
      } else if (PLAIN_RELU.equals(act)) {
        dz = Nd4j.exec(new RectifiedLinearDerivative(output, epsilon, epsilon.ulike(), 0.0))[0];
      } else {
        dz = act.backprop(normalized.dup(), epsilon).getFirst();
      }
      return super.backpropGradient(dz, workspaceMgr);
    }
    // Batch statistics: the ReLU mask and the batch-norm backward in one Java pass pair
    // (BatchNormBackward); other activations backward first.
    boolean relu = PLAIN_RELU.equals(act);
    INDArray dy = act instanceof ActivationIdentity || relu ? epsilon
        : act.backprop(normalized.dup(), epsilon).getFirst();
    INDArray x = input.castTo(dataType);
    boolean rank2 = x.rank() == 2;
    long[] shape4 = rank2 ? new long[] {x.size(0), x.size(1), 1, 1} : x.shape();
    x = HostArrays.dense(x.reshape('c', shape4), workspaceMgr, ArrayType.BP_WORKING_MEM);
    dy = HostArrays.dense(dy.castTo(dataType).reshape('c', shape4), workspaceMgr, ArrayType.BP_WORKING_MEM);
    INDArray y = relu ? HostArrays.dense(output.reshape('c', shape4), workspaceMgr, ArrayType.BP_WORKING_MEM) : null;
    INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, shape4, 'c');
    int channels = (int) shape4[1];
    double[] gamma = gammaVector().castTo(DataType.DOUBLE).toDoubleVector();
    double[] dGammaValues = new double[channels];
    double[] dBetaValues = new double[channels];
    BatchNormKernels.backward(HostArrays.of(x), HostArrays.of(dy), y == null ? null : HostArrays.of(y),
        HostArrays.of(epsOut), (int) shape4[0], channels, (int) (shape4[2] * shape4[3]), batchMean, batchVar,
        gamma, layerConf().getEps(), dGammaValues, dBetaValues);
    INDArray dGamma = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
    INDArray dBeta = gradientViews.get(BatchNormalizationParamInitializer.BETA);
    dGamma.assign(Nd4j.createFromArray(dGammaValues).castTo(dataType).reshape(dGamma.shape()));
    dBeta.assign(Nd4j.createFromArray(dBetaValues).castTo(dataType).reshape(dBeta.shape()));

    Gradient g = new DefaultGradient();
    g.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGamma);
    g.setGradientFor(BatchNormalizationParamInitializer.BETA, dBeta);
    // Running statistics as DL4J updates them: the "gradient" of a running statistic is the amount
    // its (no-op) updater subtracts, (1 - decay) * (running - batch).
    double decay = layerConf().getDecay();
    INDArray dMeanView = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
    INDArray runningMean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
    double[] dMean = new double[batchMean.length];
    for (int c = 0; c < dMean.length; c++) {
      dMean[c] = (1 - decay) * (runningMean.getDouble(c) - batchMean[c]);
    }
    dMeanView.assign(Nd4j.createFromArray(dMean).reshape(dMeanView.shape()));
    g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, dMeanView);
    double[] dVar = new double[batchVar.length];
    if (layerConf().isUseLogStd()) {
      INDArray log10Std = getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
      for (int c = 0; c < dVar.length; c++) {
        double v = Math.pow(10, 2 * log10Std.getDouble(c));
        double next = decay * v + (1 - decay) * batchVar[c];
        dVar[c] = Math.log(v / next) * ONE_ON_2LOGE_10; // log10(std) - log10(std next)
      }
      INDArray view = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
      view.assign(Nd4j.createFromArray(dVar).reshape(view.shape()));
      g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_LOG_STD, view);
    } else {
      INDArray runningVar = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
      for (int c = 0; c < dVar.length; c++) {
        dVar[c] = (1 - decay) * (runningVar.getDouble(c) - batchVar[c]);
      }
      INDArray view = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
      view.assign(Nd4j.createFromArray(dVar).reshape(view.shape()));
      g.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, view);
    }
    INDArray next = rank2 ? epsOut.reshape('c', epsOut.size(0), epsOut.size(1)) : epsOut;
    return new Pair<>(g, next); // like DL4J's batch norm: no dropout on its input
  }

  @Override
  public void clear() {
    super.clear();
    output = null;
    normalized = null;
    batchMean = null;
    batchVar = null;
  }
}
