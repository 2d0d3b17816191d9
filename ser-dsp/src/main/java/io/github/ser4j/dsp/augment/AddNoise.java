package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Adds noise at a signal-to-noise ratio drawn uniformly from a range, as audiomentations'
 * {@code AddGaussianSNR} / {@code AddColorNoise} / {@code AddBackgroundNoise}. The noise is white
 * Gaussian, pink (1/f power, -10 dB per decade), or taken from a given noise clip (looped if shorter
 * than the input, starting at a random offset). It is scaled so that
 * {@code 10 log10(P_signal / P_noise)} equals the drawn SNR exactly, where {@code P} is the mean
 * square over the whole clip; the output is {@code signal + noise}, not clipped.
 *
 * <p>Defined edge cases: a silent (all-zero) or empty input has no defined SNR and is returned
 * unchanged; so is an input whose selected noise segment is silent. Reported parameters:
 * {@code snrDb}, and {@code offset} (the noise clip sample aligned with input sample 0) for a noise
 * clip.
 */
public final class AddNoise extends ClipAugmentation {

  /** Where the noise comes from. */
  public enum Source {
    /** White Gaussian noise (flat spectrum). */
    WHITE,
    /** Pink noise, power proportional to {@code 1/f} (spectrally shaped Gaussian noise). */
    PINK,
    /** A recorded noise clip, looped and started at a random offset. */
    CLIP
  }

  private final UniformRange snrDb;
  private final Source source;
  private final AudioClip noiseClip;

  private AddNoise(Builder b) {
    super(b.probability);
    this.snrDb = UniformRange.of("snrDb", b.minSnrDb, b.maxSnrDb, -200, false, 200, "finite, in [-200, 200] dB");
    this.source = b.source;
    this.noiseClip = b.noiseClip;
  }

  /** @return a builder: white noise, SNR 20..30 dB, probability 1 */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A copy with another probability.
   *
   * @param probability in [0, 1]
   * @return the copy
   */
  public AddNoise withProbability(double probability) {
    return toBuilder().probability(probability).build();
  }

  /** @return the lowest SNR drawn, in dB */
  public double minSnrDb() {
    return snrDb.min();
  }

  /** @return the highest SNR drawn, in dB */
  public double maxSnrDb() {
    return snrDb.max();
  }

  /** @return the noise source */
  public Source source() {
    return source;
  }

  /** @return the noise clip, present for {@link Source#CLIP} */
  public Optional<AudioClip> noiseClip() {
    return Optional.ofNullable(noiseClip);
  }

  @Override
  public String toString() {
    return "AddNoise[p=" + probability() + ", snrDb=" + snrDb + ", source=" + source
        + (noiseClip != null ? " " + noiseClip : "") + "]";
  }

  @Override
  String name() {
    return "AddNoise";
  }

  @Override
  void check(AudioClip clip) {
    if (noiseClip != null && noiseClip.sampleRate() != clip.sampleRate()) {
      throw new InvalidAudioException("the noise clip is at " + noiseClip.sampleRate()
          + " Hz but the input is at " + clip.sampleRate() + " Hz: resample one of them first");
    }
  }

  @Override
  AudioClip transform(AudioClip clip, SplittableRandom rng, Map<String, Double> drawn) {
    double snr = snrDb.draw(rng);
    drawn.put("snrDb", snr);
    float[] x = clip.samples();
    double signalPower = meanSquare(x);
    if (signalPower == 0) {
      return clip;
    }
    int n = x.length;
    double[] noise;
    switch (source) {
      case WHITE -> noise = NoiseGenerator.white(n, rng);
      case PINK -> noise = NoiseGenerator.pink(n, rng);
      default -> {
        int len = noiseClip.length();
        int offset = (int) Math.floorMod(rng.nextLong(), (long) len);
        drawn.put("offset", (double) offset);
        noise = new double[n];
        for (int i = 0, j = offset; i < n; i++) {
          noise[i] = noiseClip.sample(j);
          if (++j == len) {
            j = 0;
          }
        }
      }
    }
    double noisePower = meanSquare(noise);
    if (noisePower == 0) {
      return clip;
    }
    double scale = Math.sqrt(signalPower / (noisePower * Math.pow(10, snr / 10)));
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (x[i] + scale * noise[i]);
    }
    return AudioClip.wrap(out, clip.sampleRate());
  }

  static double meanSquare(float[] x) {
    double s = 0;
    for (float v : x) {
      s += (double) v * v;
    }
    return x.length == 0 ? 0 : s / x.length;
  }

  static double meanSquare(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return x.length == 0 ? 0 : s / x.length;
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.probability = probability();
    b.minSnrDb = snrDb.min();
    b.maxSnrDb = snrDb.max();
    b.source = source;
    b.noiseClip = noiseClip;
    return b;
  }

  /** Builds an {@link AddNoise}; every setter validates its argument at once. */
  public static final class Builder {
    private double probability = 1.0;
    private double minSnrDb = 20;
    private double maxSnrDb = 30;
    private Source source = Source.WHITE;
    private AudioClip noiseClip;

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
     * @param minDb lowest SNR in dB (finite, in [-200, 200])
     * @param maxDb highest SNR in dB, &ge; {@code minDb} (default range 20..30 dB)
     * @return this builder
     */
    public Builder snrDb(double minDb, double maxDb) {
      UniformRange.of("snrDb", minDb, maxDb, -200, false, 200, "finite, in [-200, 200] dB");
      this.minSnrDb = minDb;
      this.maxSnrDb = maxDb;
      return this;
    }

    /** @return this builder, set to white Gaussian noise (the default) */
    public Builder white() {
      this.source = Source.WHITE;
      this.noiseClip = null;
      return this;
    }

    /** @return this builder, set to pink (1/f) noise */
    public Builder pink() {
      this.source = Source.PINK;
      this.noiseClip = null;
      return this;
    }

    /**
     * Uses a recorded noise clip, looped and started at a random offset. Its sample rate must equal
     * the input's (checked when applied).
     *
     * @param noise a non-empty clip that is not all zeros
     * @return this builder
     */
    public Builder noise(AudioClip noise) {
      InvalidParameterException.require(noise != null, "noise", null, "a non-empty AudioClip");
      InvalidParameterException.require(!noise.isEmpty(), "noise", noise, "a non-empty AudioClip");
      InvalidParameterException.require(meanSquare(noise.samples()) > 0, "noise", noise,
          "a clip with at least one non-zero sample");
      this.source = Source.CLIP;
      this.noiseClip = noise;
      return this;
    }

    /** @return the augmentation */
    public AddNoise build() {
      return new AddNoise(this);
    }
  }
}
