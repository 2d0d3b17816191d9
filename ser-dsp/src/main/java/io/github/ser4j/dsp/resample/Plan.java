package io.github.ser4j.dsp.resample;

/** A resampling plan for one rate pair: immutable, thread-safe, reusable. */
interface Plan {
  /**
   * Resamples {@code x} and writes the first {@code nCompute} output samples to {@code dst}.
   *
   * @param x input samples (float[] or double[])
   * @param n number of input samples
   * @param dst output (float[] or double[]), at least {@code nCompute} long
   * @param nCompute number of output samples to compute
   * @param finite true if the caller guarantees that the samples are finite (an {@code AudioClip}'s),
   *     so a separate checking pass can be skipped
   * @throws io.github.ser4j.dsp.InvalidAudioException if an input sample is NaN or infinite
   */
  void apply(Object x, int n, Object dst, int nCompute, boolean finite);
}
