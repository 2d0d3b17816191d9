package io.github.ser4j.models.nn;

import io.github.ser4j.models.nn.KerasResNet50.WeightedLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.global.hdf5;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;

/**
 * Writes Keras-layout ResNet50 weight files with deterministic weights for the tests: the layout of
 * keras.applications' {@code resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5} (a group per layer
 * at the root, datasets {@code <layer>/<layer>/kernel:0}, {@code bias:0}, {@code gamma:0},
 * {@code beta:0}, {@code moving_mean:0}, {@code moving_variance:0}, kernels {@code [kh, kw, in, out]})
 * or of a full-model file (the same under {@code /model_weights}).
 *
 * <p>The weights are a formula that {@code src/test/python/keras_resnet50_reference.py} repeats
 * bit for bit: for weight {@code w} of layer {@code L}, {@code seed = CRC32("L/w")}; for the element
 * at row-major index {@code i} of Keras's layout, {@code h = (i * 2654435761 + seed) mod 2^32},
 * {@code h ^= h >> 16}, {@code h = (h * 2246822519) mod 2^32}, {@code h ^= h >> 13},
 * {@code u = h / 2^32}; then, in double precision rounded once to float: kernel
 * {@code (2u - 1) sqrt(6 / (kh kw in))} (He's variance), bias {@code (2u - 1) 0.05}, gamma
 * {@code 0.5 + 0.5u}, beta and moving_mean {@code (2u - 1) 0.2}, moving_variance {@code 0.5 + u}.
 */
final class KerasResNet50Fixture {
  static {
    Loader.load(hdf5.class);
  }

  private KerasResNet50Fixture() {
  }

  /** The seed of one weight: CRC32 of {@code "layer/weight"}. */
  static long seed(String layer, String weight) {
    CRC32 crc = new CRC32();
    crc.update((layer + "/" + weight).getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  /** The formula's value of the element at row-major index {@code index} (Keras's layout) of a weight. */
  static float value(long seed, String weight, long index, long fanIn) {
    long h = (index * 2654435761L + seed) & 0xFFFFFFFFL;
    h ^= h >>> 16;
    h = (h * 2246822519L) & 0xFFFFFFFFL;
    h ^= h >>> 13;
    double u = h / 4294967296.0;
    double v = switch (weight) {
      case "kernel" -> (2 * u - 1) * Math.sqrt(6.0 / fanIn);
      case "bias" -> (2 * u - 1) * 0.05;
      case "gamma" -> 0.5 + 0.5 * u;
      case "beta", "moving_mean" -> (2 * u - 1) * 0.2;
      case "moving_variance" -> 0.5 + u;
      default -> throw new IllegalArgumentException(weight);
    };
    return (float) v;
  }

  /** All values of one weight in Keras's row-major layout. */
  static float[] values(String layer, String weight, long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    long fanIn = shape.length == 4 ? shape[0] * shape[1] * shape[2] : 1;
    long seed = seed(layer, weight);
    float[] v = new float[Math.toIntExact(n)];
    for (int i = 0; i < v.length; i++) {
      v[i] = value(seed, weight, i, fanIn);
    }
    return v;
  }

  /** Keras's weight names and shapes of a layer. */
  static String[] weightNames(WeightedLayer layer) {
    return layer.convolution() ? new String[] {"kernel", "bias"}
        : new String[] {"gamma", "beta", "moving_mean", "moving_variance"};
  }

  static long[] shape(WeightedLayer layer, String weight) {
    return weight.equals("kernel") ? layer.kernelShape() : new long[] {layer.out()};
  }

  /** Writes every layer of ResNet50 (weights-only layout, or the full-model layout under /model_weights). */
  static void writeResNet50(Path file, boolean fullModel) {
    try (Writer w = new Writer(file, fullModel)) {
      for (WeightedLayer layer : KerasResNet50.weightedLayers()) {
        for (String weight : weightNames(layer)) {
          long[] shape = shape(layer, weight);
          w.write(layer.name(), weight, shape, values(layer.name(), weight, shape));
        }
      }
    }
  }

  /** A Keras-layout HDF5 file written dataset by dataset (for the error cases as well). */
  static final class Writer implements AutoCloseable {
    private final H5File file;
    private final Group root;

    Writer(Path path, boolean fullModel) {
      synchronized (Hdf5Archive.LOCK_OBJECT) {
        file = new H5File(path.toString(), hdf5.H5F_ACC_TRUNC());
        root = fullModel ? file.createGroup("model_weights") : file;
      }
    }

    /** Writes {@code <layer>/<layer>/<weight>:0} (creating the groups if needed). */
    void write(String layer, String weight, long[] shape, float[] values) {
      synchronized (Hdf5Archive.LOCK_OBJECT) {
        Group outer = root.nameExists(layer) ? root.openGroup(layer) : root.createGroup(layer);
        Group inner = outer.nameExists(layer) ? outer.openGroup(layer) : outer.createGroup(layer);
        DataSpace space = new DataSpace(shape.length, shape);
        DataSet data = inner.createDataSet(weight + ":0", PredType.NATIVE_FLOAT(), space);
        try (FloatPointer p = new FloatPointer(values)) {
          data.write(p, PredType.NATIVE_FLOAT());
        }
        data.deallocate();
        space.deallocate();
        inner.deallocate();
        outer.deallocate();
      }
    }

    /** Writes a layer's weights with the formula's values. */
    void write(WeightedLayer layer) {
      for (String weight : weightNames(layer)) {
        long[] shape = shape(layer, weight);
        write(layer.name(), weight, shape, values(layer.name(), weight, shape));
      }
    }

    @Override
    public void close() {
      synchronized (Hdf5Archive.LOCK_OBJECT) {
        if (root != file) {
          root.deallocate();
        }
        file.deallocate();
      }
    }
  }

  /**
   * Writes the weights-only fixture to {@code args[0]} (for checking it with the Python script's
   * {@code --check-h5}).
   */
  public static void main(String[] args) {
    writeResNet50(Path.of(args[0]), args.length > 1 && args[1].equals("full"));
  }
}
