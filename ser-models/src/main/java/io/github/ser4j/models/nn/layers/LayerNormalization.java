package io.github.ser4j.models.nn.layers;

import io.github.ser4j.models.ModelException;
import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation (Ba, Kiros and Hinton 2016, "Layer Normalization") over the feature dimension,
 * which DL4J 1.0.0-M2.1 lacks as a layer: for every example and time step,
 * {@code y = (x - mean) / sqrt(var + epsilon) * gain + bias}, with mean and (biased) variance over
 * the features, and a learned {@code gain} (initialised to 1) and {@code bias} (initialised to 0)
 * per feature. PyTorch's {@code nn.LayerNorm(features, eps=1e-5)}.
 *
 * <p>Input and output: a sequence {@code [batch, features, time]} (DL4J's recurrent NCW format) or
 * feed-forward activations {@code [batch, features]}. Parameters: {@code 2 * features}
 * ({@value #GAIN} and {@value #BIAS}, each of shape {@code [1, features]}; not regularised).
 *
 * <p>An ordinary DL4J layer (configuration, parameter initialiser and runtime layer) whose forward
 * and backward passes are a handful of plain ND4J reductions and broadcasts on the
 * {@code [batch * time, features]} rows. It replaces SER4J's former SameDiff version, which was
 * slow (SameDiff's per-op session machinery) and, like every SameDiff-based layer of DL4J
 * 1.0.0-M2.1, returned twice the true gradient. This one passes DL4J's finite-difference gradient
 * check. The public no-arg constructor and the setters are for JSON (Jackson); use
 * {@link #LayerNormalization(double)}.
 */
public class LayerNormalization extends BaseLayer {
  private static final long serialVersionUID = 1L;

  /** Name of the gain parameter. */
  public static final String GAIN = "gain";
  /** Name of the bias parameter. */
  public static final String BIAS = "bias";

  private long nIn;
  private double epsilon = 1e-5;
  private boolean sequence = true;

  /** For JSON deserialisation; {@code epsilon} 1e-5, the size is set from the input type. */
  public LayerNormalization() {
  }

  /**
   * A layer normalisation whose feature count is taken from the input type.
   *
   * @param epsilon added to the variance, finite, in (0, 1] (PyTorch's default: 1e-5)
   * @throws ModelException if epsilon is out of range
   */
  public LayerNormalization(double epsilon) {
    ModelException.require(epsilon > 0 && epsilon <= 1, "epsilon", epsilon, "in (0, 1]");
    this.epsilon = epsilon;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType dataType) {
    LayerNormalizationRuntime layer = new LayerNormalizationRuntime(conf, dataType);
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(paramsView);
    layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
    layer.setConf(conf);
    return layer;
  }

  @Override
  public ParamInitializer initializer() {
    return new ParamBlocks(List.of(ParamBlocks.Param.of(GAIN, nIn, ParamBlocks.Kind.NORM_GAIN),
        ParamBlocks.Param.of(BIAS, nIn, ParamBlocks.Kind.NORM_BIAS)));
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
      if (inputType instanceof InputType.InputTypeRecurrent) {
        nIn = ((InputType.InputTypeRecurrent) inputType).getSize();
        sequence = true;
      } else {
        nIn = ((InputType.InputTypeFeedForward) inputType).getSize();
        sequence = false;
      }
    }
  }

  @Override
  public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
    return null;
  }

  private static void checkInputType(InputType inputType) {
    boolean ncw = inputType instanceof InputType.InputTypeRecurrent
        && ((InputType.InputTypeRecurrent) inputType).getFormat() == RNNFormat.NCW;
    if (!ncw && !(inputType instanceof InputType.InputTypeFeedForward)) {
      throw new ModelException("LayerNormalization input type = " + inputType
          + " is not allowed: must be recurrent [batch, features, time] (NCW) or feed-forward [batch, features]");
    }
  }

  @Override
  public boolean isPretrainParam(String paramName) {
    return false;
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    long params = 2 * nIn;
    long perExample = inputType.arrayElementsPerExample();
    // Training keeps the normalised input and a copy of the rows; inference a copy of the rows.
    return new LayerMemoryReport.Builder(layerName, LayerNormalization.class, inputType, inputType)
        .standardMemory(params, getIUpdater() == null ? 0 : getIUpdater().stateSize(params))
        .workingMemory(0, 2 * perExample, 0, 3 * perExample)
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

  /** @return the constant added to the variance */
  public double getEpsilon() {
    return epsilon;
  }

  /** @param epsilon the constant added to the variance (for JSON) */
  public void setEpsilon(double epsilon) {
    this.epsilon = epsilon;
  }

  /** @return true for sequence input {@code [batch, features, time]}, false for {@code [batch, features]} */
  public boolean isSequence() {
    return sequence;
  }

  /** @param sequence whether the input is a sequence (for JSON) */
  public void setSequence(boolean sequence) {
    this.sequence = sequence;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LayerNormalization) || !super.equals(o)) {
      return false;
    }
    LayerNormalization other = (LayerNormalization) o;
    return nIn == other.nIn && epsilon == other.epsilon && sequence == other.sequence;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * super.hashCode() + Long.hashCode(nIn)) + Double.hashCode(epsilon))
        + Boolean.hashCode(sequence);
  }

  @Override
  public String toString() {
    return "LayerNormalization[nIn=" + nIn + ", epsilon=" + epsilon + ", sequence=" + sequence + "]";
  }
}
