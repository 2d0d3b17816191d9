/**
 * Audio file I/O: {@link io.github.ser4j.dsp.io.AudioIO} reads WAV (and FLAC/MP3/AIFF/AU through
 * {@code javax.sound.sampled}) into mono {@link io.github.ser4j.dsp.AudioClip}s as
 * {@code librosa.load(sr=None, mono=True)} does; {@link io.github.ser4j.dsp.io.WavStream} reads long
 * WAV files block by block; {@link io.github.ser4j.dsp.io.WavWriter} writes 16-bit PCM and 32-bit
 * float WAV. See {@code docs/audio-io.md}.
 */
package io.github.ser4j.dsp.io;
