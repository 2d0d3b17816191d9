package io.github.ser4j.dsp.features;

import io.github.ser4j.dsp.InvalidParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The modulation spectral features of one clip, from {@link ModulationSpectrum}: {@code K} acoustic
 * bands (the columns of the input matrix) and {@code J} modulation bands. Energies are in the input's
 * units squared (for example power squared for a power mel spectrogram). Arrays are copied in and
 * out, so the value is immutable.
 *
 * @param energy {@code K x J}: {@code energy[k][j]} is the part of acoustic band {@code k}'s
 *     (window-weighted) variance over time carried by modulation frequencies in modulation band
 *     {@code j}
 * @param dcEnergy {@code K}: the squared mean of each acoustic band over time (its 0 Hz term)
 * @param modulationCentroid {@code K}: each acoustic band's modulation spectral centroid in Hz over
 *     the modulation frequencies the bands cover, 0 where that range holds no energy
 * @param bandMean {@code J}: mean over acoustic bands of {@code energy[.][j]}
 * @param bandFlatness {@code J}: geometric over arithmetic mean across acoustic bands of
 *     {@code energy[.][j]} (in (0, 1]; 1 for equal energies)
 * @param bandCentroid {@code J}: centroid across acoustic bands, {@code sum_k k E[k][j] / sum_k
 *     E[k][j]} in acoustic band index units (0-based), 0 where the band holds no energy
 * @param bandEdgesHz {@code J + 1} modulation band edges in Hz; band {@code j} is
 *     {@code [edge_j, edge_{j+1})}
 */
