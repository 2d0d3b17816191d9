package io.github.ser4j.dsp.temporal;

import io.github.ser4j.dsp.InvalidAudioException;

/**
 * Frame positions as {@code librosa.util.frame} after the optional centring pad of
 * {@code frameLength / 2} samples on each side.
 */
record FrameGrid(int frameLength, int hopLength, boolean center) {

  /** @return samples of padding before the signal */
  int offset() {
    return center ? frameLength / 2 : 0;
  }

  /**
   * @param length signal length
   * @return {@code 1 + (padded - frameLength) / hop}
   * @throws InvalidAudioException if the signal is empty or (padded) shorter than one frame
   */
  int numFrames(int length) {
    if (length <= 0) {
      throw new InvalidAudioException("the signal is empty: framing needs at least one sample");
    }
    int padded = center ? length + 2 * (frameLength / 2) : length;
    if (padded < frameLength) {
      throw new InvalidAudioException("the signal has " + length + " samples, shorter than one frame (frameLength = "
          + frameLength + ")" + (center ? "" : " with center = false"));
    }
    return 1 + (padded - frameLength) / hopLength;
  }
}
