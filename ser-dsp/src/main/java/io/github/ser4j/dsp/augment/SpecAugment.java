package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SpecAugment's frequency and time masking (Park et al., "SpecAugment: A Simple Data Augmentation
 * Method for Automatic Speech Recognition", Interspeech 2019) on a {@code frames x bins} feature
 * matrix such as a log-mel spectrogram. Time warping is not implemented (the paper found it the
 * least useful of the three).
 *
 * <p>Each frequency mask draws a width {@code f} uniformly from {@code [0, min(F, bins)]} and a
 * first bin {@code f0} from {@code [0, bins - f]}, then sets bins {@code [f0, f0 + f)} of every frame
 * to the mask value; each time mask does the same along frames with width at most
 * {@code min(T, floor(p * frames))} (the paper's upper bound {@code p}). Masks may overlap. The
 * mask value is 0 or the mean of the whole input matrix (the paper masks normalised features with
 * 0, which is their mean). Frequency masks are drawn first, then time masks.
 *
 * <p>Reported parameters: {@code frequencyMask<i>.start}, {@code frequencyMask<i>.width},
 * {@code timeMask<i>.start}, {@code timeMask<i>.width} (bins or frames).
 */
public final class SpecAugment implements SpectrogramAugmentation {

  /** What masked entries are set to. */
  public enum MaskValue {
    /** Zero. */
    ZERO,
    /** The mean of the whole input matrix. */
    MEAN
  }

  private final double probability;
  private final int frequencyMasks;
  private final int maxFrequencyWidth;
  private final int timeMasks;
  private final int maxTimeWidth;
  private final double maxTimeFraction;
  private final MaskValue maskValue;

  private SpecAugment(Builder b) {
    this.probability = b.probability;
    this.frequencyMasks = b.frequencyMasks;
    this.maxFrequencyWidth = b.maxFrequencyWidth;
    this.timeMasks = b.timeMasks;
    this.maxTimeWidth = b.maxTimeWidth;
    this.maxTimeFraction = b.maxTimeFraction;
    this.maskValue = b.maskValue;
  }

  /**
   * A builder with Park et al.'s LibriSpeech-double (LD) policy without time warping: two
   * frequency masks of width up to 27 bins, two time masks of up to 100 frames, {@code p = 1},
   * mask value 0, probability 1.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the probability that the masks are applied, in [0, 1] */
  public double probability() {
    return probability;
  }

  /** @return the number of frequency masks (m_F) */
  public int frequencyMasks() {
    return frequencyMasks;
  }

  /** @return the largest frequency-mask width in bins (F) */
  public int maxFrequencyWidth() {
    return maxFrequencyWidth;
  }

  /** @return the number of time masks (m_T) */
  public int timeMasks() {
    return timeMasks;
  }

  /** @return the largest time-mask width in frames (T) */
  public int maxTimeWidth() {
    return maxTimeWidth;
  }

  /** @return the largest time-mask width as a fraction of the frames (p) */
  public double maxTimeFraction() {
    return maxTimeFraction;
  }

  /** @return what masked entries are set to */
  public MaskValue maskValue() {
    return maskValue;
  }

  @Override
  public AugmentedSpectrogram augment(double[][] features, SplittableRandom rng) {
    InvalidParameterException.require(features != null, "features", null, "a frames x bins matrix");
    InvalidParameterException.require(rng != null, "rng", null, "a SplittableRandom");
    int frames = features.length;
    int bins = frames == 0 ? 0 : rowLength(features, 0);
    double[][] out = new double[frames][];
    double sum = 0;
    for (int t = 0; t < frames; t++) {
      InvalidParameterException.require(rowLength(features, t) == bins, "features[" + t + "].length",
          rowLength(features, t), bins + " (a rectangular matrix)");
      out[t] = features[t].clone();
      for (double v : out[t]) {
        sum += v;
      }
    }
    if (!(rng.nextDouble() < probability)) {
      return new AugmentedSpectrogram(out, List.of(AugmentationStep.skipped("SpecAugment")));
    }
    double value = maskValue == MaskValue.MEAN && frames * bins > 0 ? sum / ((double) frames * bins) : 0;
    Map<String, Double> drawn = new LinkedHashMap<>();
    for (int i = 0; i < frequencyMasks; i++) {
      int width = drawInt(rng, Math.min(maxFrequencyWidth, bins));
      int start = drawInt(rng, bins - width);
      drawn.put("frequencyMask" + i + ".start", (double) start);
      drawn.put("frequencyMask" + i + ".width", (double) width);
      for (double[] row : out) {
        java.util.Arrays.fill(row, start, start + width, value);
      }
    }
    int timeLimit = Math.min(maxTimeWidth, (int) Math.floor(maxTimeFraction * frames));
    for (int i = 0; i < timeMasks; i++) {
      int width = drawInt(rng, timeLimit);
      int start = drawInt(rng, frames - width);
      drawn.put("timeMask" + i + ".start", (double) start);
      drawn.put("timeMask" + i + ".width", (double) width);
      for (int t = start; t < start + width; t++) {
        java.util.Arrays.fill(out[t], value);
      }
    }
    return new AugmentedSpectrogram(out, List.of(new AugmentationStep("SpecAugment", true, drawn)));
  }

  private static int rowLength(double[][] m, int t) {
    InvalidParameterException.require(m[t] != null, "features[" + t + "]", null, "a row of bins");
    return m[t].length;
  }

  /** A uniform integer in {@code [0, max]}, one draw consumed. */
  private static int drawInt(SplittableRandom rng, int max) {
    return (int) Math.floorMod(rng.nextLong(), (long) max + 1);
  }

  @Override
  public String toString() {
    return "SpecAugment[p=" + probability + ", frequencyMasks=" + frequencyMasks + " x <=" + maxFrequencyWidth
        + " bins, timeMasks=" + timeMasks + " x <=" + maxTimeWidth + " frames (<= " + maxTimeFraction
        + " of frames), mask=" + maskValue + "]";
  }

  /** Builds a {@link SpecAugment}; every setter validates its argument at once. */
  public static final class Builder {
    private double probability = 1.0;
    private int frequencyMasks = 2;
    private int maxFrequencyWidth = 27;
    private int timeMasks = 2;
    private int maxTimeWidth = 100;
    private double maxTimeFraction = 1.0;
    private MaskValue maskValue = MaskValue.ZERO;

    private Builder() {}

    /**
     * @param probability probability that the masks are applied, in [0, 1] (default 1)
     * @return this builder
     */
    public Builder probability(double probability) {
      this.probability = ClipAugmentation.requireProbability(probability);
      return this;
    }

    /**
     * @param count number of frequency masks m_F, &ge; 0 (default 2)
     * @param maxWidth largest width F in bins, &ge; 0 (default 27)
     * @return this builder
     */
    public Builder frequencyMasks(int count, int maxWidth) {
      InvalidParameterException.require(count >= 0, "frequencyMasks", count, ">= 0");
      InvalidParameterException.require(maxWidth >= 0, "maxFrequencyWidth", maxWidth, ">= 0 bins");
      this.frequencyMasks = count;
      this.maxFrequencyWidth = maxWidth;
      return this;
    }

    /**
     * @param count number of time masks m_T, &ge; 0 (default 2)
     * @param maxWidth largest width T in frames, &ge; 0 (default 100)
     * @return this builder
     */
    public Builder timeMasks(int count, int maxWidth) {
      InvalidParameterException.require(count >= 0, "timeMasks", count, ">= 0");
      InvalidParameterException.require(maxWidth >= 0, "maxTimeWidth", maxWidth, ">= 0 frames");
      this.timeMasks = count;
      this.maxTimeWidth = maxWidth;
      return this;
    }

    /**
     * @param p the paper's upper bound on a time mask's width as a fraction of the frames, in [0, 1]
     *     (default 1)
     * @return this builder
     */
    public Builder maxTimeFraction(double p) {
      InvalidParameterException.require(p >= 0 && p <= 1, "maxTimeFraction", p, "in [0, 1]");
      this.maxTimeFraction = p;
      return this;
    }

    /**
     * @param maskValue what masked entries are set to (default {@link MaskValue#ZERO})
     * @return this builder
     */
    public Builder maskValue(MaskValue maskValue) {
      InvalidParameterException.require(maskValue != null, "maskValue", null, "ZERO or MEAN");
      this.maskValue = maskValue;
      return this;
    }

    /** @return the augmentation */
    public SpecAugment build() {
      return new SpecAugment(this);
    }
  }
}
