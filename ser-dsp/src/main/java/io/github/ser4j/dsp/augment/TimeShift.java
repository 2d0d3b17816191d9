package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shifts the clip in time by a random amount, as audiomentations' {@code Shift} (and
 * {@code np.roll}): positive shifts move the content later. The shift is drawn uniformly either in
 * samples or as a fraction of the clip's length (rounded to the nearest sample). With rollover
 * (the default) samples pushed off one end re-enter at the other; without it the vacated part is
 * filled with zeros. The length never changes. Reported parameters: {@code fraction} (fraction
 * mode only) and {@code shiftSamples}.
 */
public final class TimeShift extends ClipAugmentation {
  private final UniformRange range;
  private final boolean fractional;
  private final boolean rollover;

  private TimeShift(Builder b) {
    super(b.probability);
    this.range = b.range;
    this.fractional = b.fractional;
    this.rollover = b.rollover;
  }

  /** @return a builder: fraction -0.5..0.5 of the length, rollover, probability 1 */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy with another probability.
   *
   * @param probability in [0, 1]
   * @return the copy
   */
  public TimeShift withProbability(double probability) {
    Builder b = new Builder();
    b.probability = requireProbability(probability);
    b.range = range;
    b.fractional = fractional;
    b.rollover = rollover;
    return b.build();
  }

  /** @return true if the range is a fraction of the length, false if it is in samples */
  public boolean fractional() {
    return fractional;
  }

  /** @return the lowest shift (fraction of the length, or samples) */
  public double min() {
    return range.min();
  }

  /** @return the highest shift (fraction of the length, or samples) */
  public double max() {
    return range.max();
  }

  /** @return whether shifted-out samples re-enter at the other end */
  public boolean rollover() {
    return rollover;
  }

  @Override
  public String toString() {
    return "TimeShift[p=" + probability() + ", " + (fractional ? "fraction=" : "samples=") + range
        + ", rollover=" + rollover + "]";
  }

  @Override
  String name() {
    return "TimeShift";
  }

  @Override
  AudioClip transform(AudioClip clip, SplittableRandom rng, Map<String, Double> drawn) {
    int n = clip.length();
    long shift;
    if (fractional) {
      double f = range.draw(rng);
      drawn.put("fraction", f);
      shift = Math.round(f * n);
    } else {
      shift = range.drawInteger(rng);
    }
    drawn.put("shiftSamples", (double) shift);
    if (n == 0 || shift == 0) {
      return clip;
    }
    float[] x = clip.samples();
    float[] out = new float[n];
    if (rollover) {
      int s = (int) Math.floorMod(shift, (long) n);
      System.arraycopy(x, 0, out, s, n - s);
      System.arraycopy(x, n - s, out, 0, s);
    } else if (Math.abs(shift) < n) {
      int s = (int) shift;
      if (s > 0) {
        System.arraycopy(x, 0, out, s, n - s);
      } else {
        System.arraycopy(x, -s, out, 0, n + s);
      }
    }
    return AudioClip.wrap(out, clip.sampleRate());
  }

  /** Builds a {@link TimeShift}; every setter validates its argument at once. */
  public static final class Builder {
    private double probability = 1.0;
    private UniformRange range = new UniformRange(-0.5, 0.5);
    private boolean fractional = true;
    private boolean rollover = true;

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
     * Draws the shift as a fraction of the clip's length (the default, -0.5..0.5).
     *
     * @param min lowest fraction, in [-1, 1]
     * @param max highest fraction, in [-1, 1], &ge; {@code min}
     * @return this builder
     */
    public Builder fraction(double min, double max) {
      this.range = UniformRange.of("shiftFraction", min, max, -1, false, 1, "in [-1, 1]");
      this.fractional = true;
      return this;
    }

    /**
     * Draws the shift in whole samples, uniformly from {@code [min, max]}.
     *
     * @param min lowest shift in samples
     * @param max highest shift in samples, &ge; {@code min}
     * @return this builder
     */
    public Builder samples(int min, int max) {
      InvalidParameterException.require(min <= max, "shiftSamples range", "[" + min + ", " + max + "]",
          "min <= max");
      this.range = new UniformRange(min, max);
      this.fractional = false;
      return this;
    }

    /**
     * @param rollover true (default) to wrap shifted-out samples around, false to fill with zeros
     * @return this builder
     */
    public Builder rollover(boolean rollover) {
      this.rollover = rollover;
      return this;
    }

    /** @return the augmentation */
    public TimeShift build() {
      return new TimeShift(this);
    }
  }
}
