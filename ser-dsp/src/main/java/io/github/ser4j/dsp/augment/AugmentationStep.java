package io.github.ser4j.dsp.augment;

import java.util.Map;

/**
 * What one augmentation step did to a clip or matrix: its name, whether it applied (its probability
 * drew a yes), and the parameter values drawn for it (empty when it did not apply). Useful for
 * debugging and for logging what a training example went through.
 *
 * @param name the augmentation, e.g. {@code "AddNoise"}
 * @param applied whether the step applied
 * @param parameters the drawn values by name (units in the name's documentation on each
 *     augmentation), in drawing order; unmodifiable
 */
public record AugmentationStep(String name, boolean applied, Map<String, Double> parameters) {

  /**
   * Creates a step, copying {@code parameters} into an unmodifiable map (keeping its order).
   *
   * @param name the augmentation
   * @param applied whether it applied
   * @param parameters the drawn values
   */
  public AugmentationStep {
    io.github.ser4j.dsp.InvalidParameterException.require(name != null, "name", null, "a step name");
    io.github.ser4j.dsp.InvalidParameterException.require(parameters != null, "parameters", null,
        "a map (possibly empty)");
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
  }

  static AugmentationStep skipped(String name) {
    return new AugmentationStep(name, false, Map.of());
  }
}
