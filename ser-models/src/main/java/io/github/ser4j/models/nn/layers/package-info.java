/**
 * Deeplearning4j layers that DL4J 1.0.0-M2.1 lacks, as ordinary DL4J layers (configuration,
 * parameter initialiser, runtime layer) with hand-written forward and backward passes in plain ND4J
 * ops, not SameDiff (slow, and twice the true gradient in M2.1): {@link
 * io.github.ser4j.models.nn.layers.TransformerEncoderLayer}, {@link
 * io.github.ser4j.models.nn.layers.LayerNormalization} and {@link
 * io.github.ser4j.models.nn.layers.PositionalEncoding}. They work in a ComputationGraph and
 * serialise to JSON and with ModelSerializer.
 */
package io.github.ser4j.models.nn.layers;
