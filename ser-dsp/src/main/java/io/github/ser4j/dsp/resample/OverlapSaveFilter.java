package io.github.ser4j.dsp.resample;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Linear convolution with a fixed FIR filter by FFT overlap-save: blocks of {@code size} samples
 * (a power of two, about eight filter lengths) yield {@code size - length + 1} outputs
 * each. The cost per sample does not grow with the filter length, which makes long, sharp filters
 * cheap. Immutable and thread-safe (blocks live in per-thread {@link Scratch}).
 */
final class OverlapSaveFilter {
  private final int length;
  private final int size;
  /** The filter's packed real FFT (JTransforms layout). */
  private final double[] spectrum;
  private final DoubleFFT_1D fft;

  OverlapSaveFilter(double[] taps) {
    this.length = taps.length;
    // About 8 filter lengths per block (so overlap costs about 14 %), but no more than 4096 points
    // unless the filter needs it, since JTransforms goes multi-threaded from 8192.
    this.size = Math.max(512, Math.min(ceilPow2(8 * length), Math.max(4096, ceilPow2(2 * length))));
    this.fft = new DoubleFFT_1D(size);
    this.spectrum = new double[size];
    System.arraycopy(taps, 0, spectrum, 0, length);
    fft.realForward(spectrum);
  }

  private static int ceilPow2(int n) {
    return Integer.highestOneBit(n - 1) << 1;
  }

  /** @return the filter length */
  int length() {
    return length;
  }

  /**
   * Writes {@code out[i] = sum_j h[j] * s[outStart + i - j]} for {@code 0 <= i < count}, with
   * {@code s} zero outside {@code [0, ns)}.
   *
   * @param s the signal (float[] or double[])
   * @param ns its length
   * @param outStart index of the first output in the full convolution
   * @param out destination (float[] or double[])
   * @param count number of outputs
   */
  void convolve(Object s, int ns, int outStart, Object out, int count) {
    double[] block = Scratch.get(Scratch.BLOCK, size);
    int step = size - length + 1;
    for (int done = 0; done < count; done += step) {
      load(s, ns, outStart + done - length + 1, block);
      fft.realForward(block);
      multiply(block);
      fft.realInverse(block, true);
      int m = Math.min(step, count - done);
      if (out instanceof float[] f) {
        for (int i = 0; i < m; i++) {
          f[done + i] = (float) block[length - 1 + i];
        }
      } else {
        System.arraycopy(block, length - 1, out, done, m);
      }
    }
  }

  /** Copies {@code s[from .. from + size)} into the block, zeros outside the signal. */
  private void load(Object s, int ns, int from, double[] block) {
    int lo = Math.max(0, -from);
    int hi = (int) Math.max(lo, Math.min(size, (long) ns - from));
    java.util.Arrays.fill(block, 0, lo, 0.0);
    if (s instanceof float[] f) {
      for (int t = lo; t < hi; t++) {
        block[t] = f[from + t];
      }
    } else {
      System.arraycopy(s, from + lo, block, lo, hi - lo);
    }
    java.util.Arrays.fill(block, hi, size, 0.0);
  }

  /** Complex product with the filter spectrum in JTransforms' packed layout ([0] = DC, [1] = Nyquist). */
  private void multiply(double[] b) {
    double[] h = spectrum;
    b[0] *= h[0];
    b[1] *= h[1];
    for (int k = 2; k < size; k += 2) {
      double re = b[k] * h[k] - b[k + 1] * h[k + 1];
      double im = b[k] * h[k + 1] + b[k + 1] * h[k];
      b[k] = re;
      b[k + 1] = im;
    }
  }
}
