package io.github.ser4j.dsp.spectral;

/**
 * How a vector (one frame's chroma, one filter's weights) is scaled to unit length, as
 * {@code librosa.util.normalize(S, norm, axis, threshold=None, fill=None)}: vectors whose norm is
 * below the smallest normal double are left unchanged (so an all-zero frame stays zero).
 */
public enum VectorNorm {
  /** No normalisation ({@code norm=None}). */
  NONE,
  /** Sum of absolute values ({@code norm=1}). */
  L1,
  /** Euclidean length ({@code norm=2}). */
  L2,
  /** Largest absolute value ({@code norm=np.inf}). */
  MAX;

  /**
   * The norm of {@code v[from, to)}.
   *
   * @param v the values
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @return the norm (1 for {@link #NONE})
   */
  public double of(double[] v, int from, int to) {
    double acc = 0;
    switch (this) {
      case L1:
        for (int i = from; i < to; i++) {
          acc += Math.abs(v[i]);
        }
        return acc;
      case L2:
        for (int i = from; i < to; i++) {
          acc += v[i] * v[i];
        }
        return Math.sqrt(acc);
      case MAX:
        for (int i = from; i < to; i++) {
          acc = Math.max(acc, Math.abs(v[i]));
        }
        return acc;
      default:
        return 1.0;
    }
  }

  /**
   * Divides {@code v} by its norm, unless that norm is below {@link Double#MIN_NORMAL}
   * ({@code np.finfo(float).tiny}), in which case {@code v} is left as it is.
   *
   * @param v the vector, changed in place
   */
  public void normalizeInPlace(double[] v) {
    if (this == NONE) {
      return;
    }
    double length = of(v, 0, v.length);
    if (length < Double.MIN_NORMAL) {
      return;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= length;
    }
  }
}
