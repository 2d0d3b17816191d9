package io.github.ser4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark input: the 3 s, 16 kHz speech clip {@code c_speech} of the librosa reference data
 * (or another reference signal), read from {@code <ser4j.shared>/reference/arrays/signals/<id>.f64} (system property
 * {@code ser4j.shared}, default {@code ../shared} relative to the working directory), or a seeded
 * synthetic 3 s signal (harmonics plus noise) when the reference data is absent.
 */
final class BenchmarkClip {
  static final int SAMPLE_RATE = 16_000;

  private BenchmarkClip() {}

  /** @return the shared folder named by {@code -Dser4j.shared}, default {@code ../shared} */
  static Path shared() {
    return Path.of(System.getProperty("ser4j.shared", "../shared"));
  }

  /** @return the 48 000 samples of the speech clip (or the synthetic stand-in) */
  static float[] speech() {
    return signal("c_speech");
  }

  /**
   * A reference signal.
   *
   * @param id {@code c_speech} (speech, exact zeros from 2.48 s), {@code b_noise} (white noise) or
   *     {@code a_chirp}
   * @return its samples, or the synthetic stand-in when the reference data is absent
   */
  static float[] signal(String id) {
    Path f = shared().resolve("reference/arrays/signals/" + id + ".f64");
    if (Files.isRegularFile(f)) {
      try {
        double[] d = readF64(f);
        float[] y = new float[d.length];
        for (int i = 0; i < d.length; i++) {
          y[i] = (float) d[i];
        }
        return y;
      } catch (IOException e) {
        System.err.println("could not read " + f + " (" + e + "): using a synthetic clip");
      }
    } else {
      System.err.println(f + " not found: using a synthetic clip (set -Dser4j.shared=...)");
    }
    return synthetic(3 * SAMPLE_RATE, 42);
  }

  /** A seeded stand-in: a 150 Hz harmonic series with slow vibrato plus noise. */
  static float[] synthetic(int length, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] y = new float[length];
    double phase = 0;
    for (int i = 0; i < length; i++) {
      double f0 = 150 + 20 * Math.sin(2 * Math.PI * 3 * i / SAMPLE_RATE);
      phase += 2 * Math.PI * f0 / SAMPLE_RATE;
      double s = 0;
      for (int h = 1; h <= 10; h++) {
        s += Math.sin(h * phase) / h;
      }
      y[i] = (float) (0.1 * s + 0.01 * (rnd.nextDouble() * 2 - 1));
    }
    return y;
  }

  /** Reads a raw little-endian float64 array. */
  static double[] readF64(Path f) throws IOException {
    DoubleBuffer db = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
    double[] out = new double[db.remaining()];
    db.get(out);
    return out;
  }
}
