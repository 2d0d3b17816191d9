package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.InvalidParameterException;

/**
 * The chroma filter bank that maps an STFT's bins to pitch classes, as
 * {@code librosa.filters.chroma(sr, n_fft, n_chroma, tuning, ctroct, octwidth, norm, base_c)}
 * (0.11, after Ellis's {@code fft2chromamx}): each bin contributes a Gaussian bump (in chroma
 * bins, half as wide as the bin's own width in chroma bins, at least 1) centred on its pitch class,
 * each bin's column is normalised ({@link VectorNorm#L2} by default), then weighted by a Gaussian
 * over octaves centred on octave {@code ctroct} (5, i.e. around 880 Hz) with standard deviation
 * {@code octwidth} octaves. Rows start at C when {@code baseC} (the default), else at A.
 *
 * <p>The weights are {@code [nChroma][nFft/2 + 1]}, librosa's layout. Immutable and thread-safe.
 */
public final class ChromaFilterBank {
  private final int sampleRate;
  private final int nFft;
  private final int nChroma;
  private final double tuning;
  private final double[][] weights;
  // weights bin-major ([bin * nChroma + c]): the projection's inner loop runs over independent chroma
  // accumulators, which the JIT can vectorise; each sum still runs over bins in order.
  private final double[] byBin;

  private ChromaFilterBank(Builder b) {
    this.sampleRate = b.sampleRate;
    this.nFft = b.nFft;
    this.nChroma = b.nChroma;
    this.tuning = b.tuning;
    this.weights = compute(b);
    this.byBin = new double[weights[0].length * nChroma];
    for (int c = 0; c < nChroma; c++) {
      for (int k = 0; k < weights[c].length; k++) {
        byBin[k * nChroma + c] = weights[c][k];
      }
    }
  }

  /**
   * @param sampleRate sample rate in Hz
   * @param nFft FFT size
   * @param tuning tuning deviation from A440 in fractions of a chroma bin
   * @return librosa's default 12-bin bank for that configuration
   */
  public static ChromaFilterBank of(int sampleRate, int nFft, double tuning) {
    return builder().sampleRate(sampleRate).nFft(nFft).tuning(tuning).build();
  }

  /** @return a builder with librosa's defaults (22050 Hz, nFft 2048, 12 bins, tuning 0, ctroct 5, octwidth 2, L2, base C) */
  public static Builder builder() {
    return new Builder();
  }

  private static double[][] compute(Builder b) {
    int n = b.nFft;
    int nc = b.nChroma;
    // Bin k (1 <= k < nFft) in chroma bins relative to A440 / 16 (librosa's hz_to_octs * n_chroma).
    double a440 = 440.0 * Math.pow(2.0, b.tuning / nc);
    double[] frqbins = new double[n];
    for (int k = 1; k < n; k++) {
      double f = k * ((double) b.sampleRate / n);
      frqbins[k] = nc * (Math.log(f / (a440 / 16)) / Math.log(2.0));
    }
    // A made-up position for the DC bin, 1.5 octaves below bin 1.
    frqbins[0] = frqbins[1] - 1.5 * nc;
    double[] binwidth = new double[n];
    for (int k = 0; k < n - 1; k++) {
      binwidth[k] = Math.max(frqbins[k + 1] - frqbins[k], 1.0);
    }
    binwidth[n - 1] = 1;
    double half = Math.rint(nc / 2.0);
    int bins = n / 2 + 1;
    double[][] w = new double[nc][bins];
    double[] column = new double[nc];
    int roll = b.baseC ? 3 * (nc / 12) : 0;
    for (int k = 0; k < bins; k++) {
      for (int c = 0; c < nc; c++) {
        double d = remainder(frqbins[k] - c + half + 10 * nc, nc) - half;
        double z = 2 * d / binwidth[k];
        column[c] = Math.exp(-0.5 * (z * z));
      }
      b.norm.normalizeInPlace(column);
      double octave = 1.0;
      if (b.octaveWidth > 0) {
        double z = (frqbins[k] / nc - b.centerOctave) / b.octaveWidth;
        octave = Math.exp(-0.5 * (z * z));
      }
      for (int c = 0; c < nc; c++) {
        // np.roll(wts, -roll, axis=0): row c takes what was row c + roll.
        w[c][k] = column[(c + roll) % nc] * octave;
      }
    }
    return w;
  }

  /** numpy's float remainder: the result takes the divisor's sign. */
  private static double remainder(double a, double b) {
    double m = a % b;
    if (m != 0 && (m < 0) != (b < 0)) {
      m += b;
    }
    return m;
  }

  /** @return the sample rate in Hz */
  public int sampleRate() {
    return sampleRate;
  }

  /** @return the FFT size */
  public int nFft() {
    return nFft;
  }

  /** @return the number of chroma bins (rows) */
  public int numChroma() {
    return nChroma;
  }

  /** @return the number of FFT bins (columns), {@code nFft/2 + 1} */
  public int numBins() {
    return nFft / 2 + 1;
  }

