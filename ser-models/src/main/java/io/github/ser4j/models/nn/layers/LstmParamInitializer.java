package io.github.ser4j.models.nn.layers;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Parameters of an {@link LstmLayer}, in the layout of libnd4j's {@code lstmLayer} operation:
 * {@code W [dirs, nIn, 4 nOut]}, {@code RW [dirs, nOut, 4 nOut]}, {@code b [dirs, 4 nOut]} (without
 * the leading dimension if unidirectional), each a contiguous C-order block of the flattened
 * parameters, gates i, f, g, o.
 *
 * <p>Initialisation replays DL4J's {@code LSTMParamInitializer} (and, bidirectional, DL4J's
 * {@code Bidirectional}, which draws all weights twice and keeps the second draw; the forward direction
 * first): per direction the input
 * weights are drawn into a flat array with fan-in {@code nOut} and fan-out {@code nIn + nOut} and read
 * in Fortran order as DL4J does, then the recurrent weights likewise, and the forget-gate biases are
 * set; the gate columns are then moved from DL4J's order g, f, o, i to i, f, g, o. So the same random
 * state gives the same function as DL4J's layer.
 */
final class LstmParamInitializer implements ParamInitializer {
  static final LstmParamInitializer INSTANCE = new LstmParamInitializer();

  /** Input weights. */
  static final String INPUT_WEIGHTS = "W";
  /** Recurrent weights. */
  static final String RECURRENT_WEIGHTS = "RW";
  /** Biases. */
  static final String BIAS = "b";

  /** libnd4j gate k (i, f, g, o) is DL4J's gate column block DL4J_BLOCK[k] (DL4J: g, f, o, i). */
  static final int[] DL4J_BLOCK = {3, 1, 0, 2};

  private static final List<String> KEYS = Collections.unmodifiableList(
      Arrays.asList(INPUT_WEIGHTS, RECURRENT_WEIGHTS, BIAS));
  private static final List<String> WEIGHT_KEYS = Collections.unmodifiableList(
      Arrays.asList(INPUT_WEIGHTS, RECURRENT_WEIGHTS));
  private static final List<String> BIAS_KEYS = Collections.singletonList(BIAS);

  private LstmParamInitializer() {
  }

  @Override
  public long numParams(NeuralNetConfiguration conf) {
    return numParams(conf.getLayer());
  }

  @Override
  public long numParams(Layer layer) {
    LstmLayer l = (LstmLayer) layer;
    long nOut = l.getNOut();
    return l.directions() * 4L * nOut * (l.getNIn() + nOut + 1);
  }

  @Override
  public List<String> paramKeys(Layer layer) {
    return KEYS;
  }

  @Override
  public List<String> weightKeys(Layer layer) {
    return WEIGHT_KEYS;
  }

  @Override
  public List<String> biasKeys(Layer layer) {
    return BIAS_KEYS;
  }

  @Override
  public boolean isWeightParam(Layer layer, String key) {
    return WEIGHT_KEYS.contains(key);
  }

