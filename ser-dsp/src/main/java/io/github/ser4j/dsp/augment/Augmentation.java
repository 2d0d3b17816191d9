package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import java.util.SplittableRandom;

/**
 * A random transformation of an {@link AudioClip}, such as added noise or a pitch shift, in the
 * style of audiomentations' transforms. Implementations are immutable and thread-safe; every random
 * choice (whether to apply, which parameter values) is drawn from the generator passed in, so the
 * same clip and the same seed always give bit-identical output.
 *
 * <p>Build augmentations with {@link Augment}; compose them with {@link #then(Augmentation)}.
 */
public interface Augmentation {

  /**
   * Applies this augmentation (each step with its own probability), drawing every random choice
   * from {@code rng}, and reports what was done.
   *
   * @param clip the input clip
   * @param rng the source of randomness; advanced by the call
   * @return the augmented clip and the steps taken
   */
  AugmentedClip augment(AudioClip clip, SplittableRandom rng);

  /**
   * Applies this augmentation with a fresh {@code new SplittableRandom(seed)}: the same seed gives
   * the same output, whatever was augmented before.
   *
   * @param clip the input clip
   * @param seed the seed
   * @return the augmented clip and the steps taken
   */
  default AugmentedClip augment(AudioClip clip, long seed) {
    return augment(clip, new SplittableRandom(seed));
  }

  /**
   * Applies this augmentation, drawing from {@code rng}.
   *
   * @param clip the input clip
   * @param rng the source of randomness; advanced by the call
   * @return the augmented clip
   */
  default AudioClip apply(AudioClip clip, SplittableRandom rng) {
    return augment(clip, rng).clip();
  }

  /**
   * Applies this augmentation with a fresh {@code new SplittableRandom(seed)}.
   *
   * @param clip the input clip
   * @param seed the seed
   * @return the augmented clip
   */
  default AudioClip apply(AudioClip clip, long seed) {
    return augment(clip, new SplittableRandom(seed)).clip();
  }

  /**
   * This augmentation followed by {@code next}, as {@link Augment#chain(Augmentation...)}; a chain
   * followed by a step is flattened, so {@code a.then(b).then(c)} equals {@code chain(a, b, c)}.
   *
   * @param next the augmentation to apply after this one
   * @return the chain
   */
  default Augmentation then(Augmentation next) {
    return Augment.chain(this, next);
  }
}