  /** @return the tuning deviation in fractions of a chroma bin */
  public double tuning() {
    return tuning;
  }

  /** @return a copy of the weights, {@code [nChroma][nFft/2 + 1]} */
  public double[][] weights() {
    double[][] copy = new double[nChroma][];
    for (int c = 0; c < nChroma; c++) {
      copy[c] = weights[c].clone();
    }
    return copy;
  }

  /**
   * Projects one spectrum frame onto the chroma bins: {@code out[c] = sum_k w[c][k] spectrum[k]}.
   *
   * @param spectrum {@code nFft/2 + 1} values (power, for chroma_stft)
   * @param out receives {@code nChroma} values
   */
  public void apply(double[] spectrum, double[] out) {
    int nc = nChroma;
    java.util.Arrays.fill(out, 0, nc, 0.0);
    int bins = numBins();
    for (int k = 0, base = 0; k < bins; k++, base += nc) {
      double p = spectrum[k];
      for (int c = 0; c < nc; c++) {
        out[c] += byBin[base + c] * p;
      }
    }
  }

  /**
   * Projects a spectrogram onto the chroma bins (no normalisation).
   *
   * @param spectrogram {@code frames x (nFft/2 + 1)}
   * @return {@code frames x nChroma}
   * @throws InvalidParameterException if a row has the wrong number of bins
   */
  public double[][] apply(double[][] spectrogram) {
    double[][] out = new double[spectrogram.length][nChroma];
    for (int t = 0; t < spectrogram.length; t++) {
      double[] s = spectrogram[t];
      InvalidParameterException.require(s != null && s.length == numBins(), "spectrogram bins",
          s == null ? null : s.length, "nFft/2 + 1 = " + numBins());
      apply(s, out[t]);
    }
    return out;
  }

  /** Builds a {@link ChromaFilterBank}; every setter validates its argument at once. */
  public static final class Builder {
    private int sampleRate = 22050;
    private int nFft = 2048;
    private int nChroma = 12;
    private double tuning;
    private double centerOctave = 5.0;
    private double octaveWidth = 2.0;
    private VectorNorm norm = VectorNorm.L2;
    private boolean baseC = true;

    private Builder() {}

    /**
     * @param sampleRate sample rate in Hz, &gt; 0 (default 22050)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param nFft FFT size, even and &ge; 4 (default 2048)
     * @return this builder
     */
    public Builder nFft(int nFft) {
      InvalidParameterException.require(nFft >= 4 && nFft % 2 == 0, "nFft", nFft, "even and >= 4");
      this.nFft = nFft;
      return this;
    }

    /**
     * @param nChroma chroma bins per octave, &ge; 1 (default 12)
     * @return this builder
     */
    public Builder nChroma(int nChroma) {
      InvalidParameterException.require(nChroma >= 1, "nChroma", nChroma, ">= 1");
      this.nChroma = nChroma;
      return this;
    }

    /**
     * @param tuning deviation from A440 in fractions of a chroma bin, in [-0.5, 0.5] (default 0)
     * @return this builder
     */
    public Builder tuning(double tuning) {
      InvalidParameterException.require(tuning >= -0.5 && tuning <= 0.5, "tuning", tuning, "in [-0.5, 0.5]");
      this.tuning = tuning;
      return this;
    }

    /**
     * @param ctroct centre of the octave weighting, in octaves above A440/16 = 27.5 Hz, finite
     *     (default 5.0)
     * @return this builder
     */
    public Builder centerOctave(double ctroct) {
      InvalidParameterException.require(Double.isFinite(ctroct), "centerOctave", ctroct, "finite");
      this.centerOctave = ctroct;
      return this;
    }

    /**
     * @param octwidth standard deviation of the octave weighting in octaves, finite and &gt; 0
     *     (default 2)
     * @return this builder
     */
    public Builder octaveWidth(double octwidth) {
      InvalidParameterException.require(octwidth > 0 && Double.isFinite(octwidth), "octaveWidth", octwidth,
          "finite and > 0");
      this.octaveWidth = octwidth;
      return this;
    }

    /**
     * No octave weighting (librosa's {@code octwidth=None}): every octave counts equally.
     *
     * @return this builder
     */
    public Builder noOctaveWeighting() {
      this.octaveWidth = 0;
      return this;
    }

    /**
     * @param norm normalisation of each FFT bin's column before the octave weighting (default L2)
     * @return this builder
     */
    public Builder norm(VectorNorm norm) {
      InvalidParameterException.require(norm != null, "norm", null, "a VectorNorm");
      this.norm = norm;
      return this;
    }

    /**
     * @param baseC start the rows at C (default true) rather than A
     * @return this builder
     */
    public Builder baseC(boolean baseC) {
      this.baseC = baseC;
      return this;
    }

    /** @return the filter bank */
    public ChromaFilterBank build() {
      return new ChromaFilterBank(this);
    }
  }
}
