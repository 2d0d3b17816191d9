package io.github.ser4j.dsp.pitch;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.PadMode;

/**
 * Fundamental frequency estimation with YIN (A. de Cheveigné and H. Kawahara, "YIN, a fundamental
 * frequency estimator for speech and music", J. Acoust. Soc. Am. 111(4), 1917-1930, 2002), as
 * {@code librosa.yin(y, fmin=fmin, fmax=fmax, sr=sampleRate, frame_length=frameLength,
 * hop_length=hopLength, trough_threshold=troughThreshold, center=center, pad_mode=padMode)} in
 * librosa 0.11.
 *
 * <p>For each frame of {@code frameLength} samples: the cumulative mean normalised difference
 * function {@code d'(tau)} over whole frame (librosa 0.11's formulation; the {@code win_length}
 * argument of older librosa versions is deprecated there and has no counterpart here), computed from
 * an FFT autocorrelation, for periods {@code floor(sr/fmax) <= tau <= ceil(sr/fmin)}; the smallest
 * period whose trough lies below {@code troughThreshold}, else the global minimum; refined by
 * parabolic interpolation; {@code f0 = sampleRate / period}.
 *
 * <p>YIN always returns a frequency, also for silence or noise (use {@link PYin} for voicing
 * decisions). By default the estimate is clipped to {@code [fmin, fmax]}; librosa does not clip (the
 * period grid {@code [floor(sr/fmax), ceil(sr/fmin)]} and the parabolic shift can land slightly
 * outside the range), so {@code clipToRange(false)} gives librosa's numbers exactly.
 *
 * <p>A plan like {@link io.github.ser4j.dsp.spectral.Stft}: built once, immutable, thread-safe.
 */
public final class Yin {
  private final YinFrames frames;
  private final double troughThreshold;
  private final boolean clip;

  private Yin(Builder b) {
    this.frames = new YinFrames(b.sampleRate, b.fmin, b.fmax, b.frameLength,
        b.hopLength > 0 ? b.hopLength : b.frameLength / 4, b.center, b.padMode);
    this.troughThreshold = b.troughThreshold;
    this.clip = b.clip;
  }

  /**
   * @return a builder with librosa's defaults (sample rate 22050 Hz, frameLength 2048, hop
   *     frameLength/4, troughThreshold 0.1, centred with zero padding) and the range librosa
   *     recommends, fmin C2 = 65.41 Hz to fmax C7 = 2093.0 Hz
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the sample rate in Hz */
  public int sampleRate() {
    return frames.sampleRate;
  }

  /** @return the lowest frequency searched, Hz */
  public double fmin() {
    return frames.fmin;
  }

  /** @return the highest frequency searched, Hz */
  public double fmax() {
    return frames.fmax;
  }

  /** @return the frame length in samples */
  public int frameLength() {
    return frames.frameLength;
  }

  /** @return the hop length in samples */
  public int hopLength() {
    return frames.hopLength;
  }

  /** @return the absolute threshold on {@code d'} */
  public double troughThreshold() {
    return troughThreshold;
  }

  /** @return whether estimates are clipped to {@code [fmin, fmax]} */
  public boolean clipToRange() {
    return clip;
  }

  /**
   * @param length signal length in samples
   * @return the number of frames: {@code 1 + length / hop} when centred (even frameLength), else
   *     {@code 1 + (length - frameLength) / hop}
   */
  public int numFrames(int length) {
    return frames.numFrames(length);
  }

  /**
   * Estimates f0 for every frame.
   *
   * @param samples mono samples at {@link #sampleRate()}
   * @return f0 in Hz, one value per frame ({@link #numFrames(int)} values)
   * @throws InvalidAudioException if the signal is empty, too short for one frame, or not finite
   */
  public double[] extract(float[] samples) {
    YinFrames.requireFinite(samples);
    int n = frames.numFrames(samples.length);
    int lags = frames.numLags;
    double[] v = new double[lags];
    double[] f0 = new double[n];
    for (int t = 0; t < n; t++) {
      frames.cmnd(samples, t, v);
      int best = -1;
      int argmin = 0;
      for (int i = 0; i < lags; i++) {
        if (best < 0 && v[i] < troughThreshold && YinFrames.isTrough(v, i, lags)) {
          best = i;
        }
        if (v[i] < v[argmin]) {
          argmin = i;
        }
      }
      if (best < 0) {
        best = argmin;
      }
      double period = frames.minPeriod + best + YinFrames.parabolicShift(v, best, lags);
      double f = frames.sampleRate / period;
      f0[t] = clip ? Math.min(frames.fmax, Math.max(frames.fmin, f)) : f;
    }
    return f0;
  }

