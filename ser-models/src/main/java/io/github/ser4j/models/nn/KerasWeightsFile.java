package io.github.ser4j.models.nn;

import io.github.ser4j.models.ModelException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The weights in a Keras 2 / tf.keras HDF5 file, read with the bytedeco HDF5 bindings that
 * deeplearning4j-modelimport brings: a weights-only file ({@code model.save_weights}, such as
 * keras.applications' {@code resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5}: one group per
 * layer at the root, the datasets {@code <layer>/<layer>/kernel:0}, ...) or a full-model file
 * ({@code model.save}: the same groups under {@code /model_weights}).
 *
 * <p>The only class of SER4J that touches HDF5, so that deeplearning4j-modelimport stays an optional
 * dependency: nothing loads it unless a file is an HDF5 file. The HDF5 library is not thread-safe;
 * every call holds the lock DL4J's own Keras import uses ({@link Hdf5Archive#LOCK_OBJECT}).
 */
final class KerasWeightsFile implements AutoCloseable {
  /** One weight: its shape in the file (Keras's layout) and its values in row-major order. */
  record Weight(long[] shape, float[] values) {
  }

  static {
    Loader.load(hdf5.class);
    // HDF5 prints an error stack to stderr for every failed call; the failures become ModelExceptions.
    org.bytedeco.hdf5.Exception.dontPrint();
  }

  private final Path path;
  private final H5File file;
  private final Group layers;

  private KerasWeightsFile(Path path, H5File file, Group layers) {
    this.path = path;
    this.file = file;
    this.layers = layers;
  }

  /**
   * Opens the file read-only.
   *
   * @throws ModelException naming the file if HDF5 cannot open it
   */
  static KerasWeightsFile open(Path path) {
    synchronized (Hdf5Archive.LOCK_OBJECT) {
      H5File file;
      try {
        file = new H5File(path.toString(), hdf5.H5F_ACC_RDONLY());
      } catch (RuntimeException e) {
        throw new ModelException("Keras weight file " + path + " cannot be opened as HDF5 (truncated or damaged?): " + e.getMessage(), e);
      }
      try {
        // A full-model file (model.save) keeps the layer groups under /model_weights.
        Group layers = file.nameExists("model_weights") && isGroup(file, "model_weights")
            ? file.openGroup("model_weights") : file;
        return new KerasWeightsFile(path, file, layers);
      } catch (RuntimeException e) {
        file.deallocate();
        throw new ModelException("Keras weight file " + path + " cannot be read: " + e.getMessage(), e);
      }
    }
  }

  /** @return the names of the layer groups (the groups at the root, or under /model_weights) */
  List<String> layerNames() {
    synchronized (Hdf5Archive.LOCK_OBJECT) {
      return children(layers, hdf5.H5O_TYPE_GROUP);
    }
  }

  /**
   * Reads one weight of one layer: the dataset named {@code weight + ":0"} (or {@code weight}) anywhere
   * inside the layer's group ({@code <layer>/<layer>/kernel:0} in Keras 2, possibly one more scope
   * level in tf.keras).
   *
   * @throws ModelException naming the file, the layer and the weight if the group or the dataset is
   *     missing or the dataset does not hold floating-point numbers
   */
  Weight read(String layer, String weight) {
    synchronized (Hdf5Archive.LOCK_OBJECT) {
      if (!layers.nameExists(layer) || !isGroup(layers, layer)) {
        throw new ModelException("Keras weight file " + path + " has no group for layer " + layer
            + " (a Keras ResNet50 weight file has one for every layer with weights)");
      }
      Group group = layers.openGroup(layer);
      try {
        DataSet data = find(group, weight);
        if (data == null) {
          throw new ModelException("Keras weight file " + path + ": layer " + layer + " has no weight "
              + weight + ":0");
        }
        try {
          return read(data, layer, weight);
        } finally {
          data.deallocate();
        }
      } finally {
        group.deallocate();
      }
    }
  }

  private Weight read(DataSet data, String layer, String weight) {
    if (data.asAbstractDs().getTypeClass() != hdf5.H5T_FLOAT) {
      throw new ModelException("Keras weight file " + path + ": " + layer + "/" + weight
          + " does not hold floating-point numbers");
    }
    DataSpace space = data.getSpace();
    try {
      long[] shape = new long[space.getSimpleExtentNdims()];
      space.getSimpleExtentDims(shape);
      long n = space.getSimpleExtentNpoints();
      if (n > Integer.MAX_VALUE) {
        throw new ModelException("Keras weight file " + path + ": " + layer + "/" + weight + " has " + n
            + " values, too many for one array");
      }
      float[] values = new float[(int) n];
      try (FloatPointer buffer = new FloatPointer(n)) {
        data.read(buffer, PredType.NATIVE_FLOAT()); // converts float16/64 files to float32 as well
        buffer.get(values);
      }
      return new Weight(shape, values);
    } finally {
      space.deallocate();
    }
  }

  /** Depth-first search for the dataset {@code weight:0} or {@code weight} below a group. */
  private static DataSet find(Group group, String weight) {
    for (String name : children(group, hdf5.H5O_TYPE_DATASET)) {
      if (name.equals(weight + ":0") || name.equals(weight)) {
        return group.openDataSet(name);
      }
    }
    for (String name : children(group, hdf5.H5O_TYPE_GROUP)) {
      Group child = group.openGroup(name);
      try {
        DataSet found = find(child, weight);
        if (found != null) {
          return found;
        }
      } finally {
        child.deallocate();
      }
    }
    return null;
  }

  private static boolean isGroup(Group parent, String name) {
    return parent.childObjType(name) == hdf5.H5O_TYPE_GROUP;
  }

  private static List<String> children(Group group, int type) {
    List<String> names = new ArrayList<>();
    long count = group.getNumObjs();
    for (long i = 0; i < count; i++) {
      String name = group.getObjnameByIdx(i).getString();
      if (group.childObjType(name) == type) {
        names.add(name);
      }
    }
    return names;
  }

  @Override
  public void close() {
    synchronized (Hdf5Archive.LOCK_OBJECT) {
      if (layers != file) {
        layers.deallocate();
      }
      file.deallocate();
    }
  }
}
