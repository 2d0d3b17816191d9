package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Arrays;

/**
 * Entry point for augmentations: static factories with the common parameters and probability 1;
 * use each class's builder (or {@code withProbability}) for the rest. For example
 *
 * <pre>{@code
 * Augmentation aug = Augment.chain(
 *     Augment.noise(20, 30).withProbability(0.5),
 *     Augment.pitchShift(-2, 2).withProbability(0.3),
 *     Augment.gain(-6, 6));
 * AudioClip out = aug.apply(clip, seed);      // same seed, same output
 * }</pre>
 */
public final class Augment {
  private Augment() {}

  /**
   * The steps applied in order, each with its own probability, as audiomentations'
   * {@code Compose}. Step {@code i} draws from the {@code i}-th {@code split()} of the generator, so
   * its random choices do not depend on what the earlier steps drew. Nested chains are flattened:
   * {@code chain(chain(a, b), c)} behaves exactly as {@code chain(a, b, c)}. An empty chain returns
   * its input.
   *
   * @param steps the augmentations, none null
   * @return the chain
   */
  public static Augmentation chain(Augmentation... steps) {
    InvalidParameterException.require(steps != null, "steps", null, "an array of augmentations");
    for (int i = 0; i < steps.length; i++) {
      InvalidParameterException.require(steps[i] != null, "steps[" + i + "]", null, "an Augmentation");
    }
    return new AugmentationChain(Arrays.asList(steps));
  }

  /**
   * White Gaussian noise at an SNR drawn uniformly from {@code [minSnrDb, maxSnrDb]}.
   *
   * @param minSnrDb lowest SNR in dB
   * @param maxSnrDb highest SNR in dB
   * @return the augmentation
   * @see AddNoise
   */
  public static AddNoise noise(double minSnrDb, double maxSnrDb) {
    return AddNoise.builder().snrDb(minSnrDb, maxSnrDb).white().build();
  }

  /**
   * Pink (1/f) noise at an SNR drawn uniformly from {@code [minSnrDb, maxSnrDb]}.
   *
   * @param minSnrDb lowest SNR in dB
   * @param maxSnrDb highest SNR in dB
   * @return the augmentation
   * @see AddNoise
   */
  public static AddNoise pinkNoise(double minSnrDb, double maxSnrDb) {
    return AddNoise.builder().snrDb(minSnrDb, maxSnrDb).pink().build();
  }

  /**
   * A recorded noise clip (looped, random start) at an SNR drawn uniformly from
   * {@code [minSnrDb, maxSnrDb]}.
   *
   * @param noise the noise, at the sample rate of the clips it will be added to
   * @param minSnrDb lowest SNR in dB
   * @param maxSnrDb highest SNR in dB
   * @return the augmentation
   * @see AddNoise
   */
  public static AddNoise noise(AudioClip noise, double minSnrDb, double maxSnrDb) {
    return AddNoise.builder().snrDb(minSnrDb, maxSnrDb).noise(noise).build();
  }

  /**
   * A gain in dB drawn uniformly from {@code [minDb, maxDb]}.
   *
   * @param minDb lowest gain in dB
   * @param maxDb highest gain in dB
   * @return the augmentation
   */
  public static Gain gain(double minDb, double maxDb) {
    return Gain.ofDb(minDb, maxDb);
  }

  /**
   * A time shift by a fraction of the length drawn uniformly from {@code [minFraction,
   * maxFraction]}, with rollover.
   *
   * @param minFraction lowest shift, in [-1, 1]
   * @param maxFraction highest shift, in [-1, 1]
   * @return the augmentation
   */
  public static TimeShift timeShift(double minFraction, double maxFraction) {
    return TimeShift.builder().fraction(minFraction, maxFraction).build();
  }

  /**
   * A random crop (longer clips) or zero padding at a random position (shorter clips) to
   * {@code length} samples.
   *
   * @param length the output length in samples
   * @return the augmentation
   */
  public static CropOrPad cropOrPad(int length) {
    return CropOrPad.toLength(length);
  }

  /**
   * A phase-vocoder time stretch ({@code librosa.effects.time_stretch}) by a rate drawn uniformly
   * from {@code [minRate, maxRate]}; above 1 is faster.
   *
   * @param minRate lowest rate
   * @param maxRate highest rate
   * @return the augmentation
   */
  public static TimeStretch timeStretch(double minRate, double maxRate) {
    return TimeStretch.builder().rate(minRate, maxRate).build();
  }

  /**
   * A pitch shift ({@code librosa.effects.pitch_shift}) by a number of semitones drawn uniformly from
   * {@code [minSemitones, maxSemitones]}, keeping the duration.
   *
   * @param minSemitones lowest shift, &ge; -24
   * @param maxSemitones highest shift, &le; 24
   * @return the augmentation
   */
  public static PitchShift pitchShift(double minSemitones, double maxSemitones) {
    return PitchShift.builder().semitones(minSemitones, maxSemitones).build();
  }

  /**
   * SpecAugment frequency and time masks on a {@code frames x bins} matrix, mask value 0.
   *
   * @param frequencyMasks number of frequency masks
   * @param maxFrequencyWidth largest frequency-mask width in bins
   * @param timeMasks number of time masks
   * @param maxTimeWidth largest time-mask width in frames
   * @return the augmentation
   */
  public static SpecAugment specAugment(int frequencyMasks, int maxFrequencyWidth, int timeMasks,
      int maxTimeWidth) {
    return SpecAugment.builder().frequencyMasks(frequencyMasks, maxFrequencyWidth)
        .timeMasks(timeMasks, maxTimeWidth).build();
  }
}
