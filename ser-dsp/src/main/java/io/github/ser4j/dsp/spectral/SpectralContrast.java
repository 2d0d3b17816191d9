package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;

/**
 * Spectral contrast (Jiang et al., "Music type classification by spectral contrast feature",
 * ICME 2002), as {@code librosa.feature.spectral_contrast(fmin, n_bands, quantile, linear)} (0.11)
 * on the magnitude spectrogram {@code S = |stft(y)|}: octave bands {@code [0, fmin]},
 * {@code [fmin, 2 fmin]}, ..., the last running to Nyquist; in each band and frame the mean of the
 * {@code round(quantile * bandBins)} (at least 1) largest and smallest magnitudes give a peak and a
 * valley, and the contrast is {@code power_to_db(peak) - power_to_db(valley)} (librosa applies
 * {@code power_to_db} to magnitudes).
 *
 * <p>The dB conversion is librosa's default {@code power_to_db(ref=1, amin=1e-10, top_db=80)} over
 * the <em>whole clip</em>: peaks and valleys are each floored at their clip maximum minus 80 dB, so
 * a silent frame gets {@code (max peak dB - 80) - (max valley dB - 80)}, not 0, and the result of a
 * clip is not the concatenation of its parts' results. {@code linear} gives {@code peak - valley}.
 *
 * <p>Immutable and thread-safe; an extraction allocates its output and one scratch matrix.
 */
public final class SpectralContrast {
  private static final PowerToDb TO_DB = PowerToDb.defaults();

  private final int sampleRate;
  private final Stft stft;
  private final int nBands;
  private final boolean linear;
  private final int[] bandStart;
  private final int[] bandLength;
  private final int[] bandCount;
  private final ThreadLocal<double[]> scratch;
  private final ThreadLocal<double[]> lowest;
  private final ThreadLocal<double[]> highest;

  private SpectralContrast(Builder b) {
    this.sampleRate = b.sampleRate;
    this.stft = b.stft != null ? b.stft : b.stftBuilder.build();
    double fmin = b.fmin;
    double quantile = b.quantile;
    this.nBands = b.nBands;
    this.linear = b.linear;
    double[] freq = SpectralShape.fftFrequencies(sampleRate, stft.nFft());
    double[] octa = new double[nBands + 2];
    for (int i = 1; i < octa.length; i++) {
      octa[i] = fmin * Math.pow(2.0, i - 1);
    }
    for (int i = 0; i < octa.length - 1; i++) {
      InvalidParameterException.require(octa[i] < 0.5 * sampleRate, "fmin * 2^(nBands - 1)", octa[i],
          "< Nyquist (" + 0.5 * sampleRate + " Hz): reduce fmin or nBands");
    }
    bandStart = new int[nBands + 1];
    bandLength = new int[nBands + 1];
    bandCount = new int[nBands + 1];
    int maxLength = 1;
    int maxCount = 1;
    for (int k = 0; k <= nBands; k++) {
      // The band's bins are those with octa[k] <= f <= octa[k + 1], plus the bin below (k > 0), plus
      // everything above the last band; the last bin is then dropped except in the top band.
      int lo = -1;
      int hi = -1;
      for (int i = 0; i < freq.length; i++) {
        if (freq[i] >= octa[k] && freq[i] <= octa[k + 1]) {
          if (lo < 0) {
            lo = i;
          }
          hi = i;
        }
      }
      InvalidParameterException.require(lo >= 0, "nFft", stft.nFft(), "large enough that the band ["
          + octa[k] + ", " + octa[k + 1] + "] Hz holds at least one FFT bin");
      if (k > 0) {
        lo--;
      }
      if (k == nBands) {
        hi = freq.length - 1;
      }
      int count = hi - lo + 1;
      int length = k < nBands ? count - 1 : count;
      InvalidParameterException.require(length >= 1, "nFft", stft.nFft(), "large enough that the band [0, "
          + fmin + "] Hz holds at least two FFT bins");
      bandStart[k] = lo;
      bandLength[k] = length;
      // np.rint rounds half to even, as Math.rint does; slicing sorted[:idx] past the end keeps the
      // whole band, hence the min.
      bandCount[k] = (int) Math.min(Math.max(Math.rint(quantile * count), 1), length);
      maxLength = Math.max(maxLength, length);
      maxCount = Math.max(maxCount, bandCount[k]);
    }
    int scratchLength = maxLength;
    this.scratch = ThreadLocal.withInitial(() -> new double[scratchLength]);
    int keep = maxCount;
    this.lowest = ThreadLocal.withInitial(() -> new double[keep]);
    this.highest = ThreadLocal.withInitial(() -> new double[keep]);
  }

  /** @return a builder with librosa's defaults (sample rate 22050, nFft 2048, fmin 200 Hz, 6 bands, quantile 0.02) */
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

  /** @return the number of output values per frame, {@code nBands + 1} */
  public int numBands() {
    return nBands + 1;
  }

  /**
   * The spectral contrast of every frame.
   *
   * @param y the signal at {@link #sampleRate()}
   * @return {@code frames x (nBands + 1)}, in dB (or linear magnitude differences)
   * @throws io.github.ser4j.dsp.InvalidAudioException if the signal is empty
   */
  public double[][] extract(float[] y) {
    int frames = stft.numFrames(y.length);
    double[][] peak = new double[frames][nBands + 1];
    double[][] valley = new double[frames][nBands + 1];
    double[] buf = scratch.get();
    stft.forEachFrame(y, (t, re, im) -> {
      for (int k = 0; k <= nBands; k++) {
        int start = bandStart[k];
        int length = bandLength[k];
        for (int i = 0; i < length; i++) {
          int bin = start + i;
          buf[i] = Math.sqrt(re[bin] * re[bin] + im[bin] * im[bin]);
        }
        peakAndValley(buf, k, peak[t], valley[t]);
      }
    });
    return contrast(peak, valley);
  }

