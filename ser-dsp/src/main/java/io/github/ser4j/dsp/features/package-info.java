/**
 * Fixed-length feature vectors from frame-level features: statistical
 * {@link io.github.ser4j.dsp.features.Functionals} over a {@code frames x features} matrix, and
 * modulation spectral features ({@link io.github.ser4j.dsp.features.ModulationSpectrum}) of a
 * {@code frames x bands} time-frequency matrix.
 */
package io.github.ser4j.dsp.features;
