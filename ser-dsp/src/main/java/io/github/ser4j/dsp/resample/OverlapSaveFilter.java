package io.github.ser4j.dsp.resample;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Linear convolution with a fixed FIR filter by FFT overlap-save: blocks of {@code size} samples
 * (a power of two) yield {@code size - length + 1} outputs each. The cost
 * per sample does not grow with the filter length, which makes long, sharp filters cheap.
 *
 * <p>Two real blocks ride in one complex transform, one as the real part and one as the imaginary
 * part: the filter is real, so their convolutions stay apart, and one complex transform of N points
 * measured about 10 % cheaper than two real ones (JTransforms). Immutable and thread-safe (blocks
 * live in per-thread {@link Scratch}).
 */
final class OverlapSaveFilter {
  private final int length;
  private final int size;
  /** The filter's complex spectrum, interleaved re/im (JTransforms layout). */
  private final double[] spectrum;
  private final DoubleFFT_1D fft;
  /** Smallest transform size: the largest JTransforms runs on the calling thread. */
  static final int BLOCK = 2048;

  OverlapSaveFilter(double[] taps) {
    this.length = taps.length;
    // 2048-point complex transforms: JTransforms hands a complex transform of 4096 points or more
    // (8192 doubles, its default 2-thread threshold) to its own thread pool, which costs more in
    // hand-offs than it saves at this size and competes with callers that parallelise over clips.
    // Longer only if the filter needs it.
    this.size = Math.max(BLOCK, ceilPow2(2 * length));
    this.fft = new DoubleFFT_1D(size);
    this.spectrum = new double[2 * size];
    for (int t = 0; t < length; t++) {
      spectrum[2 * t] = taps[t];
    }
    fft.complexForward(spectrum);
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
    double[] block = Scratch.get(Scratch.BLOCK, 2 * size);
    int step = size - length + 1;
    for (int done = 0; done < count; done += 2 * step) {
      load(s, ns, outStart + done - length + 1, block, 0);
      load(s, ns, outStart + done + step - length + 1, block, 1);
      fft.complexForward(block);
      multiply(block);
      fft.complexInverse(block, true);
      store(block, 0, out, done, Math.min(step, count - done));
      store(block, 1, out, done + step, Math.min(step, count - done - step));
    }
  }

  /** Copies {@code s[from .. from + size)} into the real ({@code part} 0) or imaginary (1) parts, zeros outside the signal. */
  private void load(Object s, int ns, int from, double[] block, int part) {
    int lo = (int) Math.min(size, Math.max(0, -(long) from));
    int hi = (int) Math.max(lo, Math.min(size, (long) ns - from));
    for (int t = 0; t < lo; t++) {
      block[2 * t + part] = 0;
    }
    if (s instanceof float[] f) {
      for (int t = lo; t < hi; t++) {
        block[2 * t + part] = f[from + t];
      }
    } else {
      double[] d = (double[]) s;
      for (int t = lo; t < hi; t++) {
        block[2 * t + part] = d[from + t];
      }
    }
    for (int t = hi; t < size; t++) {
      block[2 * t + part] = 0;
    }
  }

  /** Writes {@code m} outputs (none if {@code m <= 0}) from the block's samples {@code length - 1 ...} of one part. */
  private void store(double[] block, int part, Object out, int o, int m) {
    int src = 2 * (length - 1) + part;
    if (out instanceof float[] f) {
      for (int i = 0; i < m; i++) {
        f[o + i] = (float) block[src + 2 * i];
      }
    } else {
      double[] d = (double[]) out;
      for (int i = 0; i < m; i++) {
        d[o + i] = block[src + 2 * i];
      }
    }
  }

  /** Complex product with the filter spectrum, both interleaved re/im. */
  private void multiply(double[] b) {
    double[] h = spectrum;
    for (int k = 0; k < 2 * size; k += 2) {
      double re = b[k] * h[k] - b[k + 1] * h[k + 1];
      double im = b[k] * h[k + 1] + b[k + 1] * h[k];
      b[k] = re;
      b[k + 1] = im;
    }
  }
}
