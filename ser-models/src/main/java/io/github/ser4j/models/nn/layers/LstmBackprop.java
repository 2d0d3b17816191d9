package io.github.ser4j.models.nn.layers;

/**
 * Backpropagation through time for one direction of an LSTM, on plain Java arrays: the sequential
 * part of {@link LstmLayerImpl}'s backward pass. The caller does the large matrix products in ND4J
 * (gate pre-activations of all steps before, weight and input gradients of all steps after); this
 * class runs the two recurrences that cannot be batched over time: the cell state forward and the
 * state gradients backward (the recurrent product {@code dz_t RW^T} of each step is handed back to
 * the caller's BLAS: Java 17 does not vectorise it).
 *
 * <p>Layouts are libnd4j's: time-major {@code [time][batch][...]}, gates i, f, g, o in blocks of
 * {@code hidden}. The cell is {@code c_t = f c_prev + i g}, {@code h_t = o act(c_t)} with sigmoid
 * gates i, f, o and {@code g = act(z_g)}; {@code act} is tanh, sigmoid or softsign. With sequence
 * lengths, steps at or after an example's length are padding: the state starts there (reverse
 * direction) or stops there (forward direction) and their gradients are 0.
 *
 * <p>Replaces libnd4j 1.0.0-M2.1's {@code lstmLayer_bp}, which leaks native memory on every call.
 */
final class LstmBackprop {
  /** Cell and candidate activation ids, as libnd4j's ({@link LstmLayer#nativeActivation()}). */
  static final int TANH = 0;
  static final int SIGMOID = 2;
  static final int SOFTSIGN = 9;

  private LstmBackprop() {
  }

  /** The recurrent product of one step, {@code dhNext = dz_t RW^T} (done by the caller's BLAS). */
  interface RecurrentProduct {
    /**
     * @param dz gate gradients; step t's {@code [batch][4 hidden]} rows start at {@code offset}
     * @param dhNext out: {@code [batch][hidden]}
     */
    void multiply(double[] dz, int offset, double[] dhNext);
  }

  /**
   * Turns gate activations into the gradients of their pre-activations.
   *
   * @param z in: gate activations of every step, {@code [time][batch][4 hidden]}: sigmoid of the
   *     pre-activations {@code x W + h_prev RW + b} for i, f, o and the cell activation for g, where
   *     {@code h_prev} is the previous step's output in this direction (0 before the first); out: the
   *     gradients of the loss with respect to the pre-activations (0 on padding)
   * @param epsilon gradient of the loss with respect to the layer output, {@code [time][batch][channels]};
   *     this direction's outputs are channels {@code offset .. offset + hidden - 1}
   * @param channels output channels per step (hidden, or 2 hidden when bidirectional)
   * @param offset this direction's first channel
   * @param recurrent the product with the transposed recurrent weights
   * @param lengths valid steps per example, or null if every example has all steps
   * @param reverse true for the backward direction (runs from the last valid step to the first)
   * @param activation {@link #TANH}, {@link #SIGMOID} or {@link #SOFTSIGN}
   */
  static void backward(double[] z, double[] epsilon, int channels, int offset, RecurrentProduct recurrent,
      int time, int batch, int hidden, int[] lengths, boolean reverse, int activation) {
    int gates = 4 * hidden;
    double[] c = new double[time * batch * hidden];
    double[] actC = new double[time * batch * hidden];
    // Cell states, in the direction's step order.
    for (int s = 0; s < time; s++) {
      int t = reverse ? time - 1 - s : s;
      int prev = reverse ? t + 1 : t - 1;
      for (int b = 0; b < batch; b++) {
        if (!valid(t, b, lengths)) {
          continue; // c and act(c) stay 0
        }
        boolean hasPrev = prev >= 0 && prev < time && valid(prev, b, lengths);
        int zb = (t * batch + b) * gates;
        int cb = (t * batch + b) * hidden;
        int pb = (prev * batch + b) * hidden;
        for (int j = 0; j < hidden; j++) {
          double cPrev = hasPrev ? c[pb + j] : 0;
          double v = z[zb + hidden + j] * cPrev + z[zb + j] * z[zb + 2 * hidden + j];
          c[cb + j] = v;
          actC[cb + j] = apply(v, activation);
        }
      }
    }
    // State gradients, against the step order; z becomes dz step by step.
    double[] dhNext = new double[batch * hidden]; // dz_later RW^T
    double[] dcNext = new double[batch * hidden]; // dc_later * f_later
    for (int s = time - 1; s >= 0; s--) {
      int t = reverse ? time - 1 - s : s;
      int prev = reverse ? t + 1 : t - 1;
      for (int b = 0; b < batch; b++) {
        int zb = (t * batch + b) * gates;
        if (!valid(t, b, lengths)) {
          java.util.Arrays.fill(z, zb, zb + gates, 0.0);
          continue; // later states of this example are padding too: dhNext, dcNext are 0
        }
        boolean hasPrev = prev >= 0 && prev < time && valid(prev, b, lengths);
        int cb = (t * batch + b) * hidden;
        int pb = (prev * batch + b) * hidden;
        int eb = (t * batch + b) * channels + offset;
        int nb = b * hidden;
        for (int j = 0; j < hidden; j++) {
          double i = z[zb + j];
          double f = z[zb + hidden + j];
          double g = z[zb + 2 * hidden + j];
          double o = z[zb + 3 * hidden + j];
          double a = actC[cb + j];
          double dh = epsilon[eb + j] + dhNext[nb + j];
          double dc = dh * o * derivative(a, activation) + dcNext[nb + j];
          double cPrev = hasPrev ? c[pb + j] : 0;
          z[zb + j] = dc * g * i * (1 - i);
          z[zb + hidden + j] = dc * cPrev * f * (1 - f);
          z[zb + 2 * hidden + j] = dc * i * derivative(g, activation);
          z[zb + 3 * hidden + j] = dh * a * o * (1 - o);
          dcNext[nb + j] = dc * f;
        }
      }
      if (s > 0) {
        recurrent.multiply(z, t * batch * gates, dhNext);
      }
    }
  }

  private static boolean valid(int t, int b, int[] lengths) {
    return lengths == null || t < lengths[b];
  }

  /** The logistic function, through {@code Math.exp} (a JIT intrinsic; {@code Math.tanh} is not). */
  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** tanh as {@code 1 - 2 / (exp(2x) + 1)}: absolute error ~1e-16, 3x faster than {@code Math.tanh}. */
  private static double tanh(double x) {
    return 1 - 2 / (Math.exp(2 * x) + 1);
  }

  static double apply(double x, int activation) {
    switch (activation) {
      case TANH:
        return tanh(x);
      case SIGMOID:
        return sigmoid(x);
      case SOFTSIGN:
        return x / (1 + Math.abs(x));
      default:
        throw new IllegalArgumentException("activation id " + activation);
    }
  }

  /** The activation's derivative, from its output {@code y}. */
  static double derivative(double y, int activation) {
    switch (activation) {
      case TANH:
        return 1 - y * y;
      case SIGMOID:
        return y * (1 - y);
      case SOFTSIGN:
        double r = 1 - Math.abs(y);
        return r * r;
      default:
        throw new IllegalArgumentException("activation id " + activation);
    }
  }
}
