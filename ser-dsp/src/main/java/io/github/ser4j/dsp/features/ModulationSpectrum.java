package io.github.ser4j.dsp.features;

import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.WindowType;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Modulation spectral features of a time-frequency energy matrix, after S. Wu, T. H. Falk and
 * W.-Y. Chan, "Automatic speech emotion recognition using modulation spectral features", Speech
 * Communication 53(5), 768-785, 2011: how fast the energy in each acoustic band fluctuates over
 * time. Wu et al. take Hilbert envelopes of a 19-channel gammatone filterbank and a 5-channel
 * modulation filterbank; this class takes any {@code frames x bands} energy matrix (a mel or
 * magnitude spectrogram from {@code spectral}) and groups an FFT modulation spectrum into
 * modulation bands, keeping the paper's idea and a precisely defined subset of its features.
 *
 * <p>For acoustic band {@code k} with trajectory {@code x_t}, {@code t = 0..T-1} (T &ge; 2 frames at
 * {@code frameRate} frames/s):
 * <ol>
 *   <li>{@code m_k = mean_t x_t}; {@code dcEnergy_k = m_k^2} (the 0 Hz term, kept apart).
 *   <li>{@code z_t = w_t (x_t - m_k)}, {@code w} a periodic window of {@code T} points (Hann by
 *       default), zero-padded to {@code N} = the smallest power of two &ge; T; FFT {@code Z_i}.
 *   <li>{@code P_i = c_i |Z_i|^2 / (N sum_t w_t^2)} for {@code i = 0..N/2} at modulation frequency
 *       {@code f_i = i frameRate / N} Hz, {@code c_i = 2} except {@code c_0 = c_{N/2} = 1}. By
 *       Parseval {@code sum_i P_i = sum_t z_t^2 / sum_t w_t^2}: the window-weighted variance of the
 *       band, so a sinusoidal fluctuation of amplitude {@code a} contributes {@code a^2 / 2}.
 *   <li>{@code energy[k][j] = sum of P_i over edge_j <= f_i < edge_{j+1}};
 *       {@code modulationCentroid_k = sum f_i P_i / sum P_i} (Hz) over {@code edge_0 <= f_i < edge_J}.
 * </ol>
 * Across acoustic bands, per modulation band {@code j} (Wu et al.'s MSFs computed over the acoustic
 * axis): {@code bandMean_j = mean_k E[k][j]}; {@code bandFlatness_j = geomean_k E'[k][j] / mean_k
 * E'[k][j]} with {@code E' = max(E, 1e-10 max E)} (1 when nothing is modulated at all);
 * {@code bandCentroid_j = sum_k k E[k][j] / sum_k E[k][j]} in acoustic band indices.
 *
 * <p>Modulation bands: by default octave bands centred on 2, 4, 8, 16 and 32 Hz with edges at the
 * geometric midpoints ({@code 2^0.5 .. 2^5.5} Hz, so 4 Hz lies well inside the band centred on 4
 * Hz). Bins below the first edge (slow drifts) are not counted, and bands above the frame
 * Nyquist rate {@code frameRate / 2} come out 0: with a hop of 512 samples at 16 kHz (31.25
 * frames/s) the 32 Hz band is empty; a 10 ms hop (100 frames/s) covers all five. Short clips give
 * coarse resolution ({@code frameRate / N} Hz per bin); a band containing no bin is 0.
 *
 * <p>Input scaling is the caller's choice (power, magnitude or log); energies are in its units
 * squared. For a power mel spectrogram the frame rate is {@code sampleRate / hopLength}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModulationSpectrum {
  private final double[] edges;
  private final WindowType window;

  private ModulationSpectrum(Builder b) {
    this.edges = b.edges.clone();
    this.window = b.window;
  }

  /** @return a builder with octave bands centred on 2, 4, 8, 16, 32 Hz and a Hann window */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a copy of the modulation band edges in Hz ({@code J + 1} values) */
  public double[] bandEdgesHz() {
    return edges.clone();
  }

  /** @return the number of modulation bands {@code J} */
  public int numBands() {
    return edges.length - 1;
  }

  /** @return the window applied over time */
  public WindowType window() {
    return window;
  }

  /**
   * Computes the modulation spectral features.
   *
   * @param framesByBands {@code T x K} energies: {@code T >= 2} frames, {@code K >= 1} acoustic bands,
   *     rectangular and finite
   * @param frameRate frames per second (e.g. {@code sampleRate / hopLength}), finite and &gt; 0
   * @return the features ({@code K} acoustic bands, {@link #numBands()} modulation bands)
   * @throws InvalidParameterException if the matrix is null, has fewer than 2 frames, is ragged or
   *     holds NaN/infinity (naming the frame and band), or the frame rate is not positive
   */
  public ModulationFeatures extract(double[][] framesByBands, double frameRate) {
    InvalidParameterException.require(frameRate > 0 && Double.isFinite(frameRate), "frameRate", frameRate,
        "finite and > 0 frames per second");
    int k = validate(framesByBands);
    int frames = framesByBands.length;
    int nfft = 2;
    while (nfft < frames) {
      nfft <<= 1;
    }
    double[] w = window.values(frames, true);
    double wss = 0;
    for (double v : w) {
      wss += v * v;
    }
    int bins = nfft / 2 + 1;
    double[] freq = new double[bins];
    int[] bandOf = new int[bins];
    for (int i = 0; i < bins; i++) {
      freq[i] = i * frameRate / nfft;
      bandOf[i] = -1;
      for (int j = 0; j + 1 < edges.length; j++) {
        if (freq[i] >= edges[j] && freq[i] < edges[j + 1]) {
          bandOf[i] = j;
          break;
        }
      }
    }
    int bandsJ = edges.length - 1;
    double[][] energy = new double[k][bandsJ];
    double[] dc = new double[k];
    double[] centroid = new double[k];
    DoubleFFT_1D fft = new DoubleFFT_1D(nfft);
    double[] buf = new double[nfft];
    double scale = 1.0 / (nfft * wss);
    for (int a = 0; a < k; a++) {
      double mean = 0;
      for (double[] row : framesByBands) {
        mean += row[a];
      }
      mean /= frames;
      dc[a] = mean * mean;
      for (int t = 0; t < frames; t++) {
        buf[t] = w[t] * (framesByBands[t][a] - mean);
      }
      java.util.Arrays.fill(buf, frames, nfft, 0.0);
      fft.realForward(buf);
      double num = 0;
      double den = 0;
      for (int i = 0; i < bins; i++) {
        double p;
        if (i == 0) {
          p = buf[0] * buf[0];
        } else if (i == nfft / 2) {
          p = buf[1] * buf[1];
        } else {
          p = 2 * (buf[2 * i] * buf[2 * i] + buf[2 * i + 1] * buf[2 * i + 1]);
        }
        p *= scale;
        if (bandOf[i] >= 0) {
          energy[a][bandOf[i]] += p;
          num += freq[i] * p;
          den += p;
        }
      }
      centroid[a] = den > 0 ? num / den : 0.0;
    }
    double[] mean = new double[bandsJ];
    double[] flatness = new double[bandsJ];
    double[] acousticCentroid = new double[bandsJ];
    double max = 0;
    for (double[] row : energy) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    double floor = Math.max(1e-10 * max, Double.MIN_NORMAL);
    for (int j = 0; j < bandsJ; j++) {
      double sum = 0;
      double weighted = 0;
      double flooredSum = 0;
      for (int a = 0; a < k; a++) {
        double e = energy[a][j];
        sum += e;
        weighted += a * e;
        flooredSum += Math.max(e, floor);
      }
      // Geometric over arithmetic mean as exp(mean log(E' / A)): exact 1 for equal values, no underflow.
      double arithmetic = flooredSum / k;
      double logSum = 0;
      for (int a = 0; a < k; a++) {
        logSum += Math.log(Math.max(energy[a][j], floor) / arithmetic);
      }
      mean[j] = sum / k;
      flatness[j] = Math.exp(logSum / k);
      acousticCentroid[j] = sum > 0 ? weighted / sum : 0.0;
    }
    return new ModulationFeatures(energy, dc, centroid, mean, flatness, acousticCentroid, edges);
  }

  private static int validate(double[][] m) {
    InvalidParameterException.require(m != null, "framesByBands", null, "a frames x bands matrix");
    InvalidParameterException.require(m.length >= 2, "framesByBands frames", m.length, ">= 2 frames");
    InvalidParameterException.require(m[0] != null && m[0].length >= 1, "framesByBands bands",
        m[0] == null ? null : 0, ">= 1 band");
    int k = m[0].length;
    for (int t = 0; t < m.length; t++) {
      InvalidParameterException.require(m[t] != null && m[t].length == k, "framesByBands row " + t + " length",
          m[t] == null ? null : m[t].length, k + " (the length of row 0)");
      for (int a = 0; a < k; a++) {
        if (!Double.isFinite(m[t][a])) {
          throw new InvalidParameterException("framesByBands[" + t + "][" + a + "] = " + m[t][a]
              + " is not allowed: frame " + t + ", band " + a + " must be finite");
        }
      }
    }
    return k;
  }

  /** Builds a {@link ModulationSpectrum}; setters validate at once. */
  public static final class Builder {
    private double[] edges = octaveEdges(2.0, 5);
    private WindowType window = WindowType.HANN;

    private Builder() {}

    /**
     * Octave-wide modulation bands centred on {@code lowestCentreHz * 2^j}, {@code j = 0..count-1},
     * with edges at {@code centre * 2^(-1/2)} and {@code centre * 2^(1/2)}.
     *
     * @param lowestCentreHz the first centre, finite and &gt; 0 (default 2 Hz)
     * @param count number of bands, 1 to 20 (default 5)
     * @return this builder
     */
    public Builder octaveBands(double lowestCentreHz, int count) {
      InvalidParameterException.require(lowestCentreHz > 0 && Double.isFinite(lowestCentreHz), "lowestCentreHz",
          lowestCentreHz, "finite and > 0 Hz");
      InvalidParameterException.require(count >= 1 && count <= 20, "count", count, "in [1, 20]");
      this.edges = octaveEdges(lowestCentreHz, count);
      return this;
    }

    /**
     * Arbitrary contiguous modulation bands {@code [edge_j, edge_{j+1})}.
     *
     * @param edgesHz at least 2 strictly increasing finite values &ge; 0, in Hz
     * @return this builder
     */
    public Builder bandEdges(double... edgesHz) {
      InvalidParameterException.require(edgesHz != null && edgesHz.length >= 2, "bandEdges",
          edgesHz == null ? null : edgesHz.length + " values", "at least 2 edges");
      for (int i = 0; i < edgesHz.length; i++) {
        InvalidParameterException.require(Double.isFinite(edgesHz[i]) && edgesHz[i] >= 0, "bandEdges[" + i + "]",
            edgesHz[i], "finite and >= 0 Hz");
        InvalidParameterException.require(i == 0 || edgesHz[i] > edgesHz[i - 1], "bandEdges[" + i + "]",
            edgesHz[i], "> bandEdges[" + (i - 1) + "] (strictly increasing)");
      }
      this.edges = edgesHz.clone();
      return this;
    }

    /**
     * @param window the window applied over time before the FFT (default Hann)
     * @return this builder
     */
    public Builder window(WindowType window) {
      InvalidParameterException.require(window != null, "window", null, "a WindowType");
      this.window = window;
      return this;
    }

    /** @return the extractor */
    public ModulationSpectrum build() {
      return new ModulationSpectrum(this);
    }

    private static double[] octaveEdges(double lowestCentre, int count) {
      double[] e = new double[count + 1];
      for (int j = 0; j <= count; j++) {
        e[j] = lowestCentre * Math.pow(2.0, j - 0.5);
      }
      return e;
    }
  }
}
