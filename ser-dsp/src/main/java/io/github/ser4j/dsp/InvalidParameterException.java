package io.github.ser4j.dsp;

/**
 * A parameter is outside its allowed range (for example a non-positive FFT size or hop length).
 * The message names the parameter, the value given and the allowed range.
 */
public class InvalidParameterException extends DspException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the parameter, its value and its allowed range
   */
  public InvalidParameterException(String message) {
    super(message);
  }

  /**
   * Throws unless {@code condition} holds.
   *
   * @param condition the check
   * @param name the parameter's name
   * @param value the value given
   * @param allowed the allowed range, in words (for example {@code "> 0"})
   * @throws InvalidParameterException if {@code condition} is false
   */
  public static void require(boolean condition, String name, Object value, String allowed) {
    if (!condition) {
      throw new InvalidParameterException(name + " = " + value + " is not allowed: must be " + allowed);
    }
  }
}
