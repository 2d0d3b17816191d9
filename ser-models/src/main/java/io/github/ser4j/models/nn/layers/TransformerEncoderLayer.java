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
 * One post-norm transformer encoder layer (Vaswani et al. 2017) as a single DL4J layer: PyTorch's
 * {@code nn.TransformerEncoderLayer(d, heads, feedForward, dropout)} with its defaults
 * ({@code norm_first=False}, ReLU, layer-norm epsilon 1e-5), on a sequence
 * {@code x [batch, d, time]} (DL4J's recurrent NCW format; output of the same shape):
 * <pre>
 *   [q | k | v] = x Wqkv + bqkv                       (per time step; heads of size d / heads)
 *   head_h      = Dropout(softmax(q_h k_h^T / sqrt(d / heads))) v_h
 *   h           = LayerNorm1(x + Dropout([head_1 .. head_H] Wout + bout))
 *   y           = LayerNorm2(h + Dropout(Dropout(ReLU(h W1 + b1)) W2 + b2))
 * </pre>
 * The four dropouts are PyTorch's (attention weights, {@code dropout1}, inside the feed-forward
 * network, {@code dropout2}), all with probability {@code dropout} of dropping, active only in
 * training, drawn from ND4J's random generator (seeded by the network's seed, like DL4J's own
 * dropout). A sequence mask {@code [batch, time]} (1 = step present) excludes masked steps as keys
 * (PyTorch's {@code src_key_padding_mask}) and is passed on unchanged.
 *
 * <p>Parameters ({@code 4 d^2 + 2 d ff + ff + 9 d}, PyTorch's count): {@value #QKV_WEIGHT}
 * {@code [d, 3d]} (columns: queries, keys, values; head {@code h} uses columns
 * {@code h d/heads .. (h+1) d/heads - 1} of each), {@value #QKV_BIAS} {@code [1, 3d]},
 * {@value #OUT_WEIGHT} {@code [d, d]}, {@value #OUT_BIAS} {@code [1, d]}, {@value #NORM1_GAIN} and
 * {@value #NORM1_BIAS} {@code [1, d]}, {@value #FF1_WEIGHT} {@code [d, ff]}, {@value #FF1_BIAS}
 * {@code [1, ff]}, {@value #FF2_WEIGHT} {@code [ff, d]}, {@value #FF2_BIAS} {@code [1, d]},
 * {@value #NORM2_GAIN} and {@value #NORM2_BIAS} {@code [1, d]}. Weights take the network's weight
 * initialisation (fan-in and fan-out of each projection), biases its bias initialisation (0),
 * gains 1. Weights are matrices applied from the right ({@code x W}): PyTorch's weights transposed.
 *
 * <p>Why it exists: DL4J's {@code SelfAttentionLayer} has no projection biases and, like every
 * SameDiff-based layer of 1.0.0-M2.1, is slow (SameDiff's per-op session machinery) and returns
 * twice the true gradient. This layer computes forward and backward passes itself with a few dozen
 * plain ND4J ops (matrix products on the {@code [batch * time, d]} rows, batched matrix products
 * per head, the native softmax), caching in training what the backward pass needs; it passes DL4J's
 * finite-difference gradient check. The public no-arg constructor and the setters are for JSON
 * (Jackson); use {@link #TransformerEncoderLayer(int, int, double)}.
 */
public class TransformerEncoderLayer extends BaseLayer {
  private static final long serialVersionUID = 1L;

  /** Query, key and value projection weights, {@code [d, 3d]}. */
  public static final String QKV_WEIGHT = "qkvW";
  /** Query, key and value projection biases, {@code [1, 3d]}. */
  public static final String QKV_BIAS = "qkvB";
  /** Output projection weights, {@code [d, d]}. */
  public static final String OUT_WEIGHT = "outW";
  /** Output projection bias, {@code [1, d]}. */
  public static final String OUT_BIAS = "outB";
  /** Gain of the layer norm after attention, {@code [1, d]}. */
  public static final String NORM1_GAIN = "norm1Gain";
  /** Bias of the layer norm after attention, {@code [1, d]}. */
  public static final String NORM1_BIAS = "norm1Bias";
  /** First feed-forward weights, {@code [d, ff]}. */
  public static final String FF1_WEIGHT = "ff1W";
  /** First feed-forward bias, {@code [1, ff]}. */
  public static final String FF1_BIAS = "ff1B";
  /** Second feed-forward weights, {@code [ff, d]}. */
  public static final String FF2_WEIGHT = "ff2W";
  /** Second feed-forward bias, {@code [1, d]}. */
  public static final String FF2_BIAS = "ff2B";
  /** Gain of the layer norm after the feed-forward network, {@code [1, d]}. */
  public static final String NORM2_GAIN = "norm2Gain";
  /** Bias of the layer norm after the feed-forward network, {@code [1, d]}. */
  public static final String NORM2_BIAS = "norm2Bias";

  private long nIn;
  private int heads = 1;
  private int feedForward = 1;
  private double dropout;
  private double epsilon = 1e-5;

  /** For JSON deserialisation; use {@link #TransformerEncoderLayer(int, int, double)}. */
  public TransformerEncoderLayer() {
  }

  /**
   * An encoder layer whose model dimension {@code d} is taken from the input type (it must be a
   * multiple of {@code heads}); layer-norm epsilon 1e-5.
   *
   * @param heads attention heads, &gt;= 1
   * @param feedForward the width of the feed-forward network, &gt;= 1
   * @param dropout the probability of dropping an activation (PyTorch's convention), in [0, 1)
   * @throws ModelException if a value is out of range
   */
  public TransformerEncoderLayer(int heads, int feedForward, double dropout) {
    ModelException.require(heads >= 1, "heads", heads, ">= 1");
    ModelException.require(feedForward >= 1, "feedForward", feedForward, ">= 1");
    ModelException.require(dropout >= 0 && dropout < 1, "dropout", dropout, "in [0, 1)");
    this.heads = heads;
    this.feedForward = feedForward;
    this.dropout = dropout;
  }

  /**
   * The parameter count of one layer, PyTorch's {@code nn.TransformerEncoderLayer} count.
   *
   * @param d the model dimension
   * @param feedForward the feed-forward width
   * @return {@code 4 d^2 + 2 d feedForward + feedForward + 9 d}
   */
  public static long parameters(long d, long feedForward) {
    return 4 * d * d + 2 * d * feedForward + feedForward + 9 * d;
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
      DataType dataType) {
    TransformerEncoderLayerRuntime layer = new TransformerEncoderLayerRuntime(conf, dataType);
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(paramsView);
    layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
    layer.setConf(conf);
    return layer;
  }

  @Override
  public ParamInitializer initializer() {
    long d = nIn;
    return new ParamBlocks(List.of(
        ParamBlocks.Param.weight(QKV_WEIGHT, d, 3 * d).withFans(d, d),
        ParamBlocks.Param.of(QKV_BIAS, 3 * d, ParamBlocks.Kind.BIAS),
        ParamBlocks.Param.weight(OUT_WEIGHT, d, d),
        ParamBlocks.Param.of(OUT_BIAS, d, ParamBlocks.Kind.BIAS),
        ParamBlocks.Param.of(NORM1_GAIN, d, ParamBlocks.Kind.NORM_GAIN),
        ParamBlocks.Param.of(NORM1_BIAS, d, ParamBlocks.Kind.NORM_BIAS),
        ParamBlocks.Param.weight(FF1_WEIGHT, d, feedForward),
        ParamBlocks.Param.of(FF1_BIAS, feedForward, ParamBlocks.Kind.BIAS),
        ParamBlocks.Param.weight(FF2_WEIGHT, feedForward, d),
        ParamBlocks.Param.of(FF2_BIAS, d, ParamBlocks.Kind.BIAS),
        ParamBlocks.Param.of(NORM2_GAIN, d, ParamBlocks.Kind.NORM_GAIN),
        ParamBlocks.Param.of(NORM2_BIAS, d, ParamBlocks.Kind.NORM_BIAS)));
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
    if (nIn % heads != 0) {
      throw new ModelException("heads = " + heads + " is not allowed: must divide the model dimension d = " + nIn);
    }
  }

  private static void checkInputType(InputType inputType) {
    if (!(inputType instanceof InputType.InputTypeRecurrent)
        || ((InputType.InputTypeRecurrent) inputType).getFormat() != RNNFormat.NCW) {
      throw new ModelException("TransformerEncoderLayer input type = " + inputType
          + " is not allowed: must be recurrent [batch, d, time] (NCW)");
    }
  }

  @Override
  public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
    return null;
  }

  @Override
  public boolean isPretrainParam(String paramName) {
    return false;
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    long params = parameters(nIn, feedForward);
    long time = Math.max(1, ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength());
    // Per example: the rows, q/k/v, the attention weights (heads x time x time), the hidden layer.
    long perExample = (8 * nIn + 2 * feedForward) * time + 2L * heads * time * time;
    return new LayerMemoryReport.Builder(layerName, TransformerEncoderLayer.class, inputType, inputType)
        .standardMemory(params, getIUpdater() == null ? 0 : getIUpdater().stateSize(params))
        .workingMemory(0, perExample, 0, 2 * perExample)
        .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS).build();
  }

  /** @return the model dimension {@code d} (set from the input type) */
  public long getNIn() {
    return nIn;
  }

  /** @param nIn the model dimension (for JSON) */
  public void setNIn(long nIn) {
    this.nIn = nIn;
  }

  /** @return attention heads */
  public int getHeads() {
    return heads;
  }

  /** @param heads attention heads (for JSON) */
  public void setHeads(int heads) {
    this.heads = heads;
  }

  /** @return the width of the feed-forward network */
  public int getFeedForward() {
    return feedForward;
  }

  /** @param feedForward the width of the feed-forward network (for JSON) */
  public void setFeedForward(int feedForward) {
    this.feedForward = feedForward;
  }

  /** @return the probability of dropping an activation, in training */
  public double getDropout() {
    return dropout;
  }

  /** @param dropout the probability of dropping an activation (for JSON) */
  public void setDropout(double dropout) {
    this.dropout = dropout;
  }

  /** @return the constant added to the variance in both layer norms */
  public double getEpsilon() {
    return epsilon;
  }

  /** @param epsilon the constant added to the variance in both layer norms (for JSON) */
  public void setEpsilon(double epsilon) {
    this.epsilon = epsilon;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TransformerEncoderLayer) || !super.equals(o)) {
      return false;
    }
    TransformerEncoderLayer other = (TransformerEncoderLayer) o;
    return nIn == other.nIn && heads == other.heads && feedForward == other.feedForward
        && dropout == other.dropout && epsilon == other.epsilon;
  }

  @Override
  public int hashCode() {
    int h = super.hashCode();
    h = 31 * h + Long.hashCode(nIn);
    h = 31 * h + heads;
    h = 31 * h + feedForward;
    h = 31 * h + Double.hashCode(dropout);
    return 31 * h + Double.hashCode(epsilon);
  }

  @Override
  public String toString() {
    return "TransformerEncoderLayer[nIn=" + nIn + ", heads=" + heads + ", feedForward=" + feedForward
        + ", dropout=" + dropout + ", epsilon=" + epsilon + "]";
  }
}
