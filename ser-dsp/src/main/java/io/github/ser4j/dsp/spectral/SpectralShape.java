package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Arrays;
import java.util.List;

/**
 * Spectral shape descriptors of each STFT frame, computed together in one STFT pass, as librosa
 * 0.11 computes them from the magnitude spectrogram {@code S = |stft(y)|}:
 * <ul>
 *   <li>{@link Feature#CENTROID}: {@code spectral_centroid}, {@code sum(f * S) / sum(S)} in Hz;</li>
 *   <li>{@link Feature#BANDWIDTH}: {@code spectral_bandwidth(p, norm=True)},
 *       {@code (sum(S / sum(S) * |f - centroid|^p))^(1/p)} in Hz;</li>
 *   <li>{@link Feature#ROLLOFF}: {@code spectral_rolloff(roll_percent)}, the centre frequency (Hz)
 *       of the first bin where the cumulative magnitude reaches {@code rollPercent} of the total;</li>
 *   <li>{@link Feature#FLATNESS}: {@code spectral_flatness(amin, power)}, geometric over
 *       arithmetic mean of {@code max(amin, S^power)}.</li>
 * </ul>
 * Frequencies are {@code fft_frequencies(sr, n_fft)}. A silent frame gives centroid, bandwidth and
 * rolloff 0 and flatness 1, as librosa.
 *
 * <p>Immutable and thread-safe; an extraction allocates only its output (per-thread scratch).
 */
public final class SpectralShape {
  /** A spectral shape descriptor. */
  public enum Feature {
    /** Spectral centroid in Hz. */
    CENTROID,
    /** Spectral bandwidth (p-th order deviation around the centroid) in Hz. */
    BANDWIDTH,
    /** Roll-off frequency in Hz. */
    ROLLOFF,
    /** Spectral flatness, in (0, 1]. */
    FLATNESS
  }

  private final int sampleRate;
  private final Stft stft;
  private final Feature[] features;
  private final double rollPercent;
  private final double bandwidthP;
  private final boolean bandwidthNorm;
  private final double flatnessAmin;
  private final double flatnessPower;
  private final double[] freq;
  private final ThreadLocal<double[]> scratch;

  private SpectralShape(Builder b) {
    this.sampleRate = b.sampleRate;
    this.stft = b.stft != null ? b.stft : b.stftBuilder.build();
    this.features = b.features.clone();
    this.rollPercent = b.rollPercent;
    this.bandwidthP = b.bandwidthP;
    this.bandwidthNorm = b.bandwidthNorm;
    this.flatnessAmin = b.flatnessAmin;
    this.flatnessPower = b.flatnessPower;
    this.freq = fftFrequencies(sampleRate, stft.nFft());
    int bins = stft.numBins();
    this.scratch = ThreadLocal.withInitial(() -> new double[bins]);
  }

  /**
   * {@code librosa.fft_frequencies(sr, n_fft)} ({@code np.fft.rfftfreq(n_fft, 1/sr)}), computed
   * the same way so that roll-off frequencies are bit-identical.
   */
  static double[] fftFrequencies(int sampleRate, int nFft) {
    double step = 1.0 / (nFft * (1.0 / sampleRate));
    double[] f = new double[nFft / 2 + 1];
    for (int k = 0; k < f.length; k++) {
      f[k] = k * step;
    }
    return f;
  }

  /** @return a builder: all four features, sample rate 22050, STFT nFft 2048 hop 512 (librosa's defaults) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the sample rate in Hz */
  public int sampleRate() {
    return sampleRate;
  }

  /** @return the STFT plan */
  public Stft stft() {
    return stft;
  }

  /** @return the features computed by {@link #extract(float[])}, in column order */
  public List<Feature> features() {
    return List.of(features);
  }

  /**
   * Every selected feature of every frame, in one STFT pass.
   *
   * @param y the signal at {@link #sampleRate()}
   * @return {@code frames x features().size()}, columns in the order of {@link #features()}
   * @throws InvalidAudioException if the signal is empty (or shorter than a frame when not centred)
   */
  public double[][] extract(float[] y) {
    return compute(y, features);
  }

  /**
   * {@link #extract(float[])} for a clip.
   *
   * @param clip the clip; its rate must be {@link #sampleRate()}
   * @return {@code frames x features().size()}
   * @throws InvalidAudioException if the clip's sample rate differs
   */
  public double[][] extract(AudioClip clip) {
    return extract(clip.requireSampleRate(sampleRate).samples());
  }

