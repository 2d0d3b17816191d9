package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The common part of single-step clip augmentations: the probability gate and the report. The first
 * draw from the generator decides whether the step applies ({@code nextDouble() < probability}); the
 * subclass then draws its parameters from the same generator.
 */
abstract class ClipAugmentation implements Augmentation {
  private final double probability;

  ClipAugmentation(double probability) {
    this.probability = requireProbability(probability);
  }

  static double requireProbability(double p) {
    InvalidParameterException.require(p >= 0 && p <= 1, "probability", p, "in [0, 1]");
    return p;
  }

  /** @return the probability that this step applies, in [0, 1] */
  public double probability() {
    return probability;
  }

  /** @return the name reported in {@link AugmentationStep#name()} */
  abstract String name();

  /**
   * Transforms the clip with parameters drawn from {@code rng}, recording each drawn value.
   *
   * @param clip the input (not empty)
   * @param rng the generator, after the probability draw
   * @param drawn receives the drawn parameters in drawing order
   * @return the output clip
   */
  abstract AudioClip transform(AudioClip clip, SplittableRandom rng, Map<String, Double> drawn);

  @Override
  public final AugmentedClip augment(AudioClip clip, SplittableRandom rng) {
    requireArguments(clip, rng);
    check(clip);
    if (!(rng.nextDouble() < probability)) {
      return new AugmentedClip(clip, List.of(AugmentationStep.skipped(name())));
    }
    Map<String, Double> drawn = new LinkedHashMap<>();
    AudioClip out = transform(clip, rng, drawn);
    return new AugmentedClip(out, List.of(new AugmentationStep(name(), true, drawn)));
  }

  /**
   * Checks that this step can process {@code clip} at all (for example matching sample rates),
   * before the probability draw, so that a misconfiguration fails every time rather than at random.
   *
   * @param clip the input
   */
  void check(AudioClip clip) {}

  static void requireArguments(AudioClip clip, SplittableRandom rng) {
    InvalidParameterException.require(clip != null, "clip", null, "an AudioClip");
    InvalidParameterException.require(rng != null, "rng", null, "a SplittableRandom");
  }
}
