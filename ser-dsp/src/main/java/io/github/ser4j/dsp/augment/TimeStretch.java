package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Changes the tempo without changing the pitch by a phase vocoder, as
 * {@code librosa.effects.time_stretch(y, rate=rate)} (librosa 0.11: {@code stft} with
 * {@code n_fft} 2048, hop 512 by default -&gt; {@code librosa.phase_vocoder} -&gt; {@code istft}),
 * with the rate drawn uniformly from a range. A rate above 1 speeds up: the output has
 * {@code round(length / rate)} samples (Python's round half to even). Like librosa's, this phase
 * vocoder does not lock phases across bins, so transients smear ("phasiness"); it is meant for
 * augmentation. Empty clips are returned unchanged. Reported parameter: {@code rate}.
 *
 * <p>See Flanagan and Golden, "Phase vocoder", Bell System Technical Journal 45 (1966), and D. Ellis's
 * Matlab phase vocoder, on which librosa's is based.
 */
public final class TimeStretch extends ClipAugmentation {
  private final UniformRange rate;
  private final PhaseVocoder vocoder;

  private TimeStretch(Builder b) {
    super(b.probability);
    this.rate = b.rate;
    InvalidParameterException.require(b.hopLength <= b.nFft, "hopLength", b.hopLength, "<= nFft (" + b.nFft + ")");
    this.vocoder = new PhaseVocoder(b.nFft, b.hopLength > 0 ? b.hopLength : b.nFft / 4);
  }

  private TimeStretch(double probability, UniformRange rate, PhaseVocoder vocoder) {
    super(probability);
    this.rate = rate;
    this.vocoder = vocoder;
  }

  /** @return a builder: rate 0.8..1.25, nFft 2048, hop nFft/4, probability 1 */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy with another probability.
   *
   * @param probability in [0, 1]
   * @return the copy
   */
  public TimeStretch withProbability(double probability) {
    return new TimeStretch(probability, rate, vocoder);
  }

  /** @return the lowest rate drawn */
  public double minRate() {
    return rate.min();
  }

  /** @return the highest rate drawn */
  public double maxRate() {
    return rate.max();
  }

  /** @return the STFT size */
  public int nFft() {
    return vocoder.nFft();
  }

  /** @return the STFT hop in samples */
  public int hopLength() {
    return vocoder.hopLength();
  }

  /**
   * Stretches {@code clip} by a given rate, deterministically: {@code librosa.effects.time_stretch(y,
   * rate=rate, n_fft=nFft, hop_length=hopLength)}.
   *
   * @param clip the input (returned as is if empty)
   * @param rate speed-up factor in [0.01, 100]; above 1 is faster and shorter
   * @return a clip of {@code round(length / rate)} samples at the same sample rate
   */
  public AudioClip stretch(AudioClip clip, double rate) {
    InvalidParameterException.require(clip != null, "clip", null, "an AudioClip");
    requireRate(rate);
    if (clip.isEmpty()) {
      return clip;
    }
    return AudioClip.wrap(vocoder.timeStretch(clip.samples(), rate), clip.sampleRate());
  }

  static void requireRate(double rate) {
    InvalidParameterException.require(rate >= 0.01 && rate <= 100, "rate", rate, "in [0.01, 100]");
  }

  PhaseVocoder vocoder() {
    return vocoder;
  }

  @Override
  public String toString() {
    return "TimeStretch[p=" + probability() + ", rate=" + rate + ", nFft=" + nFft() + ", hop=" + hopLength() + "]";
  }

  @Override
  String name() {
    return "TimeStretch";
  }

  @Override
  AudioClip transform(AudioClip clip, SplittableRandom rng, Map<String, Double> drawn) {
    double r = rate.draw(rng);
    drawn.put("rate", r);
    return stretch(clip, r);
  }

  /** Builds a {@link TimeStretch}; every setter validates its argument at once. */
  public static final class Builder {
    private double probability = 1.0;
    private UniformRange rate = new UniformRange(0.8, 1.25);
    private int nFft = 2048;
    private int hopLength = -1;

    private Builder() {}

    /**
     * @param probability probability that the step applies, in [0, 1] (default 1)
     * @return this builder
     */
    public Builder probability(double probability) {
      this.probability = requireProbability(probability);
      return this;
    }

    /**
     * @param min lowest rate, in [0.01, 100]
     * @param max highest rate, in [0.01, 100], &ge; {@code min} (default 0.8..1.25)
     * @return this builder
     */
    public Builder rate(double min, double max) {
      this.rate = UniformRange.of("rate", min, max, 0.01, false, 100, "in [0.01, 100]");
      return this;
    }

    /**
     * @param nFft STFT size, even and &ge; 2 (default 2048)
     * @return this builder
     */
    public Builder nFft(int nFft) {
      InvalidParameterException.require(nFft >= 2 && nFft % 2 == 0, "nFft", nFft, "even and >= 2");
      this.nFft = nFft;
      return this;
    }

    /**
     * @param hopLength STFT hop in samples, in [1, nFft] (default nFft/4)
     * @return this builder
     */
    public Builder hopLength(int hopLength) {
      InvalidParameterException.require(hopLength >= 1, "hopLength", hopLength, ">= 1 and <= nFft");
      this.hopLength = hopLength;
      return this;
    }

    /** @return the augmentation */
    public TimeStretch build() {
      return new TimeStretch(this);
    }
  }
}
