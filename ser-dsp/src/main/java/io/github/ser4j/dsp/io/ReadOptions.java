package io.github.ser4j.dsp.io;

import io.github.ser4j.dsp.InvalidParameterException;

/**
 * What part of a file to read, as {@code librosa.load(offset=, duration=, mono=)}: the start and
 * length in seconds (rounded to whole frames as librosa does: {@code round(seconds * sr)}), and
 * either the mean of all channels or one channel.
 *
 * @param channel {@link #MIX} for the mean of all channels (librosa's {@code mono=True}), or a
 *     channel index &ge; 0
 * @param offsetSeconds where to start, &ge; 0; past the end gives an empty clip
 * @param durationSeconds how much to read, &gt; 0, {@code Double.POSITIVE_INFINITY} for all
 */
public record ReadOptions(int channel, double offsetSeconds, double durationSeconds) {
  /** The channel value that selects the mean of all channels. */
  public static final int MIX = -1;

  private static final ReadOptions DEFAULTS = new ReadOptions(MIX, 0, Double.POSITIVE_INFINITY);

  /** Validates the fields. */
  public ReadOptions {
    InvalidParameterException.require(channel >= MIX, "channel", channel, ">= 0, or -1 (MIX) for the channel mean");
    InvalidParameterException.require(Double.isFinite(offsetSeconds) && offsetSeconds >= 0, "offsetSeconds",
        offsetSeconds, "finite and >= 0");
    InvalidParameterException.require(durationSeconds > 0, "durationSeconds", durationSeconds,
        "> 0 (Double.POSITIVE_INFINITY for the whole file)");
  }

  /** @return the whole file, channels averaged */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * @param channel a channel index &ge; 0, or {@link #MIX}
   * @return these options reading that channel
   */
  public ReadOptions withChannel(int channel) {
    return new ReadOptions(channel, offsetSeconds, durationSeconds);
  }

  /**
   * @param seconds start, &ge; 0
   * @return these options starting there
   */
  public ReadOptions withOffset(double seconds) {
    return new ReadOptions(channel, seconds, durationSeconds);
  }

  /**
   * @param seconds length, &gt; 0
   * @return these options reading at most that much
   */
  public ReadOptions withDuration(double seconds) {
    return new ReadOptions(channel, offsetSeconds, seconds);
  }

  /** @return the first frame to read for a file of {@code frames} frames at {@code rate} */
  long startFrame(long frames, int rate) {
    return Math.min(frames, Math.round(offsetSeconds * rate));
  }

  /** @return the number of frames to read from {@code start} */
  long frameCount(long frames, int rate, long start) {
    long available = frames - start;
    return Double.isInfinite(durationSeconds) ? available : Math.min(available, Math.round(durationSeconds * rate));
  }

  /** Checks the channel index against the file's channel count. */
  void checkChannel(int channels, String name) {
    if (channel >= channels) {
      throw new InvalidParameterException("channel = " + channel + " is not allowed for " + name + ": it has "
          + channels + " channel(s), so must be in [0, " + (channels - 1) + "] or -1 (MIX)");
    }
  }
}
