package io.github.ser4j.dsp.resample;

import java.util.Arrays;

/**
 * The polyphase stage of the high-quality mode: the same arithmetic as {@link PolyphaseFilter} (a
 * {@link PhaseTable}, one multiply-add per tap and output), laid out so that HotSpot's C2 compiles
 * the inner loop to SIMD instructions, in float.
 *
 * <p>Why this layout. C2 (JDK 17) vectorises an element-wise loop only when every array in it is
 * indexed by the loop variable plus a compile-time constant: {@code acc[m] += h * x[b + m]} with a
 * run-time offset {@code b} stays scalar (measured 3.5 multiply-adds per ns against 17 without the
 * offset), and reductions {@code s += h[j] * x[i + j]} are never vectorised. All outputs of a class
 * {@code r} read the padded input at {@code first[r] + j + m * down} for tap {@code j} and output
 * {@code m}, so the input is stored as rows {@code row[s][m] = p[s + m * down]}, one array per start
 * position {@code s}: tap {@code j} of class {@code r} is then the whole array
 * {@code row[first[r] + j]}, read at index {@code m}, and the loop over the class's outputs is an
 * offset-free multiply-add over four rows at once. The rows hold each input sample about once (plus
 * {@code taps} rows that repeat the first ones shifted by one output).
 *
 * <p>Float is enough here: this stage's own pass-band error is 3e-6 and float rounding of a 24-tap
 * sum is about 1e-7 relative, while float doubles the lanes per instruction. Immutable and
 * thread-safe; rows and accumulator are per-thread {@link Scratch}.
 */
final class PolyphaseInterpolator {
  private final PhaseTable table;
  private final float[] coef;

  PolyphaseInterpolator(FilterDesign.Prototype p) {
    this.table = PhaseTable.of(p);
    double[] c = table.coef();
    this.coef = new float[c.length];
    for (int i = 0; i < c.length; i++) {
      coef[i] = (float) c[i];
    }
  }

  /**
   * Filters {@code x} (zero outside {@code [0, n)}; the caller has checked that it is finite) and writes output samples {@code 0 .. nCompute-1}
   * to {@code dst}.
   *
   * @param x float[] or double[]
   * @param n input samples
   * @param dst float[] or double[]
   * @param nCompute outputs to compute
   */
  void apply(Object x, int n, Object dst, int nCompute) {
    if (nCompute <= 0) {
      return;
    }
    int up = table.up();
    int taps = table.taps();
    int[] first = table.first();
    int classes = Math.min(up, nCompute);
    int perClass = table.perClass(0, nCompute); // class 0 has the most outputs
    int rowCount = 0;
    for (int r = 0; r < classes; r++) {
      rowCount = Math.max(rowCount, first[r] + taps);
    }
    float[][] rows = Scratch.rows(Scratch.INTERPOLATOR_ROWS, rowCount, perClass);
    fillRows(x, n, rows, rowCount, perClass);
    float[] acc = Scratch.floats(Scratch.INTERPOLATOR_ACCUMULATOR, perClass);
    for (int r = 0; r < classes; r++) {
      int count = table.perClass(r, nCompute);
      Arrays.fill(acc, 0, count, 0f);
      for (int j = 0, c = r * taps, s = first[r]; j < taps; j += 4, c += 4, s += 4) {
        float h0 = coef[c];
        float h1 = coef[c + 1];
        float h2 = coef[c + 2];
        float h3 = coef[c + 3];
        float[] a0 = rows[s];
        float[] a1 = rows[s + 1];
        float[] a2 = rows[s + 2];
        float[] a3 = rows[s + 3];
        for (int m = 0; m < count; m++) {
          acc[m] += h0 * a0[m] + h1 * a1[m] + h2 * a2[m] + h3 * a3[m];
        }
      }
      if (dst instanceof float[] out) {
        for (int m = 0, k = r; m < count; m++, k += up) {
          out[k] = acc[m];
        }
      } else {
        double[] out = (double[]) dst;
        for (int m = 0, k = r; m < count; m++, k += up) {
          out[k] = acc[m];
        }
      }
    }
  }

  /**
   * Writes {@code rows[s][m] = p[s + m * down]} for {@code s < rowCount, m < perClass}, where
   * {@code p} is {@code x} after {@code pad} zeros. The first {@code down} rows are gathered from the
   * input with stride {@code down} (each sample lands in exactly one of them); row {@code s >= down}
   * is row {@code s - down} advanced by one output.
   */
  private void fillRows(Object x, int n, float[][] rows, int rowCount, int perClass) {
    int down = table.down();
    int pad = table.pad();
    for (int s = 0; s < Math.min(down, rowCount); s++) {
      float[] row = rows[s];
      // Outputs m with 0 <= s - pad + m * down < n read the input; the others are zero padding.
      int lo = Math.min(perClass, Math.max(0, ceilDiv(pad - s, down)));
      int hi = Math.max(lo, Math.min(perClass, ceilDiv(n + pad - s, down)));
      Arrays.fill(row, 0, lo, 0f);
      int i = s - pad + lo * down;
      if (x instanceof float[] f) {
        for (int m = lo; m < hi; m++, i += down) {
          row[m] = f[i];
        }
      } else {
        double[] d = (double[]) x;
        for (int m = lo; m < hi; m++, i += down) {
          row[m] = (float) d[i];
        }
      }
      Arrays.fill(row, hi, perClass, 0f);
    }
    for (int s = down; s < rowCount; s++) {
      System.arraycopy(rows[s - down], 1, rows[s], 0, perClass - 1);
      int i = s + (perClass - 1) * down - pad;
      rows[s][perClass - 1] = i < 0 || i >= n ? 0f : x instanceof float[] f ? f[i] : (float) ((double[]) x)[i];
    }
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
