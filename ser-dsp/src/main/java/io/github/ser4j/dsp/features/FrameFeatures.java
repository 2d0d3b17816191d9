package io.github.ser4j.dsp.features;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.InvalidAudioException;
import io.github.ser4j.dsp.InvalidParameterException;
import io.github.ser4j.dsp.spectral.Chroma;
import io.github.ser4j.dsp.spectral.Delta;
import io.github.ser4j.dsp.spectral.MelSpectrogram;
import io.github.ser4j.dsp.spectral.Mfcc;
import io.github.ser4j.dsp.spectral.PowerToDb;
import io.github.ser4j.dsp.spectral.SpectralContrast;
import io.github.ser4j.dsp.spectral.SpectralShape;
import io.github.ser4j.dsp.temporal.Rms;
import io.github.ser4j.dsp.temporal.ZeroCrossingRate;
import java.util.ArrayList;
import java.util.List;

/**
 * Several frame-level features on one frame grid (same sample rate, frame length {@code nFft} and
 * hop, centred frames), concatenated column-wise into one {@code frames x dimension} matrix, in
 * the order the blocks were added. Pool it into a fixed vector with {@link Functionals}, for
 * example the 42-value vector of the RAVDESS CNN reference system:
 *
 * <pre>{@code
 * FrameFeatures ff = FrameFeatures.mfccZcrRms(16_000);               // MFCC 40 + ZCR + RMS, 2048/512
 * double[] v = Functionals.builder().mean().build().extract(ff.extract(clip));
 * // = np.concatenate([mfcc40.mean(axis=1), zcr.mean(axis=1), rms.mean(axis=1)])
 * }</pre>
 *
 * <p>Each block is the corresponding librosa-exact extractor ({@link Mfcc}, {@link Delta},
 * {@link MelSpectrogram}, {@link ZeroCrossingRate}, {@link Rms}, {@link SpectralShape},
 * {@link SpectralContrast}, {@link Chroma}); with {@code center = true} they all give
 * {@code 1 + len / hop} frames. Immutable and thread-safe.
 */
public final class FrameFeatures {
  private final int sampleRate;
  private final List<Block> blocks;
  private final List<String> names;

  private FrameFeatures(Builder b) {
    InvalidParameterException.require(!b.blocks.isEmpty(), "blocks", 0, "at least one feature block");
    this.sampleRate = b.sampleRate;
    this.blocks = List.copyOf(b.blocks);
    List<String> n = new ArrayList<>();
    for (Block block : blocks) {
      n.addAll(block.names());
    }
    this.names = List.copyOf(n);
  }

  /**
   * The RAVDESS CNN system's frame features: MFCC 40 (n_fft 2048, hop 512, 128 mels), ZCR and RMS
   * with frame length 2048 and hop 512.
   *
   * @param sampleRate the clip sample rate in Hz
   * @return the feature set (42 columns)
   */
  public static FrameFeatures mfccZcrRms(int sampleRate) {
    return builder().sampleRate(sampleRate).nFft(2048).hopLength(512).mfcc(40, 128).zcr().rms().build();
  }

  /** @return a builder (sample rate 22050, nFft 2048, hop 512: librosa's defaults) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the number of columns */
  public int dimension() {
    return names.size();
  }

  /** @return one name per column, e.g. {@code mfcc0 .. mfcc39, zcr, rms} */
  public List<String> names() {
    return names;
  }

  /** @return the sample rate the features expect */
  public int sampleRate() {
    return sampleRate;
  }

