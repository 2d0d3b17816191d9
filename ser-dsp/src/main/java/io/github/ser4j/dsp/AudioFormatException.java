package io.github.ser4j.dsp;

/**
 * An audio file or stream is malformed: a missing or inconsistent header, a truncated chunk, a data
 * length past the end of the file, zero channels, a zero sample rate. The message names the file
 * (when known) and the problem.
 */
public class AudioFormatException extends DspException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the file and what is malformed in it
   */
  public AudioFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message the file and what is malformed in it
   * @param cause the underlying failure
   */
  public AudioFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
