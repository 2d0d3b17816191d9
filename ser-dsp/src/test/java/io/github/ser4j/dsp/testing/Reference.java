package io.github.ser4j.dsp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to {@code ../shared} (librosa reference arrays, signals, corpora) for tests. The location
 * comes from the {@code ser4j.shared} system property that the parent pom sets from the project
 * root; tests that need it are skipped with a message when it is absent.
 */
public final class Reference {
  private Reference() {}

  /** @return the shared folder (may not exist) */
  public static Path shared() {
    String p = System.getProperty("ser4j.shared");
    if (p != null && !p.isBlank()) {
      return Path.of(p).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path candidate = d.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("reference"))) {
        return candidate.normalize();
      }
    }
    return dir.resolve("../shared").normalize();
  }

  /** @return {@code shared/reference}, skipping the calling test if it is absent */
  public static Path referenceDir() {
    Path r = shared().resolve("reference");
    Assumptions.assumeTrue(Files.isDirectory(r),
        "skipped: librosa reference data not found at " + r + " (set -Dser4j.shared=...)");
    return r;
  }

  /**
   * A corpus folder under {@code shared/data}, skipping the calling test if it is absent.
   *
   * @param name e.g. {@code EmoDB16k}
   * @return its path
   */
  public static Path corpus(String name) {
    Path r = shared().resolve("data").resolve(name);
    Assumptions.assumeTrue(Files.isDirectory(r), "skipped: corpus " + name + " not found at " + r);
    return r;
  }

  /**
   * A reference signal WAV.
   *
   * @param fileName e.g. {@code a_chirp_16k_pcm16.wav}
   * @return its path
   */
  public static Path signal(String fileName) {
    return referenceDir().resolve("signals").resolve(fileName);
  }

  /**
   * Reads {@code reference/arrays/<id>.f64} (raw little-endian float64, C order).
   *
   * @param id the manifest id, e.g. {@code a_chirp/n1024_h512_m64/mfcc40}
   * @return the flat array
   */
  public static double[] array(String id) {
    Path f = referenceDir().resolve("arrays").resolve(id + ".f64");
    try {
      byte[] bytes = Files.readAllBytes(f);
      DoubleBuffer db = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
      double[] out = new double[db.remaining()];
      db.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A decoded reference signal ({@code reference/arrays/signals/<id>.f64}) as float samples; exact
   * for the 16- and 24-bit signals.
   *
   * @param id e.g. {@code c_speech}
   * @return the samples
   */
  public static float[] floatSignal(String id) {
    double[] d = array("signals/" + id);
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  /**
   * Reads a 2-D reference array {@code [rows, cols]} in librosa's layout (features x frames).
   *
   * @param id the manifest id
   * @param rows the first dimension
   * @return {@code [rows][cols]}
   */
  public static double[][] matrix(String id, int rows) {
    double[] flat = array(id);
    if (flat.length % rows != 0) {
      fail(id + " has " + flat.length + " values, not a multiple of " + rows + " rows");
    }
    int cols = flat.length / rows;
    double[][] m = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * cols, m[i], 0, cols);
    }
    return m;
  }

  /**
   * Reads a 2-D reference array stored features x frames and returns it frames x features (the
   * SER4J layout).
   *
   * @param id the manifest id
   * @param features the first dimension as stored
   * @return {@code [frames][features]}
   */
  public static double[][] framesByFeatures(String id, int features) {
    return transpose(matrix(id, features));
  }

  /**
   * Transposes a rectangular matrix.
   *
   * @param m the matrix
   * @return its transpose
   */
  public static double[][] transpose(double[][] m) {
    if (m.length == 0) {
      return new double[0][0];
    }
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }
}