  /**
   * The selected features from a magnitude spectrogram computed elsewhere (librosa's {@code S=}).
   *
   * @param magnitude {@code |STFT|}, {@code frames x (nFft/2 + 1)}
   * @return {@code frames x features().size()}
   * @throws InvalidParameterException if a row has the wrong number of bins
   */
  public double[][] fromMagnitude(double[][] magnitude) {
    double[][] out = new double[magnitude.length][features.length];
    for (int t = 0; t < magnitude.length; t++) {
      double[] s = magnitude[t];
      InvalidParameterException.require(s != null && s.length == freq.length, "magnitude bins",
          s == null ? null : s.length, "nFft/2 + 1 = " + freq.length);
      frame(s, features, out[t]);
    }
    return out;
  }

  /**
   * The spectral centroid alone ({@code librosa.feature.spectral_centroid}).
   *
   * @param y the signal
   * @return one frequency in Hz per frame
   */
  public double[] centroid(float[] y) {
    return column(compute(y, new Feature[] {Feature.CENTROID}));
  }

  /**
   * The spectral bandwidth alone ({@code librosa.feature.spectral_bandwidth}).
   *
   * @param y the signal
   * @return one bandwidth in Hz per frame
   */
  public double[] bandwidth(float[] y) {
    return column(compute(y, new Feature[] {Feature.BANDWIDTH}));
  }

  /**
   * The roll-off frequency alone ({@code librosa.feature.spectral_rolloff}).
   *
   * @param y the signal
   * @return one frequency in Hz per frame
   */
  public double[] rolloff(float[] y) {
    return column(compute(y, new Feature[] {Feature.ROLLOFF}));
  }

  /**
   * The spectral flatness alone ({@code librosa.feature.spectral_flatness}).
   *
   * @param y the signal
   * @return one value in (0, 1] per frame
   */
  public double[] flatness(float[] y) {
    return column(compute(y, new Feature[] {Feature.FLATNESS}));
  }

  private double[][] compute(float[] y, Feature[] which) {
    double[][] out = new double[stft.numFrames(y.length)][which.length];
    double[] mag = scratch.get();
    stft.forEachFrame(y, (t, re, im) -> {
      for (int k = 0; k < mag.length; k++) {
        mag[k] = Math.sqrt(re[k] * re[k] + im[k] * im[k]);
      }
      frame(mag, which, out[t]);
    });
    return out;
  }

  private void frame(double[] s, Feature[] which, double[] out) {
    // librosa's util.normalize(S, norm=1): a frame whose sum is below tiny is left unscaled (all 0).
    double total = 0;
    for (double v : s) {
      total += v;
    }
    double norm = total < Double.MIN_NORMAL ? 1.0 : total;
    double centroid = Double.NaN;
    for (int j = 0; j < which.length; j++) {
      switch (which[j]) {
        case CENTROID:
          if (Double.isNaN(centroid)) {
            centroid = centroid(s, norm);
          }
          out[j] = centroid;
          break;
        case BANDWIDTH:
          if (Double.isNaN(centroid)) {
            centroid = centroid(s, norm);
          }
          out[j] = bandwidth(s, norm, centroid);
          break;
        case ROLLOFF:
          out[j] = rolloff(s, total);
          break;
        default:
          out[j] = flatness(s);
          break;
      }
    }
  }

  private double centroid(double[] s, double norm) {
    double acc = 0;
    for (int k = 0; k < s.length; k++) {
      acc += freq[k] * s[k];
    }
    return acc / norm;
  }

  private double bandwidth(double[] s, double norm, double centroid) {
    double scale = bandwidthNorm ? norm : 1.0;
    double acc = 0;
    if (bandwidthP == 2.0) {
      for (int k = 0; k < s.length; k++) {
        double d = freq[k] - centroid;
        acc += s[k] * (d * d);
      }
      return Math.sqrt(acc / scale);
    }
    for (int k = 0; k < s.length; k++) {
      acc += s[k] * Math.pow(Math.abs(freq[k] - centroid), bandwidthP);
    }
    return Math.pow(acc / scale, 1.0 / bandwidthP);
  }

  private double rolloff(double[] s, double total) {
    // Same running sum as np.cumsum, so the threshold crossing is found at the same bin.
    double threshold = rollPercent * total;
    double cum = 0;
    for (int k = 0; k < s.length; k++) {
      cum += s[k];
      if (cum >= threshold) {
        return freq[k];
      }
    }
    return freq[s.length - 1];
  }

