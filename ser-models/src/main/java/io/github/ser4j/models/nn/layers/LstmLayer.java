package io.github.ser4j.models.nn.layers;

import io.github.ser4j.models.ModelException;
import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An LSTM layer, unidirectional or bidirectional (outputs of both directions concatenated), whose
 * whole sequence is computed by ONE call of libnd4j's native {@code lstmLayer} operation (oneDNN's
 * LSTM primitive when there is no mask) and whose backward pass is backpropagation through time with
 * the work of all steps batched into a few matrix products (only the recurrence runs step by step).
 *
 * <p>Why it exists: DL4J 1.0.0-M2.1's {@code LSTM} (and {@code Bidirectional(CONCAT, LSTM)}) runs a
 * Java loop over the time steps with about 16 ND4J operations per step; on 94 frames that is
 * thousands of native calls per clip, and their per-call overhead, not arithmetic, dominated the
 * BiLSTM's time (~95 ms per clip). The native operation loops over time in C++.
 *
 * <p>What it computes: exactly DL4J's {@code LSTM} without peepholes (Hochreiter and Schmidhuber
 * 1997, with a forget gate): per step {@code i = s(x Wi + h Ri + bi)}, {@code f = s(x Wf + h Rf + bf)},
 * {@code g = act(x Wg + h Rg + bg)}, {@code o = s(x Wo + h Ro + bo)}, {@code c = f c + i g},
 * {@code h = o act(c)}, with {@code s} the logistic sigmoid and {@code act} the layer's activation
 * (tanh by default in SER4J's networks; tanh, sigmoid or softsign). One bias per gate (PyTorch has
 * two), so one direction has {@code 4 nOut (nIn + nOut + 1)} parameters, as DL4J's LSTM. The backward
 * direction reads the sequence from its last step to its first.
 *
 * <p>Shapes: input {@code [batch, nIn, time]}, output {@code [batch, nOut, time]}, or
 * {@code [batch, 2 nOut, time]} if bidirectional (forward direction first), DL4J's NCW recurrent
 * layout. Masks {@code [batch, time]} mark variable-length sequences: each row must be 1 on the
 * first steps and 0 after them (padding at the end); outputs at padded steps are 0 and padded steps
 * do not influence anything, as with DL4J's LSTM. Other mask patterns are rejected.
 *
 * <p>Parameters (keys {@code W}, {@code RW}, {@code b}; an extra leading dimension of 2 if
 * bidirectional, forward direction first): input weights {@code [nIn, 4 nOut]}, recurrent weights
 * {@code [nOut, 4 nOut]}, biases {@code [4 nOut]}, gates in the order i, f, g, o of libnd4j. DL4J's
 * LSTM orders its gate columns g, f, o, i; the initialisation draws the same random numbers as
 * DL4J's LSTM (for a bidirectional layer: as {@code Bidirectional(LSTM)}) and stores them in this
 * order, so the same seed gives the same network function as the DL4J layer it replaces. Forget-gate
 * biases start at {@link #getForgetGateBiasInit()} (1, as DL4J).
 *
 * <p>Dropout set on this layer applies to its input in training, one mask for both directions
 * (PyTorch's placement; DL4J's {@code Bidirectional} draws one per direction).
 *
 * <p>The backward pass does not use libnd4j's {@code lstmLayer_bp}, which in 1.0.0-M2.1 leaks native
 * memory on every call (about 9 MB per bidirectional layer at batch 16 x 94 steps x 64 units); see
 * docs/models.md.
 *
 * <p>A DL4J layer configuration (JSON: public no-arg constructor, getters and setters).
 */
public class LstmLayer extends BaseRecurrentLayer {
  private boolean bidirectional;
  private double forgetGateBiasInit = 1.0;

  /** For JSON; use {@link Builder}. */
  public LstmLayer() {
  }

  private LstmLayer(Builder b) {
    super(b);
    this.bidirectional = b.bidirectional;
    this.forgetGateBiasInit = b.forgetGateBiasInit;
    initializeConstraints(b);
  }

  /** @return true if the layer runs both directions and concatenates their outputs */
  public boolean isBidirectional() {
    return bidirectional;
  }

  /** @param bidirectional whether the layer runs both directions (for JSON) */
  public void setBidirectional(boolean bidirectional) {
    this.bidirectional = bidirectional;
  }

  /** @return the initial value of the forget-gate biases */
  public double getForgetGateBiasInit() {
    return forgetGateBiasInit;
  }

  /** @param forgetGateBiasInit the initial value of the forget-gate biases (for JSON) */
  public void setForgetGateBiasInit(double forgetGateBiasInit) {
    this.forgetGateBiasInit = forgetGateBiasInit;
  }

  /** @return 2 if bidirectional, else 1 */
  int directions() {
    return bidirectional ? 2 : 1;
  }

  /**
   * The libnd4j activation id of the layer's activation (cell input and cell output).
   *
   * @throws ModelException for an activation the native operation does not offer
   */
  int nativeActivation() {
    IActivation a = getActivationFn();
    if (a == null || a instanceof ActivationTanH) {
      return 0;
    }
    if (a instanceof ActivationSigmoid) {
      return 2;
    }
    if (a instanceof ActivationSoftSign) {
      return 9;
    }
    throw new ModelException("LstmLayer activation = " + a + " is not allowed: must be tanh, sigmoid or softsign");
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
      boolean initializeParams, DataType networkDataType) {
    LayerValidation.assertNInNOutSet("LstmLayer", getLayerName(), layerIndex, getNIn(), getNOut());
    nativeActivation();
    if (getRnnDataFormat() == RNNFormat.NWC) {
      throw new ModelException("LstmLayer rnnDataFormat = NWC is not allowed: must be NCW [batch, features, time]");
    }
    LstmLayerImpl ret = new LstmLayerImpl(conf, networkDataType);
    ret.setListeners(trainingListeners);
    ret.setIndex(layerIndex);
    ret.setParamsViewArray(layerParamsView);
    Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
    ret.setParamTable(paramTable);
    ret.setConf(conf);
    return ret;
  }

  @Override
  public ParamInitializer initializer() {
    return LstmParamInitializer.INSTANCE;
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    if (inputType == null || inputType.getType() != InputType.Type.RNN) {
      throw new ModelException("LstmLayer input type = " + inputType
          + " is not allowed: must be recurrent [batch, features, time]");
    }
    InputType.InputTypeRecurrent r = (InputType.InputTypeRecurrent) inputType;
    return InputType.recurrent(directions() * getNOut(), r.getTimeSeriesLength(), r.getFormat());
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    InputType out = getOutputType(-1, inputType);
    long params = initializer().numParams(this);
    // The native backward pass keeps gates, pre-activations, cells and outputs of every step.
    long perStep = 10L * directions() * getNOut();
    return new LayerMemoryReport.Builder(getLayerName(), LstmLayer.class, inputType, out)
        .standardMemory(params, params)
        .workingMemory(0, 0, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
        .cacheMemory(perStep, perStep)
        .build();
  }

  @Override
  public String toString() {
    return "LstmLayer[nIn=" + getNIn() + ", nOut=" + getNOut() + ", bidirectional=" + bidirectional
        + ", forgetGateBiasInit=" + forgetGateBiasInit + ", activation=" + getActivationFn()
        + ", dropout=" + getIDropout() + "]";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LstmLayer) || !super.equals(o)) {
      return false;
    }
    LstmLayer other = (LstmLayer) o;
    return bidirectional == other.bidirectional
        && Double.compare(forgetGateBiasInit, other.forgetGateBiasInit) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * super.hashCode() + Boolean.hashCode(bidirectional)) + Double.hashCode(forgetGateBiasInit);
  }

  /**
   * Builds an {@link LstmLayer}: {@code nIn} (or from the input type), {@code nOut} units per
   * direction, {@link #bidirectional(boolean)}, the activation (tanh, sigmoid or softsign), weight
   * initialisation, dropout and the other settings of DL4J's recurrent layer builders.
   */
  public static class Builder extends BaseRecurrentLayer.Builder<Builder> {
    private boolean bidirectional;
    private double forgetGateBiasInit = 1.0;

    /** A builder of a unidirectional layer. */
    public Builder() {
    }

    /**
     * @param bidirectional true to run both directions and concatenate their outputs
     *     ({@code [batch, 2 nOut, time]}), as DL4J's {@code Bidirectional(CONCAT, LSTM)}
     * @return this builder
     */
    public Builder bidirectional(boolean bidirectional) {
      this.bidirectional = bidirectional;
      return this;
    }

    /**
     * @param value the initial forget-gate bias, finite (DL4J's default 1)
     * @return this builder
     */
    public Builder forgetGateBiasInit(double value) {
      ModelException.require(Double.isFinite(value), "forgetGateBiasInit", value, "finite");
      this.forgetGateBiasInit = value;
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public LstmLayer build() {
      return new LstmLayer(this);
    }
  }
}
