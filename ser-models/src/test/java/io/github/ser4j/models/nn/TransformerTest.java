package io.github.ser4j.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import java.io.File;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plain transformer: shapes and parameter counts (PyTorch's), validation, a bit-exact
 * ModelSerializer round trip (custom layers and Adam state included), training with dropout
 * reproducible from the seed, and learning a task that only the positional encoding makes
 * solvable. (The layers' exact forward and backward passes: layers.TransformerEncoderLayerTest
 * and layers.CustomLayersTest.)
 */
class TransformerTest {

  @Test
  void referenceShapeAndParameterCount() {
    Transformer reference = Transformer.reference();
    ComputationGraph net = reference.network();
    // 40*64+64 projection; per block (PyTorch's nn.TransformerEncoderLayer(64, 4, 128)) 4*64^2+4*64
    // attention + 2*64*128+128+64 feed-forward + 4*64 layer norms = 33,472; 64*8+8 output.
    assertEquals(2_624 + 2 * 33_472 + 520, net.numParams());
    assertEquals(70_088, reference.parameterCount());
    assertEquals(net.numParams(), reference.parameterCount());
    INDArray out = net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 3, 40, 94));
    assertArrayEquals(new long[] {3, 8}, out.shape());
    for (int i = 0; i < 3; i++) {
      assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-5);
    }
    // Any number of frames.
    assertArrayEquals(new long[] {2, 8}, net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 2, 40, 17)).shape());
  }

  @Test
  void badSizesAreRejectedByName() {
    assertMessage("heads", () -> Transformer.builder().modelDim(30).heads(4).build());
    assertMessage("dropout", () -> Transformer.builder().dropout(1));
    assertMessage("blocks", () -> Transformer.builder().blocks(0));
    assertMessage("features", () -> Transformer.builder().features(0));
    assertMessage("numClasses", () -> Transformer.builder().numClasses(1));
  }

  @Test
  void sameSeedSameWeights() {
    Transformer t = small(5);
    assertEquals(t.network().params(), t.network().params());
    assertTrue(!t.network().params().equals(small(6).network().params()));
  }

  @Test
  void modelSerializerRoundTripIsBitExact(@TempDir Path dir) throws Exception {
    ComputationGraph net = small(3).toBuilder().dropout(0.1).build().network();
    DataSet data = pulses(64, new Random(1));
    net.fit(data);
    net.fit(data);
    File file = dir.resolve("transformer.zip").toFile();
    ModelSerializer.writeModel(net, file, true);
    ComputationGraph back = ModelSerializer.restoreComputationGraph(file, true);
    assertEquals(net.getConfiguration(), back.getConfiguration());
    assertEquals(net.params(), back.params());
    assertEquals(net.getUpdater().getStateViewArray(), back.getUpdater().getStateViewArray());
    assertEquals(net.outputSingle(false, data.getFeatures()), back.outputSingle(false, data.getFeatures()));
  }

  @Test
  void trainingWithDropoutRepeatsWithTheSeed() {
    Transformer t = small(4).toBuilder().dropout(0.3).build();
    DataSet data = pulses(32, new Random(2));
    INDArray[] params = new INDArray[2];
    for (int run = 0; run < 2; run++) {
      ComputationGraph net = t.network();
      for (int i = 0; i < 3; i++) {
        net.fit(data);
      }
      params[run] = net.params().dup();
    }
    assertEquals(params[0], params[1]);
    ComputationGraph other = small(4).toBuilder().dropout(0.3).seed(5).build().network();
    other.fit(data);
    assertTrue(!other.params().equals(params[0]));
  }

  /**
   * Four classes: in which quarter of a 16-frame sequence a pulse occurs (all 8 features raised by 1
   * at one random frame of that quarter, over unit-free noise of sd 0.3). Self-attention is
   * permutation-equivariant and the mean over time is permutation-invariant, so without the
   * positional encoding every ordering of the frames gives the same output: the task is solvable
   * only through the encoding. Chance is 25 %.
   */
  @Test
  void learnsWhereInTimeThePulseIs() {
    ComputationGraph net = small(1).network();
    DataSet train = pulses(512, new Random(11));
    DataSet test = pulses(256, new Random(12));
    long t0 = System.nanoTime();
    for (int epoch = 0; epoch < 5; epoch++) {
      train.shuffle(epoch);
      for (DataSet batch : train.batchBy(32)) {
        net.fit(batch);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double accuracy = accuracy(net, test);
    System.out.printf("pulse-position task: test accuracy %.3f after %.1f s of training%n", accuracy, seconds);
    assertTrue(accuracy >= 0.9, "test accuracy " + accuracy + " (chance 0.25)");
  }

  private static Transformer small(long seed) {
    return Transformer.builder().features(8).modelDim(16).heads(2).feedForward(32).blocks(1).dropout(0)
        .numClasses(4).learningRate(1e-2).seed(seed).build();
  }

  static double accuracy(ComputationGraph net, DataSet test) {
    INDArray predicted = net.outputSingle(false, test.getFeatures()).argMax(1);
    INDArray truth = test.getLabels().argMax(1);
    return predicted.eq(truth).castTo(DataType.INT).sumNumber().doubleValue() / truth.length();
  }

  private static DataSet pulses(int n, Random rnd) {
    int features = 8;
    int time = 16;
    float[][][] x = new float[n][features][time];
    float[][] y = new float[n][4];
    for (int i = 0; i < n; i++) {
      int quarter = rnd.nextInt(4);
      int at = quarter * (time / 4) + rnd.nextInt(time / 4);
      for (int f = 0; f < features; f++) {
        for (int t = 0; t < time; t++) {
          x[i][f][t] = (float) (0.3 * rnd.nextGaussian()) + (t == at ? 1f : 0f);
        }
      }
      y[i][quarter] = 1f;
    }
    return new DataSet(Nd4j.create(x), Nd4j.create(y));
  }

  private static void assertMessage(String name, Runnable call) {
    ModelException e = assertThrows(ModelException.class, call::run);
    assertTrue(e.getMessage().startsWith(name + " = "), e.getMessage());
  }
}
