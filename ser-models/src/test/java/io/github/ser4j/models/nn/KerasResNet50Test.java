package io.github.ser4j.models.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.models.ModelException;
import io.github.ser4j.models.nn.KerasResNet50.WeightedLayer;
import io.github.ser4j.models.nn.ResNet50Embedding.Format;
import io.github.ser4j.models.nn.ResNet50Embedding.Normalization;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras ResNet50 weights from HDF5: a Keras-layout weights file with formula weights
 * ({@link KerasResNet50Fixture}) is loaded into SER4J's rebuild of Keras's topology. Proves, against
 * truths that do not come from the loader: every DL4J parameter equals the file's value at its Keras
 * position (the formula, evaluated again here), the parameter count is Keras's (23,587,712 for
 * ResNet50 without the top), the stages are 56/28/14/7 pixels wide for a 224 input, the embedding
 * equals an independent numpy implementation of Keras's ResNet50
 * ({@code src/test/python/keras_resnet50_reference.py}) to 1e-4 relative, a full-model file gives the
 * same embedding, and every bad file gives a ModelException naming the problem.
 */
class KerasResNet50Test {
  /** Keras's {@code ResNet50(include_top=False).count_params()}, batch norms' moving statistics included. */
  private static final long KERAS_PARAMS = 23_587_712L;

  @TempDir
  static Path dir;
  private static Path weights;
  private static ResNet50Embedding resnet;

  @BeforeAll
  static void writeAndLoadTheFixture() {
    weights = dir.resolve("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5");
    KerasResNet50Fixture.writeResNet50(weights, false);
    resnet = ResNet50Embedding.load(weights);
  }

  /** The 5 x 7 spectrogram of the Python reference: {@code ((5r + 3c) mod 11) 1.5 - 30 + 0.25 r}. */
  static float[][] spectrogram() {
    float[][] x = new float[5][7];
    for (int r = 0; r < 5; r++) {
      for (int c = 0; c < 7; c++) {
        x[r][c] = (float) (((r * 5 + c * 3) % 11) * 1.5 - 30 + 0.25 * r);
      }
    }
    return x;
  }

  @Test
  void aKerasFileIsRecognisedByItsBytesAndGetsKerasPreprocessing() {
    assertEquals(Format.KERAS_H5, ResNet50Embedding.format(weights));
    assertEquals(Format.KERAS_H5, resnet.format());
    assertEquals(Normalization.CAFFE, resnet.normalization());
    assertEquals(2048, resnet.embeddingSize());
    assertEquals("avg_pool", resnet.embeddingVertex());
    assertEquals(KERAS_PARAMS, resnet.parameterCount());
  }

  @Test
  void everyParameterEqualsTheFileValueAtItsKerasPosition() {
    ComputationGraph net = resnet.network();
    long checked = 0;
    for (WeightedLayer layer : KerasResNet50.weightedLayers()) {
      Map<String, INDArray> params = net.getLayer(layer.name()).paramTable();
      if (layer.convolution()) {
        // DL4J [out, in, kh, kw] at (o, i, y, x) must be Keras's [kh, kw, in, out] at (y, x, i, o).
        INDArray w = params.get("W");
        int k = layer.kernel();
        int in = layer.in();
        int out = layer.out();
        assertArrayEquals(new long[] {out, in, k, k}, w.shape(), layer.name());
        float[] dl4j = w.dup('c').data().asFloat();
        long seed = KerasResNet50Fixture.seed(layer.name(), "kernel");
        long fanIn = (long) k * k * in;
        int pos = 0;
        for (int o = 0; o < out; o++) {
          for (int i = 0; i < in; i++) {
            for (int y = 0; y < k; y++) {
              for (int x = 0; x < k; x++) {
                long keras = (((long) y * k + x) * in + i) * out + o;
                float expected = KerasResNet50Fixture.value(seed, "kernel", keras, fanIn);
                if (dl4j[pos] != expected) {
                  throw new AssertionError(layer.name() + " W[" + o + "," + i + "," + y + "," + x + "] = " + dl4j[pos]
                      + ", file kernel[" + y + "," + x + "," + i + "," + o + "] = " + expected);
                }
                pos++;
              }
            }
          }
        }
        assertArrayEquals(KerasResNet50Fixture.values(layer.name(), "bias", new long[] {out}),
            params.get("b").dup('c').data().asFloat(), layer.name() + " bias");
        checked += w.length() + params.get("b").length();
      } else {
        String[][] names = {{"gamma", "gamma"}, {"beta", "beta"}, {"moving_mean", "mean"}, {"moving_variance", "var"}};
        assertEquals(4, params.size(), layer.name() + " " + params.keySet());
        for (String[] name : names) {
          INDArray p = params.get(name[1]);
          assertArrayEquals(KerasResNet50Fixture.values(layer.name(), name[0], new long[] {layer.in()}),
              p.dup('c').data().asFloat(), layer.name() + " " + name[0]);
          checked += p.length();
        }
      }
    }
    // Every parameter of the network was one of those compared.
    assertEquals(KERAS_PARAMS, checked);
    assertEquals(net.numParams(), checked);
  }

