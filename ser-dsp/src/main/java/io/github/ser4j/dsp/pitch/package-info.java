/**
 * Fundamental frequency (F0) estimation: {@link io.github.ser4j.dsp.pitch.Yin} (de Cheveigné &amp;
 * Kawahara 2002) and {@link io.github.ser4j.dsp.pitch.PYin} (Mauch &amp; Dixon 2014), following
 * {@code librosa.yin} and {@code librosa.pyin} (librosa 0.11). Outputs are one value per frame; frame
 * {@code t} is centred on sample {@code t * hopLength} when frames are centred.
 */
package io.github.ser4j.dsp.pitch;
