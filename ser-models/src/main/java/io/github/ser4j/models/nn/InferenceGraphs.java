package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.layers.FusedBatchNormalization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Transformations of a trained {@link ComputationGraph} into an equivalent graph that predicts
 * faster. The original network is never modified.
 */
public final class InferenceGraphs {
  private InferenceGraphs() {
  }

  /**
   * Folds every batch normalisation that directly follows a convolution into that convolution, as
   * PyTorch's {@code torch.nn.utils.fusion.fuse_conv_bn_eval} and oneDNN's inference fusion do,
   * then moves an activation layer that directly follows a convolution into the convolution.
   *
   * <p>At inference a batch norm with running mean {@code m}, running variance {@code v}, scale
   * {@code gamma}, shift {@code beta} and {@code eps} is the affine map {@code y = s (z - m) + beta}
   * per channel, with {@code s = gamma / sqrt(v + eps)}; applied to a convolution
   * {@code z = W * x + b} it is the convolution with weights {@code W' = s W} (output channel
   * {@code c} scaled by {@code s_c}) and bias {@code b' = s (b - m) + beta} ({@code b = 0} for a
   * convolution without bias). A {@link FusedBatchNormalization}'s activation becomes the
   * convolution's; a plain DL4J {@code BatchNormalization}'s configured activation does not, because
   * DL4J 1.0.0-M2.1's layer never applies it: the folded graph computes what the original computes. An
   * {@code ActivationLayer} whose input is a convolution with the identity activation becomes that
   * convolution's activation (one op and one copy less per layer: DL4J's activation layer
   * duplicates its input).
   *
   * <p>A batch norm is folded when it is a {@code BatchNormalization} layer over the channels of
   * NCHW activations whose only input is a plain {@code ConvolutionLayer} (NCHW, identity
   * activation, not a network output, read by no other vertex), with no input preprocessor between
   * them; an activation layer is moved under the same conditions. Every other vertex, parameter and
   * setting is copied unchanged, and vertices that read a removed layer read the convolution.
   * Per-channel arithmetic is in double, then rounded to the network's data type, so outputs equal
   * the original's in inference mode up to float rounding (tested to 1e-5 relative on every SER4J
   * conv network).
   *
   * <p>The result is for prediction ({@code output(false, ...)}): it has no batch norms, so training
   * it further is a different model, and in training mode it differs from the original (whose batch
   * norms then use batch statistics). A graph with nothing to fold comes back as a copy.
   *
   * @param trained an initialised network, e.g. trained by {@code NetworkTrainer} or loaded from a
   *     model file; not modified
   * @return a new, initialised network with the batch norms folded
   * @throws ModelException if {@code trained} is null or not initialised
   */
  public static ComputationGraph foldBatchNorm(ComputationGraph trained) {
    ModelException.require(trained != null, "trained", "null", "an initialised ComputationGraph");
    ModelException.require(trained.params() != null && trained.getLayers() != null, "trained",
        "a network without parameters", "an initialised ComputationGraph (call init())");
    // A deep copy through JSON: bit-exact for every layer configuration, custom layers included.
    ComputationGraphConfiguration conf = ComputationGraphConfiguration.fromJson(trained.getConfiguration().toJson());
    Map<String, String> bnOfConv = new LinkedHashMap<>();
    for (String name : new ArrayList<>(conf.getVertices().keySet())) {
      String conv = convFeedingOnly(conf, name, BatchNormalization.class);
      if (conv != null && ((BatchNormalization) layerOf(conf.getVertices().get(name))).getCnn2DFormat()
          == CNN2DFormat.NCHW) {
        ConvolutionLayer convConf = (ConvolutionLayer) layerOf(conf.getVertices().get(conv));
        convConf.setHasBias(true);
        if (layerOf(conf.getVertices().get(name)) instanceof FusedBatchNormalization) {
          convConf.setActivationFn(((FusedBatchNormalization) layerOf(conf.getVertices().get(name))).getActivationFn());
        }
        remove(conf, name, conv);
        bnOfConv.put(conv, name);
      }
    }
    for (String name : new ArrayList<>(conf.getVertices().keySet())) {
      String conv = convFeedingOnly(conf, name, ActivationLayer.class);
      if (conv != null) {
        IActivation act = ((ActivationLayer) layerOf(conf.getVertices().get(name))).getActivationFn();
        ((ConvolutionLayer) layerOf(conf.getVertices().get(conv))).setActivationFn(act);
        remove(conf, name, conv);
      }
    }
    conf.setTopologicalOrder(null);
    conf.setTopologicalOrderStr(null);

    ComputationGraph folded = new ComputationGraph(conf);
    folded.init();
    for (Layer layer : folded.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      String bn = bnOfConv.get(name);
      if (bn == null) {
        for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
          p.getValue().assign(trained.getLayer(name).getParam(p.getKey()));
        }
      } else {
        fold(trained.getLayer(name), trained.getLayer(bn), layer);
      }
    }
    return folded;
  }

  /**
   * If vertex {@code name} is a layer of type {@code type} without preprocessor whose only input is
   * a plain NCHW convolution with the identity activation that nothing else reads and that is not
   * an output, that convolution's name; else null.
   */
  private static String convFeedingOnly(ComputationGraphConfiguration conf, String name, Class<?> type) {
    GraphVertex v = conf.getVertices().get(name);
    List<String> inputs = conf.getVertexInputs().get(name);
    if (!type.isInstance(layerOf(v)) || ((LayerVertex) v).getPreProcessor() != null
        || inputs == null || inputs.size() != 1) {
      return null;
    }
    String conv = inputs.get(0);
    GraphVertex c = conf.getVertices().get(conv);
    if (c == null || layerOf(c) == null || layerOf(c).getClass() != ConvolutionLayer.class) {
      return null; // subclasses (1-D, depthwise, separable, deconvolution) have other weight layouts
    }
    ConvolutionLayer convConf = (ConvolutionLayer) layerOf(c);
    if (convConf.getCnn2dDataFormat() != CNN2DFormat.NCHW || !(convConf.getActivationFn() instanceof ActivationIdentity)
        || conf.getNetworkOutputs().contains(conv)) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : conf.getVertexInputs().entrySet()) {
      if (!e.getKey().equals(name) && e.getValue().contains(conv)) {
        return null; // the convolution's raw output is read elsewhere too
      }
    }
    return conv;
  }

  /** Removes vertex {@code name}; whatever read it reads {@code replacement}. */
  private static void remove(ComputationGraphConfiguration conf, String name, String replacement) {
    conf.getVertices().remove(name);
    conf.getVertexInputs().remove(name);
    for (List<String> inputs : conf.getVertexInputs().values()) {
      inputs.replaceAll(in -> in.equals(name) ? replacement : in);
    }
    conf.getNetworkOutputs().replaceAll(out -> out.equals(name) ? replacement : out);
  }

  private static org.deeplearning4j.nn.conf.layers.Layer layerOf(GraphVertex v) {
    return v instanceof LayerVertex ? ((LayerVertex) v).getLayerConf().getLayer() : null;
  }

  /** Writes {@code W' = s W} and {@code b' = s (b - m) + beta} into {@code target}'s parameters. */
  private static void fold(Layer conv, Layer bn, Layer target) {
    BatchNormalization bnConf = (BatchNormalization) bn.conf().getLayer();
    INDArray w = conv.getParam(ConvolutionParamInitializer.WEIGHT_KEY).castTo(DataType.DOUBLE);
    long nOut = w.size(0);
    INDArray mean = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).castTo(DataType.DOUBLE).reshape(nOut);
    INDArray var;
    if (bnConf.isUseLogStd()) {
      // DL4J stores log10(std): var = (10^log10std)^2
      INDArray log10Std = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).castTo(DataType.DOUBLE);
      INDArray std = Transforms.pow(Nd4j.valueArrayOf(log10Std.shape(), 10.0, DataType.DOUBLE), log10Std, false);
      var = std.mul(std).reshape(nOut);
    } else {
      var = bn.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).castTo(DataType.DOUBLE).reshape(nOut);
    }
    INDArray gamma;
    INDArray beta;
    if (bnConf.isLockGammaBeta()) {
      gamma = Nd4j.valueArrayOf(new long[] {nOut}, bnConf.getGamma(), DataType.DOUBLE);
      beta = Nd4j.valueArrayOf(new long[] {nOut}, bnConf.getBeta(), DataType.DOUBLE);
    } else {
      gamma = bn.getParam(BatchNormalizationParamInitializer.GAMMA).castTo(DataType.DOUBLE).reshape(nOut);
      beta = bn.getParam(BatchNormalizationParamInitializer.BETA).castTo(DataType.DOUBLE).reshape(nOut);
    }
    INDArray scale = gamma.div(Transforms.sqrt(var.add(bnConf.getEps()), false));
    INDArray bias = ((ConvolutionLayer) conv.conf().getLayer()).hasBias()
        ? conv.getParam(ConvolutionParamInitializer.BIAS_KEY).castTo(DataType.DOUBLE).reshape(nOut)
        : Nd4j.zeros(DataType.DOUBLE, nOut);
    INDArray w2 = w.reshape('c', nOut, w.length() / nOut).mulColumnVector(scale.reshape(nOut, 1)).reshape(w.shape());
    INDArray b2 = bias.sub(mean).muli(scale).addi(beta);
    INDArray targetW = target.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
    INDArray targetB = target.getParam(ConvolutionParamInitializer.BIAS_KEY);
    targetW.assign(w2.castTo(targetW.dataType()));
    targetB.assign(b2.reshape(targetB.shape()).castTo(targetB.dataType()));
  }
}
