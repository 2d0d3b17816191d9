package io.github.ser4j.models.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.nn.Dl4jRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link FusedBatchNormalization} against the textbook batch-norm formulas computed here in double,
 * against DL4J's own batch norm + ReLU layer with the same parameters, and against finite
 * differences (DL4J's {@code GradientCheckUtil} in DOUBLE).
 */
class FusedBatchNormalizationTest {
  private static final int N = 4;
  private static final int C = 3;
  private static final int H = 5;
  private static final int W = 6;

  @Test
  void trainingForwardIsTheTextbookFormulaFollowedByRelu() {
    ComputationGraph net = graph(new FusedBatchNormalization(C, Activation.RELU), new Sgd(0.1), null);
    setGammaBeta(net, "bn", new double[] {1.5, 0.5, -2}, new double[] {0.2, -0.3, 1});
    INDArray x = input(DataType.FLOAT, 1);
    double[][][][] xs = toArray(x);
    double[][] stats = textbookStatistics(xs);
    INDArray y = net.feedForward(new INDArray[] {x}, true, false).get("bn");
    double[] gamma = {1.5, 0.5, -2};
    double[] beta = {0.2, -0.3, 1};
    double maxErr = 0;
    int negatives = 0;
    for (int n = 0; n < N; n++) {
      for (int c = 0; c < C; c++) {
        for (int h = 0; h < H; h++) {
          for (int w = 0; w < W; w++) {
            double pre = gamma[c] * (xs[n][c][h][w] - stats[0][c]) / Math.sqrt(stats[1][c] + 1e-5) + beta[c];
            negatives += pre < 0 ? 1 : 0;
            maxErr = Math.max(maxErr, Math.abs(Math.max(0, pre) - y.getDouble(n, c, h, w)));
          }
        }
      }
    }
    assertTrue(negatives > 20, "the ReLU is exercised");
    assertTrue(maxErr < 2e-5, "max error " + maxErr);
  }

  /** One SGD step: running statistics = decay * old + (1 - decay) * batch (biased variance). */
  @Test
  void runningStatisticsFollowDl4jsUpdateWithTheBiasedBatchVariance() {
    for (boolean logStd : new boolean[] {false, true}) {
      FusedBatchNormalization bn = new FusedBatchNormalization(C, Activation.RELU);
      bn.setUseLogStd(logStd);
      ComputationGraph net = graph(bn, new Sgd(0.1), null);
      INDArray x = input(DataType.FLOAT, 2);
      double[][] stats = textbookStatistics(toArray(x));
      net.fit(new DataSet(x, labels(DataType.FLOAT)));
      INDArray mean = net.getLayer("bn").getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
      for (int c = 0; c < C; c++) {
        assertEquals(0.1 * stats[0][c], mean.getDouble(c), 1e-5, "mean " + c);
        double var = logStd
            ? Math.pow(100, net.getLayer("bn").getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).getDouble(c))
            : net.getLayer("bn").getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).getDouble(c);
        assertEquals(0.9 + 0.1 * stats[1][c], var, 1e-4 * var, "var " + c + " logStd " + logStd);
      }
    }
  }

  /**
   * DL4J's batch norm followed by an activation layer, same parameters and data, in DOUBLE (DL4J's
   * built-in path) and FLOAT (its oneDNN helper path): same loss, gradients and running statistics
   * after a training step, same inference output.
   */
  @Test
  void equalsDl4jsBatchNormPlusReluLayer() {
    for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
      Nd4j.setDefaultDataTypes(type, type);
      try {
        double tol = type == DataType.DOUBLE ? 1e-9 : 2e-4;
        ComputationGraph fused = graph(new FusedBatchNormalization(C, Activation.RELU), new Sgd(0.5), null, true);
        BatchNormalization dl4jBn = new BatchNormalization.Builder().nOut(C).eps(1e-5).decay(0.9).useLogStd(true)
            .activation(Activation.IDENTITY).build();
        ComputationGraph dl4j = graph(dl4jBn, new Sgd(0.5),
            new ActivationLayer.Builder().activation(Activation.RELU).build(), true);
        dl4j.setParams(fused.params());
        setGammaBeta(fused, "bn", new double[] {1.2, 0.7, -0.4}, new double[] {0.1, 0.2, -0.1});
        dl4j.setParams(fused.params());
        INDArray x = input(type, 3);
        DataSet data = new DataSet(x, labels(type));
        fused.setInputs(x);
        fused.setLabels(data.getLabels());
        fused.computeGradientAndScore();
        dl4j.setInputs(x);
        dl4j.setLabels(data.getLabels());
        dl4j.computeGradientAndScore();
        assertEquals(dl4j.score(), fused.score(), tol, type + " score");
        assertClose(dl4j.gradient().gradient(), fused.gradient().gradient(), tol, type + " gradient");
        for (int step = 0; step < 2; step++) {
          fused.fit(data);
          dl4j.fit(data);
        }
        assertClose(dl4j.params(), fused.params(), tol, type + " parameters after training");
        assertClose(dl4j.outputSingle(false, x), fused.outputSingle(false, x), tol, type + " inference");
      } finally {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
      }
    }
  }

  /**
   * Finite differences for gamma, beta and the layers around it (a convolution before it, whose
   * gradients check the batch norm's input gradient), in DOUBLE, identity, tanh and ReLU.
   */
  @Test
  void gradientsPassDl4jsGradientCheckInDouble() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      for (Activation a : new Activation[] {Activation.IDENTITY, Activation.TANH, Activation.RELU}) {
        ComputationGraph net = graph(new FusedBatchNormalization(C, a), new NoOp(), null, true);
        setGammaBeta(net, "bn", new double[] {1.2, 0.7, -0.4}, new double[] {0.1, 0.2, -0.1});
        Set<String> exclude = new HashSet<>();
        for (String p : new String[] {BatchNormalizationParamInitializer.GLOBAL_MEAN,
            BatchNormalizationParamInitializer.GLOBAL_VAR, BatchNormalizationParamInitializer.GLOBAL_LOG_STD}) {
          exclude.add("bn_" + p); // running statistics: not trained by gradients
        }
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
            .inputs(new INDArray[] {input(DataType.DOUBLE, 4)}).labels(new INDArray[] {labels(DataType.DOUBLE)})
            .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9).excludeParams(exclude));
        assertTrue(ok, "gradient check, " + a);
      }
    } finally {
      Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }
  }

  /** Inference uses the running statistics: the textbook formula with them, then ReLU, in double. */
  @Test
  void inferenceUsesTheRunningStatistics() {
    for (boolean logStd : new boolean[] {true, false}) {
      FusedBatchNormalization bn = new FusedBatchNormalization(C, Activation.RELU);
      bn.setUseLogStd(logStd);
      ComputationGraph net = graph(bn, new Sgd(0.1), null);
      setGammaBeta(net, "bn", new double[] {1.5, 0.5, -2}, new double[] {0.2, -0.3, 1});
      double[] mean = {0.5, -1, 2};
      double[] var = {4, 0.25, 1.5};
      for (int c = 0; c < C; c++) {
        net.getLayer("bn").getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).putScalar(c, mean[c]);
        if (logStd) {
          net.getLayer("bn").getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).putScalar(c, Math.log10(Math.sqrt(var[c])));
        } else {
          net.getLayer("bn").getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).putScalar(c, var[c]);
        }
      }
      INDArray x = input(DataType.FLOAT, 6);
      INDArray y = net.feedForward(new INDArray[] {x}, false, false).get("bn");
      double[] gamma = {1.5, 0.5, -2};
      double[] beta = {0.2, -0.3, 1};
      double maxErr = 0;
      for (int n = 0; n < N; n++) {
        for (int c = 0; c < C; c++) {
          for (int h = 0; h < H; h++) {
            for (int w = 0; w < W; w++) {
              double pre = gamma[c] * (x.getDouble(n, c, h, w) - mean[c]) / Math.sqrt(var[c] + 1e-5) + beta[c];
              maxErr = Math.max(maxErr, Math.abs(Math.max(0, pre) - y.getDouble(n, c, h, w)));
            }
          }
        }
      }
      assertTrue(maxErr < 2e-5, "logStd " + logStd + ": max error " + maxErr);
    }
  }

  @Test
  void jsonAndModelSerializerRoundTripsAreExact() throws Exception {
    ComputationGraphConfiguration fresh = configuration(new FusedBatchNormalization(C, Activation.RELU), new Sgd(0.1), null);
    assertEquals(fresh, ComputationGraphConfiguration.fromJson(fresh.toJson()), "never initialised");
    ComputationGraph net = graph(new FusedBatchNormalization(C, Activation.RELU), new Sgd(0.1), null);
    INDArray x = input(DataType.FLOAT, 5);
    net.fit(new DataSet(x, labels(DataType.FLOAT)));
    ComputationGraphConfiguration conf = net.getConfiguration();
    String json = conf.toJson();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(json);
    assertEquals(conf, back);
    assertEquals(json, back.toJson());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(net, bytes, true);
    ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
    assertTrue(restored.getLayer("bn").conf().getLayer() instanceof FusedBatchNormalization);
    assertEquals(net.params(), restored.params());
    assertEquals(net.outputSingle(false, x), restored.outputSingle(false, x));
  }

  /** input -> bn [-> after] -> global average pooling -> softmax output over 2 classes. */
  private static ComputationGraph graph(BatchNormalization bn, IUpdater updater, ActivationLayer after) {
    return graph(bn, updater, after, false);
  }

  /**
   * input, [1x1 convolution,] the batch norm, [activation layer,] average pooling, softmax. With the
   * convolution first, its gradients depend on the batch norm's input gradient.
   */
  private static ComputationGraph graph(BatchNormalization bn, IUpdater updater, ActivationLayer after,
      boolean convFirst) {
    ComputationGraph net = new ComputationGraph(configuration(bn, updater, after, convFirst));
    net.init();
    return net;
  }

  private static ComputationGraphConfiguration configuration(BatchNormalization bn, IUpdater updater,
      ActivationLayer after) {
    return configuration(bn, updater, after, false);
  }

  private static ComputationGraphConfiguration configuration(BatchNormalization bn, IUpdater updater,
      ActivationLayer after, boolean convFirst) {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(3).updater(updater)
        .dataType(Nd4j.defaultFloatingPointType()).graphBuilder()
        .addInputs("input").setInputTypes(InputType.convolutional(H, W, C));
    String in = "input";
    if (convFirst) {
      g.addLayer("conv", new ConvolutionLayer.Builder(1, 1).nIn(C).nOut(C).activation(Activation.IDENTITY)
          .weightInit(WeightInit.XAVIER).build(), "input");
      in = "conv";
    }
    g.addLayer("bn", bn, in);
    String last = "bn";
    if (after != null) {
      g.addLayer("act", after, "bn");
      last = "act";
    }
    g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last)
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("output");
    return g.build();
  }

  private static void setGammaBeta(ComputationGraph net, String layer, double[] gamma, double[] beta) {
    DataType t = net.params().dataType();
    net.getLayer(layer).getParam(BatchNormalizationParamInitializer.GAMMA).assign(Nd4j.createFromArray(gamma).castTo(t).reshape(1, C));
    net.getLayer(layer).getParam(BatchNormalizationParamInitializer.BETA).assign(Nd4j.createFromArray(beta).castTo(t).reshape(1, C));
  }

  /** Per-channel means around different offsets, so the running mean moves far from 0. */
  private static INDArray input(DataType type, long seed) {
    Random r = new Random(seed);
    double[] offset = {3, -1, 0.5};
    double[] scale = {2, 0.5, 1};
    INDArray x = Nd4j.create(type, N, C, H, W);
    for (int n = 0; n < N; n++) {
      for (int c = 0; c < C; c++) {
        for (int h = 0; h < H; h++) {
          for (int w = 0; w < W; w++) {
            x.putScalar(new long[] {n, c, h, w}, offset[c] + scale[c] * r.nextGaussian());
          }
        }
      }
    }
    return x;
  }

  private static INDArray labels(DataType type) {
    INDArray y = Nd4j.zeros(type, N, 2);
    for (int n = 0; n < N; n++) {
      y.putScalar(n, n % 2, 1);
    }
    return y;
  }

  private static double[][][][] toArray(INDArray x) {
    double[][][][] a = new double[N][C][H][W];
    for (int n = 0; n < N; n++) {
      for (int c = 0; c < C; c++) {
        for (int h = 0; h < H; h++) {
          for (int w = 0; w < W; w++) {
            a[n][c][h][w] = x.getDouble(n, c, h, w);
          }
        }
      }
    }
    return a;
  }

  /** {mean[c], biased variance[c]} over batch, height and width: two-pass, in double. */
  private static double[][] textbookStatistics(double[][][][] x) {
    double[][] s = new double[2][C];
    double m = N * H * W;
    for (int c = 0; c < C; c++) {
      double sum = 0;
      for (double[][][] xn : x) {
        for (double[] row : xn[c]) {
          for (double v : row) {
            sum += v;
          }
        }
      }
      s[0][c] = sum / m;
      double sq = 0;
      for (double[][][] xn : x) {
        for (double[] row : xn[c]) {
          for (double v : row) {
            sq += (v - s[0][c]) * (v - s[0][c]);
          }
        }
      }
      s[1][c] = sq / m;
    }
    return s;
  }

  private static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
    double scale = Math.max(1, expected.amaxNumber().doubleValue());
    double diff = expected.sub(actual).amaxNumber().doubleValue();
    assertTrue(diff <= tol * scale, what + ": max difference " + diff + " (scale " + scale + ")");
  }
}
