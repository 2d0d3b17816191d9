package io.github.ser4j.dsp.features;

import io.github.ser4j.dsp.InvalidParameterException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Statistical functionals that turn a frame-level feature matrix ({@code frames x features}, the
 * SER4J layout) into one fixed-length vector, as used for utterance-level speech emotion recognition
 * (openSMILE-style "low-level descriptors + functionals").
 *
 * <p>Each functional is computed per feature column over the frames, with numpy / scipy's
 * definitions ({@code x} the column, {@code n} frames, {@code m = mean(x)},
 * {@code m_k = mean((x - m)^k)}):
 * <ul>
 *   <li>{@code mean}: {@code np.mean}; {@code std}: population standard deviation
 *       {@code sqrt(m_2)} ({@code np.std}, ddof = 0);
 *   <li>{@code min}, {@code max}, {@code range = max - min};
 *   <li>{@code median}: {@code np.median} (mean of the two middle values for even {@code n});
 *   <li>{@code p<q>}: {@code np.percentile(x, q)} with numpy's default {@code 'linear'} method
 *       (sorted {@code a}, {@code h = (n - 1) q / 100}, {@code a[floor h] + (h - floor h)
 *       (a[floor h + 1] - a[floor h])});
 *   <li>{@code skewness}: {@code scipy.stats.skew} (biased): {@code m_3 / m_2^1.5};
 *   <li>{@code kurtosis}: {@code scipy.stats.kurtosis} (biased, Fisher): {@code m_4 / m_2^2 - 3};
 *   <li>{@code slope}: least-squares slope of {@code x} against the frame index {@code 0..n-1}, in
 *       feature units per frame ({@code sum (t - tbar)(x_t - m) / sum (t - tbar)^2}); 0 for one frame.
 * </ul>
 * For a constant column (scipy's test {@code m_2 <= (1e-15 m)^2}) scipy returns NaN for skewness and
 * kurtosis; here both are 0, so that a silent or constant feature never puts NaN into a vector.
 *
 * <p>Layout of the output for {@code F} features and {@code K} functionals (in builder order):
 * {@link Layout#FUNCTIONAL_MAJOR} (the default) puts functional {@code k} of feature {@code f} at
 * {@code k * F + f} (all means, then all standard deviations, ... as
 * {@code np.concatenate([X.mean(0), X.std(0)])}); {@link Layout#FEATURE_MAJOR} puts it at
 * {@code f * K + k} (all functionals of feature 0, then of feature 1, ...). {@link #names} spells the
 * layout out, e.g. {@code mfcc3_mean} for functional {@code mean} of column 3 with prefix
 * {@code mfcc} (columns are numbered from 0).
 *
 * <p>Immutable and thread-safe.
 */
public final class Functionals {

  /** Where each (feature, functional) value goes in the output vector. */
  public enum Layout {
    /** Index {@code k * features + f}: one block per functional, features inside. */
    FUNCTIONAL_MAJOR,
    /** Index {@code f * functionals + k}: one block per feature, functionals inside. */
    FEATURE_MAJOR
  }

  private enum Kind {
    MEAN("mean"), STD("std"), MIN("min"), MAX("max"), MEDIAN("median"), RANGE("range"),
    SKEWNESS("skewness"), KURTOSIS("kurtosis"), SLOPE("slope"), PERCENTILE("p");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** scipy's threshold factor for "zero variance" ({@code np.finfo(float64).resolution}). */
  private static final double RESOLUTION = 1e-15;

  private final Kind[] kinds;
  private final double[] percentiles;
  private final List<String> functionalNames;
  private final Layout layout;
  private final boolean needsSort;
  private final boolean needsMoments;

  private Functionals(Builder b) {
    this.kinds = b.kinds.toArray(new Kind[0]);
    this.percentiles = new double[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      percentiles[i] = b.qs.get(i);
    }
    List<String> names = new ArrayList<>();
    boolean sort = false;
    boolean moments = false;
    for (int i = 0; i < kinds.length; i++) {
      names.add(kinds[i] == Kind.PERCENTILE ? "p" + plain(percentiles[i]) : kinds[i].label);
      sort |= kinds[i] == Kind.PERCENTILE || kinds[i] == Kind.MEDIAN;
      moments |= kinds[i] == Kind.STD || kinds[i] == Kind.SKEWNESS || kinds[i] == Kind.KURTOSIS;
    }
    this.functionalNames = Collections.unmodifiableList(names);
    this.layout = b.layout;
    this.needsSort = sort;
    this.needsMoments = moments;
  }

  /** @return a builder with no functionals chosen yet and {@link Layout#FUNCTIONAL_MAJOR} */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the number of functionals {@code K} per feature */
  public int numFunctionals() {
    return kinds.length;
  }

  /** @return the functional names in builder order, e.g. {@code [mean, std, p25, slope]} */
  public List<String> functionalNames() {
    return functionalNames;
  }

  /** @return the output layout */
  public Layout layout() {
    return layout;
  }

  /**
   * @param numFeatures the number of feature columns {@code F}
   * @return the output length {@code F * K}
   */
  public int size(int numFeatures) {
    InvalidParameterException.require(numFeatures >= 1, "numFeatures", numFeatures, ">= 1");
    return numFeatures * kinds.length;
  }

  /**
   * The name of every output entry, {@code <prefix><column>_<functional>}, in output order.
   *
   * @param prefix feature name prefix, e.g. {@code mfcc}
   * @param numFeatures the number of feature columns, &ge; 1
   * @return {@link #size(int)} names, e.g. {@code mfcc0_mean, mfcc1_mean, ...}
   */
  public List<String> names(String prefix, int numFeatures) {
    InvalidParameterException.require(prefix != null, "prefix", null, "a string");
    InvalidParameterException.require(numFeatures >= 1, "numFeatures", numFeatures, ">= 1");
    List<String> features = new ArrayList<>();
    for (int f = 0; f < numFeatures; f++) {
      features.add(prefix + f);
    }
    return names(features);
  }

  /**
   * The name of every output entry, {@code <featureName>_<functional>}, in output order.
   *
   * @param featureNames one name per feature column
   * @return {@code featureNames.size() * K} names
   */
  public List<String> names(List<String> featureNames) {
    InvalidParameterException.require(featureNames != null && !featureNames.isEmpty(), "featureNames",
        featureNames, "a non-empty list");
    int features = featureNames.size();
    String[] out = new String[features * kinds.length];
    for (int f = 0; f < features; f++) {
      for (int k = 0; k < kinds.length; k++) {
        out[index(f, k, features)] = featureNames.get(f) + "_" + functionalNames.get(k);
      }
    }
    return List.of(out);
  }

  /**
   * Computes the functionals.
   *
   * @param framesByFeatures {@code frames x features}, rectangular, finite, at least one frame and one
   *     feature
   * @return {@link #size(int)} values in {@link #layout()} order
   * @throws InvalidParameterException if the matrix is null, empty, ragged, or holds NaN/infinity
   *     (naming the frame and feature)
   */
  public double[] extract(double[][] framesByFeatures) {
    int features = validate(framesByFeatures);
    int n = framesByFeatures.length;
    double[] out = new double[features * kinds.length];
    double[] column = new double[n];
    for (int f = 0; f < features; f++) {
      for (int t = 0; t < n; t++) {
        column[t] = framesByFeatures[t][f];
      }
      double mean = mean(column);
      double min = column[0];
      double max = column[0];
      for (double v : column) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double m2 = 0;
      double m3 = 0;
      double m4 = 0;
      if (needsMoments) {
        for (double v : column) {
          double d = v - mean;
          double d2 = d * d;
          m2 += d2;
          m3 += d2 * d;
          m4 += d2 * d2;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
      }
      boolean constant = m2 <= (RESOLUTION * mean) * (RESOLUTION * mean);
      double[] sorted = null;
      if (needsSort) {
        sorted = column.clone();
        Arrays.sort(sorted);
      }
      for (int k = 0; k < kinds.length; k++) {
        double v = switch (kinds[k]) {
          case MEAN -> mean;
          case STD -> Math.sqrt(m2);
          case MIN -> min;
          case MAX -> max;
          case RANGE -> max - min;
          case MEDIAN -> median(sorted);
          case PERCENTILE -> percentile(sorted, percentiles[k]);
          case SKEWNESS -> constant ? 0.0 : m3 / Math.pow(m2, 1.5);
          case KURTOSIS -> constant ? 0.0 : m4 / (m2 * m2) - 3.0;
          case SLOPE -> slope(column, mean);
        };
        out[index(f, k, features)] = v;
      }
    }
    return out;
  }

  private int index(int feature, int functional, int features) {
    return layout == Layout.FUNCTIONAL_MAJOR ? functional * features + feature : feature * kinds.length + functional;
  }

  private static int validate(double[][] m) {
    InvalidParameterException.require(m != null, "framesByFeatures", null, "a frames x features matrix");
    InvalidParameterException.require(m.length >= 1, "framesByFeatures frames", 0, ">= 1 frame");
    InvalidParameterException.require(m[0] != null && m[0].length >= 1, "framesByFeatures features",
        m[0] == null ? null : 0, ">= 1 feature");
    int features = m[0].length;
    for (int t = 0; t < m.length; t++) {
      InvalidParameterException.require(m[t] != null && m[t].length == features, "framesByFeatures row " + t
          + " length", m[t] == null ? null : m[t].length, features + " (the length of row 0)");
      for (int f = 0; f < features; f++) {
        if (!Double.isFinite(m[t][f])) {
          throw new InvalidParameterException("framesByFeatures[" + t + "][" + f + "] = " + m[t][f]
              + " is not allowed: frame " + t + ", feature " + f + " must be finite");
        }
      }
    }
    return features;
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /** numpy's 'linear' percentile, including its two-sided lerp. */
  private static double percentile(double[] sorted, double q) {
    int n = sorted.length;
    double h = (n - 1) * (q / 100.0);
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, n - 1);
    double gamma = h - lo;
    double a = sorted[lo];
    double b = sorted[hi];
    double diff = b - a;
    // numpy._lerp: a + diff t, but b - diff (1 - t) for t >= 0.5 (exact at t = 1).
    return gamma >= 0.5 ? b - diff * (1.0 - gamma) : a + diff * gamma;
  }

  private static double slope(double[] x, double mean) {
    int n = x.length;
    if (n < 2) {
      return 0.0;
    }
    double tbar = (n - 1) / 2.0;
    double num = 0;
    double den = 0;
    for (int t = 0; t < n; t++) {
      double dt = t - tbar;
      num += dt * (x[t] - mean);
      den += dt * dt;
    }
    return num / den;
  }

  private static String plain(double q) {
    return BigDecimal.valueOf(q).stripTrailingZeros().toPlainString();
  }

  /** Chooses the functionals (in output order) and the layout; setters validate at once. */
  public static final class Builder {
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Double> qs = new ArrayList<>();
    private Layout layout = Layout.FUNCTIONAL_MAJOR;

    private Builder() {}

    private Builder add(Kind kind, double q) {
      for (int i = 0; i < kinds.size(); i++) {
        if (kinds.get(i) == kind && (kind != Kind.PERCENTILE || qs.get(i) == q)) {
          throw new InvalidParameterException("functional " + (kind == Kind.PERCENTILE ? "p" + plain(q) : kind.label)
              + " is not allowed twice: each functional may be chosen once");
        }
      }
      kinds.add(kind);
      qs.add(q);
      return this;
    }

    /** @return this builder with the mean added */
    public Builder mean() {
      return add(Kind.MEAN, Double.NaN);
    }

    /** @return this builder with the population standard deviation (ddof 0) added */
    public Builder std() {
      return add(Kind.STD, Double.NaN);
    }

    /** @return this builder with the minimum added */
    public Builder min() {
      return add(Kind.MIN, Double.NaN);
    }

    /** @return this builder with the maximum added */
    public Builder max() {
      return add(Kind.MAX, Double.NaN);
    }

    /** @return this builder with the median added */
    public Builder median() {
      return add(Kind.MEDIAN, Double.NaN);
    }

    /** @return this builder with the range (max - min) added */
    public Builder range() {
      return add(Kind.RANGE, Double.NaN);
    }

    /** @return this builder with the biased skewness ({@code scipy.stats.skew}) added */
    public Builder skewness() {
      return add(Kind.SKEWNESS, Double.NaN);
    }

    /** @return this builder with the biased excess kurtosis ({@code scipy.stats.kurtosis}) added */
    public Builder kurtosis() {
      return add(Kind.KURTOSIS, Double.NaN);
    }

    /** @return this builder with the least-squares slope over frame index (units per frame) added */
    public Builder slope() {
      return add(Kind.SLOPE, Double.NaN);
    }

    /**
     * @param q the percentile in [0, 100] ({@code np.percentile}, linear interpolation); named
     *     {@code p<q>} (e.g. {@code p25}, {@code p2.5})
     * @return this builder
     */
    public Builder percentile(double q) {
      InvalidParameterException.require(q >= 0 && q <= 100, "percentile", q, "in [0, 100]");
      return add(Kind.PERCENTILE, q);
    }

    /**
     * @param qs percentiles in [0, 100], added in this order
     * @return this builder
     */
    public Builder percentiles(double... qs) {
      InvalidParameterException.require(qs != null && qs.length > 0, "percentiles", qs, "at least one value");
      for (double q : qs) {
        percentile(q);
      }
      return this;
    }

    /**
     * @param layout output layout (default {@link Layout#FUNCTIONAL_MAJOR})
     * @return this builder
     */
    public Builder layout(Layout layout) {
      InvalidParameterException.require(layout != null, "layout", null, "a Layout");
      this.layout = layout;
      return this;
    }

    /**
     * @return the functionals
     * @throws InvalidParameterException if no functional was chosen
     */
    public Functionals build() {
      InvalidParameterException.require(!kinds.isEmpty(), "functionals", "none", "at least one functional");
      return new Functionals(this);
    }
  }
}
