package io.github.ser4j.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls JLibrosa 1.1.8 ({@code com.jlibrosa.audio.JLibrosa}) by reflection, so that this module
 * builds without it; build with {@code -Pjlibrosa} to put it on the classpath.
 *
 * <p>What its API lets us set: sample rate, n_fft, hop length, n_mels (and n_mfcc). What it does not:
 * fmin/fmax (always 0 .. sr/2), window (Hann), centring and pad mode (JLibrosa pads by reflection,
 * librosa &ge; 0.10 by zeros), the mel scale and norm (Slaney), power (2), top_db (80), amin (1e-10)
 * and ref (1.0) of its dB step, the DCT type/norm (orthonormal DCT-II), the output precision (float;
 * the mel spectrogram is also accumulated in float); its MFCC call does not forward n_fft (it keeps
 * its default 2048).
 */
final class JLibrosaBridge {
  static final String CLASS = "com.jlibrosa.audio.JLibrosa";
  /** The parameters JLibrosa's API fixes, as printed by {@link JLibrosaComparison}. */
  static final String FIXED = "fmin/fmax (0 .. sr/2), window (periodic Hann), center/pad_mode (always centred, "
      + "reflect padding; librosa >= 0.10 pads with zeros), htk/norm (Slaney scale and norm), power (2), "
      + "power_to_db amin/ref/top_db (1e-10, 1.0, 80), DCT type/norm (2, ortho), lifter (0), output dtype "
      + "(float32; the mel spectrogram is also accumulated in float32), n_fft of the MFCC call (always 2048)";
  private final Object instance;
  private final Method mel;
  private final Method mfcc;

  private JLibrosaBridge(Object instance, Method mel, Method mfcc) {
    this.instance = instance;
    this.mel = mel;
    this.mfcc = mfcc;
  }

  /**
   * @return the bridge
   * @throws IllegalStateException if JLibrosa is not on the classpath (build with -Pjlibrosa)
   */
  static JLibrosaBridge load() {
    try {
      Class<?> c = Class.forName(CLASS);
      Object o = c.getConstructor().newInstance();
      Method m1 = c.getMethod("generateMelSpectroGram", float[].class, int.class, int.class, int.class, int.class);
      Method m2 = c.getMethod("generateMFCCFeatures", float[].class, int.class, int.class, int.class, int.class,
          int.class);
      return new JLibrosaBridge(o, m1, m2);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(CLASS + " is not available (" + e
          + "): build the benchmarks with -Pjlibrosa (and -Djlibrosa.version=... for a locally installed build) so"
          + " that com.litongjava:jlibrosa is on the classpath", e);
    }
  }

  /** @return JLibrosa's mel spectrogram, {@code [nMels][frames]} */
  float[][] melSpectrogram(float[] y, int sr, int nFft, int nMels, int hop) {
    return (float[][]) call(mel, y, sr, nFft, nMels, hop);
  }

  /** @return JLibrosa's MFCCs, {@code [nMfcc][frames]} */
  float[][] mfcc(float[] y, int sr, int nMfcc, int nFft, int nMels, int hop) {
    return (float[][]) call(mfcc, y, sr, nMfcc, nFft, nMels, hop);
  }

  private Object call(Method m, Object... args) {
    try {
      return m.invoke(instance, args);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("JLibrosa failed: " + e.getCause(), e.getCause());
    }
  }
}
