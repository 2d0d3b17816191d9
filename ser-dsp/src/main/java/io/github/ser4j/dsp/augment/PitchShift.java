package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.resample.Resampler;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shifts the pitch by a number of semitones drawn uniformly from a range, keeping the duration, as
 * {@code librosa.effects.pitch_shift(y, sr=sr, n_steps=n, bins_per_octave=12)}: a phase-vocoder
 * {@link TimeStretch time stretch} by {@code rate = 2^(-n/12)} followed by resampling from
 * {@code sr / rate} to {@code sr} (a pitch factor {@code 2^(n/12)}) and
 * {@code librosa.util.fix_length} to the input length.
 *
 * <p>One deliberate difference: librosa resamples by the irrational ratio {@code 2^(n/12)} with
 * libsoxr, while the {@link Resampler} converts between integer rates. The time stretch uses
 * librosa's exact rate (so it is sample-for-sample librosa's: the phase vocoder is very sensitive to
 * its rate), and the resampling ratio is the nearest fraction {@code p/q} with {@code p, q <= 512}
 * (within 1.7 cents = 0.017 semitones of {@code 2^(n/12)} for any shift up to two octaves), which
 * keeps the resampler's polyphase filter small (at most 512 phases) whatever value is drawn. The
 * realised pitch factor is {@code p/q}; the length mismatch this leaves (at most 0.1 %) is absorbed
 * by {@code fix_length}, as in librosa. The resampler is {@link Resampler#highQuality()} unless
 * another is set.
 *
 * <p>Empty clips are returned unchanged. Reported parameters: {@code semitones} (drawn) and
 * {@code appliedSemitones} ({@code 12 log2(p/q)} for 12 bins per octave, in bins otherwise).
 */
public final class PitchShift extends ClipAugmentation {
  /** Largest numerator and denominator of the realised pitch factor. */
  static final int MAX_RATIO_TERM = 512;

  private final UniformRange steps;
  private final int binsPerOctave;
  private final PhaseVocoder vocoder;
  private final Resampler resampler;

  private PitchShift(double probability, UniformRange steps, int binsPerOctave, PhaseVocoder vocoder,
      Resampler resampler) {
    super(probability);
    this.steps = steps;
    this.binsPerOctave = binsPerOctave;
    this.vocoder = vocoder;
    this.resampler = resampler;
  }

  /** @return a builder: -2..2 semitones, 12 bins per octave, nFft 2048, hop nFft/4, high-quality resampler, probability 1 */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy with another probability.
   *
   * @param probability in [0, 1]
   * @return the copy
   */
  public PitchShift withProbability(double probability) {
    return new PitchShift(probability, steps, binsPerOctave, vocoder, resampler);
  }

  /** @return the lowest shift drawn, in steps of {@code 1/binsPerOctave} octave (semitones by default) */
  public double minSteps() {
    return steps.min();
  }

  /** @return the highest shift drawn, in steps (semitones by default) */
  public double maxSteps() {
    return steps.max();
  }

  /** @return steps per octave (12: semitones) */
  public int binsPerOctave() {
    return binsPerOctave;
  }

  /** @return the STFT size of the time stretch */
  public int nFft() {
    return vocoder.nFft();
  }

  /** @return the STFT hop of the time stretch, in samples */
  public int hopLength() {
    return vocoder.hopLength();
  }

  /**
   * Shifts {@code clip} by a given number of steps, deterministically (see the class description).
   *
   * @param clip the input (returned as is if empty)
   * @param nSteps the shift in steps of {@code 1/binsPerOctave} octave; positive is higher; at most
   *     two octaves either way
   * @return a clip of the same length and sample rate
   */
  public AudioClip shift(AudioClip clip, double nSteps) {
    InvalidParameterException.require(clip != null, "clip", null, "an AudioClip");
    requireSteps(nSteps, binsPerOctave);
    if (clip.isEmpty()) {
      return clip;
    }
    double rate = Math.pow(2.0, -nSteps / binsPerOctave);
    int[] pq = ratio(1 / rate);
    float[] stretched = vocoder.timeStretch(clip.samples(), rate);
    float[] resampled = resampler.resample(stretched, pq[0], pq[1]);
    return AudioClip.wrap(resampled, clip.sampleRate()).fitToLength(clip.length());
  }

  /** The shift {@link #shift} realises for {@code nSteps}, in steps. */
  double appliedSteps(double nSteps) {
    int[] pq = ratio(1 / Math.pow(2.0, -nSteps / binsPerOctave));
    return binsPerOctave * (Math.log((double) pq[0] / pq[1]) / Math.log(2));
  }

  /**
   * The fraction {@code p/q} closest to {@code x} (relative error) with {@code 1 <= p, q <=}
   * {@link #MAX_RATIO_TERM}, in lowest terms.
   */
  static int[] ratio(double x) {
    int bestP = 1;
    int bestQ = 1;
    double bestErr = Double.POSITIVE_INFINITY;
    for (int q = 1; q <= MAX_RATIO_TERM; q++) {
      long p = Math.round(x * q);
      if (p < 1 || p > MAX_RATIO_TERM || gcd(p, q) != 1) {
        continue;
      }
      double err = Math.abs(Math.log(p / (x * q)));
      if (err < bestErr) {
        bestErr = err;
        bestP = (int) p;
        bestQ = q;
      }
    }
    return new int[] {bestP, bestQ};
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static void requireSteps(double nSteps, int binsPerOctave) {
    InvalidParameterException.require(Double.isFinite(nSteps) && Math.abs(nSteps) <= 2.0 * binsPerOctave,
        "nSteps", nSteps, "finite and within two octaves, [-" + 2 * binsPerOctave + ", " + 2 * binsPerOctave + "]");
  }

  @Override
  public String toString() {
    return "PitchShift[p=" + probability() + ", steps=" + steps + ", binsPerOctave=" + binsPerOctave
        + ", nFft=" + nFft() + ", hop=" + hopLength() + ", " + resampler + "]";
  }

  @Override
  String name() {
    return "PitchShift";
  }

  @Override
  AudioClip transform(AudioClip clip, SplittableRandom rng, Map<String, Double> drawn) {
    double n = steps.draw(rng);
    drawn.put("semitones", n);
    drawn.put("appliedSemitones", appliedSteps(n));
    return shift(clip, n);
  }

  /** Builds a {@link PitchShift}; every setter validates its argument at once. */
  public static final class Builder {
    private double probability = 1.0;
    private double minSteps = -2;
    private double maxSteps = 2;
    private int binsPerOctave = 12;
    private int nFft = 2048;
    private int hopLength = -1;
    private Resampler resampler = Resampler.highQuality();

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
     * @param min lowest shift in steps (semitones by default); positive is higher
     * @param max highest shift in steps, &ge; {@code min} (default -2..2); both within two octaves
     *     (checked against {@code binsPerOctave} at {@link #build()})
     * @return this builder
     */
    public Builder semitones(double min, double max) {
      UniformRange.of("semitones", min, max, -1e6, false, 1e6, "finite");
      this.minSteps = min;
      this.maxSteps = max;
      return this;
    }

    /**
     * @param binsPerOctave steps per octave, &ge; 1 (default 12: semitones), as librosa's
     *     {@code bins_per_octave}
     * @return this builder
     */
    public Builder binsPerOctave(int binsPerOctave) {
      InvalidParameterException.require(binsPerOctave >= 1, "binsPerOctave", binsPerOctave, ">= 1");
      this.binsPerOctave = binsPerOctave;
      return this;
    }

    /**
     * @param nFft STFT size of the time stretch, even and &ge; 2 (default 2048)
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

    /**
     * @param resampler the resampler (default {@link Resampler#highQuality()}; {@link Resampler#polyphase()}
     *     is cheaper)
     * @return this builder
     */
    public Builder resampler(Resampler resampler) {
      InvalidParameterException.require(resampler != null, "resampler", null, "a Resampler");
      this.resampler = resampler;
      return this;
    }

    /** @return the augmentation */
    public PitchShift build() {
      double octaves = 2.0 * binsPerOctave;
      UniformRange range = UniformRange.of("semitones", minSteps, maxSteps, -octaves, false, octaves,
          "within two octaves, [-" + 2 * binsPerOctave + ", " + 2 * binsPerOctave + "] steps");
      InvalidParameterException.require(hopLength <= nFft, "hopLength", hopLength, "<= nFft (" + nFft + ")");
      return new PitchShift(probability, range, binsPerOctave,
          new PhaseVocoder(nFft, hopLength > 0 ? hopLength : nFft / 4), resampler);
    }
  }
}
