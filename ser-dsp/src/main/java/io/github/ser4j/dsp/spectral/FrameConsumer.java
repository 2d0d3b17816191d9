package io.github.ser4j.dsp.spectral;

/**
 * Receives the spectrum of one STFT frame. The arrays are reused for the next frame: copy what
 * must outlive the call.
 */
@FunctionalInterface
public interface FrameConsumer {
  /**
   * Accepts one frame.
   *
   * @param frame the frame index, from 0
   * @param re real parts of bins {@code 0 .. nFft/2} (length {@code nFft/2 + 1})
   * @param im imaginary parts, same length ({@code im[0]} and {@code im[nFft/2]} are 0)
   */
  void accept(int frame, double[] re, double[] im);
}
