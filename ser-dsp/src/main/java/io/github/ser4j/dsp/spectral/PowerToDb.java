package io.github.ser4j.dsp.spectral;

import io.github.ser4j.dsp.InvalidParameterException;

/**
 * Power to decibels, as {@code librosa.power_to_db(S, ref, amin, top_db)}:
 * {@code 10 log10(max(amin, S)) - 10 log10(max(amin, ref))}, then floored at
 * {@code max - topDb} over the <em>whole</em> matrix (a clip-level operation: frame-by-frame use
 * gives different numbers). {@code ref} is a fixed value or the matrix maximum ({@code ref=np.max}).
 *
 * <p>Immutable and thread-safe. {@link #toAmplitudeDb()} gives {@code amplitude_to_db}.
 */
public final class PowerToDb {
  private final boolean refMax;
  private final double ref;
  private final double amin;
  private final double topDb;

  private PowerToDb(boolean refMax, double ref, double amin, double topDb) {
    this.refMax = refMax;
    this.ref = ref;
    this.amin = amin;
    this.topDb = topDb;
  }

  /** @return librosa's defaults: ref 1.0, amin 1e-10, topDb 80 */
  public static PowerToDb defaults() {
    return new PowerToDb(false, 1.0, 1e-10, 80.0);
  }

  /**
   * A fixed reference.
   *
   * @param ref the power that maps to 0 dB, &gt; 0
   * @return a copy with that reference
   */
  public PowerToDb ref(double ref) {
    InvalidParameterException.require(ref > 0 && Double.isFinite(ref), "ref", ref, "finite and > 0");
    return new PowerToDb(false, ref, amin, topDb);
  }

  /** @return a copy whose reference is the maximum of each matrix ({@code ref=np.max}) */
  public PowerToDb refMax() {
    return new PowerToDb(true, 1.0, amin, topDb);
  }

  /**
   * @param amin the smallest power considered, &gt; 0 (default 1e-10)
   * @return a copy with that floor
   */
  public PowerToDb amin(double amin) {
    InvalidParameterException.require(amin > 0 && Double.isFinite(amin), "amin", amin, "finite and > 0");
    return new PowerToDb(refMax, ref, amin, topDb);
  }

  /**
   * @param topDb dynamic range kept below the maximum, &gt; 0 (default 80), or
   *     {@link Double#POSITIVE_INFINITY} for none ({@code top_db=None})
   * @return a copy with that range
   */
  public PowerToDb topDb(double topDb) {
    InvalidParameterException.require(topDb > 0 && !Double.isNaN(topDb), "topDb", topDb, "> 0 (or +infinity for none)");
    return new PowerToDb(refMax, ref, amin, topDb);
  }

  /** @return the fixed reference (meaningless when {@link #isRefMax()}) */
  public double ref() {
    return ref;
  }

  /** @return whether the reference is the matrix maximum */
  public boolean isRefMax() {
    return refMax;
  }

  /** @return the power floor */
  public double amin() {
    return amin;
  }

  /** @return the dynamic range, or +infinity for none */
  public double topDb() {
    return topDb;
  }

  /**
   * Converts a power matrix to dB in place.
   *
   * @param s any-shaped power values (&ge; 0), replaced by dB
   */
  public void applyInPlace(double[][] s) {
    double r = ref;
    if (refMax) {
      r = Double.NEGATIVE_INFINITY;
      for (double[] row : s) {
        for (double v : row) {
          r = Math.max(r, v);
        }
      }
    }
    double offset = 10.0 * Math.log10(Math.max(amin, r));
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : s) {
      for (int i = 0; i < row.length; i++) {
        double db = 10.0 * Math.log10(Math.max(amin, row[i])) - offset;
        row[i] = db;
        max = Math.max(max, db);
      }
    }
    if (topDb != Double.POSITIVE_INFINITY) {
      double floor = max - topDb;
      for (double[] row : s) {
        for (int i = 0; i < row.length; i++) {
          if (row[i] < floor) {
            row[i] = floor;
          }
        }
      }
    }
  }

  /**
   * Converts a power matrix to dB.
   *
   * @param s power values
   * @return a new matrix in dB
   */
  public double[][] apply(double[][] s) {
    double[][] out = new double[s.length][];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i].clone();
    }
    applyInPlace(out);
    return out;
  }

  /**
   * {@code librosa.amplitude_to_db(S, ref, amin, top_db)}: squares {@code S} and applies this
   * conversion with {@code ref^2} and {@code amin^2}.
   *
   * @return the amplitude form of this conversion
   */
  public java.util.function.UnaryOperator<double[][]> toAmplitudeDb() {
    PowerToDb p = new PowerToDb(refMax, ref * ref, amin * amin, topDb);
    return s -> {
      double[][] sq = new double[s.length][];
      for (int i = 0; i < s.length; i++) {
        sq[i] = new double[s[i].length];
        for (int j = 0; j < sq[i].length; j++) {
          sq[i][j] = s[i][j] * s[i][j];
        }
      }
      p.applyInPlace(sq);
      return sq;
    };
  }
}
