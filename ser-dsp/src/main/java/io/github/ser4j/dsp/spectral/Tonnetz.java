package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;

/**
 * Tonal centroid features (Harte, Sandler and Gasser, "Detecting harmonic change in musical
 * audio", 2006), as {@code librosa.feature.tonnetz(chroma=...)} (0.11): each frame's chroma,
 * L1-normalised, is projected onto three circles of pitch classes: the circle of fifths (radius 1),
 * of minor thirds (radius 1) and of major thirds (radius 0.5). Output columns are
 * {@code [fifth sin, fifth cos, minor-third sin, minor-third cos, major-third sin, major-third cos]},
 * pitch class {@code c} sitting at angles {@code 7 pi c / 6}, {@code 3 pi c / 2} and
 * {@code 2 pi c / 3}.
 *
 * <p>librosa computes the chroma with {@code chroma_cqt} by default; this class takes any
 * {@link Chroma} extractor ({@code chroma_stft}) or a chroma matrix ({@link #fromChroma}).
 * Immutable and thread-safe.
 */
public final class Tonnetz {
  /** Number of tonnetz dimensions per frame. */
  public static final int DIMENSIONS = 6;

  private final Chroma chroma;

  private Tonnetz(Chroma chroma) {
    this.chroma = chroma;
  }

  /**
   * A tonnetz extractor on top of a chroma extractor.
   *
   * @param chroma the chroma extractor (for example {@code Chroma.builder().sampleRate(16000).build()})
   * @return the extractor
   */
  public static Tonnetz of(Chroma chroma) {
    InvalidParameterException.require(chroma != null, "chroma", null, "a Chroma extractor");
    return new Tonnetz(chroma);
  }

  /** @return the chroma extractor */
  public Chroma chroma() {
    return chroma;
  }

  /**
   * The tonnetz of a signal.
   *
   * @param y the signal at the chroma extractor's rate
   * @return {@code frames x 6}
   */
  public double[][] extract(float[] y) {
    return fromChroma(chroma.extract(y));
  }

  /**
   * {@link #extract(float[])} for a clip.
   *
   * @param clip the clip; its rate must be the chroma extractor's
   * @return {@code frames x 6}
   */
  public double[][] extract(AudioClip clip) {
    return fromChroma(chroma.extract(clip));
  }

  /**
   * Projects a chromagram onto the tonnetz. An all-zero frame gives zeros.
   *
   * @param chroma {@code frames x nChroma} (non-negative; any scale, each frame is L1-normalised);
   *     pitch class {@code i} of {@code n} sits at {@code 12 i / n} semitones above C
   * @return {@code frames x 6}
   * @throws InvalidParameterException if the frames are ragged or empty
   */
  public static double[][] fromChroma(double[][] chroma) {
    double[][] out = new double[chroma.length][DIMENSIONS];
    if (chroma.length == 0) {
      return out;
    }
    int n = chroma[0] == null ? 0 : chroma[0].length;
    InvalidParameterException.require(n >= 1, "chroma bins", n, ">= 1");
    double[][] phi = projection(n);
    double[] frame = new double[n];
    for (int t = 0; t < chroma.length; t++) {
      double[] c = chroma[t];
      InvalidParameterException.require(c != null && c.length == n, "chroma bins", c == null ? null : c.length,
          "the same for every frame (" + n + ")");
      System.arraycopy(c, 0, frame, 0, n);
      VectorNorm.L1.normalizeInPlace(frame);
      for (int p = 0; p < DIMENSIONS; p++) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
          acc += phi[p][i] * frame[i];
        }
        out[t][p] = acc;
      }
    }
    return out;
  }

  /** librosa's {@code phi}: {@code R cos(pi V)}; the sine rows are cosines shifted by a quarter turn. */
  private static double[][] projection(int n) {
    double[] scale = {7.0 / 6, 7.0 / 6, 3.0 / 2, 3.0 / 2, 2.0 / 3, 2.0 / 3};
    double[] radius = {1, 1, 1, 1, 0.5, 0.5};
    double step = 12.0 / n;
    double[][] phi = new double[DIMENSIONS][n];
    for (int p = 0; p < DIMENSIONS; p++) {
      for (int i = 0; i < n; i++) {
        double v = scale[p] * (i * step);
        if (p % 2 == 0) {
          v -= 0.5;
        }
        phi[p][i] = radius[p] * Math.cos(Math.PI * v);
      }
    }
    return phi;
  }
}
