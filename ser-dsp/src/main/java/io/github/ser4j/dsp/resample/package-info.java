/**
 * Sample-rate conversion: {@link io.github.ser4j.dsp.resample.Resampler}, a band-limited polyphase
 * resampler for any pair of integer rates, in a high-quality mode (the default, standing in for
 * librosa's {@code soxr_hq}) and a mode that reproduces {@code scipy.signal.resample_poly}.
 */
package io.github.ser4j.dsp.resample;
