package io.github.ser4j.dsp.pitch;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.PadMode;
import org.apache.commons.math3.special.Beta;

/**
 * Probabilistic YIN (M. Mauch and S. Dixon, "pYIN: A fundamental frequency estimator using
 * probabilistic threshold distributions", Proc. IEEE ICASSP 2014, 659-663), as {@code librosa.pyin}
 * in librosa 0.11 (which follows the authors' software rather than the paper in step 2 below).
 * Built on YIN (de Cheveigné and Kawahara, J. Acoust. Soc. Am. 111(4), 2002); the difference
 * function is the one {@link Yin} uses.
 *
 * <ol>
 *   <li>Per frame, the cumulative mean normalised difference {@code d'(tau)} and its troughs.
 *   <li>Thresholds {@code s_i = i / nThresholds} carry prior mass {@code Beta(a, b).cdf(s_{i+1}) -
 *       cdf(s_i)}. For each threshold, the troughs below it get a Boltzmann prior over their rank
 *       ({@code scipy.stats.boltzmann.pmf(rank, boltzmannParameter, count)}); if none is below it,
 *       the global minimum gets {@code noTroughProb} times that threshold's mass. A trough's
 *       probability is its total over thresholds; its frequency is {@code sr / (period + parabolic
 *       shift)}, placed in the nearest of {@code nPitchBins} log-spaced bins
 *       ({@code fmin * 2^(b / (12 / resolution))}). The voiced probability of a frame is the sum
 *       over its bins, clipped to [0, 1]; each unvoiced state observes {@code (1 - voiced) / nPitchBins}.
 *   <li>Viterbi decoding over pitch bins x {voiced, unvoiced}: pitch moves by at most
 *       {@code round(maxTransitionRate * 12 * hop / sr)} semitones per frame with triangular weights;
 *       voicing switches with probability {@code switchProb}; decoding starts unvoiced.
 * </ol>
 *
 * <p>The result is a {@link PitchTrack}: the decoded bin's frequency in voiced frames and
 * {@link #unvoicedValue()} (NaN by default) in unvoiced ones, the voicing flags and the voiced
 * probabilities. f0 is quantised to the pitch-bin grid ({@code resolution} semitones, default 0.1).
 *
 * <p>Silence is unvoiced with voiced probability 0. In noise the voiced probability stays at most
 * {@code noTroughProb}, but (as in librosa 0.11) the decoder can still mark runs of noise frames
 * voiced near {@code fmin}: with the whole-frame difference function the global minimum of noise
 * sits at the longest periods, so one voiced bin observes about {@code noTroughProb} per frame
 * against {@code (1 - noTroughProb) / nPitchBins} for each unvoiced state (white noise: 37 of 94
 * frames at 60-1000 Hz). The flags are librosa's; where false voicing matters, combine them with
 * an energy or voiced-probability criterion.
 *
 * <p>A plan: built once (thresholds, priors and transition tables precomputed), immutable,
 * thread-safe.
 */
public final class PYin {
  private final YinFrames frames;
  private final int nThresholds;
  private final double betaA;
  private final double betaB;
  private final double boltzmann;
  private final double resolution;
  private final double maxTransitionRate;
  private final double switchProb;
  private final double noTroughProb;
  private final double unvoicedValue;
  private final double[] thresholds;
  private final double[] betaProbs;
  private final int binsPerSemitone;
  private final int nPitchBins;
  private final double[] binFrequencies;
  private final PitchHmm hmm;

  private PYin(Builder b) {
    int hop = b.hopLength > 0 ? b.hopLength : b.frameLength / 4;
    this.frames = new YinFrames(b.sampleRate, b.fmin, b.fmax, b.frameLength, hop, b.center, b.padMode);
    this.nThresholds = b.nThresholds;
    this.betaA = b.betaA;
    this.betaB = b.betaB;
    this.boltzmann = b.boltzmann;
    this.resolution = b.resolution;
    this.maxTransitionRate = b.maxTransitionRate;
    this.switchProb = b.switchProb;
    this.noTroughProb = b.noTroughProb;
    this.unvoicedValue = b.unvoicedValue;

    // np.linspace(0, 1, n + 1): i * step, with the last value exactly 1.
    thresholds = new double[nThresholds + 1];
    double step = 1.0 / nThresholds;
    for (int i = 0; i < nThresholds; i++) {
      thresholds[i] = i * step;
    }
    thresholds[nThresholds] = 1.0;
    betaProbs = new double[nThresholds];
    double prevCdf = Beta.regularizedBeta(thresholds[0], betaA, betaB);
    for (int i = 0; i < nThresholds; i++) {
      double cdf = Beta.regularizedBeta(thresholds[i + 1], betaA, betaB);
      betaProbs[i] = cdf - prevCdf;
      prevCdf = cdf;
    }

    binsPerSemitone = (int) Math.ceil(1.0 / resolution);
    nPitchBins = (int) Math.floor(12 * binsPerSemitone * log2(b.fmax / b.fmin)) + 1;
    InvalidParameterException.require(2 * nPitchBins <= Character.MAX_VALUE, "fmax / fmin and resolution",
        b.fmax / b.fmin + ", " + resolution, "at most " + Character.MAX_VALUE / 2 + " pitch bins");
    binFrequencies = new double[nPitchBins];
    for (int i = 0; i < nPitchBins; i++) {
      binFrequencies[i] = b.fmin * Math.pow(2.0, i / (double) (12 * binsPerSemitone));
    }
    // Python's round() rounds half to even, as Math.rint does.
    int maxSemitonesPerFrame = (int) Math.rint(maxTransitionRate * 12 * hop / b.sampleRate);
    int width = maxSemitonesPerFrame * binsPerSemitone + 1;
    this.hmm = new PitchHmm(nPitchBins, width, switchProb);
  }

