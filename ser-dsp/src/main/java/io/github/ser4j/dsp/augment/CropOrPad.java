package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Brings the clip to a fixed length at a random position: a longer clip is cropped to a window
 * starting at a uniformly drawn offset in {@code [0, length - target]}; a shorter clip is placed at a
 * uniformly drawn offset in {@code [0, target - length]} inside zeros (audiomentations'
 * {@code RandomCrop}/{@code PadToLength} with random placement). For deterministic
 * start-aligned fitting use {@link AudioClip#fitToLength(int)}. Reported parameter:
 * {@code offset} (crop start in the input, or where the input starts in the padded output).
 */
public final class CropOrPad extends ClipAugmentation {
  private final int targetLength;

  private CropOrPad(double probability, int targetLength) {
    super(probability);
    InvalidParameterException.require(targetLength >= 1, "targetLength", targetLength, ">= 1 sample");
    this.targetLength = targetLength;
  }

  /**
   * Crops or pads to {@code targetLength} samples at a random offset, with probability 1.
   *
   * @param targetLength the output length in samples, &ge; 1
   * @return the augmentation
   */
  public static CropOrPad toLength(int targetLength) {
    return new CropOrPad(1.0, targetLength);
  }

  /**
   * A copy with another probability.
   *
   * @param probability in [0, 1]
   * @return the copy
   */
  public CropOrPad withProbability(double probability) {
    return new CropOrPad(probability, targetLength);
  }

  /** @return the output length in samples */
  public int targetLength() {
    return targetLength;
  }

  @Override
  public String toString() {
    return "CropOrPad[p=" + probability() + ", targetLength=" + targetLength + "]";
  }

  @Override
  String name() {
    return "CropOrPad";
  }

  @Override
  AudioClip transform(AudioClip clip, SplittableRandom rng, Map<String, Double> drawn) {
    int n = clip.length();
    int slack = Math.abs(n - targetLength);
    int offset = (int) Math.floorMod(rng.nextLong(), (long) slack + 1);
    drawn.put("offset", (double) offset);
    if (n >= targetLength) {
      return n == targetLength ? clip : clip.slice(offset, offset + targetLength);
    }
    float[] out = new float[targetLength];
    float[] x = clip.samples();
    System.arraycopy(x, 0, out, offset, n);
    return AudioClip.wrap(out, clip.sampleRate());
  }
}
