package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Arrays;

/**
 * Estimates a recording's tuning offset from A440, as {@code librosa.estimate_tuning(S=S, sr,
 * n_fft, resolution, bins_per_octave)} (0.11): {@code librosa.piptrack} finds the
 * parabolically-interpolated spectral peaks between {@code fmin} and {@code fmax} that exceed
 * {@code threshold} times their frame's maximum; the peaks at least as strong as the median peak
 * are kept; {@link #pitchTuning} histograms their deviation from the equal-tempered grid and
 * returns the most frequent one.
 *
 * <p>The estimate is a histogram bin edge, so it changes in steps of {@code resolution} and can
 * jump between bins for small changes of the signal. Immutable and thread-safe.
 */
public final class TuningEstimator {
  private final int sampleRate;
  private final double resolution;
  private final int binsPerOctave;
  private final double fmin;
  private final double fmax;
  private final double threshold;

  private TuningEstimator(Builder b) {
    this.sampleRate = b.sampleRate;
    this.resolution = b.resolution;
    this.binsPerOctave = b.binsPerOctave;
    this.fmin = Math.max(b.fmin, 0);
    this.fmax = Math.min(b.fmax, sampleRate / 2.0);
    this.threshold = b.threshold;
  }

  /** @return a builder with librosa's defaults (22050 Hz, resolution 0.01, 12 bins, 150-4000 Hz, threshold 0.1) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the sample rate in Hz */
  public int sampleRate() {
    return sampleRate;
  }

  /**
   * Estimates the tuning of a spectrogram. {@code librosa.feature.chroma_stft} passes the power
   * spectrogram {@code |stft|^2}; {@code librosa.estimate_tuning(y=...)} the magnitude.
   *
   * @param spectrogram {@code frames x (nFft/2 + 1)}, non-negative; nFft is inferred as
   *     {@code 2 * (bins - 1)}
   * @return the tuning in fractions of a bin, in [-0.5, 0.5); 0 when no peak is found
   * @throws InvalidParameterException if the rows are ragged or have fewer than 2 bins
   */
  public double estimate(double[][] spectrogram) {
    if (spectrogram.length == 0) {
      return 0.0;
    }
    int bins = spectrogram[0] == null ? 0 : spectrogram[0].length;
    InvalidParameterException.require(bins >= 2, "spectrogram bins", bins, ">= 2");
    int nFft = 2 * (bins - 1);
    double[] fftFreqs = SpectralShape.fftFrequencies(sampleRate, nFft);
    int lo = 0;
    while (lo < bins && !(fmin <= fftFreqs[lo])) {
      lo++;
    }
    int hi = lo;
    while (hi < bins && fftFreqs[hi] < fmax) {
      hi++;
    }
    // Peaks, as (pitch, magnitude) pairs, grown as needed.
    double[] pitches = new double[64];
    double[] mags = new double[64];
    int count = 0;
    for (double[] s : spectrogram) {
      InvalidParameterException.require(s != null && s.length == bins, "spectrogram bins",
          s == null ? null : s.length, "the same for every frame (" + bins + ")");
      double max = Double.NEGATIVE_INFINITY;
      for (double v : s) {
        max = Math.max(max, v);
      }
      double ref = threshold * max;
      for (int k = Math.max(lo, 1); k < hi; k++) {
        if (!isLocalMax(s, k, ref)) {
          continue;
        }
        double shift = 0;
        double avg = 0;
        if (k < bins - 1) {
          // librosa's _parabolic_interpolation stencil, and np.gradient in the interior.
          double a = s[k + 1] + s[k - 1] - 2 * s[k];
          double b = (s[k + 1] - s[k - 1]) / 2;
          shift = Math.abs(b) >= Math.abs(a) ? 0 : -b / a;
          avg = (s[k + 1] - s[k - 1]) / 2;
        }
        double pitch = (k + shift) * (double) sampleRate / nFft;
        if (pitch > 0) {
          if (count == pitches.length) {
            pitches = Arrays.copyOf(pitches, 2 * count);
            mags = Arrays.copyOf(mags, 2 * count);
          }
          pitches[count] = pitch;
          mags[count] = s[k] + 0.5 * avg * shift;
          count++;
        }
      }
    }
    if (count == 0) {
      return 0.0;
    }
    double[] sorted = Arrays.copyOf(mags, count);
    Arrays.sort(sorted);
    double median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    double[] kept = new double[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (mags[i] >= median) {
        kept[n++] = pitches[i];
      }
    }
    return pitchTuning(Arrays.copyOf(kept, n), resolution, binsPerOctave);
  }

  /**
   * {@code librosa.util.localmax} of {@code S * (S > ref)} at interior bin {@code k}: strictly
   * above the left neighbour, at least the right one (the last bin only needs the left).
   */
  private static boolean isLocalMax(double[] s, int k, double ref) {
    double x = s[k] > ref ? s[k] : 0;
    double left = s[k - 1] > ref ? s[k - 1] : 0;
    if (k == s.length - 1) {
      return x > left;
    }
    double right = s[k + 1] > ref ? s[k + 1] : 0;
    return x > left && x >= right;
  }

