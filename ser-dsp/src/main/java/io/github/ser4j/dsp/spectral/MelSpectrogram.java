package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;

/**
 * Mel spectrogram, as {@code librosa.feature.melspectrogram(y, sr, n_fft, hop_length, win_length,
 * window, center, pad_mode, power, n_mels, fmin, fmax, htk, norm)} with float64 filters:
 * {@code M = W |STFT|^power} for the {@link MelFilterBank} {@code W}; optionally converted to dB by a
 * {@link PowerToDb} over the whole clip (e.g. {@code power_to_db(S, ref=np.max)}).
 *
 * <p>Outputs are {@code frames x nMels} ({@code [frame][band]}), the transpose of librosa's layout.
 * {@link #extract(float[])} gives {@code float[][]} (what models consume), {@link #extractDouble}
 * the double values; both are computed in double. The {@code (samples, out)} forms write into a
 * caller's matrix and allocate nothing in steady state.
 *
 * <p>A plan: built once, immutable, thread-safe. Each frame is windowed, transformed, squared and
 * projected on the sparse filter bank in one pass over per-thread buffers.
 */
public final class MelSpectrogram {
  private final int sampleRate;
  private final Stft stft;
  private final MelFilterBank bank;
  private final double power;
  private final PowerToDb decibels;
  private final ThreadLocal<Scratch> scratch;

