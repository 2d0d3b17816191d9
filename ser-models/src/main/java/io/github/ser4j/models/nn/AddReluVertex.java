package io.github.ser4j.models.nn;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The end of a residual block: {@code relu(a + b)} of two inputs of the same shape, in one vertex
 * (DL4J's {@code ElementWiseVertex(Add)} followed by an {@code ActivationLayer(RELU)} compute the
 * same with four passes over the data forward and five backward, this vertex with two each).
 * No parameters. The public no-arg constructor is for Jackson.
 */
final class AddReluVertex extends GraphVertex {
  private static final long serialVersionUID = 1L;

  /** For Jackson and the network builders. */
  public AddReluVertex() {
  }

  @Override
  public AddReluVertex clone() {
    return new AddReluVertex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddReluVertex;
  }

  @Override
  public int hashCode() {
    return AddReluVertex.class.getName().hashCode();
  }

  @Override
  public long numParams(boolean backprop) {
    return 0;
  }

  @Override
  public int minVertexInputs() {
    return 2;
  }

  @Override
  public int maxVertexInputs() {
    return 2;
  }

  @Override
  public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name,
      int idx, INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
    return new AddRelu(graph, name, idx, networkDatatype);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType... in) throws InvalidInputTypeException {
    if (in.length != 2 || !in[0].equals(in[1])) {
      throw new InvalidInputTypeException("add + ReLU needs two inputs of the same type, got " + Arrays.toString(in));
    }
    return in[0];
  }

  @Override
  public MemoryReport getMemoryReport(InputType... in) {
    InputType out = getOutputType(-1, in);
    return new LayerMemoryReport.Builder(null, AddReluVertex.class, in[0], out)
        .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
  }

  @Override
  public String toString() {
    return "AddReluVertex()";
  }
}
