/**
 * SER4J's audio and feature library: {@link io.github.ser4j.dsp.AudioClip}, the exception types,
 * and the sub-packages for I/O ({@code io}), resampling ({@code resample}), spectral features
 * ({@code spectral}), frame-level time-domain features ({@code temporal}), pitch ({@code pitch}),
 * fixed-length feature vectors ({@code features}) and augmentation ({@code augment}).
 *
 * <p>Numbers follow librosa 0.11 conventions; matrices are returned frames x bins
 * ({@code [frame][bin]}), the transpose of librosa's layout.
 */
package io.github.ser4j.dsp;