  @Test
  void theStagesAre56_28_14And7PixelsWideFor224Input() {
    INDArray image = ResNet50Embedding.image(spectrogram(), Normalization.CAFFE);
    Map<String, INDArray> a = resnet.network().feedForward(image, false);
    assertArrayEquals(new long[] {1, 64, 112, 112}, a.get("conv1_relu").shape());
    assertArrayEquals(new long[] {1, 64, 56, 56}, a.get("pool1_pool").shape());
    assertArrayEquals(new long[] {1, 256, 56, 56}, a.get("conv2_block3_out").shape());
    assertArrayEquals(new long[] {1, 512, 28, 28}, a.get("conv3_block4_out").shape());
    assertArrayEquals(new long[] {1, 1024, 14, 14}, a.get("conv4_block6_out").shape());
    assertArrayEquals(new long[] {1, 2048, 7, 7}, a.get(KerasResNet50.LAST_BLOCK).shape());
    assertArrayEquals(new long[] {1, 2048}, a.get("avg_pool").shape());
  }

  @Test
  void theEmbeddingEqualsTheIndependentNumpyResNet50() throws IOException {
    double[] expected = reference();
    assertEquals(2048, expected.length);
    float[] actual = resnet.embed(spectrogram());
    double max = 0;
    for (double v : expected) {
      max = Math.max(max, Math.abs(v));
    }
    // 1e-4 relative per value; exact zeros of the reference (channels whose 49 ReLU outputs are all 0)
    // get an absolute allowance of 1e-6 of the largest value, float32's accumulation error.
    double worst = 0;
    for (int j = 0; j < 2048; j++) {
      double err = Math.abs(actual[j] - expected[j]);
      double allowed = 1e-4 * Math.abs(expected[j]) + 1e-6 * max;
      worst = Math.max(worst, err / allowed);
      assertTrue(err <= allowed, "embedding[" + j + "] = " + actual[j] + ", numpy " + expected[j]);
    }
    System.out.printf("Keras ResNet50 vs numpy: worst error %.3f of the allowance%n", worst);
    // The same file and input give bit-identical embeddings.
    assertArrayEquals(actual, resnet.embed(spectrogram()));
  }

  @Test
  void aFullModelFileGivesTheSameEmbedding() {
    Path full = dir.resolve("resnet50-full-model.h5");
    KerasResNet50Fixture.writeResNet50(full, true);
    ResNet50Embedding fromFull = ResNet50Embedding.load(full, Normalization.CAFFE);
    assertArrayEquals(resnet.embed(spectrogram()), fromFull.embed(spectrogram()));
  }