  @Override
  public boolean isBiasParam(Layer layer, String key) {
    return BIAS.equals(key);
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
    LstmLayer l = (LstmLayer) conf.getLayer();
    conf.addVariable(INPUT_WEIGHTS);
    conf.addVariable(RECURRENT_WEIGHTS);
    conf.addVariable(BIAS);
    Map<String, INDArray> views = views(l, paramsView);
    if (initializeParams) {
      long nIn = l.getNIn();
      long nOut = l.getNOut();
      IWeightInit init = l.getWeightInitFn();
      IWeightInit recurrentInit = l.getWeightInitFnRecurrent() != null ? l.getWeightInitFnRecurrent() : init;
      // DL4J's Bidirectional initialises its parameters twice (each direction's instantiate(), then
      // its own initializer over both), keeping the second draw: replay the first one and drop it.
      int rounds = l.isBidirectional() ? 2 : 1;
      int dirs = l.directions();
      // Built in fresh arrays, then assigned to the views whole (sub-views of reshaped offset views
      // are unreliable in ND4J M2.1).
      INDArray w = Nd4j.create(paramsView.dataType(), dirs, nIn, 4 * nOut);
      INDArray rw = Nd4j.create(paramsView.dataType(), dirs, nOut, 4 * nOut);
      INDArray b = Nd4j.zeros(paramsView.dataType(), dirs, 4 * nOut);
      for (int round = 1; round <= rounds; round++) {
        for (int d = 0; d < dirs; d++) {
          // DL4J's LSTMParamInitializer: fan-in nOut, fan-out nIn + nOut, shape read in 'f' order.
          INDArray dl4jW = init.init(nOut, nIn + nOut, new long[] {nIn, 4 * nOut},
              IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, Nd4j.create(paramsView.dataType(), nIn * 4 * nOut));
          INDArray dl4jRw = recurrentInit.init(nOut, nIn + nOut, new long[] {nOut, 4 * nOut},
              IWeightInit.DEFAULT_WEIGHT_INIT_ORDER, Nd4j.create(paramsView.dataType(), nOut * 4 * nOut));
          if (round == rounds) {
            fromDl4jGateOrder(dl4jW, w.get(NDArrayIndex.point(d)), nOut);
            fromDl4jGateOrder(dl4jRw, rw.get(NDArrayIndex.point(d)), nOut);
          }
        }
      }
      b.get(NDArrayIndex.all(), NDArrayIndex.interval(nOut, 2 * nOut)).assign(l.getForgetGateBiasInit());
      views.get(INPUT_WEIGHTS).assign(w.reshape(views.get(INPUT_WEIGHTS).shape()));
      views.get(RECURRENT_WEIGHTS).assign(rw.reshape(views.get(RECURRENT_WEIGHTS).shape()));
      views.get(BIAS).assign(b.reshape(views.get(BIAS).shape()));
    }
    return views;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    return views((LstmLayer) conf.getLayer(), gradientView);
  }

  /** The three parameter blocks as C-order views of the flattened array. */
  private static Map<String, INDArray> views(LstmLayer l, INDArray flat) {
    long length = INSTANCE.numParams(l);
    if (flat.length() != length) {
      throw new IllegalStateException("LstmLayer: expected a parameter view of length " + length + ", got "
          + flat.length());
    }
    long dirs = l.directions();
    long nIn = l.getNIn();
    long nOut = l.getNOut();
    INDArray v = flat.reshape(flat.length());
    long w = dirs * nIn * 4 * nOut;
    long rw = dirs * nOut * 4 * nOut;
    long b = dirs * 4 * nOut;
    Map<String, INDArray> out = new LinkedHashMap<>();
    out.put(INPUT_WEIGHTS, shaped(v.get(NDArrayIndex.interval(0, w)), l, nIn, 4 * nOut));
    out.put(RECURRENT_WEIGHTS, shaped(v.get(NDArrayIndex.interval(w, w + rw)), l, nOut, 4 * nOut));
    INDArray bias = v.get(NDArrayIndex.interval(w + rw, w + rw + b));
    out.put(BIAS, l.isBidirectional() ? bias.reshape('c', 2, 4 * nOut) : bias);
    return out;
  }

  private static INDArray shaped(INDArray flat, LstmLayer l, long rows, long cols) {
    return l.isBidirectional() ? flat.reshape('c', 2, rows, cols) : flat.reshape('c', rows, cols);
  }

  /** Copies a DL4J-layout matrix {@code [rows, 4 nOut]} (gates g, f, o, i) into {@code target} (i, f, g, o). */
  static void fromDl4jGateOrder(INDArray dl4j, INDArray target, long nOut) {
    INDArray t = target.rank() == 1 ? target.reshape(1, target.length()) : target;
    INDArray s = dl4j.rank() == 1 ? dl4j.reshape(1, dl4j.length()) : dl4j;
    for (int k = 0; k < 4; k++) {
      long from = DL4J_BLOCK[k] * nOut;
      t.get(NDArrayIndex.all(), NDArrayIndex.interval(k * nOut, (k + 1) * nOut))
          .assign(s.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + nOut)));
    }
  }

  /** The inverse of {@link #fromDl4jGateOrder}: i, f, g, o into DL4J's g, f, o, i. */
  static void toDl4jGateOrder(INDArray ours, INDArray target, long nOut) {
    INDArray t = target.rank() == 1 ? target.reshape(1, target.length()) : target;
    INDArray s = ours.rank() == 1 ? ours.reshape(1, ours.length()) : ours;
    for (int k = 0; k < 4; k++) {
      long to = DL4J_BLOCK[k] * nOut;
      t.get(NDArrayIndex.all(), NDArrayIndex.interval(to, to + nOut))
          .assign(s.get(NDArrayIndex.all(), NDArrayIndex.interval(k * nOut, (k + 1) * nOut)));
    }
  }
}
