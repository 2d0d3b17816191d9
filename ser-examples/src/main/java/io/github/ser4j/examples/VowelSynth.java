package io.github.ser4j.examples;

import io.github.ser4j.dsp.AudioClip;

/**
 * A built-in test utterance for demos that must run with no data: three vowels (/a/, /i/, /u/),
 * one second each, from a glottal pulse train with vibrato through three formant resonators
 * (Klatt-style second-order sections). Deterministic.
 */
final class VowelSynth {
  private static final double[][] FORMANTS = {
    {730, 1090, 2440}, // /a/
    {270, 2290, 3010}, // /i/
    {300, 870, 2240},  // /u/
  };
  private static final double[] BANDWIDTHS = {90, 110, 170};

  private VowelSynth() {}

  static AudioClip vowels(int sampleRate) {
    int perVowel = sampleRate;
    float[] y = new float[3 * perVowel];
    double phase = 0;
    for (int v = 0; v < 3; v++) {
      double[][] state = new double[3][2];
      for (int i = 0; i < perVowel; i++) {
        double t = (v * perVowel + i) / (double) sampleRate;
        double f0 = 120 + 20 * Math.sin(2 * Math.PI * 0.5 * t) + 3 * Math.sin(2 * Math.PI * 5.5 * t);
        phase += f0 / sampleRate;
        // Rosenberg-like glottal flow derivative: a sharp negative pulse once per period.
        double frac = phase - Math.floor(phase);
        double x = frac < 0.6 ? Math.sin(Math.PI * frac / 0.6) : -Math.cos(Math.PI * (frac - 0.6) / 0.8) * 0.6;
        double s = x;
        for (int f = 0; f < 3; f++) {
          double r = Math.exp(-Math.PI * BANDWIDTHS[f] / sampleRate);
          double c = 2 * r * Math.cos(2 * Math.PI * FORMANTS[v][f] / sampleRate);
          double out = (1 - c + r * r) * s + c * state[f][0] - r * r * state[f][1];
          state[f][1] = state[f][0];
          state[f][0] = out;
          s = out;
        }
        double envelope = Math.min(1.0, Math.min(i, perVowel - i) / (0.05 * sampleRate));
        y[v * perVowel + i] = (float) (0.3 * envelope * s);
      }
    }
    float max = 0;
    for (float s : y) {
      max = Math.max(max, Math.abs(s));
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.5f * y[i] / max;
    }
    return AudioClip.of(y, sampleRate);
  }
}
