/**
 * Frame-level time-domain features, librosa-exact: {@link io.github.ser4j.dsp.temporal.ZeroCrossingRate}
 * ({@code librosa.feature.zero_crossing_rate}) and {@link io.github.ser4j.dsp.temporal.Rms}
 * ({@code librosa.feature.rms}). Each is a plan built once and reused; outputs hold one value per frame.
 */
package io.github.ser4j.dsp.temporal;
