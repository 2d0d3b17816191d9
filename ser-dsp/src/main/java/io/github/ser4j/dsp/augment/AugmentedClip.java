package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import java.util.List;

/**
 * The result of an {@link Augmentation}: the augmented clip and, in order, what each step did.
 *
 * @param clip the augmented clip (the input itself when nothing applied)
 * @param steps one entry per step, including steps that did not apply; unmodifiable
 */
public record AugmentedClip(AudioClip clip, List<AugmentationStep> steps) {

  /**
   * Creates the result, copying {@code steps}.
   *
   * @param clip the augmented clip
   * @param steps the steps
   */
  public AugmentedClip {
    steps = List.copyOf(steps);
  }
}