  private double flatness(double[] s) {
    double logSum = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    // Logarithm of products of up to 16 values instead of 16 logarithms (the costly part); a block
    // whose product leaves the normal range falls back to one logarithm per value.
    int n = s.length;
    for (int start = 0; start < n; start += 16) {
      int end = Math.min(n, start + 16);
      double product = 1;
      for (int k = start; k < end; k++) {
        double x = Math.max(flatnessAmin, power(s[k]));
        product *= x;
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      if (product >= Double.MIN_NORMAL && product <= Double.MAX_VALUE) {
        logSum += Math.log(product);
      } else {
        for (int k = start; k < end; k++) {
          logSum += Math.log(Math.max(flatnessAmin, power(s[k])));
        }
      }
    }
    if (min == max) {
      // Equal values (a silent frame at the amin floor): the means agree exactly, whatever the rounding.
      return 1.0;
    }
    return Math.exp(logSum / n) / (sum / n);
  }

  private double power(double v) {
    return flatnessPower == 2.0 ? v * v : flatnessPower == 1.0 ? v : Math.pow(v, flatnessPower);
  }

  private static double[] column(double[][] m) {
    double[] c = new double[m.length];
    for (int t = 0; t < m.length; t++) {
      c[t] = m[t][0];
    }
    return c;
  }

  /** Builds a {@link SpectralShape}; every setter validates its argument at once. */
  public static final class Builder {
    private int sampleRate = 22050;
    private Stft stft;
    private final Stft.Builder stftBuilder = Stft.builder();
    private Feature[] features = Feature.values();
    private double rollPercent = 0.85;
    private double bandwidthP = 2.0;
    private boolean bandwidthNorm = true;
    private double flatnessAmin = 1e-10;
    private double flatnessPower = 2.0;

    private Builder() {}

    /**
     * @param sampleRate the signal's sample rate in Hz, &gt; 0 (default 22050, librosa's)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param nFft FFT size, even and &ge; 2 (default 2048); ignored if {@link #stft(Stft)} is given
     * @return this builder
     */
    public Builder nFft(int nFft) {
      stftBuilder.nFft(nFft);
      return this;
    }

    /**
     * @param hopLength samples between frames, &gt; 0 (default nFft/4); ignored if
     *     {@link #stft(Stft)} is given
     * @return this builder
     */
    public Builder hopLength(int hopLength) {
      stftBuilder.hopLength(hopLength);
      return this;
    }

    /**
     * @param stft a complete STFT plan (window, centring, padding), replacing nFft/hopLength
     * @return this builder
     */
    public Builder stft(Stft stft) {
      InvalidParameterException.require(stft != null, "stft", null, "an Stft");
      this.stft = stft;
      return this;
    }

    /**
     * @param features the features {@link SpectralShape#extract(float[])} returns, in column order;
     *     at least one, no repeats (default all four in declaration order)
     * @return this builder
     */
    public Builder features(Feature... features) {
      InvalidParameterException.require(features != null && features.length > 0, "features",
          features == null ? null : Arrays.toString(features), "at least one feature");
      InvalidParameterException.require(Arrays.stream(features).allMatch(f -> f != null)
          && Arrays.stream(features).distinct().count() == features.length, "features",
          Arrays.toString(features), "distinct, non-null features");
      this.features = features.clone();
      return this;
    }

    /**
     * @param rollPercent fraction of the total magnitude below the roll-off, in (0, 1) (default 0.85)
     * @return this builder
     */
    public Builder rollPercent(double rollPercent) {
      InvalidParameterException.require(rollPercent > 0 && rollPercent < 1, "rollPercent", rollPercent,
          "in (0, 1)");
      this.rollPercent = rollPercent;
      return this;
    }

    /**
     * @param p order of the bandwidth's deviation, finite and &gt; 0 (default 2)
     * @return this builder
     */
    public Builder bandwidthP(double p) {
      InvalidParameterException.require(p > 0 && Double.isFinite(p), "bandwidthP", p, "finite and > 0");
      this.bandwidthP = p;
      return this;
    }

    /**
     * @param norm divide each frame by its total magnitude before the bandwidth sum (librosa's
     *     {@code norm}, default true)
     * @return this builder
     */
    public Builder bandwidthNorm(boolean norm) {
      this.bandwidthNorm = norm;
      return this;
    }

    /**
     * @param amin floor applied to {@code S^power} before the flatness logarithm, finite and &gt; 0
     *     (default 1e-10)
     * @return this builder
     */
    public Builder flatnessAmin(double amin) {
      InvalidParameterException.require(amin > 0 && Double.isFinite(amin), "flatnessAmin", amin, "finite and > 0");
      this.flatnessAmin = amin;
      return this;
    }

    /**
     * @param power exponent applied to the magnitude for the flatness, finite and &gt; 0 (default 2,
     *     power spectrum)
     * @return this builder
     */
    public Builder flatnessPower(double power) {
      InvalidParameterException.require(power > 0 && Double.isFinite(power), "flatnessPower", power,
          "finite and > 0");
      this.flatnessPower = power;
      return this;
    }

    /** @return the extractor */
    public SpectralShape build() {
      return new SpectralShape(this);
    }
  }
}
