package io.github.ser4j.models.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.Dl4jRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link LstmLayer} against independent truths: DL4J's own {@code LSTM} and
 * {@code Bidirectional(CONCAT, LSTM)} with the same weights (outputs, parameter gradients and the
 * input gradient; the same initialisation for a seed), DL4J's finite-difference gradient check in
 * double precision (with and without masks), and bit-exact JSON and ModelSerializer round trips.
 */
class LstmLayerTest {
  private static final int N_IN = 5;
  private static final int HIDDEN = 4;
  private static final int BATCH = 3;
  private static final int TIME = 7;

  private static ComputationGraph single(Layer layer, DataType type, long seed) {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).dataType(type)
        .weightInit(WeightInit.XAVIER).updater(new NoOp()).graphBuilder().addInputs("in")
        .setInputTypes(InputType.recurrent(N_IN, RNNFormat.NCW))
        .addLayer("l", layer, "in").setOutputs("l").build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    net.initGradientsView();
    return net;
  }

  private static Layer dl4j(boolean bidirectional) {
    LSTM lstm = new LSTM.Builder().nIn(N_IN).nOut(HIDDEN).activation(Activation.TANH).build();
    return bidirectional ? new Bidirectional(Bidirectional.Mode.CONCAT, lstm) : lstm;
  }

  private static LstmLayer ours(boolean bidirectional) {
    return new LstmLayer.Builder().bidirectional(bidirectional).nIn(N_IN).nOut(HIDDEN)
        .activation(Activation.TANH).build();
  }

  /** DL4J's parameter (or gradient) name prefixes, one per direction. */
  private static String[] prefixes(boolean bidirectional) {
    return bidirectional ? new String[] {"f", "b"} : new String[] {""};
  }

  /** DL4J's parameters or gradients ({@code get(name)}), moved into our layout. */
  private static Map<String, INDArray> toOurLayout(java.util.function.Function<String, INDArray> get,
      LstmLayer conf, DataType type) {
    long dirs = conf.directions();
    INDArray w = Nd4j.create(type, dirs, N_IN, 4 * HIDDEN);
    INDArray rw = Nd4j.create(type, dirs, HIDDEN, 4 * HIDDEN);
    INDArray b = Nd4j.create(type, dirs, 4 * HIDDEN);
    String[] p = prefixes(conf.isBidirectional());
    for (int d = 0; d < dirs; d++) {
      LstmParamInitializer.fromDl4jGateOrder(get.apply(p[d] + "W"), w.get(NDArrayIndex.point(d)), HIDDEN);
      LstmParamInitializer.fromDl4jGateOrder(get.apply(p[d] + "RW"), rw.get(NDArrayIndex.point(d)), HIDDEN);
      LstmParamInitializer.fromDl4jGateOrder(get.apply(p[d] + "b").reshape(1, 4 * HIDDEN),
          b.get(NDArrayIndex.point(d)), HIDDEN);
    }
    return Map.of("W", conf.isBidirectional() ? w : w.reshape(N_IN, 4 * HIDDEN),
        "RW", conf.isBidirectional() ? rw : rw.reshape(HIDDEN, 4 * HIDDEN),
        "b", conf.isBidirectional() ? b : b.reshape(4 * HIDDEN));
  }

  /** Rows of lengths 7, 5 and 2: padding at the end. */
  private static INDArray mask(DataType type) {
    INDArray m = Nd4j.zeros(type, BATCH, TIME);
    int[] lengths = {7, 5, 2};
    for (int e = 0; e < BATCH; e++) {
      for (int t = 0; t < lengths[e]; t++) {
        m.putScalar(e, t, 1);
      }
    }
    return m;
  }

  private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
    double diff = expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    assertTrue(diff <= tolerance, what + ": max difference " + diff + " > " + tolerance);
  }

  private static void withType(DataType type, Runnable body) {
    DataType before = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(type, type);
    try {
      body.run();
    } finally {
      Nd4j.setDefaultDataTypes(before, before);
    }
  }

  /** The same seed draws the same initial weights as DL4J's layer, stored in our gate order. */
  @Test
  void initialisationReplaysDl4jsLstm() {
    for (boolean bi : new boolean[] {false, true}) {
      ComputationGraph reference = single(dl4j(bi), DataType.FLOAT, 17);
      ComputationGraph net = single(ours(bi), DataType.FLOAT, 17);
      assertEquals(reference.numParams(), net.numParams(), "parameter count");
      LstmLayer conf = (LstmLayer) net.getLayer("l").conf().getLayer();
      Map<String, INDArray> expected = toOurLayout(k -> reference.getParam("l_" + k), conf, DataType.FLOAT);
      for (String k : new String[] {"W", "RW", "b"}) {
        assertEquals(expected.get(k), net.getParam("l_" + k), "bidirectional=" + bi + " " + k);
      }
      // forget-gate biases 1, the others 0 (DL4J's default)
      INDArray b = net.getParam("l_b").reshape(conf.directions(), 4 * HIDDEN);
      assertEquals(conf.directions() * HIDDEN, b.sumNumber().doubleValue(), 0.0);
    }
  }

  /**
   * The native loops run with ND4J's master-thread limit at one, and the limit is restored afterwards,
   * also after a failure and when sections nest (checked on a stand-in environment: ND4J's real limits
   * cannot be raised above their start value, which is 1 in these tests).
   */
  @Test
  void nativeLoopsRunOnOneThreadAndRestoreTheLimit() {
    int[] limit = {4};
    org.nd4j.linalg.factory.Environment env = (org.nd4j.linalg.factory.Environment) java.lang.reflect.Proxy
        .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.nd4j.linalg.factory.Environment.class},
            (proxy, method, args) -> {
              if (method.getName().equals("maxMasterThreads")) {
                return limit[0];
              }
              if (method.getName().equals("setMaxMasterThreads")) {
                limit[0] = (Integer) args[0];
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
    int[] seen = new int[2];
    LstmLayerImpl.onOneThread(env, () -> {
      seen[0] = limit[0];
      LstmLayerImpl.onOneThread(env, () -> seen[1] = limit[0]);
      assertEquals(1, limit[0], "still one thread after a nested section");
    });
    assertArrayEquals(new int[] {1, 1}, seen, "limit inside the sections");
    assertEquals(4, limit[0], "limit restored");
    assertThrows(IllegalStateException.class, () -> LstmLayerImpl.onOneThread(env, () -> {
      throw new IllegalStateException("op failed");
    }));
    assertEquals(4, limit[0], "limit restored after a failure");
  }

  @Test
  void outputsAndGradientsEqualDl4jsLayersInFloat() {
    withType(DataType.FLOAT, () -> compareWithDl4j(DataType.FLOAT, 1e-5));
  }

  @Test
  void outputsAndGradientsEqualDl4jsLayersInDouble() {
    withType(DataType.DOUBLE, () -> compareWithDl4j(DataType.DOUBLE, 1e-10));
  }

  private static void compareWithDl4j(DataType type, double tolerance) {
    for (boolean bi : new boolean[] {false, true}) {
      for (boolean masked : new boolean[] {false, true}) {
        String what = (bi ? "bidirectional" : "unidirectional") + (masked ? ", masked" : "");
        ComputationGraph reference = single(dl4j(bi), type, 3);
        ComputationGraph net = single(ours(bi), type, 4);
        Nd4j.getRandom().setSeed(11);
        reference.params().assign(Nd4j.rand(type, reference.params().shape()).subi(0.5).muli(1.6));
        LstmLayer conf = (LstmLayer) net.getLayer("l").conf().getLayer();
        Map<String, INDArray> mapped = toOurLayout(k -> reference.getParam("l_" + k), conf, type);
        for (String k : mapped.keySet()) {
          net.getParam("l_" + k).assign(mapped.get(k));
        }
        INDArray x = Nd4j.rand(type, BATCH, N_IN, TIME).subi(0.5).muli(2);
        INDArray mask = masked ? mask(type) : null;
        // Through the layers themselves: in a ComputationGraph, DL4J's LSTM and Bidirectional never
        // receive the input mask (their feedForwardMaskArray does not keep it; Bidirectional's backward
        // direction then starts on the padding), so only the layer API shows DL4J's masked function.
        INDArray expected = infer(reference, x, mask);
        INDArray actual = infer(net, x, mask);
        // In a graph our layer does receive and honour the mask: the same function.
        INDArray inGraph = net.output(false, new INDArray[] {x}, mask == null ? null : new INDArray[] {mask})[0];
        assertClose(expected, inGraph, tolerance, what + ": output in a graph");
        if (mask == null) {
          assertClose(reference.outputSingle(false, x), inGraph, tolerance, what + ": DL4J's output in a graph");
        }
        assertClose(expected, actual, tolerance, what + ": output");
        if (masked) {
          // outputs at padded steps are exactly 0, as DL4J's
          assertEquals(0.0, actual.get(NDArrayIndex.point(2),
              NDArrayIndex.all(),
              NDArrayIndex.interval(2, TIME)).amaxNumber().doubleValue(), 0.0);
        }

        INDArray epsilon = Nd4j.rand(type, expected.shape()).subi(0.5);
        if (masked) {
          epsilon.muli(Nd4j.expandDims(mask, 1)); // what a masked loss sends back
        }
        Pair<Gradient, INDArray> ref = backprop(reference, x, mask, epsilon);
        Pair<Gradient, INDArray> ourGradients = backprop(net, x, mask, epsilon);
        if (masked && bi) {
          // DL4J 1.0.0-M2.1's Bidirectional(LSTM) returns gradients from padded steps, which do not
          // influence the output (its backward direction masks deltas only partly): there the
          // finite-difference check (maskedGradientsPassFiniteDifferences) is the truth. Elsewhere
          // the two agree: the forward direction's parameters and the input gradient on real steps.
          assertPaddedStepsEqual(ref.getSecond(), ourGradients.getSecond(), mask, tolerance, what);
          for (String k : new String[] {"W", "RW", "b"}) {
            INDArray expectedForward = toOurLayout(n -> ref.getFirst().getGradientFor(n), conf, type).get(k)
                .get(NDArrayIndex.point(0));
            assertClose(expectedForward, ourGradients.getFirst().getGradientFor(k)
                .get(NDArrayIndex.point(0)), tolerance, what + ": forward d" + k);
          }
          continue;
        }
        assertClose(ref.getSecond(), ourGradients.getSecond(), tolerance, what + ": input gradient");
        Map<String, INDArray> expectedGradients = toOurLayout(k -> ref.getFirst().getGradientFor(k), conf, type);
        for (String k : new String[] {"W", "RW", "b"}) {
          assertClose(expectedGradients.get(k), ourGradients.getFirst().getGradientFor(k), tolerance, what + ": d" + k);
        }
      }
    }
  }

  /** Input gradients on the real (unpadded) steps agree; ours is 0 on padded steps. */
  private static void assertPaddedStepsEqual(INDArray dl4j, INDArray ours, INDArray mask, double tolerance,
      String what) {
    INDArray m = Nd4j.expandDims(mask, 1).castTo(dl4j.dataType());
    assertClose(dl4j.mul(m), ours, tolerance, what + ": input gradient on real steps");
  }

  private static INDArray infer(ComputationGraph net, INDArray x, INDArray mask) {
    org.deeplearning4j.nn.api.Layer layer = net.getLayer("l");
    LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
    layer.setInput(x, mgr);
    layer.setMaskArray(mask);
    INDArray out = layer.activate(false, mgr).dup();
    layer.setMaskArray(null);
    return out;
  }

  private static Pair<Gradient, INDArray> backprop(ComputationGraph net, INDArray x, INDArray mask, INDArray epsilon) {
    org.deeplearning4j.nn.api.Layer layer = net.getLayer("l");
    LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
    layer.setInput(x, mgr);
    layer.setMaskArray(mask);
    layer.activate(true, mgr);
    Pair<Gradient, INDArray> p = layer.backpropGradient(epsilon, mgr);
    Gradient g = p.getFirst();
    for (Map.Entry<String, INDArray> e : g.gradientForVariable().entrySet()) {
      e.setValue(e.getValue().dup());
    }
    layer.setMaskArray(null);
    return new Pair<>(g, p.getSecond().dup());
  }

  /** Two stacked layers (so the first one's gradients check the second one's input gradient). */
  private static ComputationGraph stacked(boolean bidirectional, Activation activation) {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(8).dataType(DataType.DOUBLE)
        .weightInit(WeightInit.XAVIER).updater(new NoOp()).graphBuilder().addInputs("in")
        .setInputTypes(InputType.recurrent(N_IN, RNNFormat.NCW))
        .addLayer("l1", new LstmLayer.Builder().nIn(N_IN).nOut(3).activation(activation).build(), "in")
        .addLayer("l2", new LstmLayer.Builder().bidirectional(bidirectional).nOut(HIDDEN)
            .activation(activation).build(), "l1")
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "l2")
        .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("out").build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  @Test
  void gradientsPassFiniteDifferences() {
    gradientCheck(false, Activation.TANH);
  }

  @Test
  void maskedGradientsPassFiniteDifferences() {
    gradientCheck(true, Activation.TANH);
  }

  /** The backward pass's own derivatives of the other cell activations (DL4J's LSTM test covers tanh). */
  @Test
  void sigmoidAndSoftsignCellsPassFiniteDifferences() {
    for (Activation a : new Activation[] {Activation.SIGMOID, Activation.SOFTSIGN}) {
      gradientCheck(false, a);
      gradientCheck(true, a);
    }
  }

  private static void gradientCheck(boolean masked, Activation activation) {
    withType(DataType.DOUBLE, () -> {
      for (boolean bi : new boolean[] {false, true}) {
        ComputationGraph net = stacked(bi, activation);
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, N_IN, TIME).subi(0.5).muli(2);
        INDArray y = Nd4j.zeros(DataType.DOUBLE, BATCH, 2);
        for (int i = 0; i < BATCH; i++) {
          y.putScalar(i, i % 2, 1.0);
        }
        GradientCheckUtil.GraphConfig check = new GradientCheckUtil.GraphConfig().net(net)
            .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(1e-6).maxRelError(1e-5)
            .minAbsoluteError(1e-9);
        if (masked) {
          check.inputMask(new INDArray[] {mask(DataType.DOUBLE)});
        }
        assertTrue(GradientCheckUtil.checkGradients(check),
            "gradient check failed: bidirectional=" + bi + ", masked=" + masked + ", " + activation);
      }
    });
  }

  @Test
  void masksWithHolesOrLeadingPaddingAreRejected() {
    ComputationGraph net = single(ours(false), DataType.FLOAT, 1);
    INDArray x = Nd4j.rand(DataType.FLOAT, 1, N_IN, 4);
    INDArray mask = Nd4j.createFromArray(new float[][] {{0, 1, 1, 1}});
    ModelException e = assertThrows(ModelException.class,
        () -> net.output(false, new INDArray[] {x}, new INDArray[] {mask}));
    assertTrue(e.getMessage().contains("mask"), e.getMessage());
  }

  @Test
  void activationsTheNativeOperationLacksAreRejected() {
    LstmLayer relu = new LstmLayer.Builder().nIn(N_IN).nOut(HIDDEN).activation(Activation.RELU).build();
    assertThrows(ModelException.class, () -> single(relu, DataType.FLOAT, 1));
  }

  @Test
  void jsonAndModelSerializerRoundTripsAreExact() throws IOException {
    for (boolean bi : new boolean[] {false, true}) {
      LstmLayer layer = new LstmLayer.Builder().bidirectional(bi).nIn(N_IN).nOut(HIDDEN).forgetGateBiasInit(0.5)
          .dropOut(0.8).activation(Activation.TANH).build();
      ComputationGraph net = single(layer, DataType.FLOAT, 2);
      ComputationGraphConfiguration conf = net.getConfiguration();
      ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
      assertEquals(conf, back);
      assertEquals(conf.toJson(), back.toJson());
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ModelSerializer.writeModel(net, bytes, true);
      ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()));
      assertEquals(net.params(), restored.params());
      INDArray x = Nd4j.rand(DataType.FLOAT, 2, N_IN, 6);
      assertEquals(net.outputSingle(false, x), restored.outputSingle(false, x));
      assertTrue(((LstmLayer) restored.getLayer("l").conf().getLayer()).isBidirectional() == bi);
    }
  }

  @Test
  void outputTypeAndParameterCount() {
    LstmLayer layer = ours(true);
    InputType out = layer.getOutputType(0, InputType.recurrent(N_IN, 9));
    assertEquals(InputType.recurrent(2 * HIDDEN, 9), out);
    assertEquals(2L * 4 * HIDDEN * (N_IN + HIDDEN + 1), LstmParamInitializer.INSTANCE.numParams(layer));
    assertThrows(ModelException.class, () -> layer.getOutputType(0, InputType.feedForward(N_IN)));
    assertThrows(ModelException.class, () -> new LstmLayer.Builder().forgetGateBiasInit(Double.NaN));
  }
}
