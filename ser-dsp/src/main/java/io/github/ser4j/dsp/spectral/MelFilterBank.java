package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.InvalidParameterException;

/**
 * A triangular mel filter bank, as {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk,
 * norm)} computed in double precision: {@code nMels} overlapping triangles whose corners are
 * {@code nMels + 2} frequencies equally spaced on the {@link MelScale}, evaluated at the FFT bin
 * frequencies {@code k * sr / nFft}, optionally scaled to unit area ({@link Norm#SLANEY}).
 *
 * <p>Each band is stored sparsely (its first non-zero bin and its contiguous non-zero weights), so
 * {@link #apply} costs about two multiply-adds per FFT bin. {@link #dense()} gives librosa's
 * {@code [nMels][nFft/2 + 1]} matrix. Immutable and thread-safe.
 */
public final class MelFilterBank {
  /** Band normalisation, librosa's {@code norm} argument. */
  public enum Norm {
    /** {@code norm='slaney'} (the default): each triangle scaled by {@code 2 / (f[i+2] - f[i])}. */
    SLANEY,
    /** {@code norm=None}: triangles peak at 1. */
    NONE
  }

  private final int sampleRate;
  private final int nFft;
  private final int nMels;
  private final double fmin;
  private final double fmax;
  private final MelScale scale;
  private final Norm norm;
  private final double[] edges;
  private final int[] start;
  private final int[] length;
  private final int[] offset;
  private final double[] weights;

  private MelFilterBank(Builder b) {
    this.sampleRate = b.sampleRate;
    this.nFft = b.nFft;
    this.nMels = b.nMels;
    this.fmin = b.fmin;
    this.fmax = Double.isNaN(b.fmax) ? sampleRate / 2.0 : b.fmax;
    InvalidParameterException.require(fmax > fmin && fmax <= sampleRate / 2.0, "fmax", fmax,
        "> fmin (" + fmin + " Hz) and <= sampleRate / 2 (" + sampleRate / 2.0 + " Hz)");
    this.scale = b.scale;
    this.norm = b.norm;
    int bins = nFft / 2 + 1;
    // np.fft.rfftfreq(n, 1/sr): k * (1 / (n * (1/sr))).
    double val = 1.0 / (nFft * (1.0 / sampleRate));
    double[] freqs = new double[bins];
    for (int k = 0; k < bins; k++) {
      freqs[k] = k * val;
    }
    edges = scale.frequencies(nMels + 2, fmin, fmax);
    start = new int[nMels];
    length = new int[nMels];
    offset = new int[nMels];
    double[][] rows = new double[nMels][];
    int total = 0;
    double[] row = new double[bins];
    for (int i = 0; i < nMels; i++) {
      double lowDiff = edges[i + 1] - edges[i];
      double highDiff = edges[i + 2] - edges[i + 1];
      double enorm = norm == Norm.SLANEY ? 2.0 / (edges[i + 2] - edges[i]) : 1.0;
      int first = -1;
      int last = -1;
      for (int k = 0; k < bins; k++) {
        // librosa: max(0, min(-(f[i] - fft) / fdiff[i], (f[i+2] - fft) / fdiff[i+1])) * enorm
        double lower = -(edges[i] - freqs[k]) / lowDiff;
        double upper = (edges[i + 2] - freqs[k]) / highDiff;
        double w = Math.max(0.0, Math.min(lower, upper));
        if (norm == Norm.SLANEY) {
          w *= enorm;
        }
        row[k] = w;
        if (w != 0) {
          if (first < 0) {
            first = k;
          }
          last = k;
        }
      }
      if (first < 0) {
        rows[i] = new double[0];
        start[i] = 0;
      } else {
        rows[i] = java.util.Arrays.copyOfRange(row, first, last + 1);
        start[i] = first;
      }
      length[i] = rows[i].length;
      offset[i] = total;
      total += length[i];
    }
    weights = new double[total];
    for (int i = 0; i < nMels; i++) {
      System.arraycopy(rows[i], 0, weights, offset[i], length[i]);
    }
  }

  /** @return a builder with librosa's defaults (sr 22050, nFft 2048, 128 mels, 0 Hz to sr/2, Slaney) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the sample rate in Hz */
  public int sampleRate() {
    return sampleRate;
  }

  /** @return the FFT size */
  public int nFft() {
    return nFft;
  }

  /** @return the number of mel bands */
  public int nMels() {
    return nMels;
  }

  /** @return the number of FFT bins, {@code nFft/2 + 1} */
  public int numBins() {
    return nFft / 2 + 1;
  }

  /** @return the lowest frequency in Hz */
  public double fmin() {
    return fmin;
  }

  /** @return the highest frequency in Hz */
  public double fmax() {
    return fmax;
  }

  /** @return the mel scale */
  public MelScale scale() {
    return scale;
  }

  /** @return the band normalisation */
  public Norm norm() {
    return norm;
  }

  /**
   * The triangle corners: {@code nMels + 2} frequencies in Hz, equally spaced in mels
   * ({@code librosa.mel_frequencies(nMels + 2, fmin, fmax, htk)}). Band {@code i} rises from
   * {@code edges[i]} to its peak at {@code edges[i+1]} and falls to zero at {@code edges[i+2]}.
   *
   * @return a copy of the corner frequencies
   */
  public double[] bandEdges() {
    return edges.clone();
  }

  /**
   * @param band the band, {@code 0 <= band < nMels}
   * @return the first FFT bin with a non-zero weight (0 for an empty band)
   */
  public int startBin(int band) {
    checkBand(band);
    return start[band];
  }

