package io.github.ser4j.benchmarks;

import io.github.ser4j.dsp.spectral.MelSpectrogram;
import io.github.ser4j.dsp.spectral.Mfcc;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How far JLibrosa's and SER4J's numbers are from librosa's reference arrays for {@code c_speech}
 * (mel spectrogram 1024/512/64, MFCC 40 with 2048/512/128): maximum absolute error, and maximum
 * relative error over entries above 1e-8 of the array's maximum, over all frames and over the
 * interior frames (those whose window lies entirely inside the signal, so that the padding, reflect
 * in JLibrosa and zeros in librosa &ge; 0.10, plays no part). Run from the repository root with
 * {@code java -cp benchmarks/target/benchmarks.jar -Dser4j.shared=../shared
 * io.github.ser4j.benchmarks.JLibrosaComparison} (JLibrosa rows need a {@code -Pjlibrosa} build; see
 * {@link JLibrosaBenchmark}). JLibrosa 1.1.8 (built from source) gives: mel spectrogram, all frames,
 * max abs error 0.0451, max rel error 1.19 (frame 0, reflect padding), frames 1-92 6.97e-6 and
 * 3.71e-7; MFCC 40, all frames, 33.6 and 2.91 (frames 0-1), frames 2-91 2.97e-5 and 5.95e-8.
 */
public final class JLibrosaComparison {
  private JLibrosaComparison() {}

  /**
   * Prints the comparison.
   *
   * @param args unused
   * @throws IOException if the reference arrays cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path arrays = BenchmarkClip.shared().resolve("reference/arrays");
    float[] y = BenchmarkClip.speech();
    double[] melRef = BenchmarkClip.readF64(arrays.resolve("c_speech/n1024_h512_m64/melspectrogram.f64"));
    double[] mfccRef = BenchmarkClip.readF64(arrays.resolve("c_speech/n2048_h512_m128/mfcc40.f64"));
    int sr = BenchmarkClip.SAMPLE_RATE;

    double[][] mel = MelSpectrogram.builder().sampleRate(sr).nFft(1024).hopLength(512).nMels(64).build()
        .extractDouble(y);
    double[][] mfcc = Mfcc.builder().sampleRate(sr).nMfcc(40).nFft(2048).hopLength(512).nMels(128).build()
        .extractDouble(y);
    report("SER4J    mel 1024/512/64 ", melRef, 64, transpose(mel), y.length, 1024, 512);
    report("SER4J    mfcc40 2048/512 ", mfccRef, 40, transpose(mfcc), y.length, 2048, 512);
    try {
      JLibrosaBridge j = JLibrosaBridge.load();
      report("JLibrosa mel 1024/512/64 ", melRef, 64, toDouble(j.melSpectrogram(y, sr, 1024, 64, 512)), y.length,
          1024, 512);
      report("JLibrosa mfcc40 2048/512 ", mfccRef, 40, toDouble(j.mfcc(y, sr, 40, 2048, 128, 512)), y.length,
          2048, 512);
      System.out.println("JLibrosa cannot set: " + JLibrosaBridge.FIXED);
    } catch (IllegalStateException e) {
      System.out.println("JLibrosa: " + e.getMessage());
    }
  }

  /**
   * Prints the errors over all frames and over the frames {@code t} with
   * {@code t*hop - nFft/2 >= 0} and {@code t*hop + nFft/2 <= length}.
   */
  private static void report(String what, double[] ref, int rows, double[][] actual, int length, int nFft,
      int hop) {
    int cols = ref.length / rows;
    if (actual.length != rows || actual[0].length != cols) {
      System.out.printf("%s shape %dx%d, librosa %dx%d: not comparable element by element%n", what,
          actual.length, actual.length == 0 ? 0 : actual[0].length, rows, cols);
      return;
    }
    double max = 0;
    for (double v : ref) {
      max = Math.max(max, Math.abs(v));
    }
    int first = (nFft / 2 + hop - 1) / hop;
    int last = Math.min(cols - 1, (length - nFft / 2) / hop);
    double[] all = errors(ref, actual, rows, cols, 0, cols - 1, max);
    double[] interior = errors(ref, actual, rows, cols, first, last, max);
    System.out.printf("%s all frames: max abs error %.3g, max rel error %.3g; frames %d-%d (no padding): "
        + "max abs error %.3g, max rel error %.3g (librosa max |x| %.4g)%n", what, all[0], all[1], first, last,
        interior[0], interior[1], max);
  }

  /** @return {max abs error, max rel error over entries above 1e-8 of max} over frames first..last */
  private static double[] errors(double[] ref, double[][] actual, int rows, int cols, int first, int last,
      double max) {
    double worstAbs = 0;
    double worstRel = 0;
    for (int i = 0; i < rows; i++) {
      for (int t = first; t <= last; t++) {
        double e = ref[i * cols + t];
        double d = Math.abs(actual[i][t] - e);
        worstAbs = Math.max(worstAbs, d);
        if (Math.abs(e) > 1e-8 * max) {
          worstRel = Math.max(worstRel, d / Math.abs(e));
        }
      }
    }
    return new double[] {worstAbs, worstRel};
  }

  private static double[][] transpose(double[][] m) {
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }

  private static double[][] toDouble(float[][] m) {
    double[][] d = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      d[i] = new double[m[i].length];
      for (int j = 0; j < m[i].length; j++) {
        d[i][j] = m[i][j];
      }
    }
    return d;
  }
}
