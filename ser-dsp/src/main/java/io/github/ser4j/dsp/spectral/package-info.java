/**
 * Spectral analysis, librosa-exact: {@link io.github.ser4j.dsp.spectral.Stft}, mel filter banks,
 * mel spectrograms, {@code power_to_db}, MFCC, deltas, spectral shape features and chroma.
 * Every extractor is a plan built once and reused; outputs are {@code frames x bins}.
 */
package io.github.ser4j.dsp.spectral;
