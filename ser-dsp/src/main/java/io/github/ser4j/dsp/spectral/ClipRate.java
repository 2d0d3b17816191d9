package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;

/** The sample-rate check every {@code extract(AudioClip)} of this package makes. */
final class ClipRate {
  private ClipRate() {}

  /**
   * @param clip the clip
   * @param sampleRate the rate the extractor was built for
   * @return the clip's samples
   * @throws InvalidAudioException naming both rates if they differ
   */
  static float[] samples(AudioClip clip, int sampleRate) {
    if (clip.sampleRate() != sampleRate) {
      throw new InvalidAudioException("the clip's sample rate is " + clip.sampleRate()
          + " Hz but the extractor was built for " + sampleRate + " Hz: resample the clip first");
    }
    return clip.samples();
  }
}
