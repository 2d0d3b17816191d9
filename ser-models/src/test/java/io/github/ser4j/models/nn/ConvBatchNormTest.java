package io.github.ser4j.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Why {@link ConvBatchNorm} adds a ReLU layer of its own, and that every conv network of the
 * package has its ReLU after each batch norm, as its Javadoc and the PyTorch peer say.
 */
class ConvBatchNormTest {

  /**
   * DL4J 1.0.0-M2.1's batch norm layer ignores its activation: configured with ReLU it still
   * outputs negative values (training and inference mode, oneDNN helper on). If a DL4J upgrade fixes
   * this, this test fails and the separate ReLU layers become a double ReLU (harmless, but slower).
   */
  @Test
  void dl4jBatchNormIgnoresItsConfiguredRelu() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
        .addInputs("input").setInputTypes(InputType.convolutional(5, 6, 3))
        .addLayer("bn", new BatchNormalization.Builder().activation(Activation.RELU).build(), "input")
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "bn")
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("output").build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    INDArray x = ConvolutionCacheModeTest.data(new long[] {3, 5, 6}, 4, 2, 3).getFeatures();
    for (boolean train : new boolean[] {true, false}) {
      INDArray bn = net.feedForward(new INDArray[] {x}, train, false).get("bn");
      assertTrue(bn.minNumber().doubleValue() < -0.5, "train=" + train + ": min " + bn.minNumber());
    }
  }

  /** Every batch norm of every conv preset is followed (directly or after max pooling) by a ReLU. */
  @Test
  void everyBatchNormOfEveryPresetIsFollowedByARelu() {
    Object[][] presets = {
        {SmallResNet.builder().input(1, 16, 20).build(), new long[] {1, 16, 20}},
        {Cnn2d.builder().input(1, 16, 20).build(), new long[] {1, 16, 20}},
        {RawWaveformCnn.builder().samples(4_000).build(), new long[] {4_000}},
        {ParallelCnnTransformer.builder().input(16, 20).build(), new long[] {1, 16, 20}},
    };
    for (Object[] p : presets) {
      NetworkDescription d = (NetworkDescription) p[0];
      ComputationGraph net = d.network();
      INDArray x = ConvolutionCacheModeTest.data((long[]) p[1], 4, d.numClasses(), 9).getFeatures();
      Map<String, INDArray> acts = net.feedForward(new INDArray[] {x}, true, false);
      int bns = 0;
      for (Layer l : net.getLayers()) {
        String name = l.conf().getLayer().getLayerName();
        if (!name.endsWith("_bn")) {
          continue;
        }
        bns++;
        String stem = name.substring(0, name.length() - "_bn".length());
        assertTrue(acts.get(name).minNumber().doubleValue() < 0, d + " " + name + " has negative values");
        INDArray relu = acts.get(stem + "_relu");
        if (name.endsWith("_2_bn") || name.endsWith("_short_bn")) {
          continue; // residual branch: ReLU after the addition (checked below)
        }
        assertTrue(relu != null, d + ": no ReLU after " + name);
        assertEquals(0.0, Math.min(0.0, relu.minNumber().doubleValue()), 0.0, d + " " + stem + "_relu");
      }
      assertTrue(bns > 0, d.toString());
      for (Map.Entry<String, INDArray> e : acts.entrySet()) {
        if (e.getKey().endsWith("_relu")) {
          assertTrue(e.getValue().minNumber().doubleValue() >= 0, d + " " + e.getKey());
        }
      }
    }
  }
}
