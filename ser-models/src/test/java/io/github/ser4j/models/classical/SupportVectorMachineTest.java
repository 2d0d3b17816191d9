package io.github.ser4j.models.classical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SER4J computes the kernel matrix once and hands it to LIBSVM as a precomputed kernel; the truth is
 * LIBSVM computing every kernel value itself from the feature rows (its RBF/linear kernel code): the
 * two must train the same model.
 */
class SupportVectorMachineTest {

  @ParameterizedTest
  @EnumSource(SupportVectorMachine.Kernel.class)
  void precomputedKernelTrainsTheModelLibsvmTrainsWithItsOwnKernel(SupportVectorMachine.Kernel kernel) {
    Random r = new Random(11);
    int n = 150;
    int d = 40;
    double[][] x = new double[n][d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 4;
      for (int j = 0; j < d; j++) {
        x[i][j] = r.nextGaussian() + (j % 4 == y[i] ? 0.8 : 0);
      }
    }
    double[][] test = new double[30][d];
    for (double[] row : test) {
      for (int j = 0; j < d; j++) {
        row[j] = 1.5 * r.nextGaussian();
      }
    }
    SupportVectorMachine svm = SupportVectorMachine.builder().kernel(kernel).c(2).seed(5).build();

    SupportVectorMachine.Model pre = (SupportVectorMachine.Model) svm.fit(x, y, 4);
    int limit = SupportVectorMachine.precomputedMaxRows;
    SupportVectorMachine.Model own;
    try {
      SupportVectorMachine.precomputedMaxRows = 0;
      own = (SupportVectorMachine.Model) svm.fit(x, y, 4);
    } finally {
      SupportVectorMachine.precomputedMaxRows = limit;
    }

    assertEquals(own.model.l, pre.model.l, "support vectors");
    assertArrayEquals(own.model.nSV, pre.model.nSV, "support vectors per class");
    assertEquals(own.model.param.kernel_type, pre.model.param.kernel_type, "kernel stored by name");
    for (int i = 0; i < own.model.rho.length; i++) {
      assertEquals(own.model.rho[i], pre.model.rho[i], 1e-9, "rho " + i);
      assertEquals(own.model.probA[i], pre.model.probA[i], 1e-7, "Platt A " + i);
      assertEquals(own.model.probB[i], pre.model.probB[i], 1e-7, "Platt B " + i);
    }
    for (double[] row : test) {
      assertArrayEquals(own.predictProbabilities(row), pre.predictProbabilities(row), 1e-8);
    }
  }
}
