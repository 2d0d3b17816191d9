package io.github.ser4j.dsp.pitch;

import io.github.ser4j.dsp.InvalidParameterException;
import java.util.Arrays;

/**
 * A pitch track from {@link PYin}: per frame the fundamental frequency, the voicing decision and the
 * probability that the frame is voiced (the three outputs of {@code librosa.pyin}).
 *
 * <p>Frame {@code t} is centred on sample {@code t * hopLength} (when the estimator centres frames),
 * that is at {@link #timeSeconds(int)}. Unvoiced frames hold {@link PYin#unvoicedValue()} in
 * {@link #f0()} (NaN by default, librosa's {@code fill_na=np.nan}); {@link #bestGuessF0()} gives the
 * decoded pitch of every frame (librosa's {@code fill_na=None}). Arrays are copied in and out, so a
 * track is immutable.
 *
 * @param f0 f0 in Hz per frame, {@code unvoicedValue} where unvoiced
 * @param voiced the voicing decision per frame (Viterbi path in a voiced state)
 * @param voicedProbability per frame, in [0, 1]: the total pYIN observation probability of the
 *     voiced states (before decoding)
 * @param bestGuessF0 the decoded pitch bin's frequency in Hz per frame, also where unvoiced
 * @param hopLength samples between frames
 * @param sampleRate the signal's sample rate in Hz
 */
public record PitchTrack(double[] f0, boolean[] voiced, double[] voicedProbability, double[] bestGuessF0,
    int hopLength, int sampleRate) {

  /**
   * Validates equal lengths and copies the arrays.
   *
   * @param f0 f0 in Hz per frame
   * @param voiced voicing flags
   * @param voicedProbability voiced probabilities
   * @param bestGuessF0 decoded pitch per frame in Hz
   * @param hopLength samples between frames, &gt; 0
   * @param sampleRate sample rate in Hz, &gt; 0
   */
  public PitchTrack {
    InvalidParameterException.require(f0 != null && voiced != null && voicedProbability != null
        && bestGuessF0 != null, "arrays", null, "non-null");
    InvalidParameterException.require(voiced.length == f0.length && voicedProbability.length == f0.length
        && bestGuessF0.length == f0.length, "array lengths",
        f0.length + "/" + voiced.length + "/" + voicedProbability.length + "/" + bestGuessF0.length, "all equal");
    InvalidParameterException.require(hopLength > 0, "hopLength", hopLength, "> 0");
    InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0");
    f0 = f0.clone();
    voiced = voiced.clone();
    voicedProbability = voicedProbability.clone();
    bestGuessF0 = bestGuessF0.clone();
  }

  /** @return a copy of f0 per frame (Hz; the unvoiced value where unvoiced) */
  @Override
  public double[] f0() {
    return f0.clone();
  }

  /** @return a copy of the voicing flags */
  @Override
  public boolean[] voiced() {
    return voiced.clone();
  }

  /** @return a copy of the voiced probabilities */
  @Override
  public double[] voicedProbability() {
    return voicedProbability.clone();
  }

  /** @return a copy of the decoded pitch per frame (Hz), also in unvoiced frames */
  @Override
  public double[] bestGuessF0() {
    return bestGuessF0.clone();
  }

  /** @return the number of frames */
  public int frames() {
    return f0.length;
  }

  /**
   * @param frame a frame index
   * @return the frame's centre time in seconds, {@code frame * hopLength / sampleRate}
   */
  public double timeSeconds(int frame) {
    return frame * (double) hopLength / sampleRate;
  }

  /** @return the number of voiced frames */
  public int voicedFrames() {
    int n = 0;
    for (boolean v : voiced) {
      if (v) {
        n++;
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PitchTrack p && p.hopLength == hopLength && p.sampleRate == sampleRate
        && Arrays.equals(p.f0, f0) && Arrays.equals(p.voiced, voiced)
        && Arrays.equals(p.voicedProbability, voicedProbability) && Arrays.equals(p.bestGuessF0, bestGuessF0);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(f0) + Arrays.hashCode(voiced)) + Arrays.hashCode(voicedProbability);
  }

  @Override
  public String toString() {
    return "PitchTrack[" + f0.length + " frames, " + voicedFrames() + " voiced, hop " + hopLength + " at "
        + sampleRate + " Hz]";
  }
}
