package io.github.ser4j.examples;

import io.github.ser4j.dsp.AudioClip;
import io.github.ser4j.dsp.DspException;
import io.github.ser4j.dsp.features.Functionals;
import io.github.ser4j.dsp.io.AudioIO;
import io.github.ser4j.dsp.io.AudioInfo;
import io.github.ser4j.dsp.io.WavEncoding;
import io.github.ser4j.dsp.io.WavWriter;
import io.github.ser4j.dsp.spectral.MelSpectrogram;
import io.github.ser4j.dsp.spectral.Mfcc;
import io.github.ser4j.dsp.spectral.PowerToDb;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The ser-dsp demo (the README's main job until the quickstart exists): reads a WAV (or
 * synthesises three vowels when none is given), resamples it to 16 kHz, prints an MFCC-40
 * summary and writes a 64-band log-mel spectrogram PNG.
 *
 * <pre>
 * mvn -B -q -Pdemo -pl ser-examples -am verify -DskipTests [-Dexec.args="speech.wav --out DIR"]
 * </pre>
 */
public final class DspDemo {
  private static final int RATE = 16_000;

  private DspDemo() {}

  /**
   * Runs the demo.
   *
   * @param args {@code [file.wav] [--out DIR]}
   */
  public static void main(String[] args) {
    PrintStream out = System.out;
    Path input = null;
    Path outDir = Path.of("target", "ser4j-demo");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("help") || a.equals("-h") || a.equals("--help")) {
        out.println("usage: DspDemo [file.wav|file.flac|file.mp3] [--out DIR]   (default: a synthetic vowel clip, "
            + "PNG in target/ser4j-demo)");
        return;
      } else if (a.equals("--out") && i + 1 < args.length) {
        outDir = Path.of(args[++i]);
      } else {
        input = Path.of(a);
      }
    }
    try {
      run(input, outDir, out);
    } catch (java.nio.file.NoSuchFileException e) {
      System.err.println("ser4j demo: no such file: " + e.getFile());
      System.exit(1);
    } catch (IOException | DspException e) {
      System.err.println("ser4j demo: " + e.getMessage());
      System.exit(1);
    }
  }

  static void run(Path input, Path outDir, PrintStream out) throws IOException {
    AudioClip clip;
    if (input == null) {
      clip = VowelSynth.vowels(RATE);
      Path wav = outDir.resolve("vowels.wav");
      java.nio.file.Files.createDirectories(outDir);
      WavWriter.write(wav, clip, WavEncoding.PCM_16);
      out.printf(Locale.ROOT, "No input given: synthesised /a/ /i/ /u/ (3 x 1 s, f0 ~120 Hz), saved as %s%n", wav);
    } else {
      AudioInfo info = AudioIO.readInfo(input);
      out.printf(Locale.ROOT, "%s: %s %s, %d channel(s), %d Hz, %.3f s%n", input, info.container(), info.encoding(),
          info.channels(), info.sampleRate(), info.durationSeconds());
      clip = AudioIO.read(input);
    }
    long t0 = System.nanoTime();
    AudioClip at16k = clip.resample(RATE);
    long t1 = System.nanoTime();
    out.printf(Locale.ROOT, "Mono clip at %d Hz: %d samples (%.3f s); resampling took %.2f ms (first call: includes the filter design)%n", RATE, at16k.length(),
        at16k.durationSeconds(), (t1 - t0) / 1e6);

    Mfcc mfcc = Mfcc.builder().sampleRate(RATE).nMfcc(40).nFft(2048).hopLength(512).nMels(128).build();
    double[][] coeffs = mfcc.extractDouble(at16k);
    double ms = medianMillis(() -> mfcc.extractDouble(at16k));
    out.printf(Locale.ROOT, "MFCC 40 (n_fft 2048, hop 512, 128 mels, librosa.feature.mfcc): %d frames x %d, "
        + "%.3f ms per extraction (median after a short warm-up; JMH figures: docs/benchmarks.md)%n",
        coeffs.length, coeffs[0].length, ms);
    Functionals stats = Functionals.builder().mean().std().min().max().build();
    double[] v = stats.extract(coeffs);
    int n = coeffs[0].length;
    out.println("  coef      mean       std       min       max");
    for (int c = 0; c < n; c++) {
      if (c < 13 || c == n - 1) {
        out.printf(Locale.ROOT, "  %4d %9.3f %9.3f %9.3f %9.3f%n", c, v[c], v[n + c], v[2 * n + c], v[3 * n + c]);
      } else if (c == 13) {
        out.println("   ...");
      }
    }

    MelSpectrogram mel = MelSpectrogram.builder().sampleRate(RATE).nFft(1024).hopLength(512).nMels(64)
        .decibels(PowerToDb.defaults().refMax()).build();
    double[][] db = mel.extractDouble(at16k);
    Path png = outDir.resolve("mel-spectrogram.png");
    SpectrogramImage.write(db, 512.0 / RATE, "log-mel spectrogram (64 mels, n_fft 1024, hop 512), dB re max",
        png);
    out.printf(Locale.ROOT, "Log-mel spectrogram %d frames x %d mels -> %s%n", db.length, db[0].length,
        png.toAbsolutePath());
  }

  private static double medianMillis(Runnable task) {
    int runs = 31;
    double[] t = new double[runs];
    long warmUntil = System.nanoTime() + 1_500_000_000L;
    while (System.nanoTime() < warmUntil) {
      task.run();
    }
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      task.run();
      t[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(t);
    return t[runs / 2];
  }
}
