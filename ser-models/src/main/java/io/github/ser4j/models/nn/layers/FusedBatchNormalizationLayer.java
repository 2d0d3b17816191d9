package io.github.ser4j.models.nn.layers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    channelMoments(c, batchMean, batchVar);
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

  /**
   * Per-channel mean and biased variance of a c-contiguous {@code [n, c, h, w]} array, accumulated
   * in double around the channel's first value (the shifted-data algorithm: no cancellation when
   * the mean is large against the standard deviation).
   */
  static void channelMoments(INDArray x, double[] mean, double[] var) {
    int n = (int) x.size(0);
    int channels = (int) x.size(1);
    int hw = (int) (x.size(2) * x.size(3));
    double count = (double) n * hw;
    ByteBuffer bytes = x.data().asNio().order(ByteOrder.nativeOrder());
    if (x.dataType() == DataType.FLOAT) {
      java.nio.FloatBuffer b = bytes.asFloatBuffer();
      for (int ch = 0; ch < channels; ch++) {
        double shift = b.get(ch * hw);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
          int base = (i * channels + ch) * hw;
          for (int j = 0; j < hw; j++) {
            double d = b.get(base + j) - shift;
            s1 += d;
            s2 += d * d;
          }
        }
        mean[ch] = shift + s1 / count;
        var[ch] = Math.max(0, (s2 - s1 * s1 / count) / count);
      }
    } else {
      java.nio.DoubleBuffer b = bytes.asDoubleBuffer();
      for (int ch = 0; ch < channels; ch++) {
        double shift = b.get(ch * hw);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
          int base = (i * channels + ch) * hw;
          for (int j = 0; j < hw; j++) {
            double d = b.get(base + j) - shift;
            s1 += d;
            s2 += d * d;
          }
        }
        mean[ch] = shift + s1 / count;
        var[ch] = Math.max(0, (s2 - s1 * s1 / count) / count);
      }
    }
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
    INDArray dz;
    if (act instanceof ActivationIdentity) {
      dz = epsilon;
    } else if (PLAIN_RELU.equals(act)) {
      dz = Nd4j.exec(new RectifiedLinearDerivative(output, epsilon, epsilon.ulike(), 0.0))[0];
    } else {
      dz = act.backprop(normalized.dup(), epsilon).getFirst();
    }
    if (batchMean == null) {
      return super.backpropGradient(dz, workspaceMgr);
    }
    INDArray x = input.castTo(dataType);
    boolean rank2 = x.rank() == 2;
    if (rank2) {
      x = x.reshape(x.ordering(), x.size(0), x.size(1), 1, 1);
      dz = dz.reshape(dz.ordering(), dz.size(0), dz.size(1), 1, 1);
    }
    if (!Shape.hasDefaultStridesForShape(dz)) {
      dz = dz.dup('c'); // as DL4J's helper: the op needs default strides
    }
    INDArray mean = Nd4j.createFromArray(batchMean).castTo(dataType);
    INDArray var = Nd4j.createFromArray(batchVar).castTo(dataType);
    INDArray dGamma = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
    INDArray dBeta = gradientViews.get(BatchNormalizationParamInitializer.BETA);
    INDArray epsOut = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, x.shape(), 'c');
    Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
        .addInputs(x, mean, var, gammaVector(), betaVector(), dz)
        .addOutputs(epsOut, mean.ulike(), var.ulike(), dGamma.reshape(dGamma.length()), dBeta.reshape(dBeta.length()))
        .addIntegerArguments(1, 1, 1)
        .addFloatingPointArguments(layerConf().getEps())
        .build());

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
