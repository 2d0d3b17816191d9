/**
 * Deeplearning4j layers that DL4J 1.0.0-M2.1 lacks, as SameDiff layers that work in a
 * ComputationGraph and serialise to JSON and with ModelSerializer: {@link
 * io.github.ser4j.models.nn.layers.LayerNormalization} and {@link
 * io.github.ser4j.models.nn.layers.PositionalEncoding}; and {@link
 * io.github.ser4j.models.nn.layers.FusedBatchNormalization}, DL4J's batch norm with its activation
 * applied and a faster training step.
 */
package io.github.ser4j.models.nn.layers;
