package io.github.ser4j.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link AddReluVertex} against DL4J's {@code ElementWiseVertex(Add)} + {@code ActivationLayer(RELU)}
 * with the same parameters (identical numbers), and against finite differences in DOUBLE.
 */
class AddReluVertexTest {

  @Test
  void equalsDl4jsAddThenReluLayer() {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      Nd4j.setDefaultDataTypes(type, type);
      try {
        ComputationGraph fused = graph(true);
        ComputationGraph dl4j = graph(false);
        dl4j.setParams(fused.params());
        DataSet data = ConvolutionCacheModeTest.data(new long[] {2, 6, 7}, 4, 3, 8);
        data.setFeatures(data.getFeatures().castTo(type));
        data.setLabels(data.getLabels().castTo(type));
        assertEquals(dl4j.outputSingle(true, data.getFeatures()), fused.outputSingle(true, data.getFeatures()), type + " forward");
        for (ComputationGraph g : new ComputationGraph[] {fused, dl4j}) {
          g.setInputs(data.getFeatures());
          g.setLabels(data.getLabels());
          g.computeGradientAndScore();
        }
        assertEquals(dl4j.score(), fused.score(), 0.0, type + " score");
        assertEquals(dl4j.gradient().gradient(), fused.gradient().gradient(), type + " gradient");
      } finally {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
      }
    }
  }

  @Test
  void passesDl4jsGradientCheckInDouble() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      ComputationGraph net = graph(true);
      DataSet data = ConvolutionCacheModeTest.data(new long[] {2, 6, 7}, 4, 3, 8);
      boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(net)
          .inputs(new INDArray[] {data.getFeatures().castTo(DataType.DOUBLE)})
          .labels(new INDArray[] {data.getLabels().castTo(DataType.DOUBLE)})
          .epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9));
      assertTrue(ok);
    } finally {
      Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }
  }

  @Test
  void survivesJsonRoundTrip() {
    ComputationGraphConfiguration conf = graph(true).getConfiguration();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
    assertEquals(conf, back);
    assertEquals(conf.toJson(), back.toJson());
  }

  /** Two convolutions of the input, added and ReLU'd (by the vertex or by DL4J's two), pooled, softmax. */
  private static ComputationGraph graph(boolean fused) {
    Dl4jRuntime.prepare();
    ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(2).updater(new NoOp())
        .dataType(Nd4j.defaultFloatingPointType()).graphBuilder()
        .addInputs("input").setInputTypes(InputType.convolutional(6, 7, 2))
        .addLayer("a", new ConvolutionLayer.Builder(3, 3).padding(1, 1).nOut(3).activation(Activation.IDENTITY).build(), "input")
        .addLayer("b", new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.TANH).build(), "input");
    if (fused) {
      g.addVertex("relu", new AddReluVertex(), "a", "b");
    } else {
      g.addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "a", "b")
          .addLayer("relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "add");
    }
    g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "relu")
        .addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("output");
    ComputationGraph net = new ComputationGraph(g.build());
    net.init();
    return net;
  }
}
