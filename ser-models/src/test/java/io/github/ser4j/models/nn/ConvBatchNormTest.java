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
import io.github.ser4j.models.nn.layers.FusedBatchNormalization;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Why {@link ConvBatchNorm} uses {@link FusedBatchNormalization} (DL4J's batch norm ignores its
 * activation), and that every conv network of the package has its ReLU after each batch norm, as
 * its Javadoc and the PyTorch peer say.
 */
class ConvBatchNormTest {

  /**
   * DL4J 1.0.0-M2.1's batch norm layer ignores its activation: configured with ReLU it still
   * outputs negative values (training and inference mode, oneDNN helper on). If a DL4J upgrade fixes
   * this, this test fails: then {@code InferenceGraphs.foldBatchNorm} must carry a plain batch norm's
   * activation over too.
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

  /**
   * Every batch norm of every conv preset applies its ReLU, except the second of a residual block
   * and the shortcut's (ReLU after the addition): their outputs are never negative.
   */
  @Test
  void everyBatchNormOfEveryPresetAppliesItsRelu() {
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
      for (boolean train : new boolean[] {true, false}) {
        Map<String, INDArray> acts = net.feedForward(new INDArray[] {x}, train, false);
        int relus = 0;
        for (Layer l : net.getLayers()) {
          String name = l.conf().getLayer().getLayerName();
          if (!name.endsWith("_bn")) {
            continue;
          }
          assertTrue(l.conf().getLayer() instanceof FusedBatchNormalization, d + " " + name);
          double min = acts.get(name).minNumber().doubleValue();
          double preMin = acts.get(name.replace("_bn", "_conv")).minNumber().doubleValue();
          assertTrue(preMin < 0, d + " " + name + ": its input has negative values");
          if (d instanceof SmallResNet && (name.endsWith("_2_bn") || name.endsWith("_short_bn"))) {
            assertTrue(min < 0, d + " " + name + " has no ReLU");
          } else {
            assertTrue(min >= 0, d + " " + name + " (train " + train + "): min " + min);
            relus++;
          }
        }
        assertTrue(relus > 0, d.toString());
      }
    }
  }
}
