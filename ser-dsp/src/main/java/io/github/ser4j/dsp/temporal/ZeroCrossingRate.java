package io.github.ser4j.dsp.temporal;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.PadMode;

/**
 * Zero-crossing rate per frame, as {@code librosa.feature.zero_crossing_rate(y, frame_length,
 * hop_length, center)} (0.11): with {@code center} the signal is padded by {@code frameLength / 2}
 * copies of its edge samples (numpy {@code mode='edge'}, not zeros); samples with
 * {@code |y| <= threshold} (default 1e-10) count as zero and zero counts as positive
 * ({@code zero_pos=True}); the number of sign changes between consecutive samples of a frame is
 * divided by {@code frameLength}.
 *
 * <p>Immutable and thread-safe; {@link #extract(float[])} allocates only its output. Frame lengths
 * are in samples, so the extractor works at any sample rate.
 */
public final class ZeroCrossingRate {
  private final FrameGrid grid;
  private final double threshold;

  private ZeroCrossingRate(Builder b) {
    this.grid = new FrameGrid(b.frameLength, b.hopLength, b.center);
    this.threshold = b.threshold;
  }

  /** @return a builder with librosa's defaults (frame 2048, hop 512, centred, threshold 1e-10) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the frame length in samples */
  public int frameLength() {
    return grid.frameLength();
  }

  /** @return the hop length in samples */
  public int hopLength() {
    return grid.hopLength();
  }

  /** @return whether frames are centred */
  public boolean center() {
    return grid.center();
  }

  /**
   * The number of frames for a signal of {@code length} samples.
   *
   * @param length the signal length, &gt; 0
   * @return {@code 1 + length / hop} when centred with an even frame length
   */
  public int numFrames(int length) {
    return grid.numFrames(length);
  }

  /**
   * The zero-crossing rate of every frame.
   *
   * @param y the signal
   * @return one rate in [0, 1) per frame
   * @throws io.github.ser4j.dsp.InvalidAudioException if the signal is empty, or shorter than a
   *     frame when not centred
   */
  public double[] extract(float[] y) {
    int frames = grid.numFrames(y.length);
    int n = grid.frameLength();
    int hop = grid.hopLength();
    int offset = grid.offset();
    double[] out = new double[frames];
    for (int t = 0; t < frames; t++) {
      int start = t * hop - offset;
      int count = 0;
      boolean inside = start >= 0 && start + n <= y.length;
      boolean previous = negative(inside ? y[start] : PadMode.EDGE.sampleAt(y, start));
      for (int i = 1; i < n; i++) {
        boolean current = negative(inside ? y[start + i] : PadMode.EDGE.sampleAt(y, start + i));
        if (current != previous) {
          count++;
        }
        previous = current;
      }
      out[t] = count / (double) n;
    }
    return out;
  }

  /**
   * The zero-crossing rate of every frame of a clip (any sample rate).
   *
   * @param clip the clip
   * @return one rate per frame
   */
  public double[] extract(AudioClip clip) {
    return extract(clip.samples());
  }

  // np.signbit after zeroing |y| <= threshold: only values clearly below zero are negative. With
  // threshold 0 librosa skips the zeroing, so -0.0 keeps its sign bit.
  private boolean negative(float v) {
    if (threshold > 0) {
      return v < 0 && -(double) v > threshold;
    }
    return Float.floatToRawIntBits(v) < 0;
  }

  /** Builds a {@link ZeroCrossingRate}; every setter validates its argument at once. */
  public static final class Builder {
    private int frameLength = 2048;
    private int hopLength = 512;
    private boolean center = true;
    private double threshold = 1e-10;

    private Builder() {}

    /**
     * @param frameLength samples per frame, &ge; 2 (default 2048)
     * @return this builder
     */
    public Builder frameLength(int frameLength) {
      InvalidParameterException.require(frameLength >= 2, "frameLength", frameLength, ">= 2");
      this.frameLength = frameLength;
      return this;
    }

    /**
     * @param hopLength samples between frames, &gt; 0 (default 512)
     * @return this builder
     */
    public Builder hopLength(int hopLength) {
      InvalidParameterException.require(hopLength > 0, "hopLength", hopLength, "> 0");
      this.hopLength = hopLength;
      return this;
    }

    /**
     * @param center pad {@code frameLength / 2} edge samples on each side so that frame {@code t}
     *     is centred on sample {@code t * hop} (default true)
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * @param threshold magnitudes at or below this count as zero (librosa's {@code threshold},
     *     default 1e-10), finite and &ge; 0
     * @return this builder
     */
    public Builder threshold(double threshold) {
      InvalidParameterException.require(threshold >= 0 && Double.isFinite(threshold), "threshold", threshold,
          "finite and >= 0");
      this.threshold = threshold;
      return this;
    }

    /** @return the extractor */
    public ZeroCrossingRate build() {
      return new ZeroCrossingRate(this);
    }
  }
}
