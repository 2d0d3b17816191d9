package io.github.ser4j.dsp.pitch;

import java.util.SplittableRandom;

/** Synthetic test signals with a known f0. */
final class Tones {
  static final int SR = 16000;

  private Tones() {}

  /** A sine of {@code f} Hz, amplitude 0.5. */
  static float[] sine(double f, double seconds) {
    float[] y = new float[(int) Math.round(seconds * SR)];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / SR));
    }
    return y;
  }

  /** Sawtooth-like: harmonics k = 1..count below Nyquist with amplitude 1/k, scaled to peak about 0.5. */
  static float[] harmonic(double f, int count, double seconds) {
    double[] amps = new double[count];
    for (int k = 1; k <= count; k++) {
      amps[k - 1] = 1.0 / k;
    }
    return partials(f, amps, seconds);
  }

  /** Harmonics of {@code f} with the given amplitudes (index 0 = fundamental), times 0.25. */
  static float[] partials(double f, double[] amps, double seconds) {
    float[] y = new float[(int) Math.round(seconds * SR)];
    for (int i = 0; i < y.length; i++) {
      double s = 0;
      for (int k = 1; k <= amps.length; k++) {
        if (k * f < SR / 2.0) {
          s += amps[k - 1] * Math.sin(2 * Math.PI * k * f * i / SR + 0.3 * k);
        }
      }
      y[i] = (float) (0.25 * s);
    }
    return y;
  }

  /** Exponential glide from f0 to f1 Hz over the whole signal, 5 harmonics; see {@link #glideF0}. */
  static float[] glide(double f0, double f1, double seconds) {
    float[] y = new float[(int) Math.round(seconds * SR)];
    double rate = Math.log(f1 / f0) / seconds;
    for (int i = 0; i < y.length; i++) {
      double t = i / (double) SR;
      // phase = integral of 2 pi f0 e^(rate t) dt
      double phase = 2 * Math.PI * f0 * (Math.exp(rate * t) - 1) / rate;
      double s = 0;
      for (int k = 1; k <= 5; k++) {
        s += Math.sin(k * phase) / k;
      }
      y[i] = (float) (0.25 * s);
    }
    return y;
  }

  /** The instantaneous f0 of {@link #glide} at time t. */
  static double glideF0(double f0, double f1, double seconds, double t) {
    return f0 * Math.exp(Math.log(f1 / f0) / seconds * t);
  }

  /** Gaussian white noise, standard deviation 0.1, seeded. */
  static float[] noise(double seconds, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] y = new float[(int) Math.round(seconds * SR)];
    for (int i = 0; i < y.length; i++) {
      // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
      double u = 1.0 - r.nextDouble();
      double v = r.nextDouble();
      y[i] = (float) (0.1 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return y;
  }

  /** {@code a}, then {@code b}, then {@code c}. */
  static float[] concat(float[]... parts) {
    int n = 0;
    for (float[] p : parts) {
      n += p.length;
    }
    float[] y = new float[n];
    int o = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, y, o, p.length);
      o += p.length;
    }
    return y;
  }

  static float[] signal(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }
}
