package io.github.ser4j.dsp.augment;

import io.github.ser4j.dsp.spectral.ComplexSpectrogram;
import io.github.ser4j.dsp.spectral.Stft;

/**
 * librosa's phase-vocoder time stretch (0.11): {@code librosa.effects.time_stretch(y, rate)} =
 * {@code stft} (Hann, centred, zero padding) -&gt; {@code librosa.phase_vocoder(D, rate, hop)} -&gt;
 * {@code istft(length=round(len / rate))}, after Ellis's Matlab phase vocoder
 * (https://www.ee.columbia.edu/~dpwe/resources/matlab/pvoc/). Computed in double, step for step in
 * librosa's order. Immutable and thread-safe.
 */
final class PhaseVocoder {
  private final Stft stft;
  private final double[] phiAdvance;

  PhaseVocoder(int nFft, int hopLength) {
    this.stft = Stft.builder().nFft(nFft).hopLength(hopLength).build();
    int bins = nFft / 2 + 1;
    // hop * fft_frequencies(sr=2*pi, n_fft): rfftfreq spacing 1 / (n * (1 / sr)).
    double spacing = 1.0 / (nFft * (1.0 / (2 * Math.PI)));
    this.phiAdvance = new double[bins];
    for (int k = 0; k < bins; k++) {
      phiAdvance[k] = hopLength * (k * spacing);
    }
  }

  int nFft() {
    return stft.nFft();
  }

  int hopLength() {
    return stft.hopLength();
  }

  /**
   * {@code librosa.effects.time_stretch(y, rate=rate, n_fft=nFft, hop_length=hop)}.
   *
   * @param y the signal, not empty
   * @param rate speed-up factor &gt; 0 (2 = twice as fast, half as long)
   * @return {@code round(len / rate)} samples (round half to even, as Python's {@code round})
   */
  float[] timeStretch(float[] y, double rate) {
    ComplexSpectrogram stretched = stretch(stft.complex(y), rate);
    return stft.inverse(stretched, (int) Math.rint(y.length / rate));
  }

  /**
   * {@code librosa.phase_vocoder(D, rate=rate, hop_length=hop, n_fft=nFft)} on a
   * {@code frames x bins} STFT: output frame {@code t} takes the magnitude interpolated linearly
   * between input frames {@code floor(t*rate)} and the next, and a phase accumulated from the
   * measured per-bin phase advance.
   *
   * @param d the STFT, {@code frames x bins}
   * @param rate speed-up factor &gt; 0
   * @return {@code ceil(frames / rate)} frames
   */
  ComplexSpectrogram stretch(ComplexSpectrogram d, double rate) {
    int frames = d.frames();
    int bins = d.bins();
    int steps = (int) Math.ceil(frames / rate);
    double[][] outRe = new double[steps][bins];
    double[][] outIm = new double[steps][bins];
    double[] phaseAcc = new double[bins];
    double[] re0 = d.re()[0];
    double[] im0 = d.im()[0];
    for (int k = 0; k < bins; k++) {
      phaseAcc[k] = Math.atan2(im0[k], re0[k]);
    }
    double[] zeros = new double[bins];
    double twoPi = 2.0 * Math.PI;
    for (int t = 0; t < steps; t++) {
      double step = t * rate;
      int i0 = (int) step;
      // librosa pads two zero frames so that frame i0 + 1 always exists.
      double[] aRe = i0 < frames ? d.re()[i0] : zeros;
      double[] aIm = i0 < frames ? d.im()[i0] : zeros;
      double[] bRe = i0 + 1 < frames ? d.re()[i0 + 1] : zeros;
      double[] bIm = i0 + 1 < frames ? d.im()[i0 + 1] : zeros;
      double alpha = step % 1.0;
      double[] oRe = outRe[t];
      double[] oIm = outIm[t];
      for (int k = 0; k < bins; k++) {
        double mag = (1.0 - alpha) * Math.hypot(aRe[k], aIm[k]) + alpha * Math.hypot(bRe[k], bIm[k]);
        oRe[k] = Math.cos(phaseAcc[k]) * mag;
        oIm[k] = Math.sin(phaseAcc[k]) * mag;
        double dphase = Math.atan2(bIm[k], bRe[k]) - Math.atan2(aIm[k], aRe[k]) - phiAdvance[k];
        dphase = dphase - twoPi * Math.rint(dphase / twoPi);
        phaseAcc[k] += phiAdvance[k] + dphase;
      }
    }
    return new ComplexSpectrogram(outRe, outIm);
  }
}
