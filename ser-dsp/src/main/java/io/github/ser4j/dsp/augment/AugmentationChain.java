package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Augmentations applied one after the other, as audiomentations' {@code Compose}; each step keeps
 * its own probability. Step {@code i} draws from the {@code i}-th {@link SplittableRandom#split()}
 * of the chain's generator (split for every step, applied or not), so a step's random choices do not
 * depend on how many values the steps before it consumed.
 */
final class AugmentationChain implements Augmentation {
  private final List<Augmentation> steps;

  AugmentationChain(List<Augmentation> steps) {
    List<Augmentation> flat = new ArrayList<>();
    for (Augmentation a : steps) {
      if (a instanceof AugmentationChain c) {
        flat.addAll(c.steps);
      } else {
        flat.add(a);
      }
    }
    this.steps = List.copyOf(flat);
  }

  List<Augmentation> steps() {
    return steps;
  }

  @Override
  public AugmentedClip augment(AudioClip clip, SplittableRandom rng) {
    ClipAugmentation.requireArguments(clip, rng);
    List<AugmentationStep> report = new ArrayList<>();
    AudioClip current = clip;
    for (Augmentation step : steps) {
      AugmentedClip r = step.augment(current, rng.split());
      current = r.clip();
      report.addAll(r.steps());
    }
    return new AugmentedClip(current, report);
  }

  @Override
  public String toString() {
    return "AugmentationChain" + steps;
  }
}
