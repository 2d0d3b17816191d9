package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;

/**
 * Local derivative of a feature sequence along time, as {@code librosa.feature.delta(data, width,
 * order, axis=-1, mode='interp')}, i.e. {@code scipy.signal.savgol_filter(x, width,
 * polyorder=order, deriv=order, mode='interp')}: at every frame, the {@code order}-th derivative of
 * the least-squares polynomial of degree {@code order} fitted to the {@code width} frames centred
 * on it; in the first and last {@code width/2} frames, the derivative of the polynomial fitted to
 * the first (last) {@code width} frames, evaluated at that frame. Only {@code mode='interp'}
 * (librosa's default) is offered.
 *
 * <p>Inputs and outputs are {@code frames x features} (the SER4J layout); the filter runs down each
 * column. The weights are precomputed at build; immutable and thread-safe.
 */
public final class Delta {
  private final int width;
  private final int order;
  /** {@code coef[p][j]}: weight of window frame j for output position p of the window (0..width-1). */
  private final double[][] coef;

  private Delta(int width, int order) {
    this.width = width;
    this.order = order;
    coef = new double[width][];
    for (int p = 0; p < width; p++) {
      coef[p] = weights(width, order, order, p);
    }
  }

  /** @return a builder with librosa's defaults (width 9, order 1) */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A delta filter.
   *
   * @param width window length in frames, odd and &ge; 3 (librosa's default is 9)
   * @param order derivative order, 1 (delta) or 2 (delta-delta); in general 1 &le; order &lt; width
   * @return the filter
   */
  public static Delta of(int width, int order) {
    InvalidParameterException.require(width >= 3 && width % 2 == 1, "width", width, "odd and >= 3");
    InvalidParameterException.require(order >= 1 && order < width, "order", order, ">= 1 and < width (" + width + ")");
    return new Delta(width, order);
  }

  /** @return the window length in frames */
  public int width() {
    return width;
  }

  /** @return the derivative order */
  public int order() {
    return order;
  }

  /**
   * The deltas of a feature matrix.
   *
   * @param features {@code frames x features}, at least {@code width} frames
   * @return {@code frames x features}
   * @throws InvalidAudioException if there are fewer than {@code width} frames (clip too short)
   */
  public double[][] apply(double[][] features) {
    double[][] out = new double[features.length][features.length == 0 ? 0 : features[0].length];
    apply(features, out);
    return out;
  }

  /**
   * The deltas of a float feature matrix (computed in double).
   *
   * @param features {@code frames x features}, at least {@code width} frames
   * @return {@code frames x features}
   * @throws InvalidAudioException if there are fewer than {@code width} frames (clip too short)
   */
  public float[][] apply(float[][] features) {
    int frames = features.length;
    double[][] d = new double[frames][];
    for (int t = 0; t < frames; t++) {
      d[t] = new double[features[t].length];
      for (int f = 0; f < d[t].length; f++) {
        d[t][f] = features[t][f];
      }
    }
    double[][] r = apply(d);
    float[][] out = new float[frames][];
    for (int t = 0; t < frames; t++) {
      out[t] = new float[r[t].length];
      for (int f = 0; f < r[t].length; f++) {
        out[t][f] = (float) r[t][f];
      }
    }
    return out;
  }

  /**
   * Writes the deltas of {@code features} into {@code out} (same shape, a different matrix),
   * allocating nothing.
   *
   * @param features {@code frames x features}, at least {@code width} frames
   * @param out {@code frames x features}
   * @throws InvalidAudioException if there are fewer than {@code width} frames (clip too short)
   */
  public void apply(double[][] features, double[][] out) {
    int frames = features.length;
    if (frames < width) {
      throw new InvalidAudioException("delta with width " + width + " needs at least " + width
          + " frames but the features have " + frames + ": the clip is too short (or lower the width)");
    }
    if (out.length != frames || out == features) {
      throw new InvalidParameterException("out rows = " + out.length + " is not allowed: must be exactly " + frames
          + " rows, in a matrix other than the input");
    }
    int cols = features[0].length;
    for (int t = 0; t < frames; t++) {
      if (features[t].length != cols || out[t].length != cols) {
        throw new InvalidParameterException("row " + t + " has " + features[t].length + " features and "
            + out[t].length + " outputs: every row must have " + cols + " (the length of features row 0)");
      }
    }
    int half = width / 2;
    for (int t = 0; t < frames; t++) {
      double[] o = out[t];
      java.util.Arrays.fill(o, 0.0);
      // Interior frames use the centred window; edge frames the first or last full window.
      int first;
      double[] c;
      if (t < half) {
        first = 0;
        c = coef[t];
      } else if (t >= frames - half) {
        first = frames - width;
        c = coef[t - first];
      } else {
        first = t - half;
        c = coef[half];
      }
      for (int j = 0; j < width; j++) {
        double w = c[j];
        double[] x = features[first + j];
        for (int f = 0; f < cols; f++) {
          o[f] += w * x[f];
        }
      }
    }
  }

  /**
   * Least-squares weights: {@code sum_j h[j] x[j]} is the {@code deriv}-th derivative, at window
   * position {@code pos}, of the degree-{@code degree} polynomial fitted to {@code x[0..width-1]}.
   * Positions are centred and scaled to [-1, 1] so the normal equations stay well conditioned.
   */
  static double[] weights(int width, int degree, int deriv, int pos) {
    int half = width / 2;
    double scale = Math.max(1, half);
    int terms = degree + 1;
    double[][] a = new double[width][terms];
    for (int j = 0; j < width; j++) {
      double u = (j - half) / scale;
      double p = 1;
      for (int i = 0; i < terms; i++) {
        a[j][i] = p;
        p *= u;
      }
    }
    // e_i = d^deriv/du^deriv u^i at u0, times (1/scale)^deriv for the change of variable.
    double u0 = (pos - half) / scale;
    double[] e = new double[terms];
    for (int i = deriv; i < terms; i++) {
      double f = 1;
      for (int r = 0; r < deriv; r++) {
        f *= i - r;
      }
      e[i] = f * Math.pow(u0, i - deriv) / Math.pow(scale, deriv);
    }
    // Solve (A^T A) g = e, then h = A g.
    double[][] m = new double[terms][terms + 1];
    for (int r = 0; r < terms; r++) {
      for (int c = 0; c < terms; c++) {
        double s = 0;
        for (int j = 0; j < width; j++) {
          s += a[j][r] * a[j][c];
        }
        m[r][c] = s;
      }
      m[r][terms] = e[r];
    }
    for (int c = 0; c < terms; c++) {
      int piv = c;
      for (int r = c + 1; r < terms; r++) {
        if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
          piv = r;
        }
      }
      double[] tmp = m[c];
      m[c] = m[piv];
      m[piv] = tmp;
      for (int r = 0; r < terms; r++) {
        if (r != c) {
          double f = m[r][c] / m[c][c];
          for (int k = c; k <= terms; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    double[] g = new double[terms];
    for (int r = 0; r < terms; r++) {
      g[r] = m[r][terms] / m[r][r];
    }
    double[] h = new double[width];
    for (int j = 0; j < width; j++) {
      double s = 0;
      for (int i = 0; i < terms; i++) {
        s += a[j][i] * g[i];
      }
      h[j] = s;
    }
    return h;
  }

  /** Builds a {@link Delta}; every setter validates its argument at once. */
  public static final class Builder {
    private int width = 9;
    private int order = 1;

    private Builder() {}

    /**
     * @param width window length in frames, odd and &ge; 3 (default 9)
     * @return this builder
     */
    public Builder width(int width) {
      InvalidParameterException.require(width >= 3 && width % 2 == 1, "width", width, "odd and >= 3");
      this.width = width;
      return this;
    }

    /**
     * @param order derivative order, &ge; 1 and &lt; width (default 1; 2 for delta-delta)
     * @return this builder
     */
    public Builder order(int order) {
      InvalidParameterException.require(order >= 1, "order", order, ">= 1 and < width");
      this.order = order;
      return this;
    }

    /** @return the filter */
    public Delta build() {
      return of(width, order);
    }
  }
}
