package io.github.ser4j.dsp;

/**
 * Base of every exception that ser-dsp throws for bad input or bad parameters.
 *
 * <p>Unchecked: catching it is optional, but every failure the library detects is an instance of
 * this type (or {@link java.io.IOException} for I/O proper), so an application can catch one type.
 * The message always names the problem (the parameter, the file, the offending value).
 */
public class DspException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the parameter, file or value
   */
  public DspException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public DspException(String message, Throwable cause) {
    super(message, cause);
  }
}
