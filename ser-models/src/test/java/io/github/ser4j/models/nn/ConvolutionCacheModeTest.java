package io.github.ser4j.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * {@link CacheMode#DEVICE}, set by {@code NetworkDescription.baseConfiguration} for every network
 * of this package: a convolution's backprop reuses the forward pre-activation instead of running the
 * convolution again, with bit-identical training.
 */
class ConvolutionCacheModeTest {

  /** Every conv network of the package, with its input shape (without the batch dimension). */
  private static final Object[][] PRESETS = {
      {SmallResNet.reference(), new long[] {1, 64, 94}},
      {Cnn2d.reference(), new long[] {1, 64, 94}},
      {Cnn1d.reference(), new long[] {42}},
      {RawWaveformCnn.builder().samples(4_000).build(), new long[] {4_000}},
      {ParallelCnnTransformer.builder().input(32, 40).build(), new long[] {1, 32, 40}},
  };

  @Test
  void everyConvNetworkHasTheDeviceCacheModeAndKeepsItThroughJsonAndModelSerializer() throws Exception {
    for (Object[] p : PRESETS) {
      NetworkDescription d = (NetworkDescription) p[0];
      ComputationGraphConfiguration conf = d.configuration();
      assertEquals(CacheMode.DEVICE, conf.getCacheMode(), d.toString());
      assertEquals(CacheMode.DEVICE, ComputationGraphConfiguration.fromJson(conf.toJson()).getCacheMode(), d.toString());
    }
    ComputationGraph net = SmallResNet.reference().network();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    ModelSerializer.writeModel(net, bytes, false);
    ComputationGraph back = ModelSerializer.restoreComputationGraph(new java.io.ByteArrayInputStream(bytes.toByteArray()), false);
    assertEquals(CacheMode.DEVICE, back.getConfiguration().getCacheMode());
    assertEquals(net.params(), back.params());
  }

  /** 15 convolutions: without the cache 30 conv2d ops per training step, with it 15. */
  @Test
  void smallResNetRunsEachConvolutionOncePerTrainingStep() {
    SmallResNet d = SmallResNet.builder().input(1, 16, 20).build();
    DataSet data = data(new long[] {1, 16, 20}, 4, d.numClasses(), 1);
    assertEquals(15, convForwardOpsPerStep(d.network(), data));
    assertEquals(30, convForwardOpsPerStep(withoutCache(d.configuration()), data));
  }

  /** The cache changes no number: three Adam steps give bit-identical parameters and scores. */
  @Test
  void trainingIsBitIdenticalWithAndWithoutTheCache() {
    for (Object[] p : PRESETS) {
      NetworkDescription d = (NetworkDescription) p[0];
      long[] shape = (long[]) p[1];
      DataSet data = data(shape, 4, d.numClasses(), 5);
      ComputationGraph cached = d.network();
      ComputationGraph plain = withoutCache(d.configuration());
      assertEquals(plain.params(), cached.params(), d.toString());
      for (int step = 0; step < 3; step++) {
        Nd4j.getRandom().setSeed(100 + step); // dropout masks
        cached.fit(data);
        Nd4j.getRandom().setSeed(100 + step);
        plain.fit(data);
        assertEquals(plain.score(), cached.score(), 0.0, d + " step " + step);
      }
      assertEquals(plain.params(), cached.params(), d.toString());
      assertEquals(plain.outputSingle(false, data.getFeatures()), cached.outputSingle(false, data.getFeatures()),
          d.toString());
    }
  }

  private static ComputationGraph withoutCache(ComputationGraphConfiguration conf) {
    conf.setCacheMode(CacheMode.NONE);
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    net.setCacheMode(CacheMode.NONE);
    for (Layer l : net.getLayers()) {
      l.setCacheMode(CacheMode.NONE);
    }
    return net;
  }

  private static long convForwardOpsPerStep(ComputationGraph net, DataSet data) {
    net.fit(data); // warm-up: helpers and workspaces
    OpProfiler.getInstance().reset();
    Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
    try {
      net.fit(data);
    } finally {
      Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }
    return OpProfiler.getInstance().getOpCounter().getCount("conv2d");
  }

  static DataSet data(long[] shape, int batch, int classes, long seed) {
    long[] s = new long[shape.length + 1];
    s[0] = batch;
    System.arraycopy(shape, 0, s, 1, shape.length);
    Nd4j.getRandom().setSeed(seed);
    INDArray x = Nd4j.randn(DataType.FLOAT, s);
    INDArray y = Nd4j.zeros(DataType.FLOAT, batch, classes);
    Random r = new Random(seed);
    for (int i = 0; i < batch; i++) {
      y.putScalar(i, r.nextInt(classes), 1f);
    }
    return new DataSet(x, y);
  }
}
