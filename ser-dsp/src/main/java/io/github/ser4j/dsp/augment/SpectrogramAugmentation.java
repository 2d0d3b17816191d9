package io.github.ser4j.dsp.augment;

import java.util.SplittableRandom;

/**
 * A random transformation of a feature matrix ({@code frames x bins}, e.g. a log-mel
 * spectrogram), such as SpecAugment's masks. Seeded like {@link Augmentation}: every random choice
 * is drawn from the generator passed in, and the input matrix is never modified.
 */
public interface SpectrogramAugmentation {

  /**
   * Applies this augmentation, drawing every random choice from {@code rng}, and reports what was
   * done.
   *
   * @param features {@code [frame][bin]}, rectangular; not modified
   * @param rng the source of randomness; advanced by the call
   * @return a new matrix and the steps taken
   */
  AugmentedSpectrogram augment(double[][] features, SplittableRandom rng);

  /**
   * Applies this augmentation with a fresh {@code new SplittableRandom(seed)}.
   *
   * @param features {@code [frame][bin]}, rectangular; not modified
   * @param seed the seed
   * @return a new matrix, {@code frames x bins}
   */
  default double[][] apply(double[][] features, long seed) {
    return augment(features, new SplittableRandom(seed)).features();
  }

  /**
   * Applies this augmentation, drawing from {@code rng}.
   *
   * @param features {@code [frame][bin]}, rectangular; not modified
   * @param rng the source of randomness
   * @return a new matrix, {@code frames x bins}
   */
  default double[][] apply(double[][] features, SplittableRandom rng) {
    return augment(features, rng).features();
  }
}
