package io.github.ser4j.models.nn.layers;

import java.util.stream.IntStream;

/**
 * Batch normalisation with batch statistics over {@code [n, c, h, w]} (NCHW), the passes that run
 * in Java: the per-channel moments of the forward pass and the whole backward pass, optionally
 * through a ReLU that follows the normalisation. Each pass streams the channel's {@code n} blocks of
 * {@code h w} contiguous values once; channels run in parallel on the common fork-join pool when the
 * tensor is large (the passes are memory-bound; two cores halve them).
 *
 * <p>Backward, with {@code xhat = (x - mean) / sqrt(var + eps)} (biased batch variance),
 * {@code y = gamma xhat + beta} and {@code dz} the gradient with respect to {@code y} (the incoming
 * gradient where the ReLU's output is positive, 0 elsewhere): {@code dbeta = sum dz},
 * {@code dgamma = sum dz xhat} and {@code dx = gamma / sqrt(var + eps) (dz - dbeta / N - xhat dgamma / N)},
 * sums over the channel's {@code N = n h w} values (Ioffe and Szegedy 2015, section 3). It replaces
 * libnd4j's {@code relu_bp} (a per-element {@code std::function}) plus {@code batchnorm_bp}, whose
 * oneDNN version computes only the first term with oneDNN and the rest with eight broadcast and
 * reduction operations over the whole tensor. Sums in double.
 */
final class BatchNormKernels {
  /** Tensors below this many values run on the calling thread. */
  private static final int PARALLEL_MIN = 1 << 16;

  private BatchNormKernels() {
  }

  /**
   * Per-channel mean and biased variance, accumulated in double around the channel's first value
   * (the shifted-data algorithm: no cancellation when the mean is large against the standard
   * deviation).
   */
  static void moments(HostArrays x, int n, int channels, int hw, double[] mean, double[] var) {
    double count = (double) n * hw;
    forChannels(n, channels, hw, ch -> {
      double shift = x.get(ch * hw);
      double s1 = 0;
      double s2 = 0;
      double t1 = 0;
      double t2 = 0;
      for (int i = 0; i < n; i++) {
        int base = (i * channels + ch) * hw;
        int j = 0;
        for (; j + 1 < hw; j += 2) {
          double d = x.get(base + j) - shift;
          double e = x.get(base + j + 1) - shift;
          s1 += d;
          s2 += d * d;
          t1 += e;
          t2 += e * e;
        }
        if (j < hw) {
          double d = x.get(base + j) - shift;
          s1 += d;
          s2 += d * d;
        }
      }
      s1 += t1;
      s2 += t2;
      mean[ch] = shift + s1 / count;
      var[ch] = Math.max(0, (s2 - s1 * s1 / count) / count);
    });
  }

  /**
   * The backward pass (see the class comment).
   *
   * @param x the layer input
   * @param dy the gradient with respect to the layer output
   * @param reluOutput the layer output if a ReLU follows the normalisation (its zeros mask
   *     {@code dy}), else null
   * @param dx out: the gradient with respect to the input
   * @param dGamma out: per channel
   * @param dBeta out: per channel
   */
  static void backward(HostArrays x, HostArrays dy, HostArrays reluOutput, HostArrays dx, int n, int channels,
      int hw, double[] mean, double[] var, double[] gamma, double eps, double[] dGamma, double[] dBeta) {
    int count = n * hw;
    forChannels(n, channels, hw, c -> {
      double m = mean[c];
      double inv = 1 / Math.sqrt(var[c] + eps);
      double s0 = 0;
      double s1 = 0;
      double sx0 = 0;
      double sx1 = 0;
      for (int i = 0; i < n; i++) {
        int base = (i * channels + c) * hw;
        int j = 0;
        for (; j + 1 < hw; j += 2) {
          double d0 = masked(dy, reluOutput, base + j);
          double d1 = masked(dy, reluOutput, base + j + 1);
          s0 += d0;
          s1 += d1;
          sx0 += d0 * (x.get(base + j) - m);
          sx1 += d1 * (x.get(base + j + 1) - m);
        }
        if (j < hw) {
          double d0 = masked(dy, reluOutput, base + j);
          s0 += d0;
          sx0 += d0 * (x.get(base + j) - m);
        }
      }
      double sum = s0 + s1;
      double sumX = sx0 + sx1;
      dBeta[c] = sum;
      dGamma[c] = sumX * inv;
      double a = gamma[c] * inv;
      double b = -gamma[c] * inv * inv * inv * sumX / count;
      double shift = -gamma[c] * inv * sum / count - b * m;
      for (int i = 0; i < n; i++) {
        int base = (i * channels + c) * hw;
        for (int j = base; j < base + hw; j++) {
          dx.set(j, a * masked(dy, reluOutput, j) + b * x.get(j) + shift);
        }
      }
    });
  }

  /**
   * {@code dy[i]}, or 0 where the ReLU output is not positive, without a branch: the mask is close
   * to random, and a mispredicted branch per value tripled the pass's time (7 against 2.4 ns per
   * value). {@code ((-b) & ~b) >>> 63} is 1 exactly when the bits {@code b} of the output, read as a
   * signed integer, are positive, i.e. the output is greater than +0. (A NaN or infinite incoming
   * gradient at a masked position gives NaN here where a branch would give 0; training has
   * diverged by then either way.)
   */
  private static double masked(HostArrays dy, HostArrays reluOutput, int i) {
    double v = dy.get(i);
    if (reluOutput == null) {
      return v;
    }
    long bits = Double.doubleToRawLongBits(reluOutput.get(i));
    return v * (double) (((-bits) & ~bits) >>> 63);
  }

  private static void forChannels(int n, int channels, int hw, java.util.function.IntConsumer body) {
    long size = (long) n * channels * hw;
    if (size >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("batch norm tensor of " + size + " values is too large");
    }
    IntStream range = IntStream.range(0, channels);
    (size >= PARALLEL_MIN ? range.parallel() : range).forEach(body);
  }
}
