/**
 * Deeplearning4j layers that DL4J 1.0.0-M2.1 lacks or runs slowly, as ordinary DL4J layers (a
 * configuration, a parameter initialiser and a runtime layer with hand-written forward and backward
 * passes) that work in a ComputationGraph and serialise to JSON and with ModelSerializer:
 * {@link io.github.ser4j.models.nn.layers.TransformerEncoderLayer} (PyTorch's post-norm encoder
 * layer), {@link io.github.ser4j.models.nn.layers.LayerNormalization},
 * {@link io.github.ser4j.models.nn.layers.PositionalEncoding},
 * {@link io.github.ser4j.models.nn.layers.LstmLayer} (an LSTM as one native {@code lstmLayer} call
 * forward and a batched backpropagation through time backward) and
 * {@link io.github.ser4j.models.nn.layers.FusedBatchNormalization} (DL4J's batch norm with its
 * activation applied and a faster training step).
 */
package io.github.ser4j.models.nn.layers;
