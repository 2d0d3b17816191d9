package io.github.ser4j.models.nn.layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The parameters of one of our layers as consecutive c-order matrices in DL4J's flattened parameter
 * (and gradient) vector, in a fixed order. Weight matrices are initialised by the layer's weight
 * initialisation (Xavier in SER4J's networks) with the fan-in and fan-out given here, biases with the
 * layer's bias initialisation (0 unless configured), layer-norm gains with 1 and layer-norm biases
 * with 0 (PyTorch's {@code nn.LayerNorm}). Weights count as weights and biases as biases for DL4J's
 * regularisation and bias updater; layer-norm gains and biases are neither (never regularised).
 */
final class ParamBlocks implements ParamInitializer {

  enum Kind { WEIGHT, BIAS, NORM_GAIN, NORM_BIAS }

  /** One parameter: a {@code [rows, cols]} matrix. */
  record Param(String key, long rows, long cols, Kind kind, long fanIn, long fanOut) {
    static Param weight(String key, long rows, long cols) {
      return new Param(key, rows, cols, Kind.WEIGHT, rows, cols);
    }

    /** The same weight matrix initialised as if its fan-in and fan-out were these (for stacked projections). */
    Param withFans(long in, long out) {
      return new Param(key, rows, cols, kind, in, out);
    }

    static Param of(String key, long cols, Kind kind) {
      return new Param(key, 1, cols, kind, 0, 0);
    }

    long length() {
      return rows * cols;
    }
  }

  private final List<Param> params;

  ParamBlocks(List<Param> params) {
    this.params = List.copyOf(params);
  }

  @Override
  public long numParams(NeuralNetConfiguration conf) {
    return numParams(conf.getLayer());
  }

  @Override
  public long numParams(Layer layer) {
    long n = 0;
    for (Param p : params) {
      n += p.length();
    }
    return n;
  }

  @Override
  public List<String> paramKeys(Layer layer) {
    List<String> keys = new ArrayList<>();
    for (Param p : params) {
      keys.add(p.key());
    }
    return keys;
  }

  @Override
  public List<String> weightKeys(Layer layer) {
    return keys(Kind.WEIGHT);
  }

  @Override
  public List<String> biasKeys(Layer layer) {
    return keys(Kind.BIAS);
  }

  private List<String> keys(Kind kind) {
    List<String> keys = new ArrayList<>();
    for (Param p : params) {
      if (p.kind() == kind) {
        keys.add(p.key());
      }
    }
    return keys;
  }

  @Override
  public boolean isWeightParam(Layer layer, String key) {
    return keys(Kind.WEIGHT).contains(key);
  }

  @Override
  public boolean isBiasParam(Layer layer, String key) {
    return keys(Kind.BIAS).contains(key);
  }

  @Override
  public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
    BaseLayer layer = (BaseLayer) conf.getLayer();
    Map<String, INDArray> out = Collections.synchronizedMap(new LinkedHashMap<>());
    INDArray flat = paramsView.reshape(paramsView.length());
    long offset = 0;
    for (Param p : params) {
      INDArray view = flat.get(NDArrayIndex.interval(offset, offset + p.length()));
      if (initializeParams) {
        switch (p.kind()) {
          case WEIGHT:
            layer.getWeightInitFn().init(p.fanIn(), p.fanOut(), new long[] {p.rows(), p.cols()}, 'c', view);
            break;
          case BIAS:
            view.assign(layer.getBiasInit());
            break;
          case NORM_GAIN:
            view.assign(1);
            break;
          default:
            view.assign(0);
        }
      }
      out.put(p.key(), view.reshape('c', p.rows(), p.cols()));
      conf.addVariable(p.key());
      offset += p.length();
    }
    return out;
  }

  @Override
  public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
    Map<String, INDArray> out = new LinkedHashMap<>();
    INDArray flat = gradientView.reshape(gradientView.length());
    long offset = 0;
    for (Param p : params) {
      out.put(p.key(), flat.get(NDArrayIndex.interval(offset, offset + p.length())).reshape('c', p.rows(), p.cols()));
      offset += p.length();
    }
    return out;
  }
}
