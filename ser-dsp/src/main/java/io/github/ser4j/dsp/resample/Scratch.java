package io.github.ser4j.dsp.resample;

import io.github.ser4j.dsp.InvalidAudioException;

/**
 * Per-thread work arrays of the resampling plans, grown on demand and reused across calls so that a
 * steady stream of clips allocates only the outputs. Arrays above {@link #MAX_CACHED} doubles are
 * handed out but not kept, so one long file does not pin memory to a thread.
 */
final class Scratch {
  /** The de-interleaved, zero-padded input of a polyphase filter. */
  static final int DEINTERLEAVED = 0;
  /** A polyphase filter's accumulator for one class of outputs. */
  static final int ACCUMULATOR = 1;
  /** The signal between the two stages of the high-quality mode. */
  static final int INTERMEDIATE = 2;
  /** One FFT block of the overlap-save filter. */
  static final int BLOCK = 3;

  private static final int MAX_CACHED = 1 << 20;
  private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[4][0]);

  private Scratch() {}

  /**
   * A work array of at least {@code size} doubles for {@code slot}; its contents are arbitrary.
   *
   * @param slot one of the slot constants
   * @param size the number of doubles needed
   * @return the array
   */
  static double[] get(int slot, long size) {
    if (size > Integer.MAX_VALUE - 8) {
      throw new InvalidAudioException("resampling needs a work array of " + size
          + " samples, too long for one call: split the signal");
    }
    double[][] buffers = BUFFERS.get();
    if (buffers[slot].length >= size) {
      return buffers[slot];
    }
    double[] a = new double[(int) size];
    if (size <= MAX_CACHED) {
      buffers[slot] = a;
    }
    return a;
  }
}
