package io.github.ser4j.dsp.io;

import java.util.List;

/**
 * Format facts of an audio file, read from its header without decoding the samples (as
 * {@code soundfile.info}).
 *
 * @param container the file type: {@code "WAV"}, or the codec's name for files decoded through
 *     {@code javax.sound.sampled} ({@code "FLAC"}, {@code "MP3"}, {@code "AIFF"}, ...)
 * @param encoding for WAV soundfile's subtype name: {@code PCM_U8}, {@code PCM_16}, {@code PCM_24},
 *     {@code PCM_32}, {@code FLOAT}, {@code DOUBLE}; otherwise the java.sound encoding name
 * @param formatTag the WAV fmt chunk's format tag as stored (1 PCM, 3 IEEE float, 0xFFFE
 *     WAVE_FORMAT_EXTENSIBLE); 0 for other containers
 * @param channels channels per frame
 * @param sampleRate frames per second (Hz)
 * @param bitsPerSample bits of one stored sample (the container size for extensible WAV), or -1
 *     when the codec has none (MP3)
 * @param frames frames (samples per channel) in the file, or -1 when the header does not say
 * @param chunks WAV chunk ids in file order (e.g. {@code [fmt , LIST, data]}); empty for other containers
 */
public record AudioInfo(String container, String encoding, int formatTag, int channels, int sampleRate,
    int bitsPerSample, long frames, List<String> chunks) {

  /** Copies the chunk list. */
  public AudioInfo {
    chunks = List.copyOf(chunks);
  }

  /** @return the duration in seconds ({@code frames / sampleRate}), or NaN when the length is unknown */
  public double durationSeconds() {
    return frames < 0 ? Double.NaN : frames / (double) sampleRate;
  }
}
