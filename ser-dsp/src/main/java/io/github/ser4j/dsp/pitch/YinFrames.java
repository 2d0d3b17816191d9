package io.github.ser4j.dsp.pitch;

import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.PadMode;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The framing and the cumulative mean normalised difference function (CMND, equation 8 of
 * de Cheveigné &amp; Kawahara 2002) shared by {@link Yin} and {@link PYin}, computed as librosa 0.11
 * does: for a frame {@code x} of {@code N} samples (zero beyond its end),
 * {@code d(tau) = sum_j (x_j - x_{j+tau})^2 = 2 (r(0) - r(tau)) - sum_{j<tau} x_j^2}, with the
 * autocorrelation {@code r} computed by FFT, then {@code d'(tau) = d(tau) / (mean_{1..tau} d + tiny)}
 * for {@code minPeriod <= tau <= maxPeriod}. Also librosa's parabolic shifts and local minima.
 *
 * <p>Immutable and thread-safe; each thread reuses its own scratch buffers.
 */
final class YinFrames {
  /** numpy's {@code np.finfo(np.float64).tiny}, added to denominators by librosa. */
  static final double TINY = Double.MIN_NORMAL;

  final int sampleRate;
  final double fmin;
  final double fmax;
  final int frameLength;
  final int hopLength;
  final boolean center;
  final PadMode padMode;
  final int minPeriod;
  final int maxPeriod;
  final int numLags;
  private final int fftSize;
  private final DoubleFFT_1D fft;
  private final ThreadLocal<Scratch> scratch;

  YinFrames(int sampleRate, double fmin, double fmax, int frameLength, int hopLength, boolean center,
      PadMode padMode) {
    // librosa 0.11 __check_yin_params, with the messages naming our parameters.
    InvalidParameterException.require(fmax <= sampleRate / 2.0, "fmax", fmax,
        "<= sampleRate / 2 (" + sampleRate / 2.0 + " Hz)");
    InvalidParameterException.require(fmin < fmax, "fmin", fmin, "< fmax (" + fmax + " Hz)");
    InvalidParameterException.require(sampleRate / fmin < frameLength - 1, "fmin", fmin,
        "> sampleRate / (frameLength - 1) = " + sampleRate / (double) (frameLength - 1)
            + " Hz (or use a longer frameLength)");
    this.sampleRate = sampleRate;
    this.fmin = fmin;
    this.fmax = fmax;
    this.frameLength = frameLength;
    this.hopLength = hopLength;
    this.center = center;
    this.padMode = padMode;
    this.minPeriod = (int) Math.floor(sampleRate / fmax);
    this.maxPeriod = Math.min((int) Math.ceil(sampleRate / fmin), frameLength - 1);
    this.numLags = maxPeriod - minPeriod + 1;
    InvalidParameterException.require(numLags >= 3, "fmin/fmax", fmin + "/" + fmax,
        "far enough apart that the period range [floor(sr/fmax), ceil(sr/fmin)] = [" + minPeriod + ", "
            + maxPeriod + "] holds at least 3 lags");
    // Any size >= 2N - 1 gives the linear (not circular) autocorrelation; a power of two is fastest.
    int size = 1;
    while (size < 2 * frameLength - 1) {
      size <<= 1;
    }
    this.fftSize = size;
    this.fft = new DoubleFFT_1D(size);
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(fftSize, frameLength, maxPeriod));
  }

  /**
   * @param length signal length in samples
   * @return the number of frames, as {@code librosa.util.frame} of the (padded) signal
   */
  int numFrames(int length) {
    if (length <= 0) {
      throw new InvalidAudioException("the signal is empty: pitch estimation needs at least one sample");
    }
    int padded = center ? length + 2 * (frameLength / 2) : length;
    if (padded < frameLength) {
      throw new InvalidAudioException("the signal has " + length + " samples, shorter than one frame (frameLength = "
          + frameLength + ")" + (center ? "" : " with center = false"));
    }
    return 1 + (padded - frameLength) / hopLength;
  }

  /** The signal checked for NaN/infinity (unchecked float arrays can hold them). */
  static void requireFinite(float[] y) {
    if (y == null) {
      throw new InvalidParameterException("samples = null is not allowed: must be an array of samples");
    }
    for (int i = 0; i < y.length; i++) {
      if (!Float.isFinite(y[i])) {
        throw new InvalidAudioException("sample " + i + " is " + y[i]
            + ": audio samples must be finite (no NaN or infinity)");
      }
    }
  }

  /**
   * Computes the CMND of frame {@code t} into {@code out[0 .. numLags)} (index {@code i} is period
   * {@code minPeriod + i}).
   */
  void cmnd(float[] y, int t, double[] out) {
    Scratch s = scratch.get();
    double[] buf = s.buf;
    double[] frame = s.frame;
    int start = t * hopLength - (center ? frameLength / 2 : 0);
    if (start >= 0 && start + frameLength <= y.length) {
      for (int n = 0; n < frameLength; n++) {
        frame[n] = y[start + n];
      }
    } else {
      for (int n = 0; n < frameLength; n++) {
        frame[n] = padMode.sampleAt(y, start + n);
      }
    }
    System.arraycopy(frame, 0, buf, 0, frameLength);
    java.util.Arrays.fill(buf, frameLength, fftSize, 0.0);
    fft.realForward(buf);
    // Packed real layout: buf[0] = Re(0), buf[1] = Re(N/2), then (Re, Im) pairs.
    buf[0] = buf[0] * buf[0];
    buf[1] = buf[1] * buf[1];
    for (int k = 2; k < fftSize; k += 2) {
      double re = buf[k];
      double im = buf[k + 1];
      buf[k] = re * re + im * im;
      buf[k + 1] = 0.0;
    }
    fft.realInverse(buf, true);
    double[] d = s.diff;
    double r0 = buf[0];
    double energy = 0.0;
    d[0] = 0.0;
    for (int tau = 1; tau <= maxPeriod; tau++) {
      energy += frame[tau - 1] * frame[tau - 1];
      d[tau] = 2.0 * (r0 - buf[tau]) - energy;
    }
    double cumulative = 0.0;
    for (int tau = 1; tau <= maxPeriod; tau++) {
      cumulative += d[tau];
      if (tau >= minPeriod) {
        out[tau - minPeriod] = d[tau] / (cumulative / tau + TINY);
      }
    }
  }

  /**
   * librosa's parabolic interpolation shift at lag index {@code i}: 0 at the ends and where the
   * parabola's vertex would lie more than one lag away, else {@code -b / a}.
   */
  static double parabolicShift(double[] v, int i, int n) {
    if (i <= 0 || i >= n - 1) {
      return 0.0;
    }
    double a = v[i + 1] + v[i - 1] - 2.0 * v[i];
    double b = (v[i + 1] - v[i - 1]) / 2.0;
    return Math.abs(b) < Math.abs(a) ? -b / a : 0.0;
  }

  /**
   * Whether lag index {@code i} is a trough as librosa defines it: {@code util.localmin} inside and at
   * the last lag ({@code v[i] < v[i-1] && v[i] <= v[i+1]}; last: {@code v[n-1] < v[n-2]}), and
   * {@code v[0] < v[1]} at the first.
   */
  static boolean isTrough(double[] v, int i, int n) {
    if (i == 0) {
      return v[0] < v[1];
    }
    if (i == n - 1) {
      return v[i] < v[i - 1];
    }
    return v[i] < v[i - 1] && v[i] <= v[i + 1];
  }

  private static final class Scratch {
    final double[] buf;
    final double[] frame;
    final double[] diff;

    Scratch(int fftSize, int frameLength, int maxPeriod) {
      buf = new double[fftSize];
      frame = new double[frameLength];
      diff = new double[maxPeriod + 1];
    }
  }
}
