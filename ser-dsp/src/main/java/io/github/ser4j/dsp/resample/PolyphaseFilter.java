package io.github.ser4j.dsp.resample;

import io.github.ser4j.dsp.InvalidAudioException;
import java.util.Arrays;

/**
 * A resampling plan for one reduced ratio {@code up/down}: the prototype filter split into
 * {@code up} phase filters of equal length, one per class of output samples
 * {@code k = r + up * m}. All outputs of a class use the same taps and read the input at positions
 * that advance by {@code down} per output, so after the (zero-padded) input is de-interleaved into
 * {@code down} components every tap becomes a contiguous multiply-add over the class's outputs
 * (measured about twice as fast as one strided dot product per output, and the tap positions are
 * precomputed so the inner loops do no division). Only the output samples needed are computed.
 *
 * <p>Immutable and thread-safe; each thread reuses its own scratch buffers.
 */
final class PolyphaseFilter implements Plan {
  private final int up;
  private final int down;
  /** Taps per phase filter, a multiple of 4 (zero taps fill the short phases). */
  private final int taps;
  /** {@code coef[r * taps + j]}: tap j of output class r, applied to padded input {@code first[r] + j + m * down}. */
  private final double[] coef;
  /** Padded-input position of tap 0 for output {@code m = 0} of each class. */
  private final int[] first;
  /** Zeros prepended to the input so that every tap position is non-negative. */
  private final int pad;
  /** For tap {@code r * taps + j}: the de-interleaved component ({@code (first[r] + j) % down}) it reads. */
  private final int[] component;
  /** For tap {@code r * taps + j}: the index in that component ({@code (first[r] + j) / down}) of output m = 0. */
  private final int[] position;

  PolyphaseFilter(FilterDesign.Prototype p) {
    PhaseTable t = PhaseTable.of(p);
    this.up = t.up();
    this.down = t.down();
    this.taps = t.taps();
    this.coef = t.coef();
    this.first = t.first();
    this.pad = t.pad();
    this.component = new int[up * taps];
    this.position = new int[up * taps];
    for (int r = 0; r < up; r++) {
      for (int j = 0; j < taps; j++) {
        component[r * taps + j] = (first[r] + j) % down;
        position[r * taps + j] = (first[r] + j) / down;
      }
    }
  }

  /**
   * Filters {@code x} (zero outside {@code [0, n)}) and writes output samples {@code 0 .. nCompute-1}
   * to {@code dst}; outputs past the end of the signal are the filter's tail.
   */
  @Override
  public void apply(Object x, int n, Object dst, int nCompute, boolean finite) {
    // The check is fused into the de-interleaving pass, so it costs nothing to keep it.
    if (nCompute <= 0) {
      return;
    }
    int classes = Math.min(up, nCompute);
    long padded = 0;
    int maxPerClass = 0;
    for (int r = 0; r < classes; r++) {
      int perClass = (nCompute - r + up - 1) / up;
      maxPerClass = Math.max(maxPerClass, perClass);
      padded = Math.max(padded, first[r] + (long) (perClass - 1) * down + taps);
    }
    padded = Math.max(padded, pad + (long) n);
    int stride = (int) ((padded + down - 1) / down);
    double[] xd = Scratch.get(Scratch.DEINTERLEAVED, (long) stride * down);
    double[] acc = Scratch.get(Scratch.ACCUMULATOR, maxPerClass);
    boolean allFinite = x instanceof float[] f
        ? deinterleave(f, n, xd, stride) : deinterleave((double[]) x, n, xd, stride);
    if (!allFinite) {
      throw new InvalidAudioException(firstNonFinite(x, n));
    }
    for (int r = 0; r < classes; r++) {
      int perClass = (nCompute - r + up - 1) / up;
      Arrays.fill(acc, 0, perClass, 0.0);
      for (int c = r * taps, end = c + taps; c < end; c += 4) {
        double h0 = coef[c];
        double h1 = coef[c + 1];
        double h2 = coef[c + 2];
        double h3 = coef[c + 3];
        int b0 = component[c] * stride + position[c];
        int b1 = component[c + 1] * stride + position[c + 1];
        int b2 = component[c + 2] * stride + position[c + 2];
        int b3 = component[c + 3] * stride + position[c + 3];
        for (int m = 0; m < perClass; m++) {
          acc[m] += h0 * xd[b0 + m] + h1 * xd[b1 + m] + h2 * xd[b2 + m] + h3 * xd[b3 + m];
        }
      }
      if (dst instanceof float[] out) {
        for (int m = 0, k = r; m < perClass; m++, k += up) {
          out[k] = (float) acc[m];
        }
      } else {
        double[] out = (double[]) dst;
        for (int m = 0, k = r; m < perClass; m++, k += up) {
          out[k] = acc[m];
        }
      }
    }
  }

  /** Writes the zero-padded input as {@code down} components of {@code stride} samples; false if a sample is not finite. */
  private boolean deinterleave(float[] x, int n, double[] xd, int stride) {
    double check = 0;
    for (int q = 0; q < down; q++) {
      int row = q * stride;
      for (int i = 0; i < stride; i++) {
        int src = q + i * down - pad;
        double v = src >= 0 && src < n ? x[src] : 0.0;
        check += v - v;
        xd[row + i] = v;
      }
    }
    return check == 0;
  }

  private boolean deinterleave(double[] x, int n, double[] xd, int stride) {
    double check = 0;
    for (int q = 0; q < down; q++) {
      int row = q * stride;
      for (int i = 0; i < stride; i++) {
        int src = q + i * down - pad;
        double v = src >= 0 && src < n ? x[src] : 0.0;
        check += v - v;
        xd[row + i] = v;
      }
    }
    return check == 0;
  }

  /**
   * Checks that the first {@code n} samples are finite.
   *
   * @param x float[] or double[]
   * @param n samples to check
   * @throws InvalidAudioException naming the first NaN or infinite sample
   */
  static void requireFinite(Object x, int n) {
    // v - v is 0 for finite v and NaN otherwise; four independent sums so that the adds' latency
    // does not serialise the pass.
    double c0 = 0;
    double c1 = 0;
    double c2 = 0;
    double c3 = 0;
    int i = 0;
    if (x instanceof float[] f) {
      for (; i + 3 < n; i += 4) {
        c0 += f[i] - f[i];
        c1 += f[i + 1] - f[i + 1];
        c2 += f[i + 2] - f[i + 2];
        c3 += f[i + 3] - f[i + 3];
      }
      for (; i < n; i++) {
        c0 += f[i] - f[i];
      }
    } else {
      double[] d = (double[]) x;
      for (; i + 3 < n; i += 4) {
        c0 += d[i] - d[i];
        c1 += d[i + 1] - d[i + 1];
        c2 += d[i + 2] - d[i + 2];
        c3 += d[i + 3] - d[i + 3];
      }
      for (; i < n; i++) {
        c0 += d[i] - d[i];
      }
    }
    if (c0 + c1 + c2 + c3 != 0) { // NaN != 0 too
      throw new InvalidAudioException(firstNonFinite(x, n));
    }
  }

  static String firstNonFinite(Object x, int n) {
    for (int i = 0; i < n; i++) {
      double v = x instanceof float[] f ? f[i] : ((double[]) x)[i];
      if (!Double.isFinite(v)) {
        return "sample " + i + " is " + v + ": audio samples must be finite (no NaN or infinity)";
      }
    }
    return "audio samples must be finite (no NaN or infinity)";
  }
}
