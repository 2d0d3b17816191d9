package io.github.ser4j.models.classical;

import io.github.ser4j.models.ModelException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * A C-support vector classifier with probabilities, trained by LIBSVM 3.31 (Chang and Lin), the
 * library scikit-learn's {@code SVC(probability=True)} wraps: one-vs-one binary SVMs, Platt
 * scaling fitted by LIBSVM's internal 5-fold cross-validation, and pairwise coupling (Wu, Lin and
 * Weng 2004) into class probabilities. Linear kernel {@code x . x'} or RBF
 * {@code exp(-gamma |x - x'|^2)}; gamma defaults to scikit-learn's {@code "scale"},
 * {@code 1 / (d * var(X))}.
 *
 * <p>Training sets of up to 2,000 rows get their kernel matrix computed once and passed to LIBSVM
 * as a precomputed kernel (the same model as LIBSVM computing each kernel value itself, about 30x
 * faster on wide rows); the fitted model is stored in LIBSVM's usual form either way.
 *
 * <p>LIBSVM keeps its random generator and console printer in static fields; training holds a
 * lock on the LIBSVM class, seeds the generator and silences the printer, so fits are
 * reproducible and quiet (and do not run in parallel with each other).
 */
public final class SupportVectorMachine implements Classifier {

  /** The kernel. */
  public enum Kernel {
    /** {@code x . x'} (scikit-learn's {@code kernel="linear"}). */
    LINEAR,
    /** {@code exp(-gamma |x - x'|^2)} (scikit-learn's {@code kernel="rbf"}). */
    RBF
  }

  /**
   * Training sets of up to this many rows get their kernel matrix computed once up front (LIBSVM's
   * precomputed kernel; at most 2,000 x 2,000 values, ~130 MB of LIBSVM nodes while training); larger
   * ones let LIBSVM compute kernel rows itself on demand. Package-private for tests.
   */
  static int precomputedMaxRows = 2000;

  private final Kernel kernel;
  private final double c;
  private final double gamma;
  private final double tol;
  private final long seed;

  private SupportVectorMachine(Builder b) {
    this.kernel = b.kernel;
    this.c = b.c;
    this.gamma = b.gamma;
    this.tol = b.tol;
    this.seed = b.seed;
  }

  /** @return a builder: RBF, C = 1, gamma "scale", tol 1e-3, seed 0 (scikit-learn's defaults) */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ClassifierModel fit(double[][] x, int[] y, int numClasses) {
    TrainingData data = TrainingData.of(x, y, numClasses);
    int n = data.n();
    int d = data.d();
    if (data.k() == 1) {
      return new Model(d, numClasses, data.classes(), null);
    }
    double g = Double.isNaN(gamma) ? scaleGamma(x) : gamma;
    boolean precomputed = n <= precomputedMaxRows;
    double[][] gram = precomputed ? gram(x, g) : null;
    svm_problem problem = new svm_problem();
    problem.l = n;
    problem.x = new svm_node[n][];
    problem.y = new double[n];
    for (int i = 0; i < n; i++) {
      problem.x[i] = precomputed ? precomputedRow(i + 1, gram[i]) : nodes(x[i]);
      problem.y[i] = data.compact()[i];
    }
    svm_parameter p = new svm_parameter();
    p.svm_type = svm_parameter.C_SVC;
    p.kernel_type = precomputed ? svm_parameter.PRECOMPUTED : libsvmKernel();
    p.gamma = g;
    p.C = c;
    p.eps = tol;
    p.cache_size = 200;
    p.shrinking = 1;
    p.probability = 1;
    p.nr_weight = 0;
    p.weight_label = new int[0];
    p.weight = new double[0];
    String problemText = svm.svm_check_parameter(problem, p);
    if (problemText != null) {
      throw new ModelException("LIBSVM rejects the parameters: " + problemText);
    }
    svm_model model;
    synchronized (svm.class) {
      svm.svm_set_print_string_function(s -> { });
      svm.rand.setSeed(seed);
      model = svm.svm_train(problem, p);
    }
    if (precomputed) {
      // The trained model in LIBSVM's own form: support vectors as feature rows and the kernel by
      // name, so prediction and model files do not depend on how training got its kernel values.
      for (int i = 0; i < model.l; i++) {
        model.SV[i] = nodes(x[(int) model.SV[i][0].value - 1]);
      }
      model.param.kernel_type = libsvmKernel();
    }
    return new Model(d, numClasses, data.classes(), model);
  }

  /** scikit-learn's {@code gamma="scale"}: 1 / (d * variance of all values); 1 for constant data. */
  private static double scaleGamma(double[][] x) {
    int d = x[0].length;
    double mean = 0;
    for (double[] r : x) {
      for (double v : r) {
        mean += v;
      }
    }
    mean /= (double) x.length * d;
    double var = 0;
    for (double[] r : x) {
      for (double v : r) {
        var += (v - mean) * (v - mean);
      }
    }
    var /= (double) x.length * d;
    return var > 0 ? 1.0 / (d * var) : 1.0;
  }

  private int libsvmKernel() {
    return kernel == Kernel.LINEAR ? svm_parameter.LINEAR : svm_parameter.RBF;
  }

  /**
   * The kernel matrix {@code K[i][j] = k(x_i, x_j)} with LIBSVM's prediction formulas ({@code x . x'};
   * {@code exp(-gamma * sum (x - x')^2)}), computed once for all of LIBSVM's sub-problems (the
   * one-vs-one pairs of the final fit and of the 5 probability folds), which would otherwise each
   * compute their own kernel rows through LIBSVM's sparse nodes: about 30x faster training on wide
   * rows (720 x 2048: seconds instead of a minute or more; docs/benchmarks.md).
   */
  private double[][] gram(double[][] x, double g) {
    int n = x.length;
    int d = x[0].length;
    double[][] k = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] a = x[i];
      for (int j = 0; j <= i; j++) {
        double[] b = x[j];
        double s = 0;
        if (kernel == Kernel.LINEAR) {
          for (int f = 0; f < d; f++) {
            s += a[f] * b[f];
          }
        } else {
          for (int f = 0; f < d; f++) {
            double t = a[f] - b[f];
            s += t * t;
          }
          s = Math.exp(-g * s);
        }
        k[i][j] = s;
        k[j][i] = s;
      }
    }
    return k;
  }

  /** LIBSVM's precomputed-kernel row: node 0 holds the row's 1-based id, node j the value k(x_i, x_j). */
  private static svm_node[] precomputedRow(int id, double[] kernelRow) {
    svm_node[] out = new svm_node[kernelRow.length + 1];
    out[0] = new svm_node();
    out[0].index = 0;
    out[0].value = id;
    for (int j = 0; j < kernelRow.length; j++) {
      out[j + 1] = new svm_node();
      out[j + 1].index = j + 1;
      out[j + 1].value = kernelRow[j];
    }
    return out;
  }

  static svm_node[] nodes(double[] row) {
    svm_node[] out = new svm_node[row.length];
    for (int j = 0; j < row.length; j++) {
      out[j] = new svm_node();
      out[j].index = j + 1;
      out[j].value = row[j];
    }
    return out;
  }

  @Override
  public String toString() {
    return "SupportVectorMachine[" + kernel + ", C=" + c + ", gamma=" + (Double.isNaN(gamma) ? "scale" : gamma)
        + ", tol=" + tol + ", seed=" + seed + "]";
  }

  /** Builds a {@link SupportVectorMachine}. */
  public static final class Builder {
    private Kernel kernel = Kernel.RBF;
    private double c = 1.0;
    private double gamma = Double.NaN;
    private double tol = 1e-3;
    private long seed;

    private Builder() {}

    /**
     * @param kernel the kernel
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      ModelException.require(kernel != null, "kernel", null, "LINEAR or RBF");
      this.kernel = kernel;
      return this;
    }

    /**
     * @param c the penalty of margin violations (scikit-learn's {@code C}), finite and {@code > 0}
     * @return this builder
     */
    public Builder c(double c) {
      ModelException.require(c > 0 && Double.isFinite(c), "C", c, "finite and > 0");
      this.c = c;
      return this;
    }

    /**
     * @param gamma the RBF width, finite and {@code > 0} (default: scikit-learn's "scale")
     * @return this builder
     */
    public Builder gamma(double gamma) {
      ModelException.require(gamma > 0 && Double.isFinite(gamma), "gamma", gamma, "finite and > 0");
      this.gamma = gamma;
      return this;
    }

    /**
     * @param tol LIBSVM's stopping tolerance {@code eps}, finite and {@code > 0}
     * @return this builder
     */
    public Builder tol(double tol) {
      ModelException.require(tol > 0 && Double.isFinite(tol), "tol", tol, "finite and > 0");
      this.tol = tol;
      return this;
    }

    /**
     * @param seed the seed of LIBSVM's internal cross-validation for the probabilities
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** @return the configuration */
    public SupportVectorMachine build() {
      return new SupportVectorMachine(this);
    }
  }

  /** The LIBSVM model (null when only one class was present). */
  static final class Model extends FittedModel {
    final svm_model model;
    /** {@code order[i]} is the compact class of LIBSVM's i-th probability. */
    private final int[] order;

    Model(int d, int numClasses, int[] classes, svm_model model) {
      super(d, numClasses, classes);
      this.model = model;
      this.order = new int[model == null ? 0 : model.nr_class];
      for (int i = 0; i < order.length; i++) {
        order[i] = model.label[i];
      }
    }

    @Override
    double[] compactProbabilities(double[] row) {
      double[] p = new double[classes.length];
      if (model == null) {
        p[0] = 1;
        return p;
      }
      double[] est = new double[order.length];
      svm.svm_predict_probability(model, nodes(row), est);
      for (int i = 0; i < order.length; i++) {
        p[order[i]] = est[i];
      }
      return p;
    }

    @Override
    String kind() {
      return "classical.svm";
    }

    @Override
    void writeFields(DataOutputStream out) throws IOException {
      out.writeBoolean(model != null);
      if (model == null) {
        return;
      }
      svm_parameter p = model.param;
      out.writeInt(p.kernel_type);
      out.writeDouble(p.gamma);
      out.writeInt(model.nr_class);
      out.writeInt(model.l);
      for (svm_node[] sv : model.SV) {
        out.writeInt(sv.length);
        for (svm_node node : sv) {
          out.writeInt(node.index);
          out.writeDouble(node.value);
        }
      }
      Payload.writeMatrix(out, model.sv_coef);
      Payload.writeDoubles(out, model.rho);
      Payload.writeDoubles(out, model.probA);
      Payload.writeDoubles(out, model.probB);
      Payload.writeInts(out, model.label);
      Payload.writeInts(out, model.nSV);
    }

    static Model read(Header h, DataInputStream in) throws IOException {
      if (!in.readBoolean()) {
        if (h.classes().length != 1) {
          throw new IOException("an SVM without a model must have one class");
        }
        return new Model(h.numFeatures(), h.numClasses(), h.classes(), null);
      }
      svm_model m = new svm_model();
      svm_parameter p = new svm_parameter();
      p.svm_type = svm_parameter.C_SVC;
      p.kernel_type = in.readInt();
      if (p.kernel_type != svm_parameter.LINEAR && p.kernel_type != svm_parameter.RBF) {
        throw new IOException("unknown kernel " + p.kernel_type);
      }
      p.gamma = in.readDouble();
      p.probability = 1;
      m.param = p;
      int k = in.readInt();
      if (k != h.classes().length) {
        throw new IOException("LIBSVM classes differ from the model's");
      }
      m.nr_class = k;
      m.l = Payload.positive(in.readInt(), "support vectors");
      m.SV = new svm_node[m.l][];
      for (int i = 0; i < m.l; i++) {
        int len = in.readInt();
        if (len < 0 || len > h.numFeatures()) {
          throw new IOException("support vector length out of range");
        }
        m.SV[i] = new svm_node[len];
        for (int j = 0; j < len; j++) {
          svm_node node = new svm_node();
          node.index = in.readInt();
          node.value = in.readDouble();
          if (node.index < 1 || node.index > h.numFeatures()) {
            throw new IOException("support vector index out of range");
          }
          m.SV[i][j] = node;
        }
      }
      m.sv_coef = Payload.readMatrix(in, k - 1, m.l, "sv_coef");
      m.rho = Payload.readDoubles(in, k * (k - 1) / 2, "rho");
      m.probA = Payload.readDoubles(in, k * (k - 1) / 2, "probA");
      m.probB = Payload.readDoubles(in, k * (k - 1) / 2, "probB");
      m.label = Payload.readInts(in);
      m.nSV = Payload.readInts(in);
      if (m.label.length != k || m.nSV.length != k) {
        throw new IOException("label/nSV lengths differ from the classes");
      }
      int total = 0;
      for (int i = 0; i < k; i++) {
        if (m.label[i] < 0 || m.label[i] >= k || m.nSV[i] < 0) {
          throw new IOException("LIBSVM label or count out of range");
        }
        total += m.nSV[i];
      }
      if (total != m.l) {
        throw new IOException("support vector counts do not add up");
      }
      return new Model(h.numFeatures(), h.numClasses(), h.classes(), m);
    }
  }
}
