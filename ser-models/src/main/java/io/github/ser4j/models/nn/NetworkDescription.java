package io.github.ser4j.models.nn;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.learning.config.Adam;

/**
 * What every immutable network description of this package shares: the settings of
 * {@link NetworkBuilder} with their getters, and {@link #network()} from {@link #configuration()}.
 */
abstract class NetworkDescription {
  final int numClasses;
  final double learningRate;
  final long seed;

  NetworkDescription(NetworkBuilder<?> b) {
    numClasses = b.numClasses;
    learningRate = b.learningRate;
    seed = b.seed;
  }

  /**
   * The global DL4J settings every network of this package starts from: the seed, Adam with the
   * learning rate, the default weight initialisation {@code init}, {@link ConvolutionMode#Truncate}
   * (explicit padding, PyTorch's geometry) and {@link CacheMode#DEVICE}.
   *
   * <p>Why the cache mode: with DL4J's default {@code CacheMode.NONE} a {@code ConvolutionLayer}
   * keeps nothing of its forward pass, so its {@code backpropGradient} runs the forward convolution
   * a second time to get the pre-activation (two conv2d ops per layer and training step). With
   * {@code DEVICE} (on the CPU backend the same as {@code HOST}) the layer keeps that array in the
   * training step's activation workspace and backprop reuses it: the same numbers, one convolution
   * less per layer. It changes nothing for inference or for layers other than convolutions.
   *
   * @param init the default weight initialisation of the network's layers
   * @return a new configuration builder
   */
  NeuralNetConfiguration.Builder baseConfiguration(WeightInit init) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .updater(new Adam(learningRate))
        .weightInit(init)
        .convolutionMode(ConvolutionMode.Truncate)
        .cacheMode(CacheMode.DEVICE);
  }

  /**
   * A builder holding this network's settings, to derive a variant.
   *
   * @return a new builder initialised from this network
   */
  public abstract NetworkBuilder<?> toBuilder();

  /**
   * The DL4J configuration (Adam, multi-class cross-entropy, the seed for weight initialisation).
   * Applies {@link Dl4jRuntime#prepare()} first. Input name {@code "input"}, output name {@code "output"}.
   *
   * @return a new configuration
   */
  public abstract ComputationGraphConfiguration configuration();

  /**
   * A new, initialised network of this configuration ({@code ComputationGraph.init()} done).
   *
   * @return the network, ready to train
   */
  public ComputationGraph network() {
    ComputationGraph net = new ComputationGraph(configuration());
    net.init();
    return net;
  }

  /** @return number of classes (softmax outputs) */
  public int numClasses() {
    return numClasses;
  }

  /** @return Adam's learning rate */
  public double learningRate() {
    return learningRate;
  }

  /** @return the weight-initialisation seed */
  public long seed() {
    return seed;
  }
}
