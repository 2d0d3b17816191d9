package io.github.ser4j.dsp;

/**
 * Audio samples that cannot be processed: an empty clip, NaN or infinite samples, a clip too short
 * for the requested analysis, or a sample rate that does not match the one an extractor was built for.
 */
public class InvalidAudioException extends DspException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the audio
   */
  public InvalidAudioException(String message) {
    super(message);
  }
}