  /**
   * @return a builder with librosa's defaults (sample rate 22050 Hz, frameLength 2048, hop
   *     frameLength/4, 100 thresholds, beta (2, 18), Boltzmann 2, resolution 0.1 semitone, maximum
   *     transition rate 35.92 octaves/s, switch probability 0.01, no-trough probability 0.01,
   *     centred with zero padding, NaN for unvoiced frames) and the range librosa recommends, fmin
   *     C2 = 65.41 Hz to fmax C7 = 2093.0 Hz
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the sample rate in Hz */
  public int sampleRate() {
    return frames.sampleRate;
  }

  /** @return the lowest frequency, Hz (the first pitch bin) */
  public double fmin() {
    return frames.fmin;
  }

  /** @return the highest frequency searched, Hz */
  public double fmax() {
    return frames.fmax;
  }

  /** @return the frame length in samples */
  public int frameLength() {
    return frames.frameLength;
  }

  /** @return the hop length in samples */
  public int hopLength() {
    return frames.hopLength;
  }

  /** @return the f0 value written for unvoiced frames (NaN by default) */
  public double unvoicedValue() {
    return unvoicedValue;
  }

  /** @return the number of pitch bins, {@code floor(12 / resolution * log2(fmax / fmin)) + 1} */
  public int numPitchBins() {
    return nPitchBins;
  }

  /** @return the centre frequencies of the pitch bins in Hz, {@code fmin * 2^(b / (12 * binsPerSemitone))} */
  public double[] pitchBinFrequencies() {
    return binFrequencies.clone();
  }

  /**
   * @param length signal length in samples
   * @return the number of frames, as {@link Yin#numFrames(int)}
   */
  public int numFrames(int length) {
    return frames.numFrames(length);
  }

  /**
   * Tracks f0 and voicing.
   *
   * @param samples mono samples at {@link #sampleRate()}
   * @return the track, {@link #numFrames(int)} frames
   * @throws InvalidAudioException if the signal is empty, too short for one frame, or not finite
   */
  public PitchTrack extract(float[] samples) {
    YinFrames.requireFinite(samples);
    int n = frames.numFrames(samples.length);
    int lags = frames.numLags;
    double[] v = new double[lags];
    int[] troughs = new int[lags];
    double[] heights = new double[lags];
    double[] probs = new double[lags];
    int[][] candidateBins = new int[n][];
    double[][] candidateProbs = new double[n][];
    double[] voicedProb = new double[n];
    double[] unvoicedObs = new double[n];
    double[] binObs = new double[nPitchBins];
    for (int t = 0; t < n; t++) {
      frames.cmnd(samples, t, v);
      int nt = 0;
      for (int i = 0; i < lags; i++) {
        if (YinFrames.isTrough(v, i, lags)) {
          troughs[nt] = i;
          heights[nt] = v[i];
          nt++;
        }
      }
      troughProbabilities(heights, nt, probs);
      // Fancy assignment observation[bin] = p: a later trough (longer period) overwrites an earlier
      // one in the same bin; a candidate clipped to bin nPitchBins lands on an unvoiced state and is
      // overwritten there, so it is dropped.
      int used = 0;
      int[] bins = new int[nt];
      for (int m = 0; m < nt; m++) {
        if (probs[m] == 0.0) {
          continue;
        }
        int i = troughs[m];
        double period = frames.minPeriod + i + YinFrames.parabolicShift(v, i, lags);
        double f0 = frames.sampleRate / period;
        double idx = Math.rint(12 * binsPerSemitone * log2(f0 / frames.fmin));
        int bin = (int) Math.max(0, Math.min(nPitchBins, idx));
        if (bin == nPitchBins) {
          continue;
        }
        if (binObs[bin] == 0.0) {
          bins[used++] = bin;
        }
        binObs[bin] = probs[m];
      }
      java.util.Arrays.sort(bins, 0, used);
      double total = 0.0;
      candidateBins[t] = new int[used];
      candidateProbs[t] = new double[used];
      for (int m = 0; m < used; m++) {
        int bin = bins[m];
        candidateBins[t][m] = bin;
        candidateProbs[t][m] = binObs[bin];
        total += binObs[bin];
        binObs[bin] = 0.0;
      }
      voicedProb[t] = Math.min(1.0, Math.max(0.0, total));
      unvoicedObs[t] = (1.0 - voicedProb[t]) / nPitchBins;
    }
    int[] states = hmm.decode(candidateBins, candidateProbs, unvoicedObs);
    double[] f0 = new double[n];
    double[] guess = new double[n];
    boolean[] voiced = new boolean[n];
    for (int t = 0; t < n; t++) {
      voiced[t] = states[t] < nPitchBins;
      guess[t] = binFrequencies[states[t] % nPitchBins];
      f0[t] = voiced[t] ? guess[t] : unvoicedValue;
    }
    return new PitchTrack(f0, voiced, voicedProb, guess, frames.hopLength, frames.sampleRate);
  }

