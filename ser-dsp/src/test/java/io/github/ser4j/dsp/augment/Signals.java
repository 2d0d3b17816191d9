package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.testing.Reference;
import org.jtransforms.fft.DoubleFFT_1D;

/** Test signals and independent measurements for the augmentation tests. */
final class Signals {
  private Signals() {}

  /** A reference WAV's decoded samples (int16 / 32768, exact in float). */
  static AudioClip reference(String id) {
    double[] d = Reference.array("signals/" + id);
    return AudioClip.of(d, 16000);
  }

  /** A harmonic tone: fundamental {@code f0} with harmonics 2..4 at amplitudes 1/2, 1/4, 1/8 of 0.3. */
  static AudioClip harmonicTone(double f0, int sr, int length) {
    double[] y = new double[length];
    for (int i = 0; i < length; i++) {
      double s = 0;
      for (int h = 1; h <= 4; h++) {
        s += Math.pow(0.5, h - 1) * Math.sin(2 * Math.PI * h * f0 * i / sr);
      }
      y[i] = 0.3 * s;
    }
    return AudioClip.of(y, sr);
  }

  /**
   * F0 of a tone whose fundamental is its strongest partial: the largest peak of the magnitude
   * spectrum between {@code lo} and {@code hi} Hz, from a Hann-windowed segment of {@code 2^14}
   * samples taken from the middle of the clip and zero-padded 8 times, refined by parabolic
   * interpolation of the log magnitude around the peak bin.
   */
  static double f0(AudioClip clip, double lo, double hi) {
    int seg = 1 << 14;
    int n = seg * 8;
    int start = Math.max(0, (clip.length() - seg) / 2);
    double[] buf = new double[2 * n];
    for (int i = 0; i < seg && start + i < clip.length(); i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / seg);
      buf[i] = clip.sample(start + i) * w;
    }
    new DoubleFFT_1D(n).realForward(buf);
    double df = clip.sampleRate() / (double) n;
    int kLo = (int) Math.ceil(lo / df);
    int kHi = (int) Math.floor(hi / df);
    int best = kLo;
    for (int k = kLo; k <= kHi; k++) {
      if (mag(buf, k) > mag(buf, best)) {
        best = k;
      }
    }
    double a = Math.log(mag(buf, best - 1));
    double b = Math.log(mag(buf, best));
    double c = Math.log(mag(buf, best + 1));
    double delta = 0.5 * (a - c) / (a - 2 * b + c);
    return (best + delta) * df;
  }

  private static double mag(double[] packed, int k) {
    return Math.hypot(packed[2 * k], packed[2 * k + 1]);
  }

  static double rms(float[] x) {
    double s = 0;
    for (float v : x) {
      s += (double) v * v;
    }
    return Math.sqrt(s / x.length);
  }

  static double rms(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s / x.length);
  }
}
