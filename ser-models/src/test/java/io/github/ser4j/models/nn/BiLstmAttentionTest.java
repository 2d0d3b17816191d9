package io.github.ser4j.models.nn;

import static io.github.ser4j.models.nn.SequenceTaskData.assertRejects;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.learning.config.Adam;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Shapes, parameter counts, the attention vertex's maths and gradients, seeding, validation, learning. */
class BiLstmAttentionTest {

  @Test
  void referenceCountAndOutputShape() {
    BiLstmAttention ref = BiLstmAttention.reference();
    ComputationGraph net = ref.network();
    // Per layer and direction 4 * 64 * (in + 64 + 1): (40 -> 26,880, 128 -> 49,408) x 2 directions
    // = 152,576; attention scorer 128 (no bias); output 128 * 8 + 8 = 1,032.
    assertEquals(152_576 + 128 + 1_032, net.numParams());
    assertEquals(153_736, ref.parameterCount());
    // The PyTorch peer (two biases per gate, mean pooling): 154,632 = 153,736 + 4 * 256 - 128.
    assertEquals(154_632, ref.parameterCount() + 4 * 256 - 128);
    INDArray out = net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 3, 40, 94));
    assertArrayEquals(new long[] {3, 8}, out.shape());
    for (int i = 0; i < 3; i++) {
      assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-5);
    }
  }

  @Test
  void parameterCountFollowsTheSizes() {
    BiLstmAttention net = BiLstmAttention.builder().features(13).layers(3).hidden(20).numClasses(5).build();
    // 2 * 80 * (13 + 21) + 2 * 2 * 80 * (40 + 21) + 40 + 41 * 5
    long expected = 2 * 80 * 34 + 2 * 2 * 80 * 61 + 40 + 41 * 5;
    assertEquals(expected, net.parameterCount());
    assertEquals(expected, net.network().numParams());
  }

  /** The pooled vector is the softmax-weighted sum of the steps, computed here by hand. */
  @Test
  void attentionPoolingIsTheSoftmaxWeightedSumOverTime() {
    ComputationGraph net = poolingOnlyGraph(DataType.FLOAT);
    INDArray w = net.getParam("attention_score_W"); // [1, channels, 1, 1] or similar: one weight per channel
    w.assign(Nd4j.createFromArray(0.5f, -1f, 2f).reshape(w.shape()));
    float[][] h = {{1, 2, 3, 4}, {0, 1, 0, -1}, {2, 0, 1, 1}};
    INDArray x = Nd4j.create(new float[][][] {h});
    INDArray pooled = net.feedForward(new INDArray[] {x}, false).get("attention_pool");
    double[] s = new double[4];
    double z = 0;
    for (int t = 0; t < 4; t++) {
      s[t] = Math.exp(0.5 * h[0][t] - h[1][t] + 2 * h[2][t]);
      z += s[t];
    }
    for (int c = 0; c < 3; c++) {
      double expected = 0;
      for (int t = 0; t < 4; t++) {
        expected += s[t] / z * h[c][t];
      }
      assertEquals(expected, pooled.getDouble(0, c), 1e-5, "channel " + c);
    }
  }

  /** The hand-written backward pass agrees with central differences (double precision, no updater). */
  @Test
  void attentionPoolingGradientsMatchNumericalGradients() {
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      ComputationGraph net = poolingOnlyGraph(DataType.DOUBLE);
      Nd4j.getRandom().setSeed(5);
      INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 3, 6).subi(0.5).muli(3);
      INDArray y = Nd4j.zeros(DataType.DOUBLE, 4, 2);
      for (int i = 0; i < 4; i++) {
        y.putScalar(i, i % 2, 1.0);
      }
      boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
          .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
          .minAbsoluteError(1e-9));
      assertTrue(ok, "gradient check of the attention pooling failed");
      // and through the whole network, LSTMs included (no dropout)
      ComputationGraphConfiguration conf = BiLstmAttention.builder().features(3).layers(1).hidden(2)
          .dropout(0).numClasses(2).build().configuration();
      for (GraphVertex v : conf.getVertices().values()) {
        if (v instanceof LayerVertex) {
          ((BaseLayer) ((LayerVertex) v).getLayerConf().getLayer()).setIUpdater(new NoOp());
        }
      }
      conf.setDataType(DataType.DOUBLE);
      ComputationGraph full = new ComputationGraph(conf);
      full.init();
      assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(full)
          .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-4)
          .minAbsoluteError(1e-8)), "gradient check of BiLSTM + attention failed");
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  /** A graph of just the scorer, the pooling vertex and an output layer, on 3-channel sequences. */
  private static ComputationGraph poolingOnlyGraph(DataType type) {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(type)
        .updater(new NoOp()).graphBuilder().addInputs("input")
        .setInputTypes(InputType.recurrent(3, RNNFormat.NCW))
        .addLayer("attention_score", new Convolution1DLayer.Builder().kernelSize(1).nIn(3).nOut(1)
            .hasBias(false).activation(Activation.IDENTITY).rnnDataFormat(RNNFormat.NCW).build(), "input")
        .addVertex("attention_pool", new SoftmaxTimePoolingVertex(), "input", "attention_score")
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
            .activation(Activation.SOFTMAX).build(), "attention_pool")
        .setOutputs("output").build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  /**
   * The network with DL4J's own {@code Bidirectional(CONCAT, LSTM)} layers, built the way this
   * class built it before it had {@code LstmLayer}: the same seed gives the same function (our layer
   * replays DL4J's initialisation), before and after a few training steps (dropout 0).
   */
  @Test
  void sameSeedSameFunctionAsWithDl4jsBidirectionalLstm() {
    BiLstmAttention description = BiLstmAttention.builder().features(6).layers(2).hidden(5).dropout(0)
        .numClasses(3).seed(9).build();
    ComputationGraph ours = description.network();
    ComputationGraph dl4j = new ComputationGraph(dl4jConfiguration(description));
    dl4j.init();
    assertEquals(dl4j.numParams(), ours.numParams());
    Nd4j.getRandom().setSeed(4);
    INDArray x = Nd4j.rand(DataType.FLOAT, 4, 6, 9).subi(0.5).muli(2);
    assertTrue(dl4j.outputSingle(false, x).equalsWithEps(ours.outputSingle(false, x), 1e-5));
    INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 3);
    for (int i = 0; i < 4; i++) {
      y.putScalar(i, i % 3, 1f);
    }
    for (int step = 0; step < 5; step++) {
      dl4j.fit(new DataSet(x, y));
      ours.fit(new DataSet(x, y));
    }
    INDArray a = dl4j.outputSingle(false, x);
    INDArray b = ours.outputSingle(false, x);
    assertTrue(a.equalsWithEps(b, 1e-5), a + " vs " + b);
  }

  /** BiLstmAttention's configuration with DL4J's built-in layers (its code before LstmLayer). */
  private static ComputationGraphConfiguration dl4jConfiguration(BiLstmAttention d) {
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
        .seed(d.seed()).updater(new Adam(d.learningRate())).weightInit(WeightInit.XAVIER)
        .graphBuilder().addInputs("input").setInputTypes(InputType.recurrent(d.features(), RNNFormat.NCW));
    String last = "input";
    int in = d.features();
    for (int i = 1; i <= d.layers(); i++) {
      LSTM.Builder lstm = new LSTM.Builder().nIn(in).nOut(d.hidden()).activation(Activation.TANH);
      if (i > 1 && d.dropout() > 0) {
        lstm.dropOut(new Dropout(1 - d.dropout()));
      }
      g.addLayer("lstm" + i, new Bidirectional(Bidirectional.Mode.CONCAT, lstm.build()), last);
      last = "lstm" + i;
      in = 2 * d.hidden();
    }
    g.addLayer("attention_score", new Convolution1DLayer.Builder().kernelSize(1).nIn(in).nOut(1)
        .hasBias(false).activation(Activation.IDENTITY).rnnDataFormat(RNNFormat.NCW).build(), last);
    g.addVertex("attention_pool", new SoftmaxTimePoolingVertex(), last, "attention_score");
    g.addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(d.numClasses())
        .activation(Activation.SOFTMAX).build(), "attention_pool").setOutputs("output");
    return g.build();
  }

  @Test
  void savedAndRestoredNetworkGivesTheSameOutput() throws IOException {
    ComputationGraph net = BiLstmAttention.builder().features(5).hidden(4).numClasses(3).build().network();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(net, bytes, false);
    ComputationGraph back = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()));
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 5, 7);
    assertEquals(net.outputSingle(false, x), back.outputSingle(false, x));
    assertEquals(net.getConfiguration(), back.getConfiguration());
  }

  @Test
  void masksAreRejectedClearly() {
    ComputationGraph net = BiLstmAttention.builder().features(2).hidden(3).numClasses(2).build().network();
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 2, 5);
    INDArray mask = Nd4j.ones(DataType.FLOAT, 2, 5);
    ModelException e = assertThrows(ModelException.class,
        () -> net.output(false, new INDArray[] {x}, new INDArray[] {mask}));
    assertTrue(e.getMessage().contains("mask"), e.getMessage());
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    BiLstmAttention a = BiLstmAttention.builder().seed(3).hidden(8).build();
    assertEquals(a.network().params(), a.network().params());
    assertNotEquals(a.network().params(), a.toBuilder().seed(4).build().network().params());
  }

  @Test
  void badSizesAreRejectedByName() {
    assertRejects("features", () -> BiLstmAttention.builder().features(0));
    assertRejects("layers", () -> BiLstmAttention.builder().layers(0));
    assertRejects("hidden", () -> BiLstmAttention.builder().hidden(-1));
    assertRejects("dropout", () -> BiLstmAttention.builder().dropout(1.0));
    assertRejects("numClasses", () -> BiLstmAttention.builder().numClasses(1));
    assertRejects("learningRate", () -> BiLstmAttention.builder().learningRate(0));
  }

  /**
   * Three classes: which third of a 12-step sequence holds a 2-step tone (SequenceTaskData): only
   * the tone's position in time separates them. Chance is 1/3.
   */
  @Test
  void learnsWhereInTimeTheToneIs() {
    ComputationGraph net = BiLstmAttention.builder().features(4).layers(1).hidden(12).dropout(0)
        .numClasses(3).learningRate(2e-2).seed(1).build().network();
    DataSet train = SequenceTaskData.toneSegment(480, 4, 12, 3, 0.3, new Random(21));
    DataSet test = SequenceTaskData.toneSegment(300, 4, 12, 3, 0.3, new Random(22));
    double accuracy = SequenceTaskData.trainAndTest(net, train, test, 6, 32, "BiLstmAttention tone position");
    assertTrue(accuracy >= 0.9, "test accuracy " + accuracy + " (chance 0.33)");
  }
}
