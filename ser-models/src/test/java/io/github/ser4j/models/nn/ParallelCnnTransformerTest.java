package io.github.ser4j.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Shapes and parameter counts against PyTorch, validation, and learning a synthetic task. */
class ParallelCnnTransformerTest {

  @Test
  void referenceCountsAgainstPyTorchAndOutputShape() {
    ParallelCnnTransformer reference = ParallelCnnTransformer.reference();
    ComputationGraph net = reference.network();
    // PyTorch (torch_peer.txt): 134,600 trainable parameters, the encoder layer's attention biases included.
    assertEquals(134_600, reference.trainableParameterCount());
    // numParams() also holds the batch norms' running mean and variance: 2 x 2 x (16 + 32 + 64).
    assertEquals(134_600 + 448, net.numParams());
    INDArray out = net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 2, 1, 64, 94));
    assertArrayEquals(new long[] {2, 8}, out.shape());
    for (int i = 0; i < 2; i++) {
      assertEquals(1.0, out.getRow(i).sumNumber().doubleValue(), 1e-5);
    }
    assertEquals(64 + 64 + 64, net.getLayer("hidden").getParam("W").rows());
    // The positional encoding has no parameters.
    assertEquals(net.numParams(), reference.toBuilder().positionalEncoding(false).build().network().numParams());
  }

  @Test
  void badSizesAreRejectedByName() {
    assertMessage("heads", () -> ParallelCnnTransformer.builder().heads(3).build());
    assertMessage("frames", () -> ParallelCnnTransformer.builder().input(64, 7).build());
    assertMessage("branchKernels", () -> ParallelCnnTransformer.builder().branches(new int[] {4}, new int[] {8}));
    assertMessage("branchChannels", () -> ParallelCnnTransformer.builder().branches(new int[] {3}, new int[0]));
    assertMessage("hidden", () -> ParallelCnnTransformer.builder().hidden(0));
  }

  /**
   * Four classes: which quadrant of a 16 x 16 mel/time plane holds a bright 3 x 3 blob, at a random
   * place inside it, over noise of sd 1/3 (SmallResNetTest's task). Chance is 25 %.
   */
  @Test
  void learnsWhichQuadrantHoldsTheBlob() {
    ParallelCnnTransformer small = ParallelCnnTransformer.builder().input(16, 16)
        .branches(new int[] {3, 5}, new int[] {8, 16, 16}).heads(2).feedForward(32).dropout(0).hidden(16)
        .numClasses(4).learningRate(5e-3).seed(1).build();
    ComputationGraph net = small.network();
    assertEquals(small.trainableParameterCount() + 2 * 2 * (8 + 16 + 16), net.numParams());
    DataSet train = quadrantBlobs(384, 16, 16, new Random(11));
    DataSet test = quadrantBlobs(256, 16, 16, new Random(12));
    long t0 = System.nanoTime();
    for (int epoch = 0; epoch < 3; epoch++) {
      train.shuffle(epoch);
      for (DataSet batch : train.batchBy(32)) {
        net.fit(batch);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double accuracy = TransformerTest.accuracy(net, test);
    System.out.printf("parallel CNN + transformer, quadrant task: test accuracy %.3f after %.1f s%n",
        accuracy, seconds);
    assertTrue(accuracy >= 0.95, "test accuracy " + accuracy + " (chance 0.25)");
  }

  private static DataSet quadrantBlobs(int n, int h, int w, Random rnd) {
    float[][][][] x = new float[n][1][h][w];
    float[][] y = new float[n][4];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          x[i][0][r][c] = (float) (rnd.nextGaussian() / 3);
        }
      }
      int quadrant = rnd.nextInt(4);
      int r0 = (quadrant / 2) * (h / 2) + rnd.nextInt(h / 2 - 2);
      int c0 = (quadrant % 2) * (w / 2) + rnd.nextInt(w / 2 - 2);
      for (int r = r0; r < r0 + 3; r++) {
        for (int c = c0; c < c0 + 3; c++) {
          x[i][0][r][c] += 1f;
        }
      }
      y[i][quadrant] = 1f;
    }
    return new DataSet(Nd4j.create(x), Nd4j.create(y));
  }

  private static void assertMessage(String name, Runnable call) {
    ModelException e = assertThrows(ModelException.class, call::run);
    assertTrue(e.getMessage().startsWith(name + " = "), e.getMessage());
  }
}
