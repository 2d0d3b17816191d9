package io.github.ser4j.dsp;

/**
 * A well-formed audio file in an encoding SER4J cannot decode (for example ADPCM or A-law WAV, or
 * FLAC/MP3 without the optional codec on the class path). The message names the encoding.
 */
public class UnsupportedAudioException extends AudioFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the file and the unsupported encoding
   */
  public UnsupportedAudioException(String message) {
    super(message);
  }
}
