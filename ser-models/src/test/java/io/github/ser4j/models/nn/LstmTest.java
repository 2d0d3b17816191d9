package io.github.ser4j.models.nn;

import static io.github.ser4j.models.nn.SequenceTaskData.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Shapes, parameter counts, both poolings (with masks), seeding, validation, learning. */
class LstmTest {

  @Test
  void referenceCountAndOutputShape() {
    ComputationGraph net = Lstm.reference().network();
    // 4 * 128 * (40 + 129) = 86,528; 4 * 128 * (128 + 129) = 131,584; 129 * 8 = 1,032
    assertEquals(86_528 + 131_584 + 1_032, net.numParams());
    assertEquals(219_144, Lstm.reference().parameterCount());
    INDArray out = net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 3, 40, 94));
    assertArrayEquals(new long[] {3, 8}, out.shape());
    assertEquals(3.0, out.sumNumber().doubleValue(), 1e-5);
  }

  @Test
  void lastStepPoolingHasTheSameParametersAndShape() {
    Lstm last = Lstm.builder().features(7).layers(3).hidden(10).pooling(Lstm.Pooling.LAST).numClasses(4).build();
    long expected = 4 * 10 * (7 + 11) + 2 * 4 * 10 * (10 + 11) + 11 * 4;
    assertEquals(expected, last.parameterCount());
    ComputationGraph net = last.network();
    assertEquals(expected, net.numParams());
    assertArrayEquals(new long[] {2, 4}, net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 2, 7, 9)).shape());
  }

  /** A masked, zero-padded sequence gives the same output as the unpadded one, for both poolings. */
  @Test
  void masksMakePaddingInvisible() {
    for (Lstm.Pooling pooling : Lstm.Pooling.values()) {
      ComputationGraph net = Lstm.builder().features(3).layers(2).hidden(5).pooling(pooling).numClasses(3)
          .build().network();
      INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 6);
      INDArray padded = Nd4j.zeros(DataType.FLOAT, 1, 3, 9);
      padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(0, 6)).assign(x);
      INDArray mask = Nd4j.zeros(DataType.FLOAT, 1, 9);
      mask.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 6)).assign(1);
      INDArray plain = net.outputSingle(false, x);
      INDArray masked = net.output(false, new INDArray[] {padded}, new INDArray[] {mask})[0];
      INDArray unmasked = net.outputSingle(false, padded);
      assertTrue(plain.equalsWithEps(masked, 1e-5), pooling + ": " + plain + " vs " + masked);
      assertTrue(!plain.equalsWithEps(unmasked, 1e-5), pooling + ": padding should matter without a mask");
    }
  }

  /**
   * The network with DL4J's own {@code LSTM} layers (this class's code before {@code LstmLayer}):
   * the same seed gives the same function, for both poolings, with a masked batch, before and after
   * a few training steps (dropout 0).
   */
  @Test
  void sameSeedSameFunctionAsWithDl4jsLstm() {
    for (Lstm.Pooling pooling : Lstm.Pooling.values()) {
      Lstm description = Lstm.builder().features(4).layers(2).hidden(6).pooling(pooling).dropout(0).numClasses(3)
          .seed(7).build();
      ComputationGraph ours = description.network();
      ComputationGraph dl4j = new ComputationGraph(dl4jConfiguration(description));
      dl4j.init();
      assertEquals(dl4j.numParams(), ours.numParams());
      Nd4j.getRandom().setSeed(6);
      INDArray x = Nd4j.rand(DataType.FLOAT, 3, 4, 8).subi(0.5).muli(2);
      INDArray mask = Nd4j.ones(DataType.FLOAT, 3, 8);
      mask.get(NDArrayIndex.point(1), NDArrayIndex.interval(5, 8)).assign(0);
      mask.get(NDArrayIndex.point(2), NDArrayIndex.interval(2, 8)).assign(0);
      INDArray y = Nd4j.zeros(DataType.FLOAT, 3, 3);
      for (int i = 0; i < 3; i++) {
        y.putScalar(i, i, 1f);
      }
      DataSet batch = new DataSet(x, y, mask, null);
      for (int step = 0; step <= 5; step++) {
        INDArray a = dl4j.output(false, new INDArray[] {x}, new INDArray[] {mask})[0];
        INDArray b = ours.output(false, new INDArray[] {x}, new INDArray[] {mask})[0];
        assertTrue(a.equalsWithEps(b, 1e-5), pooling + " after " + step + " steps: " + a + " vs " + b);
        dl4j.fit(batch);
        ours.fit(batch);
      }
    }
  }

  /** Lstm's configuration with DL4J's built-in LSTM (its code before LstmLayer). */
  private static ComputationGraphConfiguration dl4jConfiguration(Lstm d) {
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
        .seed(d.seed()).updater(new Adam(d.learningRate())).weightInit(WeightInit.XAVIER)
        .graphBuilder().addInputs("input").setInputTypes(InputType.recurrent(d.features(), RNNFormat.NCW));
    String last = "input";
    int in = d.features();
    for (int i = 1; i <= d.layers(); i++) {
      LSTM lstm = new LSTM.Builder().nIn(in).nOut(d.hidden()).activation(Activation.TANH).build();
      boolean lastLayer = i == d.layers();
      g.addLayer("lstm" + i, lastLayer && d.pooling() == Lstm.Pooling.LAST ? new LastTimeStep(lstm) : lstm, last);
      last = "lstm" + i;
      in = d.hidden();
    }
    if (d.pooling() == Lstm.Pooling.MEAN) {
      g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
      last = "pool";
    }
    g.addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(d.hidden())
        .nOut(d.numClasses()).activation(Activation.SOFTMAX).build(), last).setOutputs("output");
    return g.build();
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    Lstm a = Lstm.builder().seed(3).hidden(8).build();
    assertEquals(a.network().params(), a.network().params());
    assertNotEquals(a.network().params(), a.toBuilder().seed(4).build().network().params());
  }

  @Test
  void badSizesAreRejectedByName() {
    assertRejects("features", () -> Lstm.builder().features(0));
    assertRejects("layers", () -> Lstm.builder().layers(9));
    assertRejects("hidden", () -> Lstm.builder().hidden(0));
    assertRejects("pooling", () -> Lstm.builder().pooling(null));
    assertRejects("dropout", () -> Lstm.builder().dropout(-0.1));
    assertRejects("numClasses", () -> Lstm.builder().numClasses(0));
    assertRejects("learningRate", () -> Lstm.builder().learningRate(2));
  }

  /** Which third of the sequence holds the tone (SequenceTaskData); chance 1/3. */
  @Test
  void learnsWhereInTimeTheToneIsWithMeanPooling() {
    learn(Lstm.Pooling.MEAN);
  }

  /** The same with the last step only: the LSTM must carry when the tone was to the end. */
  @Test
  void learnsWhereInTimeTheToneIsWithTheLastStep() {
    learn(Lstm.Pooling.LAST);
  }

  private static void learn(Lstm.Pooling pooling) {
    ComputationGraph net = Lstm.builder().features(4).layers(1).hidden(8).pooling(pooling).dropout(0)
        .numClasses(3).learningRate(2e-2).seed(1).build().network();
    DataSet train = SequenceTaskData.toneSegment(320, 4, 12, 3, 0.3, new Random(31));
    DataSet test = SequenceTaskData.toneSegment(300, 4, 12, 3, 0.3, new Random(32));
    double accuracy = SequenceTaskData.trainAndTest(net, train, test, 5, 32, "Lstm " + pooling + " tone position");
    assertTrue(accuracy >= 0.9, "test accuracy " + accuracy + " (chance 0.33)");
  }
}
