package io.github.ser4j.models.nn.layers;

import io.github.ser4j.models.ModelException;
import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sinusoidal positional encoding of Vaswani et al. 2017 ("Attention Is All You Need", section
 * 3.5), added to a sequence; DL4J 1.0.0-M2.1 has none. For feature {@code i} of {@code d} and time
 * step {@code pos} (counted from 0): {@code PE[2j, pos] = sin(pos / 10000^(2j/d))} and
 * {@code PE[2j+1, pos] = cos(pos / 10000^(2j/d))}; the output is {@code x + PE}.
 *
 * <p>Input and output: {@code [batch, features, time]} (DL4J's recurrent NCW format), any number of
 * time steps. No parameters. Self-attention and mean pooling over time are blind to the order of
 * the time steps; this layer is what lets a transformer use it.
 *
 * <p>An ordinary DL4J layer: the forward pass is one broadcast add of an encoding table computed
 * once per sequence length (cached), the backward pass hands the gradient back unchanged. It
 * replaces SER4J's former SameDiff version, which was slow and, like every SameDiff-based layer of
 * DL4J 1.0.0-M2.1, passed twice the true gradient back. Public no-arg constructor and setters for
 * JSON (Jackson).
 */
public class PositionalEncoding extends NoParamLayer {
  private static final long serialVersionUID = 1L;

  private long nIn;

  /** A positional encoding whose feature count is taken from the input type (also for JSON). */
  public PositionalEncoding() {
  }

  /**
   * The encoding value, in double precision: what the layer adds at feature {@code i}, time {@code pos}.
   *
   * @param i the feature index, in [0, features)
   * @param pos the time step, &gt;= 0
   * @param features the number of features {@code d}
   * @return {@code sin(pos / 10000^(2 floor(i/2) / d))} for even {@code i}, the cosine for odd
   */
  public static double value(int i, int pos, int features) {
    double angle = pos * inverseFrequency(i, features);
    return i % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
  }

  static double inverseFrequency(long i, long features) {
    return Math.pow(10000.0, -(2.0 * (i / 2)) / features);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    checkInputType(inputType);
    return inputType;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    checkInputType(inputType);
    if (nIn <= 0 || override) {
      nIn = ((InputType.InputTypeRecurrent) inputType).getSize();
    }
  }

  @Override
  public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
    return null;
  }

  private static void checkInputType(InputType inputType) {
    if (!(inputType instanceof InputType.InputTypeRecurrent)
        || ((InputType.InputTypeRecurrent) inputType).getFormat() != RNNFormat.NCW) {
      throw new ModelException("PositionalEncoding input type = " + inputType
          + " is not allowed: must be recurrent [batch, features, time] (NCW)");
    }
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType dataType) {
    PositionalEncodingRuntime layer = new PositionalEncodingRuntime(conf, dataType);
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(paramsView);
    layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
    layer.setConf(conf);
    return layer;
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    return new LayerMemoryReport.Builder(layerName, PositionalEncoding.class, inputType, inputType)
        .standardMemory(0, 0).workingMemory(0, 0, 0, 0)
        .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS).build();
  }

  /** @return the number of features (set from the input type) */
  public long getNIn() {
    return nIn;
  }

  /** @param nIn the number of features (for JSON) */
  public void setNIn(long nIn) {
    this.nIn = nIn;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PositionalEncoding && super.equals(o) && nIn == ((PositionalEncoding) o).nIn;
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + Long.hashCode(nIn);
  }

  @Override
  public String toString() {
    return "PositionalEncoding[nIn=" + nIn + "]";
  }
}
