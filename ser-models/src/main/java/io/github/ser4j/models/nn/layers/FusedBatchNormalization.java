package io.github.ser4j.models.nn.layers;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) followed by its activation function, with a faster
 * training step than DL4J's layer: the configuration of DL4J's {@link BatchNormalization} (same
 * parameters, same JSON fields, same running-statistics update) whose layer computes, for 4-D NCHW
 * input in training mode, the per-channel batch mean and variance in one contiguous pass and then
 * runs libnd4j's {@code batchnorm} and {@code batchnorm_bp} ops (oneDNN kernels on the onednn
 * backend), and applies the configured activation: ReLU in place on the output, its derivative
 * from the output.
 *
 * <p>Why it exists: (1) DL4J 1.0.0-M2.1's {@code BatchNormalization} layer ignores the activation it
 * is configured with (so conv-BN-ReLU needs a separate {@code ActivationLayer}, which copies its
 * input); (2) DL4J's oneDNN batch-norm helper computes the batch variance with ND4J's
 * summary-statistics reduction over dimensions (0, 2, 3), about a tenth of a SmallResNet training
 * step.
 *
 * <p>Shapes: input and output {@code [batch, channels, height, width]} (NCHW), or {@code [batch,
 * channels]}; anything else (and NHWC, locked gamma/beta, inference mode) goes through DL4J's own
 * computation, followed by the activation. Training mode normalises with the batch statistics: mean
 * and biased variance (divided by {@code batch * height * width}, as DL4J and PyTorch's
 * normalisation do). Running statistics, used in inference mode: {@code mean <- decay * mean + (1 -
 * decay) * batchMean} and the same for the variance, with DL4J's biased batch variance (PyTorch's
 * {@code running_var} uses the unbiased one, a factor {@code n / (n - 1)} with {@code n = batch *
 * height * width}, e.g. 1.00001 for a batch of 16 64x94 maps); decay 0.9 is PyTorch's momentum 0.1.
 * The variance is stored as {@code log10(std)} if {@code useLogStd} (DL4J's default, kept: DL4J's
 * JSON reader derives {@code useLogStd} from the parameter names of an initialised network and
 * sets it to true for a configuration that was never initialised) or as the variance. In inference
 * mode the layer turns the stored value into the variance in Java (one value per channel) and runs
 * libnd4j's {@code batchnorm} op once, where DL4J's layer runs three extra array ops per call for
 * {@code useLogStd}.
 *
 * <p>Configure through the constructor; the no-arg constructor and the inherited setters are for
 * Jackson (JSON, ModelSerializer).
 */
public class FusedBatchNormalization extends BatchNormalization {

  /** For Jackson: DL4J's defaults, identity activation. */
  public FusedBatchNormalization() {
    super();
    setActivationFn(Activation.IDENTITY.getActivationFunction());
  }

  /**
   * A batch norm over {@code channels} channels with PyTorch's {@code BatchNorm2d} defaults:
   * {@code eps} 1e-5 and running-average momentum 0.1 (decay 0.9); learned scale and shift.
   *
   * @param channels the number of channels (the input's dimension 1), &gt;= 1
   * @param activation applied after the normalisation (ReLU for conv-BN-ReLU)
   */
  public FusedBatchNormalization(int channels, Activation activation) {
    this();
    if (channels < 1) {
      throw new IllegalArgumentException("channels = " + channels + " is not allowed: must be >= 1");
    }
    setNIn(channels);
    setNOut(channels);
    setEps(1e-5);
    setDecay(0.9);
    setActivationFn(activation.getActivationFunction());
  }

  @Override
  public FusedBatchNormalization clone() {
    return (FusedBatchNormalization) super.clone();
  }

  @Override
  public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
      int layerIndex, INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
    LayerValidation.assertNOutSet("FusedBatchNormalization", getLayerName(), layerIndex, getNOut());
    FusedBatchNormalizationLayer ret = new FusedBatchNormalizationLayer(conf, networkDataType);
    ret.setListeners(trainingListeners);
    ret.setIndex(layerIndex);
    ret.setParamsViewArray(layerParamsView);
    Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
    ret.setParamTable(paramTable);
    ret.setConf(conf);
    return ret;
  }
}
