package io.github.ser4j.models.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.Dl4jRuntime;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The forward passes of {@link LayerNormalization} and {@link PositionalEncoding} against their
 * formulas computed here by hand in double precision, their backward passes against DL4J's
 * finite-difference gradient check in double precision (which their former SameDiff versions
 * failed by a factor of 2), their JSON round trips, and input-type checks. (Their training
 * behaviour is tested through the transformers, TransformerTest.)
 */
class CustomLayersTest {

  private static ComputationGraph single(org.deeplearning4j.nn.conf.layers.Layer layer, InputType type) {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
        .addInputs("in").setInputTypes(type)
        .addLayer("layer", layer, "in").setOutputs("layer").build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  private static float[][][] randomSequence(int batch, int features, int time, long seed) {
    Random rnd = new Random(seed);
    float[][][] x = new float[batch][features][time];
    for (float[][] example : x) {
      for (float[] row : example) {
        for (int t = 0; t < time; t++) {
          row[t] = (float) (3 * rnd.nextGaussian() + 1.5);
        }
      }
    }
    return x;
  }

  @Test
  void layerNormOfASequenceIsTheFormula() {
    int batch = 3;
    int features = 6;
    int time = 5;
    ComputationGraph net = single(new LayerNormalization(1e-5), InputType.recurrent(features, time));
    assertEquals(2 * features, net.numParams());
    double[] gain = {0.5, -1.25, 2, 1, 0.1, 3};
    double[] bias = {0.3, 0, -2, 1.5, 0.25, -0.75};
    net.getLayer("layer").setParam(LayerNormalization.GAIN, Nd4j.create(new double[][] {gain}));
    net.getLayer("layer").setParam(LayerNormalization.BIAS, Nd4j.create(new double[][] {bias}));
    float[][][] x = randomSequence(batch, features, time, 5);
    INDArray out = net.outputSingle(false, Nd4j.create(x));
    assertArrayEquals(new long[] {batch, features, time}, out.shape());
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < time; t++) {
        double mean = 0;
        for (int f = 0; f < features; f++) {
          mean += x[b][f][t];
        }
        mean /= features;
        double variance = 0;
        for (int f = 0; f < features; f++) {
          variance += (x[b][f][t] - mean) * (x[b][f][t] - mean);
        }
        variance /= features;
        for (int f = 0; f < features; f++) {
          double expected = (x[b][f][t] - mean) / Math.sqrt(variance + 1e-5) * gain[f] + bias[f];
          assertEquals(expected, out.getDouble(b, f, t), 1e-5, "b=" + b + " f=" + f + " t=" + t);
        }
      }
    }
  }

  @Test
  void layerNormOfFeedForwardActivationsHasMeanZeroVarianceOneWithInitialParameters() {
    ComputationGraph net = single(new LayerNormalization(), InputType.feedForward(4));
    // The hand-computed case: [1, 2, 3, 6] has mean 3, variance (4 + 1 + 0 + 9) / 4 = 3.5.
    INDArray out = net.outputSingle(false, Nd4j.create(new float[][] {{1, 2, 3, 6}}));
    double s = Math.sqrt(3.5 + 1e-5);
    assertArrayEquals(new double[] {-2 / s, -1 / s, 0, 3 / s}, out.toDoubleVector(), 1e-5);
  }

  @Test
  void positionalEncodingAddsTheSinusoidsOfVaswaniEtAl() {
    int features = 8;
    int time = 61;
    ComputationGraph net = single(new PositionalEncoding(), InputType.recurrent(features, time));
    assertEquals(0, net.numParams());
    float[][][] x = randomSequence(2, features, time, 9);
    INDArray out = net.outputSingle(false, Nd4j.create(x));
    assertArrayEquals(new long[] {2, features, time}, out.shape());
    // Hand-computed: d = 8, so the frequencies are 1, 10000^-(2/8) = 0.1, 0.01, 0.001.
    double[][] cases = {
        // feature, position, expected encoding
        {0, 0, 0}, {1, 0, 1}, {6, 0, 0}, {7, 0, 1},
        {0, 1, Math.sin(1)}, {1, 1, Math.cos(1)}, {2, 1, Math.sin(0.1)}, {3, 1, Math.cos(0.1)},
        {4, 7, Math.sin(0.07)}, {5, 7, Math.cos(0.07)}, {0, 60, Math.sin(60)}, {1, 60, Math.cos(60)},
        {2, 60, Math.sin(6)}, {3, 60, Math.cos(6)}, {6, 60, Math.sin(0.06)}, {7, 60, Math.cos(0.06)},
    };
    for (double[] c : cases) {
      int f = (int) c[0];
      int pos = (int) c[1];
      assertEquals(c[2], PositionalEncoding.value(f, pos, features), 1e-12);
      for (int b = 0; b < 2; b++) {
        assertEquals(x[b][f][pos] + c[2], out.getDouble(b, f, pos), 1e-5, "f=" + f + " pos=" + pos);
      }
    }
    // Any length: the same layer on a shorter sequence gives the same encoding at the same positions.
    INDArray shorter = net.outputSingle(false, Nd4j.zeros(DataType.FLOAT, 1, features, 3));
    assertEquals(Math.sin(0.2), shorter.getDouble(0, 2, 2), 1e-6);
  }

  /**
   * Finite differences in double precision: a per-step dense tanh layer before the layer norm and
   * the positional encoding checks, through its own parameters, the gradients both layers pass
   * back; the layer norm's gain and bias are checked directly (set away from 1 and 0).
   */
  @Test
  void sequenceGradientsPassDl4jsFiniteDifferenceCheck() {
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      Dl4jRuntime.prepare();
      ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.DOUBLE)
          .updater(new NoOp()).graphBuilder().addInputs("in").setInputTypes(InputType.recurrent(3))
          .addLayer("dense", new TimeDistributed(new DenseLayer.Builder().nIn(3).nOut(5)
              .activation(Activation.TANH).build(), RNNFormat.NCW), "in")
          .addLayer("norm", new LayerNormalization(), "dense")
          .addLayer("position", new PositionalEncoding(), "norm")
          .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "position")
          .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(2)
              .activation(Activation.SOFTMAX).build(), "pool")
          .setOutputs("out").build();
      ComputationGraph net = new ComputationGraph(conf);
      net.init();
      setRandomNormParams(net.getLayer("norm"), 5);
      Nd4j.getRandom().setSeed(3);
      INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 3, 6);
      INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
      assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
          .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
          .minAbsoluteError(1e-9)), "gradient check of dense -> layer norm -> positional encoding failed");
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  @Test
  void feedForwardLayerNormGradientsPassDl4jsFiniteDifferenceCheck() {
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      Dl4jRuntime.prepare();
      ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(4).dataType(DataType.DOUBLE)
          .updater(new NoOp()).graphBuilder().addInputs("in").setInputTypes(InputType.feedForward(3))
          .addLayer("dense", new DenseLayer.Builder().nIn(3).nOut(5).activation(Activation.TANH).build(), "in")
          .addLayer("norm", new LayerNormalization(), "dense")
          .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(2)
              .activation(Activation.SOFTMAX).build(), "norm")
          .setOutputs("out").build();
      ComputationGraph net = new ComputationGraph(conf);
      net.init();
      setRandomNormParams(net.getLayer("norm"), 5);
      Nd4j.getRandom().setSeed(6);
      INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 3);
      INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});
      assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
          .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
          .minAbsoluteError(1e-9)), "gradient check of dense -> layer norm failed");
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  private static void setRandomNormParams(org.deeplearning4j.nn.api.Layer norm, int features) {
    Random rnd = new Random(7);
    double[][] gain = new double[1][features];
    double[][] bias = new double[1][features];
    for (int i = 0; i < features; i++) {
      gain[0][i] = 1 + 0.5 * rnd.nextGaussian();
      bias[0][i] = 0.5 * rnd.nextGaussian();
    }
    norm.setParam(LayerNormalization.GAIN, Nd4j.create(gain));
    norm.setParam(LayerNormalization.BIAS, Nd4j.create(bias));
  }

  @Test
  void bothSurviveAJsonRoundTripOfTheirNetwork() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
        .addInputs("in").setInputTypes(InputType.recurrent(10, 7))
        .addLayer("pe", new PositionalEncoding(), "in")
        .addLayer("ln", new LayerNormalization(1e-3), "pe")
        .setOutputs("ln").build();
    String json = conf.toJson();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(json);
    assertEquals(conf, back);
    assertEquals(json, back.toJson());
    LayerNormalization ln = (LayerNormalization) ((org.deeplearning4j.nn.conf.graph.LayerVertex)
        back.getVertices().get("ln")).getLayerConf().getLayer();
    assertEquals(10, ln.getNIn());
    assertEquals(1e-3, ln.getEpsilon());
    assertTrue(ln.isSequence());
    PositionalEncoding pe = (PositionalEncoding) ((org.deeplearning4j.nn.conf.graph.LayerVertex)
        back.getVertices().get("pe")).getLayerConf().getLayer();
    assertEquals(10, pe.getNIn());
    ComputationGraph a = new ComputationGraph(conf);
    a.init();
    ComputationGraph b = new ComputationGraph(back);
    b.init();
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 10, 7);
    assertEquals(a.outputSingle(false, x), b.outputSingle(false, x));
  }

  @Test
  void wrongInputTypesAndEpsilonAreRejected() {
    assertThrows(ModelException.class, () -> new LayerNormalization(0));
    ModelException e = assertThrows(ModelException.class,
        () -> single(new PositionalEncoding(), InputType.feedForward(4)));
    assertTrue(e.getMessage().contains("PositionalEncoding"), e.getMessage());
    assertThrows(ModelException.class, () -> single(new LayerNormalization(), InputType.convolutional(4, 4, 1)));
  }
}