  @Test
  void badFilesAreRejectedNamingTheFileTheLayerAndTheShapes() throws IOException {
    Path missing = dir.resolve("no-such-file.h5");
    ModelException e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

    Path text = dir.resolve("text.h5");
    Files.writeString(text, "not HDF5");
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(text));
    assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("neither HDF5"), e.getMessage());

    // The HDF5 signature followed by garbage: HDF5 itself refuses it.
    Path corrupt = dir.resolve("corrupt.h5");
    byte[] bytes = new byte[4096];
    System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, bytes, 0, 8);
    Files.write(corrupt, bytes);
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(corrupt));
    assertTrue(e.getMessage().contains(corrupt.toString()) && e.getMessage().contains("HDF5"), e.getMessage());

    // A download cut short: the first MB of a good file.
    Path truncated = dir.resolve("truncated.h5");
    try (InputStream in = Files.newInputStream(weights)) {
      Files.write(truncated, in.readNBytes(1 << 20));
    }
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(truncated));
    assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());

    List<WeightedLayer> layers = KerasResNet50.weightedLayers();
    Path wrongShape = dir.resolve("wrong-shape.h5");
    try (KerasResNet50Fixture.Writer w = new KerasResNet50Fixture.Writer(wrongShape, false)) {
      w.write("conv1_conv", "kernel", new long[] {7, 7, 1, 64}, new float[7 * 7 * 64]);
      w.write("conv1_conv", "bias", new long[] {64}, new float[64]);
    }
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(wrongShape));
    assertTrue(e.getMessage().contains("conv1_conv") && e.getMessage().contains("kernel")
        && e.getMessage().contains("[7, 7, 1, 64]") && e.getMessage().contains("[7, 7, 3, 64]"), e.getMessage());

    Path missingLayer = dir.resolve("missing-layer.h5");
    try (KerasResNet50Fixture.Writer w = new KerasResNet50Fixture.Writer(missingLayer, false)) {
      w.write(layers.get(0));
      w.write(layers.get(1));
    }
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(missingLayer));
    assertTrue(e.getMessage().contains(missingLayer.toString())
        && e.getMessage().contains("no group for layer conv2_block1_0_conv"), e.getMessage());

    Path missingWeight = dir.resolve("missing-weight.h5");
    try (KerasResNet50Fixture.Writer w = new KerasResNet50Fixture.Writer(missingWeight, false)) {
      w.write("conv1_conv", "kernel", new long[] {7, 7, 3, 64}, new float[7 * 7 * 3 * 64]);
    }
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(missingWeight));
    assertTrue(e.getMessage().contains("conv1_conv") && e.getMessage().contains("bias"), e.getMessage());

    Path deeper = dir.resolve("resnet101-like.h5");
    try (KerasResNet50Fixture.Writer w = new KerasResNet50Fixture.Writer(deeper, false)) {
      w.write(layers.get(0));
      w.write("conv4_block7_1_conv", "bias", new long[] {256}, new float[256]);
    }
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(deeper));
    assertTrue(e.getMessage().contains("conv4_block7_1_conv") && e.getMessage().contains("not ResNet50"),
        e.getMessage());

    // The old keras-applications naming (another epsilon as well) is named as such, not loaded.
    Path legacy = dir.resolve("legacy-names.h5");
    try (KerasResNet50Fixture.Writer w = new KerasResNet50Fixture.Writer(legacy, false)) {
      w.write("conv1", "bias", new long[] {64}, new float[64]);
      w.write("bn_conv1", "gamma", new long[] {64}, new float[64]);
    }
    e = assertThrows(ModelException.class, () -> ResNet50Embedding.load(legacy));
    assertTrue(e.getMessage().contains("bn_conv1") && e.getMessage().contains("conv1_conv"), e.getMessage());
  }

  @Test
  void withoutModelimportDl4jZipsStillLoadAndKerasFilesGetAMessageNamingTheDependency() throws Exception {
    // A child JVM whose class path lacks deeplearning4j-modelimport and the HDF5 jars (the optional
    // dependency left out, as for a user who does not add it).
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.contains("deeplearning4j-modelimport") && !p.contains("hdf5"))
        .collect(Collectors.joining(File.pathSeparator));
    assertTrue(classPath.length() < System.getProperty("java.class.path").length(), "nothing was left out");
    Path zip = dir.resolve("small-resnet.zip");
    ModelSerializer.writeModel(SmallResNet.builder().input(1, 8, 8).stages(new int[] {4}, new int[] {1})
        .stemChannels(4).build().network(), zip.toFile(), false);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, ResNet50EmbeddingProbe.class.getName(), weights.toString(), zip.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    String[] lines = out.lines().filter(l -> l.startsWith("ok") || l.startsWith("ModelException")).toArray(String[]::new);
    assertEquals(2, lines.length, out);
    assertTrue(lines[0].contains("needs org.deeplearning4j:deeplearning4j-modelimport:1.0.0-M2.1")
        && lines[0].contains(weights.toString()), lines[0]);
    // The zip was restored by ModelSerializer (only then is the missing "avgpool" vertex noticed).
    assertTrue(lines[1].contains("has no vertex named \"avgpool\""), lines[1]);
  }

  @Test
  void theCaffeImageIsKerasPreprocessInput() {
    // Keras "caffe": 255 v - (103.939, 116.779, 123.68) for channels B, G, R = 0, 1, 2.
    INDArray caffe = ResNet50Embedding.image(new float[][] {{0, 1}, {2, 3}}, Normalization.CAFFE);
    assertEquals(0 - 103.939, caffe.getDouble(0, 0, 0, 0), 1e-4);
    assertEquals(255 - 116.779, caffe.getDouble(0, 1, 223, 223), 1e-4);
    assertEquals(170 - 123.68, caffe.getDouble(0, 2, 223, 0), 1e-4);
  }

  private static double[] reference() throws IOException {
    List<Double> values = new ArrayList<>();
    try (InputStream in = KerasResNet50Test.class.getResourceAsStream("keras_resnet50_reference.txt")) {
      assertTrue(in != null, "keras_resnet50_reference.txt is missing");
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          values.add(Double.parseDouble(line.trim()));
        }
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
