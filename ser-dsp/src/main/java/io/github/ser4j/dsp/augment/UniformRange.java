package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.InvalidParameterException;
import java.util.SplittableRandom;

/**
 * A closed range {@code [min, max]} from which a value is drawn uniformly. Drawing always consumes
 * exactly one {@code nextDouble()}, even when {@code min == max}, so that narrowing a range never
 * shifts the draws of the steps that follow.
 */
record UniformRange(double min, double max) {

  /**
   * Validates and creates a range.
   *
   * @param name the parameter's name for the message
   * @param min lower end
   * @param max upper end
   * @param lowest smallest allowed value (inclusive unless {@code exclusiveLowest})
   * @param exclusiveLowest whether {@code lowest} itself is excluded
   * @param highest largest allowed value (inclusive)
   * @param allowed the allowed range in words
   */
  static UniformRange of(String name, double min, double max, double lowest, boolean exclusiveLowest,
      double highest, String allowed) {
    InvalidParameterException.require(inBounds(min, lowest, exclusiveLowest, highest), name + " min", min, allowed);
    InvalidParameterException.require(inBounds(max, lowest, exclusiveLowest, highest), name + " max", max, allowed);
    InvalidParameterException.require(min <= max, name + " range", "[" + min + ", " + max + "]", "min <= max");
    return new UniformRange(min, max);
  }

  private static boolean inBounds(double v, double lowest, boolean exclusiveLowest, double highest) {
    return Double.isFinite(v) && (exclusiveLowest ? v > lowest : v >= lowest) && v <= highest;
  }

  /** @return a value drawn uniformly from {@code [min, max]} ({@code min} itself if the range is a point) */
  double draw(SplittableRandom rng) {
    double u = rng.nextDouble();
    return min == max ? min : Math.min(max, min + (max - min) * u);
  }

  /** @return an integer drawn uniformly from {@code [ceil(min), floor(max)]}, one draw consumed */
  long drawInteger(SplittableRandom rng) {
    long lo = (long) Math.ceil(min);
    long hi = (long) Math.floor(max);
    long u = rng.nextLong();
    return lo + Math.floorMod(u, hi - lo + 1);
  }

  @Override
  public String toString() {
    return "[" + min + ", " + max + "]";
  }
}