  /**
   * Estimates f0 for every frame of a clip.
   *
   * @param clip a clip at {@link #sampleRate()}
   * @return f0 in Hz per frame
   * @throws InvalidAudioException if the clip's rate differs from this estimator's, or it is empty
   *     or too short
   */
  public double[] extract(AudioClip clip) {
    return extract(clip.requireSampleRate(frames.sampleRate).samples());
  }

  /** Builds a {@link Yin}; every setter validates its argument at once, {@link #build()} the combination. */
  public static final class Builder {
    private int sampleRate = 22050;
    private double fmin = 65.40639132514966;
    private double fmax = 2093.004522404789;
    private int frameLength = 2048;
    private int hopLength = -1;
    private double troughThreshold = 0.1;
    private boolean center = true;
    private PadMode padMode = PadMode.CONSTANT;
    private boolean clip = true;

    private Builder() {}

    /**
     * @param sampleRate samples per second, &gt; 0 (default 22050, librosa's)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param fmin lowest frequency searched in Hz, finite and &gt; 0; at build, &lt; fmax and &gt;
     *     sampleRate / (frameLength - 1)
     * @return this builder
     */
    public Builder fmin(double fmin) {
      InvalidParameterException.require(fmin > 0 && Double.isFinite(fmin), "fmin", fmin, "finite and > 0 Hz");
      this.fmin = fmin;
      return this;
    }

    /**
     * @param fmax highest frequency searched in Hz, finite and &gt; 0; at build, &lt;= sampleRate/2
     * @return this builder
     */
    public Builder fmax(double fmax) {
      InvalidParameterException.require(fmax > 0 && Double.isFinite(fmax), "fmax", fmax, "finite and > 0 Hz");
      this.fmax = fmax;
      return this;
    }

    /**
     * @param frameLength samples per analysis frame, &ge; 8 (default 2048)
     * @return this builder
     */
    public Builder frameLength(int frameLength) {
      InvalidParameterException.require(frameLength >= 8, "frameLength", frameLength, ">= 8 samples");
      this.frameLength = frameLength;
      return this;
    }

    /**
     * @param hopLength samples between frames, &gt; 0 (default frameLength/4)
     * @return this builder
     */
    public Builder hopLength(int hopLength) {
      InvalidParameterException.require(hopLength > 0, "hopLength", hopLength, "> 0 samples");
      this.hopLength = hopLength;
      return this;
    }

    /**
     * @param troughThreshold absolute threshold on the normalised difference, finite and &gt; 0
     *     (default 0.1)
     * @return this builder
     */
    public Builder troughThreshold(double troughThreshold) {
      InvalidParameterException.require(troughThreshold > 0 && Double.isFinite(troughThreshold),
          "troughThreshold", troughThreshold, "finite and > 0");
      this.troughThreshold = troughThreshold;
      return this;
    }

    /**
     * @param center centre frame {@code t} on sample {@code t * hop} by padding frameLength/2 on each
     *     side (default true)
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * @param padMode padding used when centred (default zeros, librosa 0.11's {@code 'constant'})
     * @return this builder
     */
    public Builder padMode(PadMode padMode) {
      InvalidParameterException.require(padMode != null, "padMode", null, "a PadMode");
      this.padMode = padMode;
      return this;
    }

    /**
     * @param clip clip estimates to {@code [fmin, fmax]} (default true; false reproduces librosa)
     * @return this builder
     */
    public Builder clipToRange(boolean clip) {
      this.clip = clip;
      return this;
    }

    /**
     * @return the estimator
     * @throws InvalidParameterException if fmax exceeds the Nyquist frequency, fmin &ge; fmax, fmin
     *     is too low for the frame length, or the range holds fewer than 3 periods
     */
    public Yin build() {
      return new Yin(this);
    }
  }
}
