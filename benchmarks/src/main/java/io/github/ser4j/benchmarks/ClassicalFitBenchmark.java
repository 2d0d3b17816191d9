package io.github.ser4j.benchmarks;

import io.github.ser4j.models.classical.Classifier;
import io.github.ser4j.models.classical.LinearDiscriminantAnalysis;
import io.github.ser4j.models.classical.SupportVectorMachine;
import io.github.ser4j.models.classical.ClassifierModel;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fitting the classical classifiers at the size of the EYASE reference system: 720 clips x 2048
 * ResNet50 pool features, 4 classes (seeded synthetic Gaussian data, class means shifted on 64 of
 * the features). One fit per call (single-shot: fits take seconds).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class ClassicalFitBenchmark {
  static final int SAMPLES = 720;
  static final int FEATURES = 2048;
  static final int CLASSES = 4;

  /** The classifier: {@code svm-rbf}, {@code svm-linear} or {@code lda}. */
  @Param({"svm-rbf", "svm-linear", "lda"})
  public String classifier;

  private double[][] x;
  private int[] y;
  private Classifier model;

  /** Builds the seeded data and the classifier (scikit-learn's defaults). */
  @Setup
  public void setUp() {
    Random r = new Random(7);
    x = new double[SAMPLES][FEATURES];
    y = new int[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      y[i] = i % CLASSES;
      for (int j = 0; j < FEATURES; j++) {
        x[i][j] = r.nextGaussian() + (j < 64 && j % CLASSES == y[i] ? 0.5 : 0);
      }
    }
    switch (classifier) {
      case "svm-rbf":
        model = SupportVectorMachine.builder().build();
        break;
      case "svm-linear":
        model = SupportVectorMachine.builder().kernel(SupportVectorMachine.Kernel.LINEAR).build();
        break;
      case "lda":
        model = LinearDiscriminantAnalysis.create();
        break;
      default:
        throw new IllegalArgumentException("classifier: " + classifier);
    }
  }

  /** @return the fitted model */
  @Benchmark
  public ClassifierModel fit() {
    return model.fit(x, y, CLASSES);
  }
}
