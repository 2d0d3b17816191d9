package io.github.ser4j.dsp.resample;

/**
 * The high-quality plan: a sharp linear-phase low-pass at the higher of the two rates, done by FFT
 * overlap-save, and a short polyphase interpolator that only has to remove what the sharp stage
 * leaves (see {@link FilterDesign#sharpLowpass} and {@link FilterDesign#interpolator}). Downsampling
 * filters first and then interpolates; upsampling interpolates first and then filters. Both stages
 * are symmetric and their delays are compensated, so output sample {@code k} is the band-limited
 * signal at input time {@code k * fromRate / toRate}, as if one filter had been used. One direct
 * filter with the same response would need 180 taps per output for 22050 to 16000 Hz (390 for 48000
 * to 16000 Hz); the two stages cost about a fifth of that.
 */
final class TwoStageFilter implements Plan {
  private final boolean downsampling;
  private final OverlapSaveFilter sharp;
  private final PolyphaseFilter interpolator;
  /** The sharp filter's delay in samples of the rate it runs at. */
  private final int delay;

  TwoStageFilter(int fromRate, int toRate) {
    FilterDesign.Prototype s = FilterDesign.sharpLowpass(fromRate, toRate);
    FilterDesign.Prototype i = FilterDesign.interpolator(fromRate, toRate);
    this.downsampling = toRate < fromRate;
    this.sharp = new OverlapSaveFilter(s.taps());
    this.delay = s.center();
    // Downsampling reads the sharp filter's full convolution, which starts `delay` input samples
    // early; upsampling produces `delay` extra outputs before time 0 for the sharp filter to use.
    int shift = downsampling ? delay * i.up() : -delay * i.down();
    this.interpolator = new PolyphaseFilter(new FilterDesign.Prototype(i.taps(), i.center() + shift, i.up(), i.down()));
  }

  @Override
  public void apply(Object x, int n, Object dst, int nCompute) {
    if (nCompute <= 0) {
      return;
    }
    if (downsampling) {
      PolyphaseFilter.requireFinite(x, n);
      int nz = n + sharp.length() - 1;
      double[] z = Scratch.get(Scratch.INTERMEDIATE, nz);
      sharp.convolve(x, n, 0, z, nz);
      interpolator.apply(z, nz, dst, nCompute);
    } else {
      int nw = nCompute + 2 * delay;
      double[] w = Scratch.get(Scratch.INTERMEDIATE, nw);
      interpolator.apply(x, n, w, nw);
      sharp.convolve(w, nw, 2 * delay, dst, nCompute);
    }
  }

  /** @return taps per output of the interpolator */
  int interpolatorTaps() {
    return interpolator.taps();
  }

  /** @return taps of the sharp filter */
  int sharpTaps() {
    return sharp.length();
  }
}
