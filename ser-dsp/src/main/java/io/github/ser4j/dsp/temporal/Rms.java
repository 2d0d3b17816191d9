package io.github.ser4j.dsp.temporal;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.PadMode;

/**
 * Root-mean-square energy per frame, as {@code librosa.feature.rms} (0.11). From samples:
 * {@code sqrt(mean(frame^2))} over frames of {@code frameLength} samples, no window, the signal
 * padded by {@code frameLength / 2} on each side with {@link PadMode} (zeros by default) when
 * centred. From a magnitude spectrogram ({@link #fromMagnitude}): librosa's {@code S} path,
 * {@code sqrt(2 * sum(|S|^2) / frameLength^2)} with the DC and Nyquist bins counted once.
 *
 * <p>Computed in double (librosa's {@code dtype=np.float64}; librosa's float32 default differs by
 * about 1e-7 relative). Immutable and thread-safe; {@link #extract(float[])} allocates only its
 * output. Frame lengths are in samples, so the extractor works at any sample rate.
 */
public final class Rms {
  private final FrameGrid grid;
  private final PadMode padMode;

  private Rms(Builder b) {
    this.grid = new FrameGrid(b.frameLength, b.hopLength, b.center);
    this.padMode = b.padMode;
  }

  /** @return a builder with librosa's defaults (frame 2048, hop 512, centred, zero padding) */
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

  /** @return how the signal is padded when centred */
  public PadMode padMode() {
    return padMode;
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
   * The RMS of every frame.
   *
   * @param y the signal
   * @return one value per frame
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
      double acc = 0;
      if (start >= 0 && start + n <= y.length) {
        for (int i = start; i < start + n; i++) {
          double v = y[i];
          acc += v * v;
        }
      } else {
        for (int i = start; i < start + n; i++) {
          double v = padMode.sampleAt(y, i);
          acc += v * v;
        }
      }
      out[t] = Math.sqrt(acc / n);
    }
    return out;
  }

  /**
   * The RMS of every frame of a clip (any sample rate).
   *
   * @param clip the clip
   * @return one value per frame
   */
  public double[] extract(AudioClip clip) {
    return extract(clip.samples());
  }

  /**
   * The RMS from a magnitude spectrogram, as {@code librosa.feature.rms(S=S, frame_length)}:
   * {@code sqrt(2 * sum_k w_k |S_k|^2 / frameLength^2)} with {@code w = 1/2} for the DC bin and
   * the Nyquist bin, 1 otherwise. By Parseval this is the time-domain RMS of the windowed frame;
   * with a Hann window it is smaller than {@link #extract(float[])} by the window's RMS.
   *
   * @param magnitude {@code |STFT|}, {@code frames x (frameLength/2 + 1)}
   * @return one value per frame
   * @throws InvalidParameterException if a row does not have {@code frameLength/2 + 1} bins
   */
  public double[] fromMagnitude(double[][] magnitude) {
    int n = grid.frameLength();
    int bins = n / 2 + 1;
    double[] out = new double[magnitude.length];
    for (int t = 0; t < magnitude.length; t++) {
      double[] s = magnitude[t];
      InvalidParameterException.require(s != null && s.length == bins, "magnitude bins",
          s == null ? null : s.length, "frameLength/2 + 1 = " + bins);
      double acc = 0.5 * s[0] * s[0];
      int last = n % 2 == 0 ? bins - 1 : bins;
      for (int k = 1; k < last; k++) {
        acc += s[k] * s[k];
      }
      if (last < bins) {
        acc += 0.5 * s[last] * s[last];
      }
      out[t] = Math.sqrt(2 * acc / ((double) n * n));
    }
    return out;
  }

  /** Builds an {@link Rms}; every setter validates its argument at once. */
  public static final class Builder {
    private int frameLength = 2048;
    private int hopLength = 512;
    private boolean center = true;
    private PadMode padMode = PadMode.CONSTANT;

    private Builder() {}

    /**
     * @param frameLength samples per frame, &ge; 1 (default 2048)
     * @return this builder
     */
    public Builder frameLength(int frameLength) {
      InvalidParameterException.require(frameLength >= 1, "frameLength", frameLength, ">= 1");
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
     * @param center pad {@code frameLength / 2} samples on each side (default true)
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * @param padMode padding used when centred (default {@link PadMode#CONSTANT}, zeros)
     * @return this builder
     */
    public Builder padMode(PadMode padMode) {
      InvalidParameterException.require(padMode != null, "padMode", null, "a PadMode");
      this.padMode = padMode;
      return this;
    }

    /** @return the extractor */
    public Rms build() {
      return new Rms(this);
    }
  }
}
