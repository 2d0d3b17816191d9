package io.github.ser4j.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.layers.FusedBatchNormalization;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link InferenceGraphs#foldBatchNorm}: the folded network predicts what the original predicts in
 * inference mode (DL4J's own batch norm layer is the truth), has no batch norm left where a
 * convolution fed it, and leaves the original untouched.
 */
class InferenceGraphsTest {
  /** max |folded - original| / max |original| over all outputs: float rounding only. */
  private static final double RELATIVE = 1e-5;

  @Test
  void everyConvPresetPredictsTheSameAfterFoldingAndLosesItsBatchNorms() {
    Object[][] presets = {
        // preset, input shape, batch norms, ReLU layers moved into a convolution
        {SmallResNet.reference(), new long[] {1, 64, 94}, 15, 0},
        {Cnn2d.reference(), new long[] {1, 64, 94}, 3, 0},
        {RawWaveformCnn.builder().samples(4_000).build(), new long[] {4_000}, 9, 0},
        {ParallelCnnTransformer.builder().input(32, 40).build(), new long[] {1, 32, 40}, 6, 0},
        {Cnn1d.reference(), new long[] {42}, 0, 0},
    };
    for (Object[] p : presets) {
      NetworkDescription d = (NetworkDescription) p[0];
      ComputationGraph net = trainedAFewSteps(d, (long[]) p[1]);
      int batchNorms = count(net, org.deeplearning4j.nn.layers.normalization.BatchNormalization.class);
      assertEquals((int) p[2], batchNorms, d.toString());
      int activations = count(net, org.deeplearning4j.nn.layers.ActivationLayer.class);
      INDArray params = net.params().dup();
      INDArray x = ConvolutionCacheModeTest.data((long[]) p[1], 6, d.numClasses(), 77).getFeatures();
      INDArray expected = net.outputSingle(false, x).dup();

      ComputationGraph folded = InferenceGraphs.foldBatchNorm(net);

      assertEquals(0, count(folded, org.deeplearning4j.nn.layers.normalization.BatchNormalization.class), d.toString());
      assertEquals(count(net, org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class),
          count(folded, org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class), d.toString());
      assertEquals(activations - (int) p[3], count(folded, org.deeplearning4j.nn.layers.ActivationLayer.class),
          d.toString());
      assertEquals(net.getLayers().length - batchNorms - (int) p[3], folded.getLayers().length, d.toString());
      assertClose(expected, folded.outputSingle(false, x), d.toString());
      assertEquals(params, net.params(), "original untouched: " + d);
      assertEquals(expected, net.outputSingle(false, x), "original untouched: " + d);
    }
  }

  /**
   * Both of DL4J's variance parameterisations, a conv with bias, DL4J's batch norm (its configured
   * tanh ignored, then a ReLU layer, moved into the conv) and the fused one (tanh applied).
   */
  @Test
  void foldsVarianceParameterisationAndConvolutionBias() {
    for (boolean logStd : new boolean[] {true, false}) {
      ComputationGraph net = tiny(logStd, false);
      ComputationGraph fused = tinyFused(logStd);
      trainedAFewSteps(fused, new long[] {2, 8, 9});
      INDArray xf = ConvolutionCacheModeTest.data(new long[] {2, 8, 9}, 5, 3, 3).getFeatures();
      ComputationGraph foldedFused = InferenceGraphs.foldBatchNorm(fused);
      assertEquals(0, count(foldedFused, org.deeplearning4j.nn.layers.normalization.BatchNormalization.class));
      assertClose(fused.outputSingle(false, xf), foldedFused.outputSingle(false, xf), "fused, logStd " + logStd);
      trainedAFewSteps(net, new long[] {2, 8, 9});
      INDArray var = net.getLayer("bn").getParam(logStd ? BatchNormalizationParamInitializer.GLOBAL_LOG_STD
          : BatchNormalizationParamInitializer.GLOBAL_VAR);
      assertNotEquals(logStd ? 0.0 : 1.0, var.getDouble(0), 1e-4, "running variance moved");
      INDArray x = ConvolutionCacheModeTest.data(new long[] {2, 8, 9}, 5, 3, 3).getFeatures();
      ComputationGraph folded = InferenceGraphs.foldBatchNorm(net);
      assertEquals(0, count(folded, org.deeplearning4j.nn.layers.normalization.BatchNormalization.class));
      assertEquals(0, count(folded, org.deeplearning4j.nn.layers.ActivationLayer.class));
      assertClose(net.outputSingle(false, x), folded.outputSingle(false, x), "logStd " + logStd);
    }
  }

  /** A convolution whose raw output is also read elsewhere keeps its batch norm. */
  @Test
  void leavesAConvolutionReadTwiceAlone() {
    ComputationGraph net = tiny(true, true);
    trainedAFewSteps(net, new long[] {2, 8, 9});
    INDArray x = ConvolutionCacheModeTest.data(new long[] {2, 8, 9}, 5, 3, 3).getFeatures();
    ComputationGraph folded = InferenceGraphs.foldBatchNorm(net);
    assertEquals(1, count(folded, org.deeplearning4j.nn.layers.normalization.BatchNormalization.class));
    assertEquals(net.params(), folded.params());
    assertEquals(net.outputSingle(false, x), folded.outputSingle(false, x));
  }

  @Test
  void rejectsNull() {
    ModelException e = assertThrows(ModelException.class, () -> InferenceGraphs.foldBatchNorm(null));
    assertTrue(e.getMessage().contains("trained"), e.getMessage());
  }

  /**
   * conv (with bias) -> BN -> ReLU layer -> pool -> output; with {@code readTwice} the ReLU reads
   * conv + BN instead. The batch norm is configured with a tanh that DL4J ignores.
   */
  private static ComputationGraph tiny(boolean logStd, boolean readTwice) {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(5)
        .updater(new Adam(0.05)).graphBuilder().addInputs("input")
        .setInputTypes(InputType.convolutional(8, 9, 2))
        .addLayer("conv", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(4)
            .activation(Activation.IDENTITY).build(), "input")
        .addLayer("bn", new BatchNormalization.Builder().useLogStd(logStd).decay(0.5)
            .activation(Activation.TANH).build(), "conv");
    String last = "bn";
    if (readTwice) {
      g.addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "bn", "conv");
      last = "sum";
    }
    g.addLayer("relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), last)
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "relu")
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("output");
    ComputationGraph net = new ComputationGraph(g.build());
    net.init();
    return net;
  }

  /** conv (with bias) -> fused BN with tanh -> pool -> output. */
  private static ComputationGraph tinyFused(boolean logStd) {
    Dl4jRuntime.prepare();
    FusedBatchNormalization bn = new FusedBatchNormalization(4, Activation.TANH);
    bn.setUseLogStd(logStd);
    bn.setDecay(0.5);
    ComputationGraph net = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(5)
        .updater(new Adam(0.05)).graphBuilder().addInputs("input")
        .setInputTypes(InputType.convolutional(8, 9, 2))
        .addLayer("conv", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(4)
            .activation(Activation.IDENTITY).build(), "input")
        .addLayer("bn", bn, "conv")
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "bn")
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("output").build());
    net.init();
    return net;
  }

  private static ComputationGraph trainedAFewSteps(NetworkDescription d, long[] shape) {
    ComputationGraph net = d.network();
    DataSet data = ConvolutionCacheModeTest.data(shape, 8, d.numClasses(), 11);
    for (int i = 0; i < 4; i++) {
      net.fit(data); // moves gamma, beta and the running statistics away from their initial values
    }
    return net;
  }

  private static void trainedAFewSteps(ComputationGraph net, long[] shape) {
    // shifted, scaled data so the running mean and variance move far from 0 and 1
    DataSet data = ConvolutionCacheModeTest.data(shape, 8, 3, 11);
    data.getFeatures().muli(3).addi(2);
    for (int i = 0; i < 5; i++) {
      net.fit(data);
    }
  }

  private static int count(ComputationGraph net, Class<?> type) {
    int n = 0;
    for (Layer l : net.getLayers()) {
      if (type.isInstance(l)) {
        n++;
      }
    }
    return n;
  }

  private static void assertClose(INDArray expected, INDArray actual, String what) {
    assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(actual.shape()), what);
    double scale = expected.amaxNumber().doubleValue();
    double diff = expected.sub(actual).amaxNumber().doubleValue();
    assertTrue(diff <= RELATIVE * scale, what + ": max difference " + diff + " vs max " + scale);
  }
}