  /**
   * Extracts every block and concatenates the columns.
   *
   * @param y samples at {@link #sampleRate()}
   * @return {@code frames x dimension}
   */
  public double[][] extract(float[] y) {
    double[][] out = null;
    int col = 0;
    for (Block block : blocks) {
      double[][] part = block.extract(y);
      if (out == null) {
        out = new double[part.length][dimension()];
      } else if (part.length != out.length) {
        throw new InvalidParameterException("feature block " + block.names().get(0) + " gives " + part.length
            + " frames, not " + out.length + ": all blocks must share the frame grid");
      }
      int width = part.length == 0 ? 0 : part[0].length;
      for (int t = 0; t < part.length; t++) {
        System.arraycopy(part[t], 0, out[t], col, width);
      }
      col += block.names().size();
    }
    return out;
  }

  /**
   * Extracts from a clip at {@link #sampleRate()}.
   *
   * @param clip the clip
   * @return {@code frames x dimension}
   * @throws InvalidAudioException if the clip's rate differs
   */
  public double[][] extract(AudioClip clip) {
    return extract(clip.requireSampleRate(sampleRate).samples());
  }

  /** One group of columns. */
  private interface Block {
    List<String> names();

    double[][] extract(float[] y);
  }

  private static List<String> numbered(String prefix, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  private static double[][] column(double[] v) {
    double[][] m = new double[v.length][1];
    for (int t = 0; t < v.length; t++) {
      m[t][0] = v[t];
    }
    return m;
  }

  private record Simple(List<String> names, java.util.function.Function<float[], double[][]> f) implements Block {
    @Override
    public double[][] extract(float[] y) {
      return f.apply(y);
    }
  }

  /** Builds {@link FrameFeatures}; the framing setters apply to blocks added after them. */
  public static final class Builder {
    private int sampleRate = 22050;
    private int nFft = 2048;
    private int hopLength = 512;
    private final List<Block> blocks = new ArrayList<>();

    private Builder() {}

    /**
     * @param sampleRate Hz, &gt; 0 (default 22050)
     * @return this builder
     */
    public Builder sampleRate(int sampleRate) {
      InvalidParameterException.require(sampleRate > 0, "sampleRate", sampleRate, "> 0 Hz");
      InvalidParameterException.require(blocks.isEmpty(), "sampleRate", sampleRate, "set before adding blocks");
      this.sampleRate = sampleRate;
      return this;
    }

    /**
     * @param nFft FFT size and frame length of the blocks added next, even and &ge; 2 (default 2048)
     * @return this builder
     */
    public Builder nFft(int nFft) {
      InvalidParameterException.require(nFft >= 2 && nFft % 2 == 0, "nFft", nFft, "even and >= 2");
      this.nFft = nFft;
      return this;
    }

    /**
     * @param hopLength hop of the blocks added next, &gt; 0 (default 512)
     * @return this builder
     */
    public Builder hopLength(int hopLength) {
      InvalidParameterException.require(hopLength > 0, "hopLength", hopLength, "> 0");
      this.hopLength = hopLength;
      return this;
    }

    /**
     * Adds MFCCs ({@code librosa.feature.mfcc}, DCT-II ortho, no lifter).
     *
     * @param nMfcc coefficients, 1 &le; nMfcc &le; nMels
     * @param nMels mel bands
     * @return this builder
     */
    public Builder mfcc(int nMfcc, int nMels) {
      Mfcc m = Mfcc.builder().sampleRate(sampleRate).nFft(nFft).hopLength(hopLength).nMels(nMels).nMfcc(nMfcc)
          .build();
      blocks.add(new Simple(numbered("mfcc", nMfcc), m::extractDouble));
      return this;
    }

    /**
     * Adds MFCCs followed by their deltas of order 1 .. {@code maxOrder}
     * ({@code librosa.feature.delta}, width 9, mode interp).
     *
     * @param nMfcc coefficients
     * @param nMels mel bands
     * @param maxOrder 1 (deltas) or 2 (deltas and delta-deltas)
     * @return this builder
     */
    public Builder mfccWithDeltas(int nMfcc, int nMels, int maxOrder) {
      InvalidParameterException.require(maxOrder == 1 || maxOrder == 2, "maxOrder", maxOrder, "1 or 2");
      Mfcc m = Mfcc.builder().sampleRate(sampleRate).nFft(nFft).hopLength(hopLength).nMels(nMels).nMfcc(nMfcc)
          .build();
      List<Delta> deltas = new ArrayList<>();
      List<String> names = new ArrayList<>(numbered("mfcc", nMfcc));
      for (int order = 1; order <= maxOrder; order++) {
        deltas.add(Delta.builder().order(order).build());
        names.addAll(numbered(order == 1 ? "mfcc_d" : "mfcc_dd", nMfcc));
      }
      blocks.add(new Simple(names, y -> {
        double[][] c = m.extractDouble(y);
        double[][] out = new double[c.length][nMfcc * (1 + deltas.size())];
        for (int t = 0; t < c.length; t++) {
          System.arraycopy(c[t], 0, out[t], 0, nMfcc);
        }
        for (int d = 0; d < deltas.size(); d++) {
          double[][] dc = deltas.get(d).apply(c);
          for (int t = 0; t < c.length; t++) {
            System.arraycopy(dc[t], 0, out[t], nMfcc * (d + 1), nMfcc);
          }
        }
        return out;
      }));
      return this;
    }

    /**
     * Adds a log-mel spectrogram ({@code power_to_db(melspectrogram, ref=1.0, amin=1e-10, top_db=80)}).
     *
     * @param nMels mel bands
     * @return this builder
     */
    public Builder logMel(int nMels) {
      MelSpectrogram m = MelSpectrogram.builder().sampleRate(sampleRate).nFft(nFft).hopLength(hopLength)
          .nMels(nMels).decibels(PowerToDb.defaults()).build();
      blocks.add(new Simple(numbered("logmel", nMels), m::extractDouble));
      return this;
    }

    /** @return this builder, with the zero-crossing rate (frame length nFft) added */
    public Builder zcr() {
      ZeroCrossingRate z = ZeroCrossingRate.builder().frameLength(nFft).hopLength(hopLength).build();
      blocks.add(new Simple(List.of("zcr"), y -> column(z.extract(y))));
      return this;
    }

    /** @return this builder, with the RMS energy (frame length nFft) added */
    public Builder rms() {
      Rms r = Rms.builder().frameLength(nFft).hopLength(hopLength).build();
      blocks.add(new Simple(List.of("rms"), y -> column(r.extract(y))));
      return this;
    }

    /**
     * Adds spectral shape descriptors.
     *
     * @param features which ones, in order (none: all four)
     * @return this builder
     */
    public Builder spectralShape(SpectralShape.Feature... features) {
      SpectralShape.Builder b = SpectralShape.builder().sampleRate(sampleRate).nFft(nFft).hopLength(hopLength);
      if (features.length > 0) {
        b.features(features);
      }
      SpectralShape s = b.build();
      List<String> names = new ArrayList<>();
      for (SpectralShape.Feature f : s.features()) {
        names.add("spectral_" + f.name().toLowerCase(java.util.Locale.ROOT));
      }
      blocks.add(new Simple(names, s::extract));
      return this;
    }

    /** @return this builder, with spectral contrast (6 bands + valley row, fmin 200 Hz) added */
    public Builder contrast() {
      SpectralContrast c = SpectralContrast.builder().sampleRate(sampleRate).nFft(nFft).hopLength(hopLength).build();
      blocks.add(new Simple(numbered("contrast", c.numBands()), c::extract));
      return this;
    }

    /** @return this builder, with 12-bin chroma (tuning 0, max-normalised) added */
    public Builder chroma() {
      Chroma c = Chroma.builder().sampleRate(sampleRate).nFft(nFft).hopLength(hopLength).tuning(0.0).build();
      blocks.add(new Simple(numbered("chroma", c.numChroma()), c::extract));
      return this;
    }

    /** @return the feature set */
    public FrameFeatures build() {
      return new FrameFeatures(this);
    }
  }
}
