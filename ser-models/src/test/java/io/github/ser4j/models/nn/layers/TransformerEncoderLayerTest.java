package io.github.ser4j.models.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.Dl4jRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link TransformerEncoderLayer} against three independent truths: a textbook computation of
 * multi-head self-attention, residuals, layer norms and the ReLU feed-forward network written here
 * with plain double loops; PyTorch 1.13's {@code nn.TransformerEncoderLayer} (stored outputs of
 * {@code torch_encoder_layer.py} for random weights, with and without a key padding mask); and
 * DL4J's finite-difference gradient check in double precision (with and without dropout and masks),
 * which the SameDiff layers it replaces failed by a factor of 2. Also: PyTorch's parameter count,
 * dropout only in training and reproducible from the seed, JSON round trip, validation.
 */
class TransformerEncoderLayerTest {
  private static final int D = 8;
  private static final int HEADS = 2;
  private static final int FF = 12;

  private static ComputationGraph single(TransformerEncoderLayer layer, int d, DataType type) {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(type)
        .graphBuilder().addInputs("in").setInputTypes(InputType.recurrent(d))
        .addLayer("enc", layer, "in").setOutputs("enc").build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  /** Parameters in the layer's documented layout (x W, rows = inputs), random but reproducible. */
  private static Map<String, double[][]> randomParams(long seed) {
    return randomParams(seed, D, FF);
  }

  private static Map<String, double[][]> randomParams(long seed, int d, int ff) {
    Random rnd = new Random(seed);
    Map<String, double[][]> p = new LinkedHashMap<>();
    p.put(TransformerEncoderLayer.QKV_WEIGHT, gaussian(rnd, d, 3 * d, 0.5, 0));
    p.put(TransformerEncoderLayer.QKV_BIAS, gaussian(rnd, 1, 3 * d, 0.5, 0));
    p.put(TransformerEncoderLayer.OUT_WEIGHT, gaussian(rnd, d, d, 0.5, 0));
    p.put(TransformerEncoderLayer.OUT_BIAS, gaussian(rnd, 1, d, 0.5, 0));
    p.put(TransformerEncoderLayer.NORM1_GAIN, gaussian(rnd, 1, d, 0.3, 1));
    p.put(TransformerEncoderLayer.NORM1_BIAS, gaussian(rnd, 1, d, 0.3, 0));
    p.put(TransformerEncoderLayer.FF1_WEIGHT, gaussian(rnd, d, ff, 0.5, 0));
    p.put(TransformerEncoderLayer.FF1_BIAS, gaussian(rnd, 1, ff, 0.5, 0));
    p.put(TransformerEncoderLayer.FF2_WEIGHT, gaussian(rnd, ff, d, 0.5, 0));
    p.put(TransformerEncoderLayer.FF2_BIAS, gaussian(rnd, 1, d, 0.5, 0));
    p.put(TransformerEncoderLayer.NORM2_GAIN, gaussian(rnd, 1, d, 0.3, 1));
    p.put(TransformerEncoderLayer.NORM2_BIAS, gaussian(rnd, 1, d, 0.3, 0));
    return p;
  }

  private static double[][] gaussian(Random rnd, int rows, int cols, double sd, double mean) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      for (int j = 0; j < cols; j++) {
        row[j] = mean + sd * rnd.nextGaussian();
      }
    }
    return a;
  }

  private static void setParams(ComputationGraph net, Map<String, double[][]> params, DataType type) {
    Layer layer = net.getLayer("enc");
    for (Map.Entry<String, double[][]> e : params.entrySet()) {
      layer.setParam(e.getKey(), Nd4j.create(e.getValue()).castTo(type));
    }
  }

  /**
   * The textbook encoder layer, in double precision with loops, on {@code x [batch][d][time]}.
   *
   * @param mask {@code [batch][time]}, 1 = present, 0 = padding (never attended to); or null
   */
  static double[][][] textbook(double[][][] x, Map<String, double[][]> p, int heads, double[][] mask) {
    int batch = x.length;
    int d = x[0].length;
    int time = x[0][0].length;
    int dh = d / heads;
    double[][] wqkv = p.get(TransformerEncoderLayer.QKV_WEIGHT);
    double[] bqkv = p.get(TransformerEncoderLayer.QKV_BIAS)[0];
    double[][][] y = new double[batch][d][time];
    for (int b = 0; b < batch; b++) {
      double[][] rows = new double[time][d];
      for (int t = 0; t < time; t++) {
        for (int i = 0; i < d; i++) {
          rows[t][i] = x[b][i][t];
        }
      }
      double[][] qkv = affine(rows, wqkv, bqkv);
      double[][] attended = new double[time][d];
      for (int h = 0; h < heads; h++) {
        for (int t = 0; t < time; t++) {
          double[] score = new double[time];
          double max = Double.NEGATIVE_INFINITY;
          for (int s = 0; s < time; s++) {
            if (mask != null && mask[b][s] == 0) {
              continue;
            }
            double dot = 0;
            for (int j = h * dh; j < (h + 1) * dh; j++) {
              dot += qkv[t][j] * qkv[s][d + j];
            }
            score[s] = dot / Math.sqrt(dh);
            max = Math.max(max, score[s]);
          }
          double sum = 0;
          for (int s = 0; s < time; s++) {
            score[s] = mask != null && mask[b][s] == 0 ? 0 : Math.exp(score[s] - max);
            sum += score[s];
          }
          for (int s = 0; s < time; s++) {
            for (int j = h * dh; j < (h + 1) * dh; j++) {
              attended[t][j] += score[s] / sum * qkv[s][2 * d + j];
            }
          }
        }
      }
      double[][] a = affine(attended, p.get(TransformerEncoderLayer.OUT_WEIGHT),
          p.get(TransformerEncoderLayer.OUT_BIAS)[0]);
      double[][] h1 = layerNorm(add(rows, a), p.get(TransformerEncoderLayer.NORM1_GAIN)[0],
          p.get(TransformerEncoderLayer.NORM1_BIAS)[0]);
      double[][] hidden = affine(h1, p.get(TransformerEncoderLayer.FF1_WEIGHT), p.get(TransformerEncoderLayer.FF1_BIAS)[0]);
      for (double[] row : hidden) {
        for (int j = 0; j < row.length; j++) {
          row[j] = Math.max(0, row[j]);
        }
      }
      double[][] f = affine(hidden, p.get(TransformerEncoderLayer.FF2_WEIGHT), p.get(TransformerEncoderLayer.FF2_BIAS)[0]);
      double[][] out = layerNorm(add(h1, f), p.get(TransformerEncoderLayer.NORM2_GAIN)[0],
          p.get(TransformerEncoderLayer.NORM2_BIAS)[0]);
      for (int t = 0; t < time; t++) {
        for (int i = 0; i < d; i++) {
          y[b][i][t] = out[t][i];
        }
      }
    }
    return y;
  }

  private static double[][] affine(double[][] rows, double[][] w, double[] bias) {
    double[][] out = new double[rows.length][bias.length];
    for (int t = 0; t < rows.length; t++) {
      for (int j = 0; j < bias.length; j++) {
        double s = bias[j];
        for (int i = 0; i < w.length; i++) {
          s += rows[t][i] * w[i][j];
        }
        out[t][j] = s;
      }
    }
    return out;
  }

  private static double[][] add(double[][] a, double[][] b) {
    double[][] out = new double[a.length][a[0].length];
    for (int t = 0; t < a.length; t++) {
      for (int j = 0; j < a[0].length; j++) {
        out[t][j] = a[t][j] + b[t][j];
      }
    }
    return out;
  }

  private static double[][] layerNorm(double[][] z, double[] gain, double[] bias) {
    double[][] out = new double[z.length][z[0].length];
    for (int t = 0; t < z.length; t++) {
      int d = z[t].length;
      double mean = 0;
      for (double v : z[t]) {
        mean += v / d;
      }
      double var = 0;
      for (double v : z[t]) {
        var += (v - mean) * (v - mean) / d;
      }
      for (int j = 0; j < d; j++) {
        out[t][j] = (z[t][j] - mean) / Math.sqrt(var + 1e-5) * gain[j] + bias[j];
      }
    }
    return out;
  }

  private static double[][][] randomInput(int batch, int time, long seed) {
    Random rnd = new Random(seed);
    double[][][] x = new double[batch][D][time];
    for (double[][] example : x) {
      for (double[] row : example) {
        for (int t = 0; t < time; t++) {
          row[t] = 1.5 * rnd.nextGaussian();
        }
      }
    }
    return x;
  }

  private static void assertClose(double[][][] expected, INDArray actual, double tolerance, String what) {
    assertArrayEquals(new long[] {expected.length, expected[0].length, expected[0][0].length}, actual.shape());
    for (int b = 0; b < expected.length; b++) {
      for (int i = 0; i < expected[0].length; i++) {
        for (int t = 0; t < expected[0][0].length; t++) {
          assertEquals(expected[b][i][t], actual.getDouble(b, i, t), tolerance,
              what + ": b=" + b + " i=" + i + " t=" + t);
        }
      }
    }
  }

  @Test
  void forwardIsTheTextbookComputationInFloatAndDouble() {
    Map<String, double[][]> params = randomParams(3);
    double[][][] x = randomInput(3, 7, 4);
    double[][] mask = {{1, 1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 0, 0, 0}, {0, 1, 1, 0, 1, 1, 1}};
    double[][][] expected = textbook(x, params, HEADS, null);
    double[][][] expectedMasked = textbook(x, params, HEADS, mask);
    DataType before = Nd4j.dataType();
    try {
      for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
        Nd4j.setDefaultDataTypes(type, type);
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-10;
        // Dropout 0.3: the inference forward pass never drops.
        ComputationGraph net = single(new TransformerEncoderLayer(HEADS, FF, 0.3), D, type);
        setParams(net, params, type);
        INDArray in = Nd4j.create(x).castTo(type);
        assertClose(expected, net.outputSingle(false, in), tolerance, type + " unmasked");
        INDArray[] masked = net.output(false, new INDArray[] {in}, new INDArray[] {Nd4j.create(mask).castTo(type)});
        assertClose(expectedMasked, masked[0], tolerance, type + " masked");
      }
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  /** PyTorch's weights are {@code [out, in]}; the layer's are {@code [in, out]}. */
  @Test
  void equalsPyTorchsTransformerEncoderLayer() throws IOException {
    Map<String, double[]> torch = new HashMap<>();
    Map<String, int[]> shapes = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("torch_encoder_layer.txt")) {
      assertTrue(in != null, "torch_encoder_layer.txt missing");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split(" ");
        String[] dims = parts[1].split(",");
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
          shape[i] = Integer.parseInt(dims[i]);
        }
        double[] values = new double[parts.length - 2];
        for (int i = 0; i < values.length; i++) {
          values[i] = Double.parseDouble(parts[i + 2]);
        }
        torch.put(parts[0], values);
        shapes.put(parts[0], shape);
      }
    }
    Map<String, double[][]> params = new LinkedHashMap<>();
    params.put(TransformerEncoderLayer.QKV_WEIGHT, transposed(torch.get("in_proj_weight"), 3 * D, D));
    params.put(TransformerEncoderLayer.QKV_BIAS, new double[][] {torch.get("in_proj_bias")});
    params.put(TransformerEncoderLayer.OUT_WEIGHT, transposed(torch.get("out_proj_weight"), D, D));
    params.put(TransformerEncoderLayer.OUT_BIAS, new double[][] {torch.get("out_proj_bias")});
    params.put(TransformerEncoderLayer.NORM1_GAIN, new double[][] {torch.get("norm1_weight")});
    params.put(TransformerEncoderLayer.NORM1_BIAS, new double[][] {torch.get("norm1_bias")});
    params.put(TransformerEncoderLayer.FF1_WEIGHT, transposed(torch.get("linear1_weight"), FF, D));
    params.put(TransformerEncoderLayer.FF1_BIAS, new double[][] {torch.get("linear1_bias")});
    params.put(TransformerEncoderLayer.FF2_WEIGHT, transposed(torch.get("linear2_weight"), D, FF));
    params.put(TransformerEncoderLayer.FF2_BIAS, new double[][] {torch.get("linear2_bias")});
    params.put(TransformerEncoderLayer.NORM2_GAIN, new double[][] {torch.get("norm2_weight")});
    params.put(TransformerEncoderLayer.NORM2_BIAS, new double[][] {torch.get("norm2_bias")});
    int[] xs = shapes.get("x");
    int batch = xs[0];
    int time = xs[1];
    // PyTorch (batch_first): [batch, time, d]; DL4J NCW: [batch, d, time].
    INDArray x = Nd4j.create(torch.get("x"), new long[] {batch, time, D}, DataType.DOUBLE).permute(0, 2, 1).dup();
    INDArray y = Nd4j.create(torch.get("y"), new long[] {batch, time, D}, DataType.DOUBLE).permute(0, 2, 1);
    INDArray yMasked = Nd4j.create(torch.get("y_masked"), new long[] {batch, time, D}, DataType.DOUBLE)
        .permute(0, 2, 1);
    // PyTorch's padding mask is 1 for padding; DL4J's mask is 1 for present steps.
    INDArray mask = Nd4j.create(torch.get("key_padding_mask"), new long[] {batch, time}, DataType.DOUBLE).rsub(1);
    DataType before = Nd4j.dataType();
    try {
      for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
        Nd4j.setDefaultDataTypes(type, type);
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-10;
        ComputationGraph net = single(new TransformerEncoderLayer(HEADS, FF, 0.1), D, type);
        setParams(net, params, type);
        INDArray out = net.outputSingle(false, x.castTo(type)).castTo(DataType.DOUBLE);
        INDArray outMasked = net.output(false, new INDArray[] {x.castTo(type)},
            new INDArray[] {mask.castTo(type)})[0].castTo(DataType.DOUBLE);
        for (int b = 0; b < batch; b++) {
          for (int i = 0; i < D; i++) {
            for (int t = 0; t < time; t++) {
              assertEquals(y.getDouble(b, i, t), out.getDouble(b, i, t), tolerance, type + " b=" + b + " i=" + i + " t=" + t);
              assertEquals(yMasked.getDouble(b, i, t), outMasked.getDouble(b, i, t), tolerance,
                  type + " masked b=" + b + " i=" + i + " t=" + t);
            }
          }
        }
      }
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
    // The mask matters in this case (else the masked comparison would prove nothing).
    assertTrue(Math.abs(y.getDouble(1, 0, 0) - yMasked.getDouble(1, 0, 0)) > 1e-3);
  }

  private static double[][] transposed(double[] rowMajor, int rows, int cols) {
    double[][] t = new double[cols][rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c][r] = rowMajor[r * cols + c];
      }
    }
    return t;
  }

  @Test
  void parameterCountIsPyTorchs() {
    // PyTorch: sum(p.numel() for p in nn.TransformerEncoderLayer(64, 4, 128).parameters()) = 33,472.
    assertEquals(33_472, TransformerEncoderLayer.parameters(64, 128));
    ComputationGraph net = single(new TransformerEncoderLayer(4, 128, 0.1), 64, DataType.FLOAT);
    assertEquals(33_472, net.numParams());
    assertEquals(TransformerEncoderLayer.parameters(D, FF),
        single(new TransformerEncoderLayer(HEADS, FF, 0), D, DataType.FLOAT).numParams());
    // Biases start at 0, layer-norm gains at 1, weights are random.
    Layer layer = net.getLayer("enc");
    assertEquals(0, layer.getParam(TransformerEncoderLayer.QKV_BIAS).sumNumber().doubleValue());
    assertEquals(64, layer.getParam(TransformerEncoderLayer.NORM2_GAIN).sumNumber().doubleValue());
    assertTrue(layer.getParam(TransformerEncoderLayer.FF1_WEIGHT).std(Integer.MAX_VALUE).getDouble(0) > 0.05);
  }

  /**
   * Finite differences in double precision through input -> layer norm -> positional encoding ->
   * encoder layer -> mean over time -> softmax output: the parameters of all three layers (and, via
   * the layer norm before it, the gradient the encoder passes back), with a sequence mask, and with
   * dropout (the random generator reset before every pass, so the masks repeat).
   */
  @Test
  void gradientsPassDl4jsFiniteDifferenceCheck() {
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      for (double dropout : new double[] {0, 0.2}) {
        ComputationGraph net = gradientCheckNet(dropout);
        setParams(net, randomParams(11, 4, 6), DataType.DOUBLE);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 4, 5).muli(1.5);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 3, 3);
        for (int i = 0; i < 3; i++) {
          labels.putScalar(i, i, 1.0);
        }
        INDArray mask = Nd4j.create(new double[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}, {1, 0, 1, 1, 1}});
        // d = 4 (2 heads of 2), feed-forward 6: 177 parameters, each checked.
        for (INDArray m : new INDArray[] {null, mask}) {
          boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
              .inputs(new INDArray[] {x}).labels(new INDArray[] {labels})
              .inputMask(m == null ? null : new INDArray[] {m})
              .callEachIter(dropout > 0 ? g -> Nd4j.getRandom().setSeed(12345) : null)
              .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
          assertTrue(ok, "gradient check failed, dropout " + dropout + ", mask " + (m != null));
        }
      }
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  private static ComputationGraph gradientCheckNet(double dropout) {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
        .updater(new NoOp()).graphBuilder().addInputs("in").setInputTypes(InputType.recurrent(4))
        .addLayer("norm", new LayerNormalization(), "in")
        .addLayer("position", new PositionalEncoding(), "norm")
        .addLayer("enc", new TransformerEncoderLayer(2, 6, dropout), "position")
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "enc")
        .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(3)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("out").build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    // Gains away from 1 and biases away from 0, so that their gradients are checked at a general point.
    Random rnd = new Random(8);
    Layer norm = net.getLayer("norm");
    norm.setParam(LayerNormalization.GAIN, Nd4j.create(gaussian(rnd, 1, 4, 0.3, 1)));
    norm.setParam(LayerNormalization.BIAS, Nd4j.create(gaussian(rnd, 1, 4, 0.3, 0)));
    return net;
  }

  @Test
  void dropoutActsOnlyInTrainingAndRepeatsWithTheSeed() {
    ComputationGraph net = single(new TransformerEncoderLayer(HEADS, FF, 0.5), D, DataType.FLOAT);
    INDArray x = Nd4j.create(randomInput(2, 6, 9)).castTo(DataType.FLOAT);
    INDArray inference = net.outputSingle(false, x);
    assertEquals(inference, net.outputSingle(false, x));
    Nd4j.getRandom().setSeed(77);
    INDArray training = net.outputSingle(true, x);
    Nd4j.getRandom().setSeed(77);
    INDArray again = net.outputSingle(true, x);
    assertEquals(training, again);
    assertNotEquals(inference, training);
    Nd4j.getRandom().setSeed(78);
    assertNotEquals(training, net.outputSingle(true, x));
  }

  @Test
  void survivesAJsonRoundTrip() {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
        .addInputs("in").setInputTypes(InputType.recurrent(12, 7))
        .addLayer("enc", new TransformerEncoderLayer(3, 20, 0.25), "in").setOutputs("enc").build();
    String json = conf.toJson();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(json);
    assertEquals(conf, back);
    assertEquals(json, back.toJson());
    TransformerEncoderLayer layer = (TransformerEncoderLayer) ((LayerVertex) back.getVertices().get("enc"))
        .getLayerConf().getLayer();
    assertEquals(12, layer.getNIn());
    assertEquals(3, layer.getHeads());
    assertEquals(20, layer.getFeedForward());
    assertEquals(0.25, layer.getDropout());
    assertEquals(1e-5, layer.getEpsilon());
    ComputationGraph a = new ComputationGraph(conf);
    a.init();
    ComputationGraph b = new ComputationGraph(back);
    b.init();
    assertEquals(a.params(), b.params());
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 12, 7);
    assertEquals(a.outputSingle(false, x), b.outputSingle(false, x));
  }

  @Test
  void badSettingsAndInputsAreRejectedByName() {
    assertMessage("heads", () -> new TransformerEncoderLayer(0, 8, 0));
    assertMessage("feedForward", () -> new TransformerEncoderLayer(2, 0, 0));
    assertMessage("dropout", () -> new TransformerEncoderLayer(2, 8, 1));
    assertMessage("heads", () -> single(new TransformerEncoderLayer(3, 8, 0), 8, DataType.FLOAT));
    ModelException e = assertThrows(ModelException.class, () -> {
      Dl4jRuntime.prepare();
      new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in").setInputTypes(InputType.feedForward(8))
          .addLayer("enc", new TransformerEncoderLayer(2, 8, 0), "in").setOutputs("enc").build();
    });
    assertTrue(e.getMessage().contains("TransformerEncoderLayer input type"), e.getMessage());
    ComputationGraph net = single(new TransformerEncoderLayer(2, 8, 0), 8, DataType.FLOAT);
    e = assertThrows(ModelException.class, () -> net.outputSingle(false, Nd4j.rand(DataType.FLOAT, 2, 6, 5)));
    assertTrue(e.getMessage().contains("[batch, 8, time]"), e.getMessage());
  }

  private static void assertMessage(String name, Runnable call) {
    ModelException e = assertThrows(ModelException.class, call::run);
    assertTrue(e.getMessage().startsWith(name + " = "), e.getMessage());
  }
}