  /**
   * {@link #extract(float[])} for a clip.
   *
   * @param clip the clip; its rate must be {@link #sampleRate()}
   * @return {@code frames x (nBands + 1)}
   */
  public double[][] extract(AudioClip clip) {
    return extract(clip.requireSampleRate(sampleRate).samples());
  }

  /**
   * The spectral contrast from a magnitude spectrogram computed elsewhere (librosa's {@code S=}).
   *
   * @param magnitude {@code |STFT|}, {@code frames x (nFft/2 + 1)}
   * @return {@code frames x (nBands + 1)}
   * @throws InvalidParameterException if a row has the wrong number of bins
   */
  public double[][] fromMagnitude(double[][] magnitude) {
    int bins = stft.numBins();
    double[][] peak = new double[magnitude.length][nBands + 1];
    double[][] valley = new double[magnitude.length][nBands + 1];
    double[] buf = scratch.get();
    for (int t = 0; t < magnitude.length; t++) {
      double[] s = magnitude[t];
      InvalidParameterException.require(s != null && s.length == bins, "magnitude bins",
          s == null ? null : s.length, "nFft/2 + 1 = " + bins);
      for (int k = 0; k <= nBands; k++) {
        System.arraycopy(s, bandStart[k], buf, 0, bandLength[k]);
        peakAndValley(buf, k, peak[t], valley[t]);
      }
    }
    return contrast(peak, valley);
  }

  private void peakAndValley(double[] buf, int k, double[] peakRow, double[] valleyRow) {
    int length = bandLength[k];
    int count = bandCount[k];
    double[] low = lowest.get();
    double[] high = highest.get();
    // The count smallest and largest values, each kept sorted ascending: the same numbers, summed
    // in the same order, as the head and tail of np.sort, without sorting the whole band.
    for (int i = 0; i < count; i++) {
      insertSorted(low, i, buf[i]);
      insertSorted(high, i, buf[i]);
    }
    for (int i = count; i < length; i++) {
      double v = buf[i];
      if (v < low[count - 1]) {
        insertSorted(low, count - 1, v);
      }
      if (v > high[0]) {
        // Drop the smallest of the kept largest values and insert v.
        int j = 1;
        while (j < count && high[j] < v) {
          high[j - 1] = high[j];
          j++;
        }
        high[j - 1] = v;
      }
    }
    double lowSum = 0;
    double highSum = 0;
    for (int i = 0; i < count; i++) {
      lowSum += low[i];
      highSum += high[i];
    }
    valleyRow[k] = lowSum / count;
    peakRow[k] = highSum / count;
  }

  /** Inserts {@code v} into the ascending {@code a[0, size)}; the old {@code a[size]}, if any, is overwritten. */
  private static void insertSorted(double[] a, int size, double v) {
    int j = size;
    while (j > 0 && a[j - 1] > v) {
      a[j] = a[j - 1];
      j--;
    }
    a[j] = v;
  }

  private double[][] contrast(double[][] peak, double[][] valley) {
    if (!linear) {
      TO_DB.applyInPlace(peak);
      TO_DB.applyInPlace(valley);
    }
    for (int t = 0; t < peak.length; t++) {
      for (int k = 0; k <= nBands; k++) {
        peak[t][k] -= valley[t][k];
      }
    }
    return peak;
  }

  /** Builds a {@link SpectralContrast}; every setter validates its argument at once. */
  public static final class Builder {
    private int sampleRate = 22050;
    private Stft stft;
    private final Stft.Builder stftBuilder = Stft.builder();
    private double fmin = 200.0;
    private int nBands = 6;
    private double quantile = 0.02;
    private boolean linear;

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
     * @param fmin upper edge of the first band in Hz, finite and &gt; 0 (default 200)
     * @return this builder
     */
    public Builder fmin(double fmin) {
      InvalidParameterException.require(fmin > 0 && Double.isFinite(fmin), "fmin", fmin, "finite and > 0 Hz");
      this.fmin = fmin;
      return this;
    }

    /**
     * @param nBands number of octave bands above the first, &ge; 1 (default 6; the output has
     *     {@code nBands + 1} values per frame)
     * @return this builder
     */
    public Builder nBands(int nBands) {
      InvalidParameterException.require(nBands >= 1, "nBands", nBands, ">= 1");
      this.nBands = nBands;
      return this;
    }

    /**
     * @param quantile fraction of each band's bins averaged for its peak and valley, in (0, 1)
     *     (default 0.02)
     * @return this builder
     */
    public Builder quantile(double quantile) {
      InvalidParameterException.require(quantile > 0 && quantile < 1, "quantile", quantile, "in (0, 1)");
      this.quantile = quantile;
      return this;
    }

    /**
     * @param linear return {@code peak - valley} in linear magnitude instead of the dB difference
     *     (default false)
     * @return this builder
     */
    public Builder linear(boolean linear) {
      this.linear = linear;
      return this;
    }

    /**
     * @return the extractor
     * @throws InvalidParameterException if a band lies above Nyquist or holds no FFT bin
     */
    public SpectralContrast build() {
      return new SpectralContrast(this);
    }
  }
}