public record ModulationFeatures(double[][] energy, double[] dcEnergy, double[] modulationCentroid,
    double[] bandMean, double[] bandFlatness, double[] bandCentroid, double[] bandEdgesHz) {

  /**
   * Validates the shapes and copies the arrays.
   *
   * @param energy {@code K x J} energies
   * @param dcEnergy {@code K} DC energies
   * @param modulationCentroid {@code K} centroids in Hz
   * @param bandMean {@code J} means
   * @param bandFlatness {@code J} flatness values
   * @param bandCentroid {@code J} acoustic centroids
   * @param bandEdgesHz {@code J + 1} edges in Hz
   */
  public ModulationFeatures {
    InvalidParameterException.require(energy != null && energy.length > 0 && bandEdgesHz != null
        && bandEdgesHz.length >= 2, "energy / bandEdgesHz", null, "non-empty");
    int k = energy.length;
    int j = bandEdgesHz.length - 1;
    double[][] e = new double[k][];
    for (int i = 0; i < k; i++) {
      InvalidParameterException.require(energy[i] != null && energy[i].length == j, "energy row " + i,
          energy[i] == null ? null : energy[i].length, j + " modulation bands");
      e[i] = energy[i].clone();
    }
    energy = e;
    InvalidParameterException.require(dcEnergy != null && dcEnergy.length == k
        && modulationCentroid != null && modulationCentroid.length == k, "dcEnergy / modulationCentroid length",
        null, k + " acoustic bands");
    InvalidParameterException.require(bandMean != null && bandMean.length == j && bandFlatness != null
        && bandFlatness.length == j && bandCentroid != null && bandCentroid.length == j,
        "bandMean / bandFlatness / bandCentroid length", null, j + " modulation bands");
    dcEnergy = dcEnergy.clone();
    modulationCentroid = modulationCentroid.clone();
    bandMean = bandMean.clone();
    bandFlatness = bandFlatness.clone();
    bandCentroid = bandCentroid.clone();
    bandEdgesHz = bandEdgesHz.clone();
  }

  /** @return the number of acoustic bands {@code K} */
  public int acousticBands() {
    return energy.length;
  }

  /** @return the number of modulation bands {@code J} */
  public int modulationBands() {
    return bandEdgesHz.length - 1;
  }

  /** @return a copy of the {@code K x J} energies */
  @Override
  public double[][] energy() {
    double[][] e = new double[energy.length][];
    for (int i = 0; i < e.length; i++) {
      e[i] = energy[i].clone();
    }
    return e;
  }

  /** @return a copy of the DC energies, {@code K} */
  @Override
  public double[] dcEnergy() {
    return dcEnergy.clone();
  }

  /** @return a copy of the modulation centroids in Hz, {@code K} */
  @Override
  public double[] modulationCentroid() {
    return modulationCentroid.clone();
  }

  /** @return a copy of the per-modulation-band means, {@code J} */
  @Override
  public double[] bandMean() {
    return bandMean.clone();
  }

  /** @return a copy of the per-modulation-band flatness values, {@code J} */
  @Override
  public double[] bandFlatness() {
    return bandFlatness.clone();
  }

  /** @return a copy of the per-modulation-band acoustic centroids, {@code J} */
  @Override
  public double[] bandCentroid() {
    return bandCentroid.clone();
  }

  /** @return a copy of the modulation band edges in Hz, {@code J + 1} */
  @Override
  public double[] bandEdgesHz() {
    return bandEdgesHz.clone();
  }

  /**
   * Everything as one vector of {@code K*J + 2K + 3J} values, in this order: {@code energy} row by
   * row ({@code k * J + j}), {@code dcEnergy}, {@code modulationCentroid}, {@code bandMean},
   * {@code bandFlatness}, {@code bandCentroid}. {@link #names()} names each entry.
   *
   * @return the vector
   */
  public double[] vector() {
    int k = energy.length;
    int j = modulationBands();
    double[] v = new double[k * j + 2 * k + 3 * j];
    int o = 0;
    for (double[] row : energy) {
      System.arraycopy(row, 0, v, o, j);
      o += j;
    }
    for (double[] part : new double[][] {dcEnergy, modulationCentroid, bandMean, bandFlatness, bandCentroid}) {
      System.arraycopy(part, 0, v, o, part.length);
      o += part.length;
    }
    return v;
  }

  /**
   * Names of the {@link #vector()} entries: {@code mod_a<k>_m<j>}, {@code mod_dc_a<k>},
   * {@code mod_centroid_a<k>}, {@code mod_mean_m<j>}, {@code mod_flatness_m<j>},
   * {@code mod_acentroid_m<j>} (acoustic band {@code k}, modulation band {@code j}, from 0).
   *
   * @return the names, in vector order
   */
  public List<String> names() {
    int k = energy.length;
    int j = modulationBands();
    List<String> n = new ArrayList<>(k * j + 2 * k + 3 * j);
    for (int a = 0; a < k; a++) {
      for (int m = 0; m < j; m++) {
        n.add("mod_a" + a + "_m" + m);
      }
    }
    for (String s : new String[] {"mod_dc_a", "mod_centroid_a"}) {
      for (int a = 0; a < k; a++) {
        n.add(s + a);
      }
    }
    for (String s : new String[] {"mod_mean_m", "mod_flatness_m", "mod_acentroid_m"}) {
      for (int m = 0; m < j; m++) {
        n.add(s + m);
      }
    }
    return List.copyOf(n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModulationFeatures m && Arrays.deepEquals(m.energy, energy)
        && Arrays.equals(m.dcEnergy, dcEnergy) && Arrays.equals(m.modulationCentroid, modulationCentroid)
        && Arrays.equals(m.bandMean, bandMean) && Arrays.equals(m.bandFlatness, bandFlatness)
        && Arrays.equals(m.bandCentroid, bandCentroid) && Arrays.equals(m.bandEdgesHz, bandEdgesHz);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(energy) + Arrays.hashCode(bandEdgesHz);
  }

  @Override
  public String toString() {
    return "ModulationFeatures[" + energy.length + " acoustic x " + modulationBands() + " modulation bands, edges "
        + Arrays.toString(bandEdgesHz) + " Hz]";
  }
}
