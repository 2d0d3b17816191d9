package io.github.ser4j.dsp.io;

/** Sample encodings {@link WavWriter} can write, named as soundfile's subtypes. */
public enum WavEncoding {
  /** 16-bit signed PCM (format tag 1): {@code round_half_even(x * 32768)} clipped to [-32768, 32767]. */
  PCM_16,
  /** 32-bit IEEE float (format tag 3), samples stored as they are, with a {@code fact} chunk. */
  FLOAT
}
