package io.github.ser4j.dsp.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AugmentationChainTest {
  private static final AudioClip TONE = Signals.harmonicTone(180, 16000, 4000);

  private static Augmentation chain() {
    return Augment.chain(
        Augment.noise(10, 30).withProbability(0.3),
        Augment.gain(-6, 6).withProbability(0.8),
        Augment.timeShift(-0.2, 0.2).withProbability(0.5));
  }

  @Test
  void eachStepAppliesWithItsOwnProbability() {
    Augmentation aug = chain();
    double[] p = {0.3, 0.8, 0.5};
    int[] applied = new int[3];
    int n = 2000;
    for (long seed = 0; seed < n; seed++) {
      List<AugmentationStep> steps = aug.augment(TONE, seed).steps();
      assertEquals(List.of("AddNoise", "Gain", "TimeShift"),
          steps.stream().map(AugmentationStep::name).collect(Collectors.toList()));
      for (int i = 0; i < 3; i++) {
        if (steps.get(i).applied()) {
          applied[i]++;
          assertTrue(!steps.get(i).parameters().isEmpty());
        } else {
          assertTrue(steps.get(i).parameters().isEmpty());
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      double sd = Math.sqrt(n * p[i] * (1 - p[i]));
      assertEquals(n * p[i], applied[i], 4 * sd, "step " + i + " applied " + applied[i] + " of " + n);
    }
  }

  @Test
  void probabilitiesZeroAndOneAreExact() {
    Augmentation never = Augment.chain(Augment.gain(-6, 6).withProbability(0), Augment.noise(5, 10).withProbability(0));
    Augmentation always = Augment.gain(-6, -1);
    for (long seed = 0; seed < 200; seed++) {
      assertSame(TONE, never.apply(TONE, seed));
      assertTrue(always.augment(TONE, seed).steps().get(0).applied());
    }
  }

  @Test
  void sameSeedGivesBitIdenticalOutputWhateverHappenedBefore() {
    Augmentation aug = chain();
    AudioClip first = aug.apply(TONE, 1234);
    for (long seed = 0; seed < 50; seed++) {
      aug.apply(TONE, seed);
    }
    assertEquals(first, aug.apply(TONE, 1234));
    // and from other threads, in any order
    Set<AudioClip> parallel = LongStream.range(0, 64).parallel().mapToObj(i -> aug.apply(TONE, 1234))
        .collect(Collectors.toSet());
    assertEquals(Set.of(first), parallel);
  }

  @Test
  void differentSeedsGiveDifferentOutputs() {
    Augmentation aug = Augment.noise(10, 30).then(Augment.gain(-6, 6));
    Set<AudioClip> outputs = new HashSet<>();
    for (long seed = 0; seed < 100; seed++) {
      outputs.add(aug.apply(TONE, seed));
    }
    assertEquals(100, outputs.size());
  }

  @Test
  void stepsRunInOrderEachOnItsOwnSplit() {
    Augmentation a = Augment.cropOrPad(3000);
    Augmentation b = Augment.timeShift(-0.5, 0.5);
    Augmentation c = Augment.noise(5, 5);
    for (long seed = 0; seed < 10; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      AudioClip expected = c.apply(b.apply(a.apply(TONE, rng.split()), rng.split()), rng.split());
      assertEquals(expected, Augment.chain(a, b, c).apply(TONE, seed));
    }
    // order matters: padding to 5000 then shifting is not shifting then padding
    Augmentation pad = Augment.cropOrPad(5000);
    Augmentation shift = TimeShift.builder().samples(1000, 1000).build();
    AudioClip padThenShift = Augment.chain(pad, shift).apply(TONE, 3);
    AudioClip shiftThenPad = Augment.chain(shift, pad).apply(TONE, 3);
    assertNotEquals(padThenShift, shiftThenPad);
  }

  @Test
  void nestedChainsAndThenAreFlattened() {
    Augmentation a = Augment.noise(10, 30).withProbability(0.5);
    Augmentation b = Augment.gain(-6, 6).withProbability(0.5);
    Augmentation c = Augment.timeShift(-0.2, 0.2);
    Augmentation flat = Augment.chain(a, b, c);
    for (long seed = 0; seed < 20; seed++) {
      AudioClip expected = flat.apply(TONE, seed);
      assertEquals(expected, a.then(b).then(c).apply(TONE, seed));
      assertEquals(expected, Augment.chain(Augment.chain(a, b), c).apply(TONE, seed));
      assertEquals(expected, a.then(Augment.chain(b, c)).apply(TONE, seed));
    }
  }

  @Test
  void aStepsDrawsDoNotDependOnWhatEarlierStepsConsumed() {
    // White and pink noise consume different numbers of values; the gain drawn after them must not change.
    Augmentation white = Augment.noise(10, 20).then(Augment.gain(-6, 6));
    Augmentation pink = Augment.pinkNoise(10, 20).then(Augment.gain(-6, 6));
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(white.augment(TONE, seed).steps().get(1), pink.augment(TONE, seed).steps().get(1));
    }
  }

  @Test
  void emptyChainIsTheIdentityAndNullStepsAreRejected() {
    assertSame(TONE, Augment.chain().apply(TONE, 5));
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> Augment.chain(Augment.gain(0, 1), null));
    assertTrue(e.getMessage().startsWith("steps[1]"), e.getMessage());
    assertThrows(InvalidParameterException.class, () -> Augment.chain((Augmentation[]) null));
    assertThrows(InvalidParameterException.class, () -> chain().apply(null, 1));
  }

  @Test
  void customLambdaAugmentationsComposeAsInTheGuide() {
    Augmentation invert = (clip, rng) -> {
      boolean applies = rng.nextDouble() < 0.5;
      float[] x = clip.samples();
      if (applies) {
        for (int i = 0; i < x.length; i++) {
          x[i] = -x[i];
        }
      }
      return new AugmentedClip(AudioClip.of(x, clip.sampleRate()),
          List.of(new AugmentationStep("PolarityInversion", applies, java.util.Map.of())));
    };
    Augmentation aug = Augment.gain(-3, 3).then(invert);
    int inverted = 0;
    for (long seed = 0; seed < 200; seed++) {
      AugmentedClip r = aug.augment(TONE, seed);
      AudioClip gainOnly = Augment.gain(-3, 3).apply(TONE, new SplittableRandom(seed).split());
      boolean applied = r.steps().get(1).applied();
      inverted += applied ? 1 : 0;
      assertEquals(applied ? -gainOnly.sample(100) : gainOnly.sample(100), r.clip().sample(100));
    }
    assertEquals(100, inverted, 4 * Math.sqrt(50));
  }
}