  private MelSpectrogram(Builder b) {
    this.sampleRate = b.sampleRate;
    Stft.Builder sb = Stft.builder().nFft(b.nFft).window(b.window).center(b.center).padMode(b.padMode);
    if (b.hopLength > 0) {
      sb.hopLength(b.hopLength);
    }
    if (b.winLength > 0) {
      sb.winLength(b.winLength);
    }
    this.stft = sb.build();
    MelFilterBank.Builder fb = MelFilterBank.builder().sampleRate(sampleRate).nFft(b.nFft).nMels(b.nMels)
        .fmin(b.fmin).scale(b.scale).norm(b.norm);
    if (!Double.isNaN(b.fmax)) {
      fb.fmax(b.fmax);
    }
    this.bank = fb.build();
    this.power = b.power;
    this.decibels = b.decibels;
    int bins = stft.numBins();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(bins));
  }

  /**
   * @return a builder with librosa's defaults: sr 22050, nFft 2048, hop nFft/4, Hann, centred with
   *     zero padding, 128 Slaney mels from 0 Hz to sr/2, power 2, no dB conversion
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the sample rate in Hz */
  public int sampleRate() {
    return sampleRate;
  }

  /** @return the number of mel bands (columns of the output) */
  public int nMels() {
    return bank.nMels();
  }

  /** @return the exponent applied to {@code |STFT|} (2 for power, 1 for magnitude) */
  public double power() {
    return power;
  }

  /** @return the STFT plan used for the frames */
  public Stft stft() {
    return stft;
  }

  /** @return the mel filter bank */
  public MelFilterBank filterBank() {
    return bank;
  }

  /**
   * @param length a signal length in samples
   * @return the number of output frames (rows) for it
   */
  public int numFrames(int length) {
    return stft.numFrames(length);
  }

  /**
   * The mel spectrogram in double precision.
   *
   * @param samples the signal at {@link #sampleRate()}
   * @return {@code frames x nMels}
   */
  public double[][] extractDouble(float[] samples) {
    double[][] out = new double[numFrames(samples.length)][nMels()];
    extractDouble(samples, out);
    return out;
  }

  /**
   * The mel spectrogram in double precision.
   *
   * @param clip a clip at {@link #sampleRate()}
   * @return {@code frames x nMels}
   * @throws InvalidAudioException if the clip's sample rate differs
   */
  public double[][] extractDouble(AudioClip clip) {
    return extractDouble(clip.requireSampleRate(sampleRate).samples());
  }

  /**
   * The mel spectrogram as floats (computed in double, rounded at the end).
   *
   * @param samples the signal at {@link #sampleRate()}
   * @return {@code frames x nMels}
   */
  public float[][] extract(float[] samples) {
    float[][] out = new float[numFrames(samples.length)][nMels()];
    extract(samples, out);
    return out;
  }

  /**
   * The mel spectrogram as floats.
   *
   * @param clip a clip at {@link #sampleRate()}
   * @return {@code frames x nMels}
   * @throws InvalidAudioException if the clip's sample rate differs
   */
  public float[][] extract(AudioClip clip) {
    return extract(clip.requireSampleRate(sampleRate).samples());
  }

  /**
   * Writes the mel spectrogram into {@code out}, allocating nothing in steady state.
   *
   * @param samples the signal at {@link #sampleRate()}
   * @param out {@code numFrames(samples.length) x nMels}
   * @return the number of frames
   */
  public int extractDouble(float[] samples, double[][] out) {
    int frames = numFrames(samples.length);
    checkShape(out.length, frames, out, nMels());
    compute(samples, out);
    return frames;
  }

  /**
   * Writes the mel spectrogram into {@code out} as floats, allocating nothing in steady state
   * (for clips of one length).
   *
   * @param samples the signal at {@link #sampleRate()}
   * @param out {@code numFrames(samples.length) x nMels}
   * @return the number of frames
   */
  public int extract(float[] samples, float[][] out) {
    int frames = numFrames(samples.length);
    checkShape(out.length, frames, out, nMels());
    double[][] rows = scratch.get().rows(frames, nMels());
    compute(samples, rows);
    for (int t = 0; t < frames; t++) {
      double[] r = rows[t];
      float[] o = out[t];
      for (int i = 0; i < r.length; i++) {
        o[i] = (float) r[i];
      }
    }
    return frames;
  }

  /**
   * Writes the mel spectrogram of a clip into {@code out} as floats, allocating nothing in steady
   * state for clips of one length (the samples are copied into a per-thread buffer).
   *
   * @param clip a clip at {@link #sampleRate()}
   * @param out {@code numFrames(clip.length()) x nMels}
   * @return the number of frames
   * @throws InvalidAudioException if the clip's sample rate differs or the clip is empty
   */
  public int extract(AudioClip clip, float[][] out) {
    clip.requireSampleRate(sampleRate);
    return extract(scratch.get().samples(clip), out);
  }

  /** The mel spectrogram (power, or dB if configured) into {@code rows}, exactly frames x nMels. */
  void compute(float[] samples, double[][] rows) {
    computePower(samples, rows);
    if (decibels != null) {
      decibels.applyInPlace(rows);
    }
  }

  /** {@code W |X|^power} without the dB step, into {@code rows} (frames x nMels). */
  void computePower(float[] samples, double[][] rows) {
    Stft.Workspace ws = stft.workspace();
    double[][] spec = scratch.get().spectra;
    int frames = rows.length;
    int t = 0;
    for (; t + 4 <= frames; t += 4) {
      for (int i = 0; i < 4; i++) {
        spectrum(samples, t + i, ws, spec[i]);
      }
      bank.applyUnchecked4(spec[0], spec[1], spec[2], spec[3], rows[t], rows[t + 1], rows[t + 2], rows[t + 3]);
    }
    for (; t < frames; t++) {
      spectrum(samples, t, ws, spec[0]);
      bank.applyUnchecked(spec[0], rows[t], 0);
    }
  }

  /** {@code |X|^power} of frame t into {@code spec}. */
  private void spectrum(float[] samples, int t, Stft.Workspace ws, double[] spec) {
    stft.power(samples, t, ws, spec);
    if (power == 1.0) {
      for (int k = 0; k < spec.length; k++) {
        spec[k] = Math.sqrt(spec[k]);
      }
    } else if (power != 2.0) {
      for (int k = 0; k < spec.length; k++) {
        spec[k] = Math.pow(Math.sqrt(spec[k]), power);
      }
    }
  }

  /** Checks a caller's output matrix: exactly {@code frames} rows of exactly {@code cols} values. */
  static void checkShape(int rows, int frames, Object[] out, int cols) {
    // Messages are built only on failure: this runs on every call of the allocation-free forms.
    if (rows != frames) {
      throw new InvalidParameterException("out rows = " + rows + " is not allowed: must be numFrames = " + frames);
    }
    for (Object row : out) {
      int len = row instanceof float[] ? ((float[]) row).length : ((double[]) row).length;
      if (len != cols) {
        throw new InvalidParameterException("out row length = " + len + " is not allowed: must be exactly " + cols);
      }
    }
  }

  /** Per-thread buffers: four spectra, a frames x nMels matrix and a clip's samples, reused while the length repeats. */
  private static final class Scratch {
    final double[][] spectra;
    double[][] rows = new double[0][];
    float[] samples = new float[0];

    Scratch(int bins) {
      spectra = new double[4][bins];
    }

    double[][] rows(int frames, int cols) {
      if (rows.length != frames || (frames > 0 && rows[0].length != cols)) {
        rows = new double[frames][cols];
      }
      return rows;
    }

    float[] samples(AudioClip clip) {
      if (samples.length != clip.length()) {
        samples = new float[clip.length()];
      }
      clip.copyTo(samples);
      return samples;
    }
  }

  /** Builds a {@link MelSpectrogram}; every setter validates its argument at once. */
  public static final class Builder {
    int sampleRate = 22050;
    int nFft = 2048;
    int hopLength = -1;
    int winLength = -1;
    WindowType window = WindowType.HANN;
    boolean center = true;
    PadMode padMode = PadMode.CONSTANT;
    int nMels = 128;
    double fmin = 0.0;
    double fmax = Double.NaN;
    MelScale scale = MelScale.SLANEY;
    MelFilterBank.Norm norm = MelFilterBank.Norm.SLANEY;
    double power = 2.0;
    PowerToDb decibels;

    Builder() {}

    /**
     * @param sampleRate the sample rate in Hz, &gt; 0 (default 22050, as librosa)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param nFft FFT size, even and &ge; 2 (default 2048)
     * @return this builder
     */
    public Builder nFft(int nFft) {
      InvalidParameterException.require(nFft >= 2 && nFft % 2 == 0, "nFft", nFft, "even and >= 2");
      this.nFft = nFft;
      return this;
    }

    /**
     * @param hopLength samples between frames, &gt; 0 (default nFft/4)
     * @return this builder
     */
    public Builder hopLength(int hopLength) {
      InvalidParameterException.require(hopLength > 0, "hopLength", hopLength, "> 0");
      this.hopLength = hopLength;
      return this;
    }

    /**
     * @param winLength window length, 1 &le; winLength &le; nFft (default nFft)
     * @return this builder
     */
    public Builder winLength(int winLength) {
      InvalidParameterException.require(winLength >= 1, "winLength", winLength, ">= 1 and <= nFft");
      this.winLength = winLength;
      return this;
    }

    /**
     * @param window the analysis window (default Hann)
     * @return this builder
     */
    public Builder window(WindowType window) {
      InvalidParameterException.require(window != null, "window", null, "a WindowType");
      this.window = window;
      return this;
    }

    /**
     * @param center centre frames on {@code t * hop} (default true)
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * @param padMode padding when centred (default zeros, librosa &ge; 0.10)
     * @return this builder
     */
    public Builder padMode(PadMode padMode) {
      InvalidParameterException.require(padMode != null, "padMode", null, "a PadMode");
      this.padMode = padMode;
      return this;
    }

    /**
     * @param nMels number of mel bands, &ge; 1 (default 128)
     * @return this builder
     */
    public Builder nMels(int nMels) {
      InvalidParameterException.require(nMels >= 1, "nMels", nMels, ">= 1");
      this.nMels = nMels;
      return this;
    }

    /**
     * @param fmin lowest frequency in Hz, &ge; 0 (default 0)
     * @return this builder
     */
    public Builder fmin(double fmin) {
      InvalidParameterException.require(fmin >= 0 && Double.isFinite(fmin), "fmin", fmin, "finite and >= 0 Hz");
      this.fmin = fmin;
      return this;
    }

    /**
     * @param fmax highest frequency in Hz, &gt; fmin and &le; sampleRate/2 (default sampleRate/2)
     * @return this builder
     */
    public Builder fmax(double fmax) {
      InvalidParameterException.require(fmax > 0 && Double.isFinite(fmax), "fmax", fmax, "finite and > 0 Hz");
      this.fmax = fmax;
      return this;
    }

    /**
     * @param scale the mel scale (default Slaney; {@link MelScale#HTK} is {@code htk=True})
     * @return this builder
     */
    public Builder melScale(MelScale scale) {
      InvalidParameterException.require(scale != null, "melScale", null, "a MelScale");
      this.scale = scale;
      return this;
    }

    /**
     * @param norm the filter normalisation (default Slaney)
     * @return this builder
     */
    public Builder melNorm(MelFilterBank.Norm norm) {
      InvalidParameterException.require(norm != null, "melNorm", null, "a MelFilterBank.Norm");
      this.norm = norm;
      return this;
    }

    /**
     * @param power exponent of {@code |STFT|}, &gt; 0 (default 2: power; 1: magnitude)
     * @return this builder
     */
    public Builder power(double power) {
      InvalidParameterException.require(power > 0 && Double.isFinite(power), "power", power, "finite and > 0");
      this.power = power;
      return this;
    }

    /**
     * @param decibels convert the whole spectrogram to dB with this (e.g.
     *     {@code PowerToDb.defaults().refMax()} for {@code power_to_db(S, ref=np.max)}), or null for
     *     none (the default)
     * @return this builder
     */
    public Builder decibels(PowerToDb decibels) {
      this.decibels = decibels;
      return this;
    }

    /** @return the extractor */
    public MelSpectrogram build() {
      return new MelSpectrogram(this);
    }
  }
}
