/**
 * Seeded data augmentation for audio clips and feature matrices, in the style of
 * audiomentations: each {@link io.github.ser4j.dsp.augment.Augmentation} is an immutable object
 * with a probability and parameter ranges (a value is drawn uniformly from its range each time the
 * augmentation applies), and augmentations compose into chains with
 * {@link io.github.ser4j.dsp.augment.Augmentation#then} or
 * {@link io.github.ser4j.dsp.augment.Augment#chain}.
 *
 * <p>All randomness comes from the {@link java.util.SplittableRandom} (or seed) passed in, never
 * from hidden state: the same clip and the same seed give bit-identical output, whatever was
 * augmented before. {@link io.github.ser4j.dsp.augment.Augment} is the entry point:
 *
 * <pre>{@code
 * Augmentation aug = Augment.noise(20, 30).then(Augment.pitchShift(-2, 2).withProbability(0.5));
 * AudioClip out = aug.apply(clip, seed);
 * }</pre>
 *
 * <p>Feature-matrix augmentation (SpecAugment) has its own interface,
 * {@link io.github.ser4j.dsp.augment.SpectrogramAugmentation}, seeded the same way.
 */
package io.github.ser4j.dsp.augment;