  /**
   * The most frequent deviation of a set of frequencies from the equal-tempered grid (A440), as
   * {@code librosa.pitch_tuning(frequencies, resolution, bins_per_octave)}: each frequency's
   * position in bins modulo 1, moved to [-0.5, 0.5), histogrammed over {@code ceil(1/resolution)}
   * equal bins of [-0.5, 0.5]; the left edge of the fullest bin (the first, on ties).
   *
   * @param frequencies frequencies in Hz; values &le; 0 are ignored
   * @param resolution histogram bin width in fractions of a bin, in (0, 1)
   * @param binsPerOctave bins per octave, &ge; 1
   * @return the tuning, or 0 if no frequency is positive
   */
  public static double pitchTuning(double[] frequencies, double resolution, int binsPerOctave) {
    InvalidParameterException.require(resolution > 0 && resolution < 1, "resolution", resolution, "in (0, 1)");
    InvalidParameterException.require(binsPerOctave >= 1, "binsPerOctave", binsPerOctave, ">= 1");
    int nBins = (int) Math.ceil(1.0 / resolution);
    // np.linspace(-0.5, 0.5, nBins + 1), computed as numpy does.
    double[] edges = new double[nBins + 1];
    double step = 1.0 / nBins;
    for (int i = 0; i < nBins; i++) {
      edges[i] = i * step + -0.5;
    }
    edges[nBins] = 0.5;
    int[] counts = new int[nBins];
    boolean any = false;
    for (double f : frequencies) {
      if (!(f > 0)) {
        continue;
      }
      any = true;
      double octs = Math.log(f / 27.5) / Math.log(2.0);
      double x = binsPerOctave * octs;
      // np.mod(x, 1.0): fmod, moved into [0, 1) when negative.
      double residual = x % 1.0;
      if (residual < 0) {
        residual += 1.0;
      }
      if (residual >= 0.5) {
        residual -= 1.0;
      }
      int bin = bucket(edges, residual);
      if (bin >= 0) {
        counts[bin]++;
      }
    }
    if (!any) {
      return 0.0;
    }
    int best = 0;
    for (int i = 1; i < nBins; i++) {
      if (counts[i] > counts[best]) {
        best = i;
      }
    }
    return edges[best];
  }

  /** np.histogram's bin: edges[i] <= x < edges[i + 1], the last bin closed; -1 outside. */
  private static int bucket(double[] edges, double x) {
    int last = edges.length - 1;
    if (x < edges[0] || x > edges[last]) {
      return -1;
    }
    if (x == edges[last]) {
      return last - 1;
    }
    int lo = 0;
    int hi = last;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= x) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Builds a {@link TuningEstimator}; every setter validates its argument at once. */
  public static final class Builder {
    private int sampleRate = 22050;
    private double resolution = 0.01;
    private int binsPerOctave = 12;
    private double fmin = 150.0;
    private double fmax = 4000.0;
    private double threshold = 0.1;

    private Builder() {}

    /**
     * @param sampleRate sample rate in Hz, &gt; 0 (default 22050)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param resolution histogram resolution in fractions of a bin, in (0, 1) (default 0.01)
     * @return this builder
     */
    public Builder resolution(double resolution) {
      InvalidParameterException.require(resolution > 0 && resolution < 1, "resolution", resolution, "in (0, 1)");
      this.resolution = resolution;
      return this;
    }

    /**
     * @param binsPerOctave bins per octave, &ge; 1 (default 12)
     * @return this builder
     */
    public Builder binsPerOctave(int binsPerOctave) {
      InvalidParameterException.require(binsPerOctave >= 1, "binsPerOctave", binsPerOctave, ">= 1");
      this.binsPerOctave = binsPerOctave;
      return this;
    }

    /**
     * @param fmin lowest peak frequency considered, Hz, finite and &ge; 0 (default 150)
     * @return this builder
     */
    public Builder fmin(double fmin) {
      InvalidParameterException.require(fmin >= 0 && Double.isFinite(fmin), "fmin", fmin, "finite and >= 0 Hz");
      this.fmin = fmin;
      return this;
    }

    /**
     * @param fmax peaks must lie below this frequency, Hz, &gt; 0 (default 4000; capped at Nyquist)
     * @return this builder
     */
    public Builder fmax(double fmax) {
      InvalidParameterException.require(fmax > 0 && !Double.isNaN(fmax), "fmax", fmax, "> 0 Hz");
      this.fmax = fmax;
      return this;
    }

    /**
     * @param threshold peaks must exceed this fraction of their frame's maximum, in [0, 1]
     *     (default 0.1)
     * @return this builder
     */
    public Builder threshold(double threshold) {
      InvalidParameterException.require(threshold >= 0 && threshold <= 1, "threshold", threshold, "in [0, 1]");
      this.threshold = threshold;
      return this;
    }

    /** @return the estimator */
    public TuningEstimator build() {
      return new TuningEstimator(this);
    }
  }
}
