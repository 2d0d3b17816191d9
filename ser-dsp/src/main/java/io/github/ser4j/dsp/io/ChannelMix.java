package io.github.ser4j.dsp.io;

/** Turns interleaved frames into one channel: the mean of all channels, or one of them. */
final class ChannelMix {
  private ChannelMix() {}

  /**
   * Writes one value per frame.
   *
   * @param interleaved {@code frames * channels} samples
   * @param frames number of frames
   * @param channels channels per frame
   * @param channel {@link ReadOptions#MIX} for the mean, else the channel to take
   * @param dst destination
   * @param dstOff first index written
   */
  static void mix(float[] interleaved, int frames, int channels, int channel, float[] dst, int dstOff) {
    if (channel >= 0) {
      for (int i = 0, p = channel; i < frames; i++, p += channels) {
        dst[dstOff + i] = interleaved[p];
      }
    } else if (channels == 2) {
      for (int i = 0, p = 0; i < frames; i++, p += 2) {
        dst[dstOff + i] = (float) (((double) interleaved[p] + interleaved[p + 1]) * 0.5);
      }
    } else {
      // Sum in double and divide once: the correctly rounded mean, within float rounding of
      // numpy's float32 np.mean(y, axis=0) that librosa.to_mono uses.
      for (int i = 0, p = 0; i < frames; i++) {
        double s = 0;
        for (int c = 0; c < channels; c++, p++) {
          s += interleaved[p];
        }
        dst[dstOff + i] = (float) (s / channels);
      }
    }
  }
}
