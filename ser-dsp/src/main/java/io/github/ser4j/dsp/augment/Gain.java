package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Multiplies the clip by {@code 10^(g/20)} for a gain {@code g} in dB drawn uniformly from a range,
 * as audiomentations' {@code Gain}. The output is not clipped. Reported parameter: {@code gainDb}.
 */
public final class Gain extends ClipAugmentation {
  private final UniformRange gainDb;

  private Gain(double probability, UniformRange gainDb) {
    super(probability);
    this.gainDb = gainDb;
  }

  /**
   * A gain in dB drawn uniformly from {@code [minDb, maxDb]}, applied with probability 1.
   *
   * @param minDb lowest gain in dB, finite, in [-120, 120]
   * @param maxDb highest gain in dB, &ge; {@code minDb}
   * @return the augmentation
   */
  public static Gain ofDb(double minDb, double maxDb) {
    return new Gain(1.0, range(minDb, maxDb));
  }

  private static UniformRange range(double minDb, double maxDb) {
    return UniformRange.of("gainDb", minDb, maxDb, -120, false, 120, "finite, in [-120, 120] dB");
  }

  /**
   * A copy with another probability.
   *
   * @param probability in [0, 1]
   * @return the copy
   */
  public Gain withProbability(double probability) {
    return new Gain(probability, gainDb);
  }

  /** @return the lowest gain drawn, in dB */
  public double minDb() {
    return gainDb.min();
  }

  /** @return the highest gain drawn, in dB */
  public double maxDb() {
    return gainDb.max();
  }

  @Override
  public String toString() {
    return "Gain[p=" + probability() + ", gainDb=" + gainDb + "]";
  }

  @Override
  String name() {
    return "Gain";
  }

  @Override
  AudioClip transform(AudioClip clip, SplittableRandom rng, Map<String, Double> drawn) {
    double g = gainDb.draw(rng);
    drawn.put("gainDb", g);
    double factor = Math.pow(10, g / 20);
    float[] x = clip.samples();
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (x[i] * factor);
    }
    return AudioClip.wrap(x, clip.sampleRate());
  }
}