  /**
   * Tracks f0 and voicing in a clip.
   *
   * @param clip a clip at {@link #sampleRate()}
   * @return the track
   * @throws InvalidAudioException if the clip's rate differs from this estimator's, or it is empty
   *     or too short
   */
  public PitchTrack extract(AudioClip clip) {
    return extract(clip.requireSampleRate(frames.sampleRate).samples());
  }

  /**
   * Step 2 for one frame: the probability of each of its {@code nt} troughs (heights in lag order),
   * written to {@code probs[0 .. nt)}.
   */
  private void troughProbabilities(double[] heights, int nt, double[] probs) {
    java.util.Arrays.fill(probs, 0, nt, 0.0);
    if (nt == 0) {
      return;
    }
    for (int j = 0; j < nThresholds; j++) {
      double thr = thresholds[j + 1];
      int count = 0;
      for (int m = 0; m < nt; m++) {
        if (heights[m] < thr) {
          count++;
        }
      }
      if (count == 0) {
        continue;
      }
      // scipy.stats.boltzmann.pmf(k, lambda, N) = (1 - e^-lambda) e^(-lambda k) / (1 - e^(-lambda N)).
      double norm = (1.0 - Math.exp(-boltzmann)) / (1.0 - Math.exp(-boltzmann * count));
      int rank = 0;
      for (int m = 0; m < nt; m++) {
        if (heights[m] < thr) {
          probs[m] += norm * Math.exp(-boltzmann * rank) * betaProbs[j];
          rank++;
        }
      }
    }
    int globalMin = 0;
    for (int m = 1; m < nt; m++) {
      if (heights[m] < heights[globalMin]) {
        globalMin = m;
      }
    }
    double missing = 0.0;
    for (int j = 0; j < nThresholds && !(heights[globalMin] < thresholds[j + 1]); j++) {
      missing += betaProbs[j];
    }
    probs[globalMin] += noTroughProb * missing;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2.0);
  }

  /** Builds a {@link PYin}; every setter validates its argument at once, {@link #build()} the combination. */
  public static final class Builder {
    private int sampleRate = 22050;
    private double fmin = 65.40639132514966;
    private double fmax = 2093.004522404789;
    private int frameLength = 2048;
    private int hopLength = -1;
    private int nThresholds = 100;
    private double betaA = 2;
    private double betaB = 18;
    private double boltzmann = 2;
    private double resolution = 0.1;
    private double maxTransitionRate = 35.92;
    private double switchProb = 0.01;
    private double noTroughProb = 0.01;
    private double unvoicedValue = Double.NaN;
    private boolean center = true;
    private PadMode padMode = PadMode.CONSTANT;

    private Builder() {}

    /**
     * @param sampleRate samples per second, &gt; 0 (default 22050, librosa's)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param fmin lowest frequency in Hz, finite and &gt; 0; at build, &lt; fmax and &gt;
     *     sampleRate / (frameLength - 1)
     * @return this builder
     */
    public Builder fmin(double fmin) {
      InvalidParameterException.require(fmin > 0 && Double.isFinite(fmin), "fmin", fmin, "finite and > 0 Hz");
      this.fmin = fmin;
      return this;
    }

    /**
     * @param fmax highest frequency in Hz, finite and &gt; 0; at build, &lt;= sampleRate/2
     * @return this builder
     */
    public Builder fmax(double fmax) {
      InvalidParameterException.require(fmax > 0 && Double.isFinite(fmax), "fmax", fmax, "finite and > 0 Hz");
      this.fmax = fmax;
      return this;
    }

    /**
     * @param frameLength samples per analysis frame, &ge; 8 (default 2048)
     * @return this builder
     */
    public Builder frameLength(int frameLength) {
      InvalidParameterException.require(frameLength >= 8, "frameLength", frameLength, ">= 8 samples");
      this.frameLength = frameLength;
      return this;
    }

    /**
     * @param hopLength samples between frames, &gt; 0 (default frameLength/4)
     * @return this builder
     */
    public Builder hopLength(int hopLength) {
      InvalidParameterException.require(hopLength > 0, "hopLength", hopLength, "> 0 samples");
      this.hopLength = hopLength;
      return this;
    }

    /**
     * @param nThresholds number of thresholds in (0, 1], 1 to 10000 (default 100)
     * @return this builder
     */
    public Builder nThresholds(int nThresholds) {
      InvalidParameterException.require(nThresholds >= 1 && nThresholds <= 10_000, "nThresholds", nThresholds,
          "in [1, 10000]");
      this.nThresholds = nThresholds;
      return this;
    }

    /**
     * @param a first shape parameter of the beta prior over thresholds, finite and &gt; 0 (default 2)
     * @param b second shape parameter, finite and &gt; 0 (default 18; mean threshold a/(a+b) = 0.1)
     * @return this builder
     */
    public Builder betaParameters(double a, double b) {
      InvalidParameterException.require(a > 0 && Double.isFinite(a), "betaParameters a", a, "finite and > 0");
      InvalidParameterException.require(b > 0 && Double.isFinite(b), "betaParameters b", b, "finite and > 0");
      this.betaA = a;
      this.betaB = b;
      return this;
    }

    /**
     * @param boltzmannParameter shape of the Boltzmann prior over troughs, finite and &gt; 0 (default
     *     2; larger favours shorter periods)
     * @return this builder
     */
    public Builder boltzmannParameter(double boltzmannParameter) {
      InvalidParameterException.require(boltzmannParameter > 0 && Double.isFinite(boltzmannParameter),
          "boltzmannParameter", boltzmannParameter, "finite and > 0");
      this.boltzmann = boltzmannParameter;
      return this;
    }

    /**
     * @param resolution pitch-bin width in semitones, in (0, 1] (default 0.1)
     * @return this builder
     */
    public Builder resolution(double resolution) {
      InvalidParameterException.require(resolution > 0 && resolution <= 1, "resolution", resolution,
          "in (0, 1] semitones");
      this.resolution = resolution;
      return this;
    }

    /**
     * @param maxTransitionRate largest pitch change in octaves per second, finite and &ge; 0 (default
     *     35.92)
     * @return this builder
     */
    public Builder maxTransitionRate(double maxTransitionRate) {
      InvalidParameterException.require(maxTransitionRate >= 0 && Double.isFinite(maxTransitionRate),
          "maxTransitionRate", maxTransitionRate, "finite and >= 0 octaves/s");
      this.maxTransitionRate = maxTransitionRate;
      return this;
    }

    /**
     * @param switchProb probability of switching between voiced and unvoiced per frame, in (0, 1)
     *     (default 0.01)
     * @return this builder
     */
    public Builder switchProb(double switchProb) {
      InvalidParameterException.require(switchProb > 0 && switchProb < 1, "switchProb", switchProb, "in (0, 1)");
      this.switchProb = switchProb;
      return this;
    }

    /**
     * @param noTroughProb weight given to the global minimum for thresholds no trough is below, in
     *     [0, 1] (default 0.01)
     * @return this builder
     */
    public Builder noTroughProb(double noTroughProb) {
      InvalidParameterException.require(noTroughProb >= 0 && noTroughProb <= 1, "noTroughProb", noTroughProb,
          "in [0, 1]");
      this.noTroughProb = noTroughProb;
      return this;
    }

    /**
     * @param unvoicedValue the f0 written for unvoiced frames, any value (default NaN, librosa's
     *     {@code fill_na}; 0 is a common alternative)
     * @return this builder
     */
    public Builder unvoicedValue(double unvoicedValue) {
      this.unvoicedValue = unvoicedValue;
      return this;
    }

    /**
     * @param center centre frame {@code t} on sample {@code t * hop} by padding frameLength/2 on each
     *     side (default true)
     * @return this builder
     */
    public Builder center(boolean center) {
      this.center = center;
      return this;
    }

    /**
     * @param padMode padding used when centred (default zeros, librosa 0.11's {@code 'constant'})
     * @return this builder
     */
    public Builder padMode(PadMode padMode) {
      InvalidParameterException.require(padMode != null, "padMode", null, "a PadMode");
      this.padMode = padMode;
      return this;
    }

    /**
     * @return the estimator
     * @throws InvalidParameterException if fmax exceeds the Nyquist frequency, fmin &ge; fmax, fmin
     *     is too low for the frame length, or the range holds fewer than 3 periods
     */
    public PYin build() {
      return new PYin(this);
    }
  }
}