  /**
   * @param band the band, {@code 0 <= band < nMels}
   * @return a copy of the band's non-zero weights, for bins {@code startBin(band)} onwards
   *     (empty if no FFT bin falls inside the triangle)
   */
  public double[] bandWeights(int band) {
    checkBand(band);
    return java.util.Arrays.copyOfRange(weights, offset[band], offset[band] + length[band]);
  }

  /**
   * The dense matrix, librosa's layout.
   *
   * @return {@code [nMels][nFft/2 + 1]} weights
   */
  public double[][] dense() {
    double[][] d = new double[nMels][numBins()];
    for (int i = 0; i < nMels; i++) {
      System.arraycopy(weights, offset[i], d[i], start[i], length[i]);
    }
    return d;
  }

  /**
   * Applies the bank to one spectrum frame: {@code out[m] = sum_k W[m][k] spectrum[k]}.
   *
   * @param spectrum {@code nFft/2 + 1} values (power or magnitude)
   * @param out receives {@code nMels} values
   */
  public void apply(double[] spectrum, double[] out) {
    if (spectrum.length != numBins() || out.length < nMels) {
      throw new InvalidParameterException("spectrum length = " + spectrum.length + ", out length = " + out.length
          + " are not allowed: must be nFft/2 + 1 = " + numBins() + " and >= nMels = " + nMels);
    }
    applyUnchecked(spectrum, out, 0);
  }

  /** {@link #apply} into {@code out[outOffset ..]}, without checks (for this package's hot loops). */
  void applyUnchecked(double[] spectrum, double[] out, int outOffset) {
    double[] w = weights;
    for (int i = 0; i < nMels; i++) {
      int o = offset[i];
      int s = start[i] - o;
      double acc = 0;
      for (int j = o, end = o + length[i]; j < end; j++) {
        acc += w[j] * spectrum[s + j];
      }
      out[outOffset + i] = acc;
    }
  }

  /**
   * {@link #applyUnchecked} for four spectra at once: each weight is loaded once for four frames,
   * and the four sums are independent chains of additions (one chain is latency-bound). Each sum
   * runs in the same order as in {@link #applyUnchecked}, so the results are identical.
   */
  void applyUnchecked4(double[] s0, double[] s1, double[] s2, double[] s3, double[] o0, double[] o1, double[] o2,
      double[] o3) {
    double[] w = weights;
    for (int i = 0; i < nMels; i++) {
      int o = offset[i];
      int s = start[i] - o;
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      for (int j = o, end = o + length[i]; j < end; j++) {
        double wj = w[j];
        int k = s + j;
        a0 += wj * s0[k];
        a1 += wj * s1[k];
        a2 += wj * s2[k];
        a3 += wj * s3[k];
      }
      o0[i] = a0;
      o1[i] = a1;
      o2[i] = a2;
      o3[i] = a3;
    }
  }

  private void checkBand(int band) {
    InvalidParameterException.require(band >= 0 && band < nMels, "band", band, "0 .. " + (nMels - 1));
  }

  /** Builds a {@link MelFilterBank}; every setter validates its argument at once. */
  public static final class Builder {
    private int sampleRate = 22050;
    private int nFft = 2048;
    private int nMels = 128;
    private double fmin = 0.0;
    private double fmax = Double.NaN;
    private MelScale scale = MelScale.SLANEY;
    private Norm norm = Norm.SLANEY;

    private Builder() {}

    /**
     * @param sampleRate the sample rate in Hz, &gt; 0 (default 22050, as librosa)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param nFft the FFT size, &ge; 2 (default 2048)
     * @return this builder
     */
    public Builder nFft(int nFft) {
      InvalidParameterException.require(nFft >= 2, "nFft", nFft, ">= 2");
      this.nFft = nFft;
      return this;
    }

    /**
     * @param nMels the number of bands, &ge; 1 (default 128)
     * @return this builder
     */
    public Builder nMels(int nMels) {
      InvalidParameterException.require(nMels >= 1, "nMels", nMels, ">= 1");
      this.nMels = nMels;
      return this;
    }

    /**
     * @param fmin the lowest frequency in Hz, &ge; 0 (default 0)
     * @return this builder
     */
    public Builder fmin(double fmin) {
      InvalidParameterException.require(fmin >= 0 && Double.isFinite(fmin), "fmin", fmin, "finite and >= 0 Hz");
      this.fmin = fmin;
      return this;
    }

    /**
     * @param fmax the highest frequency in Hz, &gt; fmin and &le; sampleRate/2 (checked at build;
     *     default sampleRate/2)
     * @return this builder
     */
    public Builder fmax(double fmax) {
      InvalidParameterException.require(fmax > 0 && Double.isFinite(fmax), "fmax", fmax, "finite and > 0 Hz");
      this.fmax = fmax;
      return this;
    }

    /**
     * @param scale the mel scale (default {@link MelScale#SLANEY}; {@link MelScale#HTK} is {@code htk=True})
     * @return this builder
     */
    public Builder scale(MelScale scale) {
      InvalidParameterException.require(scale != null, "scale", null, "a MelScale");
      this.scale = scale;
      return this;
    }

    /**
     * @param norm the band normalisation (default {@link Norm#SLANEY})
     * @return this builder
     */
    public Builder norm(Norm norm) {
      InvalidParameterException.require(norm != null, "norm", null, "a MelFilterBank.Norm");
      this.norm = norm;
      return this;
    }

    /** @return the filter bank */
    public MelFilterBank build() {
      return new MelFilterBank(this);
    }
  }
}
