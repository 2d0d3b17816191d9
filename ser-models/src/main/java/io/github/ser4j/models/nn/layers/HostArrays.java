package io.github.ser4j.models.nn.layers;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk access from Java to the values of a float or double ND4J array, as {@code double[]} blocks:
 * for the layers whose inner loops run in Java (batch statistics, the LSTM recurrences), where one
 * bulk copy per block is far cheaper than an ND4J call per element or per small operation. The
 * arrays must be dense in C order from their buffer's start ({@link #dense}); blocks are given as
 * flat C-order offsets. {@link #get} and {@link #set} may be called from several threads at once
 * (absolute positions); {@link #read} and {@link #write} share a scratch array and may not.
 */
final class HostArrays {
  private final FloatBuffer floats;
  private final DoubleBuffer doubles;
  private float[] scratch = new float[0];

  private HostArrays(INDArray a) {
    if (!isDense(a)) {
      throw new IllegalArgumentException("HostArrays: array is not dense C order from its buffer start: "
          + a.shapeInfoToString().replace('\n', ' ') + ", view " + a.isView() + ", offset " + a.offset());
    }
    java.nio.ByteBuffer bytes = a.data().asNio().order(ByteOrder.nativeOrder());
    if (a.dataType() == DataType.FLOAT) {
      floats = bytes.asFloatBuffer();
      doubles = null;
    } else if (a.dataType() == DataType.DOUBLE) {
      floats = null;
      doubles = bytes.asDoubleBuffer();
    } else {
      throw new IllegalArgumentException("HostArrays: data type " + a.dataType() + " is not float or double");
    }
  }

  /** Access to {@code a}, which must be {@link #isDense dense}. */
  static HostArrays of(INDArray a) {
    return new HostArrays(a);
  }

  /** True if {@code a} is float or double and dense in C order from its buffer's start. */
  static boolean isDense(INDArray a) {
    if (a.offset() != 0 || a.isView() || (a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE)) {
      return false;
    }
    // C-order strides for every dimension longer than 1 (ND4J gives size-1 dimensions various strides).
    long expected = 1;
    for (int d = a.rank() - 1; d >= 0; d--) {
      if (a.size(d) > 1 && a.stride(d) != expected) {
        return false;
      }
      expected *= a.size(d);
    }
    return true;
  }

  /** {@code a} itself if {@link #isDense dense}, else a dense copy in the given workspace. */
  static INDArray dense(INDArray a, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
    return isDense(a) ? a : workspaceMgr.dup(type, a, 'c');
  }

  /** Copies {@code length} values from flat position {@code from} into {@code dst[off ..]}. */
  void read(long from, double[] dst, int off, int length) {
    if (doubles != null) {
      doubles.get(Math.toIntExact(from), dst, off, length);
      return;
    }
    float[] f = scratch(length);
    floats.get(Math.toIntExact(from), f, 0, length);
    for (int i = 0; i < length; i++) {
      dst[off + i] = f[i];
    }
  }

  /** Copies {@code src[off .. off + length)} to flat position {@code to} (rounded to float if float). */
  void write(long to, double[] src, int off, int length) {
    if (doubles != null) {
      doubles.put(Math.toIntExact(to), src, off, length);
      return;
    }
    float[] f = scratch(length);
    for (int i = 0; i < length; i++) {
      f[i] = (float) src[off + i];
    }
    floats.put(Math.toIntExact(to), f, 0, length);
  }

  /** The value at flat position {@code i}. */
  double get(int i) {
    return floats != null ? floats.get(i) : doubles.get(i);
  }

  /** Sets the value at flat position {@code i} (rounded to float if float). */
  void set(int i, double v) {
    if (floats != null) {
      floats.put(i, (float) v);
    } else {
      doubles.put(i, v);
    }
  }

  private float[] scratch(int length) {
    if (scratch.length < length) {
      scratch = new float[length];
    }
    return scratch;
  }
}
