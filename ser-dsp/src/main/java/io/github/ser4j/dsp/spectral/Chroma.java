package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;

/**
 * Chromagram from the power spectrogram, as {@code librosa.feature.chroma_stft(y, sr, n_fft,
 * hop_length, norm, tuning, n_chroma)} (0.11): {@code |stft(y)|^2} projected by a
 * {@link ChromaFilterBank} and each frame normalised ({@link VectorNorm#MAX} by default, so the
 * strongest pitch class is 1; a silent frame stays 0).
 *
 * <p>Tuning: a fixed value ({@link Builder#tuning(double)}), or, as librosa's default
 * {@code tuning=None}, estimated per clip from the same power spectrogram by a
 * {@link TuningEstimator} (then the filter bank is rebuilt for each clip whose tuning is not 0, and
 * the whole spectrogram is held in memory). The estimate moves in steps of 0.01 bin, so chroma
 * with estimated tuning is discontinuous in the signal; fix the tuning for smooth features.
 *
 * <p>Immutable and thread-safe. With fixed tuning an extraction allocates only its output.
 */
public final class Chroma {
  private final int sampleRate;
  private final Stft stft;
  private final int nChroma;
  private final boolean estimate;
  private final VectorNorm norm;
  private final ChromaFilterBank fixedBank;
  private final TuningEstimator estimator;
  private final ThreadLocal<double[]> scratch;

  private Chroma(Builder b) {
    this.sampleRate = b.sampleRate;
    this.stft = b.stft != null ? b.stft : b.stftBuilder.build();
    InvalidParameterException.require(stft.nFft() >= 4, "nFft", stft.nFft(), ">= 4 for a chroma filter bank");
    this.nChroma = b.nChroma;
    this.estimate = b.estimate;
    this.norm = b.norm;
    this.fixedBank = bank(b.estimate ? 0.0 : b.tuning);
    this.estimator = TuningEstimator.builder().sampleRate(sampleRate).binsPerOctave(nChroma).build();
    int bins = stft.numBins();
    this.scratch = ThreadLocal.withInitial(() -> new double[bins]);
  }

  private ChromaFilterBank bank(double tuning) {
    return ChromaFilterBank.builder().sampleRate(sampleRate).nFft(stft.nFft()).nChroma(nChroma).tuning(tuning)
        .build();
  }

  /** @return a builder: librosa's defaults (22050 Hz, nFft 2048, 12 bins, max norm, estimated tuning) */
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

  /** @return the number of chroma bins per frame */
  public int numChroma() {
    return nChroma;
  }

  /** @return whether the tuning is estimated per clip */
  public boolean estimatesTuning() {
    return estimate;
  }

  /**
   * The chromagram of a signal.
   *
   * @param y the signal at {@link #sampleRate()}
   * @return {@code frames x nChroma}
   * @throws io.github.ser4j.dsp.InvalidAudioException if the signal is empty
   */
  public double[][] extract(float[] y) {
    if (estimate) {
      return fromPower(stft.power(y));
    }
    double[][] out = new double[stft.numFrames(y.length)][];
    double[] power = scratch.get();
    stft.forEachFrame(y, (t, re, im) -> {
      for (int k = 0; k < power.length; k++) {
        power[k] = re[k] * re[k] + im[k] * im[k];
      }
      double[] row = new double[nChroma];
      fixedBank.apply(power, row);
      norm.normalizeInPlace(row);
      out[t] = row;
    });
    return out;
  }

  /**
   * {@link #extract(float[])} for a clip.
   *
   * @param clip the clip; its rate must be {@link #sampleRate()}
   * @return {@code frames x nChroma}
   */
  public double[][] extract(AudioClip clip) {
    return extract(clip.requireSampleRate(sampleRate).samples());
  }

  /**
   * The chromagram of a power spectrogram computed elsewhere ({@code chroma_stft(S=...)}).
   *
   * @param power {@code |STFT|^2}, {@code frames x (nFft/2 + 1)}
   * @return {@code frames x nChroma}
   * @throws InvalidParameterException if a row has the wrong number of bins
   */
  public double[][] fromPower(double[][] power) {
    ChromaFilterBank fb = fixedBank;
    if (estimate) {
      double tuning = estimator.estimate(power);
      if (tuning != 0.0) {
        fb = bank(tuning);
      }
    }
    double[][] out = fb.apply(power);
    for (double[] row : out) {
      norm.normalizeInPlace(row);
    }
    return out;
  }

  /**
   * The tuning this extractor uses for a signal: the fixed value, or the per-clip estimate
   * ({@code librosa.estimate_tuning(S=|stft(y)|^2, sr, bins_per_octave=nChroma)}).
   *
   * @param y the signal
   * @return the tuning in fractions of a chroma bin
   */
  public double tuning(float[] y) {
    return estimate ? estimator.estimate(stft.power(y)) : fixedBank.tuning();
  }

  /** Builds a {@link Chroma}; every setter validates its argument at once. */
  public static final class Builder {
    private int sampleRate = 22050;
    private Stft stft;
    private final Stft.Builder stftBuilder = Stft.builder();
    private int nChroma = 12;
    private boolean estimate = true;
    private double tuning;
    private VectorNorm norm = VectorNorm.MAX;

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
     * @param nFft FFT size, even and &ge; 4 (default 2048); ignored if {@link #stft(Stft)} is given
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
     * @param nChroma chroma bins per octave, &ge; 1 (default 12)
     * @return this builder
     */
    public Builder nChroma(int nChroma) {
      InvalidParameterException.require(nChroma >= 1, "nChroma", nChroma, ">= 1");
      this.nChroma = nChroma;
      return this;
    }

    /**
     * A fixed tuning instead of the per-clip estimate.
     *
     * @param tuning deviation from A440 in fractions of a chroma bin, in [-0.5, 0.5]
     * @return this builder
     */
    public Builder tuning(double tuning) {
      InvalidParameterException.require(tuning >= -0.5 && tuning <= 0.5, "tuning", tuning, "in [-0.5, 0.5]");
      this.tuning = tuning;
      this.estimate = false;
      return this;
    }

    /**
     * Estimate the tuning of each clip (librosa's default {@code tuning=None}).
     *
     * @return this builder
     */
    public Builder estimateTuning() {
      this.estimate = true;
      return this;
    }

    /**
     * @param norm per-frame normalisation (default {@link VectorNorm#MAX}, librosa's {@code np.inf})
     * @return this builder
     */
    public Builder norm(VectorNorm norm) {
      InvalidParameterException.require(norm != null, "norm", null, "a VectorNorm");
      this.norm = norm;
      return this;
    }

    /** @return the extractor */
    public Chroma build() {
      return new Chroma(this);
    }
  }
}
