package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2048-dimensional embedding of a log-mel spectrogram from an ImageNet-style ResNet-50 (He et
 * al. 2016): the spectrogram is made into a 224 x 224 x 3 image and the output of the network's
 * global average pooling ({@link #embeddingVertex()}) is the embedding (the usual transfer-learning
 * features for speech emotion recognition; a classifier is then trained on them).
 *
 * <p>Weights come ONLY from a local file you give; nothing is ever downloaded. Two kinds, told apart
 * by their first bytes (not the file name), see {@link Format}:
 * <ul>
 *   <li>{@link Format#KERAS_H5}: Keras's ResNet50 weights in HDF5, such as keras.applications'
 *       {@code resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5} (weights only; with or without
 *       the top) or a full-model {@code .h5} of the same network ({@code model.save}). SER4J builds
 *       Keras's exact ResNet50 topology with Keras's layer names and reads every layer's weights; the
 *       embedding is the output of Keras's {@code avg_pool}. Needs the optional dependency
 *       {@code org.deeplearning4j:deeplearning4j-modelimport} (it brings the HDF5 library).</li>
 *   <li>{@link Format#DL4J_ZIP}: a DL4J {@code ModelSerializer} zip of a ComputationGraph with input
 *       3 x 224 x 224 (NCHW) and a vertex named {@value #EMBEDDING_VERTEX}, such as the configuration
 *       of DL4J's zoo {@code ResNet50} (whose geometry differs from Keras's) with weights you obtained
 *       and saved yourself.</li>
 * </ul>
 *
 * <p>The image ({@link #image(float[][], Normalization)}): the spectrogram {@code [mels][frames]}
 * (row 0 the lowest band, at the top of the image) is resized to 224 x 224 by bilinear
 * interpolation with half-pixel centres (PyTorch's {@code F.interpolate(mode="bilinear",
 * align_corners=False)}, no antialiasing), scaled to [0, 1] by the spectrogram's minimum and maximum
 * (a constant spectrogram gives 0), then normalised per channel with ImageNet's mean
 * (0.485, 0.456, 0.406) and standard deviation (0.229, 0.224, 0.225) ({@link Normalization#IMAGENET},
 * torchvision's convention), or as Keras's ResNet50 {@code preprocess_input} does
 * ({@link Normalization#CAFFE}), or left in [0, 1] ({@link Normalization#MIN_MAX}); the one channel is
 * repeated 3 times. Use the normalisation your weights were trained with; {@link #load(Path)} picks
 * CAFFE for Keras files and IMAGENET for DL4J files.
 *
 * <p>Not thread-safe as a network, so {@link #embed(float[][])} is synchronized; one forward pass of
 * the zoo network takes about 150 ms on 2 cores with the oneDNN helpers ({@link Dl4jRuntime}), Keras's
 * (7 x 7 last stage) about 1.5 times that.
 */
public final class ResNet50Embedding {
  /** The side of the square input image. */
  public static final int IMAGE_SIZE = 224;
  /** The name of the global average pooling vertex whose output is the embedding in a DL4J zip. */
  public static final String EMBEDDING_VERTEX = "avgpool";
  /** Keras's name of the global average pooling whose output is the embedding of a Keras file. */
  public static final String KERAS_EMBEDDING_VERTEX = KerasResNet50.EMBEDDING_VERTEX;

  private static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
  private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};
  /** Keras's "caffe" means of channels B, G, R on the 0-255 scale (keras.applications.imagenet_utils). */
  private static final double[] CAFFE_MEAN = {103.939, 116.779, 123.68};
  /** HDF5's format signature; it starts the file or a user block of 512, 1024, 2048, ... bytes. */
  private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
  private static final String MODELIMPORT = "org.deeplearning4j:deeplearning4j-modelimport:1.0.0-M2.1";

  /** The kind of weight file, recognised by its first bytes. */
  public enum Format {
    /** A DL4J {@code ModelSerializer} zip of a ComputationGraph with a vertex {@value ResNet50Embedding#EMBEDDING_VERTEX}. */
    DL4J_ZIP,
    /** Keras's ResNet50 weights in HDF5 (weights-only or full model), embedding at {@value ResNet50Embedding#KERAS_EMBEDDING_VERTEX}. */
    KERAS_H5
  }

  /** How the [0, 1]-scaled spectrogram image is normalised before it enters the network. */
  public enum Normalization {
    /** Per channel {@code (v - mean) / std} with ImageNet's statistics (torchvision's pretrained weights). */
    IMAGENET,
    /** The [0, 1] values unchanged in all three channels. */
    MIN_MAX,
    /**
     * Keras's ResNet50 {@code preprocess_input} ("caffe" mode): the [0, 1] values times 255 minus
     * 103.939, 116.779 and 123.68 in channels 0, 1, 2 (B, G, R), not divided (keras.applications'
     * pretrained weights).
     */
    CAFFE
  }

  private final Path file;
  private final Format format;
  private final ComputationGraph network;
  private final String embeddingVertex;
  private final Normalization normalization;
  private final int embeddingSize;

  private ResNet50Embedding(Path file, Format format, ComputationGraph network, String embeddingVertex,
      Normalization normalization, int embeddingSize) {
    this.file = file;
    this.format = format;
    this.network = network;
    this.embeddingVertex = embeddingVertex;
    this.normalization = normalization;
    this.embeddingSize = embeddingSize;
  }

  /**
   * Loads the network from a local Keras {@code .h5} or DL4J zip, with the normalisation its weights
   * expect: {@link Normalization#CAFFE} for a Keras file (keras.applications' preprocessing),
   * {@link Normalization#IMAGENET} for a DL4J zip.
   *
   * @param file the local weight file
   * @return the embedding model
   * @throws ModelException naming the file, see {@link #load(Path, Normalization)}
   */
  public static ResNet50Embedding load(Path file) {
    Format format = format(file);
    return load(file, format == Format.KERAS_H5 ? Normalization.CAFFE : Normalization.IMAGENET);
  }

  /**
   * Loads the network from a local Keras {@code .h5} (Keras's ResNet50 topology, built here) or a
   * DL4J ModelSerializer zip (without its updater state).
   *
   * @param file the local weight file
   * @param normalization how the image is normalised (the one the weights were trained with)
   * @return the embedding model
   * @throws ModelException naming the file if it is missing or neither HDF5 nor zip; for a Keras file
   *     if deeplearning4j-modelimport is not on the class path, a layer's group or weight is missing
   *     (naming the layer) or a weight has another shape than ResNet50's (naming the layer and both
   *     shapes); for a DL4J file if it is not a DL4J ComputationGraph file, has no vertex
   *     {@value #EMBEDDING_VERTEX}, or does not take a 3 x 224 x 224 image (checked by one forward
   *     pass of a blank image)
   */
  public static ResNet50Embedding load(Path file, Normalization normalization) {
    if (normalization == null) {
      throw new ModelException("normalization = null is not allowed: must be IMAGENET, MIN_MAX or CAFFE");
    }
    Format format = format(file);
    if (format == Format.KERAS_H5) {
      requireHdf5Reader(file, ResNet50Embedding.class.getClassLoader());
      Dl4jRuntime.prepare();
      ComputationGraph net;
      try {
        net = KerasResNet50.load(file);
      } catch (LinkageError e) {
        // e.g. no HDF5 native library for this platform (hdf5-platform has no macosx-arm64 build)
        throw new ModelException("Keras weight file " + file + " cannot be read: the HDF5 library of "
            + MODELIMPORT + " does not load here: " + e, e);
      } catch (ModelException e) {
        throw e;
      } catch (RuntimeException e) {
        // an HDF5 read error inside a dataset (a truncated or damaged file)
        throw new ModelException("Keras weight file " + file + " cannot be read: " + e, e);
      }
      return new ResNet50Embedding(file, format, net, KERAS_EMBEDDING_VERTEX, normalization, 2048);
    }
    Dl4jRuntime.prepare();
    ComputationGraph net;
    try {
      net = ModelSerializer.restoreComputationGraph(file.toFile(), false);
    } catch (Exception | LinkageError e) {
      throw new ModelException("ResNet50 weight file " + file
          + " is a zip but not a DL4J ComputationGraph saved with ModelSerializer: " + e, e);
    }
    if (net == null) {
      throw new ModelException("ResNet50 weight file " + file + " holds no ComputationGraph");
    }
    GraphVertex vertex = net.getVertex(EMBEDDING_VERTEX);
    if (vertex == null) {
      throw new ModelException("ResNet50 weight file " + file + " has no vertex named \"" + EMBEDDING_VERTEX
          + "\" (the global average pooling whose output is the embedding)");
    }
    if (net.getConfiguration().getNetworkInputs().size() != 1) {
      throw new ModelException("ResNet50 weight file " + file + " has inputs "
          + net.getConfiguration().getNetworkInputs() + ": must have one, a 3 x 224 x 224 image");
    }
    // DL4J files do not record their input type: one pass of a blank image checks that the network
    // takes 3 x 224 x 224 and tells the embedding's length.
    long size;
    try {
      INDArray blank = Nd4j.zeros(DataType.FLOAT, 1, 3, IMAGE_SIZE, IMAGE_SIZE);
      size = embedding(net, EMBEDDING_VERTEX, blank).length();
    } catch (RuntimeException e) {
      throw new ModelException("ResNet50 weight file " + file + " does not take a 3 x " + IMAGE_SIZE + " x "
          + IMAGE_SIZE + " image (NCHW) up to its vertex \"" + EMBEDDING_VERTEX + "\": " + e, e);
    }
    return new ResNet50Embedding(file, format, net, EMBEDDING_VERTEX, normalization, Math.toIntExact(size));
  }

  /**
   * The kind of a weight file, from its first bytes: HDF5's signature (at 0, 512, 1024 or 2048) is
   * {@link Format#KERAS_H5}, a zip's {@code PK\3\4} is {@link Format#DL4J_ZIP}.
   *
   * @param file a local file
   * @return its format
   * @throws ModelException naming the file if it is null, missing, unreadable or neither HDF5 nor zip
   */
  public static Format format(Path file) {
    if (file == null) {
      throw new ModelException("ResNet50 weight file = null is not allowed: give a local Keras .h5 or DL4J zip");
    }
    if (!Files.isRegularFile(file)) {
      throw new ModelException("ResNet50 weight file " + file + " does not exist or is not a regular file");
    }
    byte[] head = new byte[2048 + HDF5_SIGNATURE.length];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new ModelException("ResNet50 weight file " + file + " cannot be read: " + e, e);
    }
    for (int offset = 0; offset <= 2048; offset = offset == 0 ? 512 : 2 * offset) {
      if (n >= offset + HDF5_SIGNATURE.length
          && Arrays.equals(head, offset, offset + HDF5_SIGNATURE.length, HDF5_SIGNATURE, 0, HDF5_SIGNATURE.length)) {
        return Format.KERAS_H5;
      }
    }
    if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return Format.DL4J_ZIP;
    }
    throw new ModelException("ResNet50 weight file " + file
        + " is neither HDF5 (a Keras .h5) nor a zip (a DL4J ModelSerializer file)");
  }

  /** The Keras path needs deeplearning4j-modelimport, an optional dependency: say so instead of a NoClassDefFoundError. */
  static void requireHdf5Reader(Path file, ClassLoader loader) {
    for (String name : new String[] {
        "org.deeplearning4j.nn.modelimport.keras.Hdf5Archive", "org.bytedeco.hdf5.H5File"}) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ModelException("ResNet50 weight file " + file + " is a Keras HDF5 file; reading it needs "
            + MODELIMPORT + " on the class path (an optional dependency of ser-models: add it to your build)", e);
      }
    }
  }

  /**
   * The 224 x 224 x 3 image the network sees for a spectrogram (see the class description).
   *
   * @param logMel a log-mel spectrogram {@code [mels][frames]}, rectangular, finite, at least 1 x 1
   * @param normalization the per-channel normalisation
   * @return {@code [1, 3, 224, 224]} float (NCHW)
   * @throws ModelException if the spectrogram is empty, ragged or not finite
   */
  public static INDArray image(float[][] logMel, Normalization normalization) {
    if (normalization == null) {
      throw new ModelException("normalization = null is not allowed: must be IMAGENET, MIN_MAX or CAFFE");
    }
    double[] range = checkedRange(logMel);
    double min = range[0];
    double span = range[1] - range[0];
    double[][] resized = resizeBilinear(logMel, IMAGE_SIZE, IMAGE_SIZE);
    float[] data = new float[3 * IMAGE_SIZE * IMAGE_SIZE];
    for (int c = 0; c < 3; c++) {
      double mean = switch (normalization) {
        case IMAGENET -> IMAGENET_MEAN[c];
        case MIN_MAX -> 0;
        case CAFFE -> CAFFE_MEAN[c] / 255; // (255 v - m) = 255 (v - m / 255)
      };
      double std = switch (normalization) {
        case IMAGENET -> IMAGENET_STD[c];
        case MIN_MAX -> 1;
        case CAFFE -> 1.0 / 255;
      };
      int offset = c * IMAGE_SIZE * IMAGE_SIZE;
      for (int r = 0; r < IMAGE_SIZE; r++) {
        for (int col = 0; col < IMAGE_SIZE; col++) {
          double scaled = span > 0 ? (resized[r][col] - min) / span : 0;
          data[offset + r * IMAGE_SIZE + col] = (float) ((scaled - mean) / std);
        }
      }
    }
    return Nd4j.create(data, new long[] {1, 3, IMAGE_SIZE, IMAGE_SIZE}, DataType.FLOAT);
  }

  /**
   * The embedding of one spectrogram: the output of vertex {@value #EMBEDDING_VERTEX} for
   * {@link #image(float[][], Normalization)} (inference mode). The same file and input give
   * bit-identical embeddings.
   *
   * @param logMel a log-mel spectrogram {@code [mels][frames]}, rectangular, finite, at least 1 x 1
   * @return the embedding, {@link #embeddingSize()} values (2048 for ResNet-50)
   * @throws ModelException if the spectrogram is empty, ragged or not finite
   */
  public synchronized float[] embed(float[][] logMel) {
    INDArray x = image(logMel, normalization);
    return embedding(network, embeddingVertex, x).reshape(embeddingSize).toFloatVector();
  }

  /** The activations of the embedding vertex only (DL4J computes just the vertices it needs). */
  private static INDArray embedding(ComputationGraph net, String vertex, INDArray images) {
    return net.output(List.of(vertex), false, new INDArray[] {images}, null)[0];
  }

  /** The network, for tests that look inside (package-private: the class owns it and synchronizes on itself). */
  ComputationGraph network() {
    return network;
  }

  /** @return the length of an embedding (2048 for ResNet-50) */
  public int embeddingSize() {
    return embeddingSize;
  }

  /** @return the image normalisation in use */
  public Normalization normalization() {
    return normalization;
  }

  /** @return the kind of weight file this model was loaded from */
  public Format format() {
    return format;
  }

  /** @return the name of the vertex whose output is the embedding ({@value #EMBEDDING_VERTEX} or {@value #KERAS_EMBEDDING_VERTEX}) */
  public String embeddingVertex() {
    return embeddingVertex;
  }

  /** @return the weight file this model was loaded from */
  public Path file() {
    return file;
  }

  /** @return the network's number of parameters */
  public long parameterCount() {
    return network.numParams();
  }

  @Override
  public String toString() {
    return "ResNet50Embedding[file=" + file + ", format=" + format + ", normalization=" + normalization + ", size=" + embeddingSize + "]";
  }

  /** Minimum and maximum; rejects null, empty, ragged and non-finite input. */
  private static double[] checkedRange(float[][] x) {
    if (x == null || x.length == 0 || x[0] == null || x[0].length == 0) {
      throw new ModelException("logMel is empty: must have at least one band and one frame");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < x.length; r++) {
      if (x[r] == null || x[r].length != x[0].length) {
        throw new ModelException("logMel row " + r + " has " + (x[r] == null ? "no" : x[r].length)
            + " frames, row 0 has " + x[0].length + ": rows must have equal lengths");
      }
      for (int c = 0; c < x[r].length; c++) {
        float v = x[r][c];
        if (!Float.isFinite(v)) {
          throw new ModelException("logMel[" + r + "][" + c + "] = " + v + " is not allowed: must be finite");
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return new double[] {min, max};
  }

  /**
   * Bilinear resize with half-pixel centres and edge clamping (PyTorch's {@code align_corners=False}).
   */
  static double[][] resizeBilinear(float[][] in, int outH, int outW) {
    int inH = in.length;
    int inW = in[0].length;
    int[] c0 = new int[outW];
    int[] c1 = new int[outW];
    double[] cw = new double[outW];
    for (int j = 0; j < outW; j++) {
      double src = Math.max(0, (j + 0.5) * inW / outW - 0.5);
      c0[j] = Math.min((int) src, inW - 1);
      c1[j] = Math.min(c0[j] + 1, inW - 1);
      cw[j] = src - c0[j];
    }
    double[][] out = new double[outH][outW];
    for (int i = 0; i < outH; i++) {
      double src = Math.max(0, (i + 0.5) * inH / outH - 0.5);
      int r0 = Math.min((int) src, inH - 1);
      int r1 = Math.min(r0 + 1, inH - 1);
      double rw = src - r0;
      for (int j = 0; j < outW; j++) {
        double top = in[r0][c0[j]] + (in[r0][c1[j]] - in[r0][c0[j]]) * cw[j];
        double bottom = in[r1][c0[j]] + (in[r1][c1[j]] - in[r1][c0[j]]) * cw[j];
        out[i][j] = top + (bottom - top) * rw;
      }
    }
    return out;
  }
}
