package io.github.ser4j.dsp.augment;

import java.util.List;

/**
 * The result of a {@link SpectrogramAugmentation}: the augmented matrix ({@code frames x bins}) and
 * what each step did.
 *
 * @param features the augmented matrix, {@code [frame][bin]}; a new array owned by this record
 * @param steps one entry per step, including steps that did not apply; unmodifiable
 */
public record AugmentedSpectrogram(double[][] features, List<AugmentationStep> steps) {

  /**
   * Creates the result, copying {@code steps}.
   *
   * @param features the matrix
   * @param steps the steps
   */
  public AugmentedSpectrogram {
    steps = List.copyOf(steps);
  }
}
