package io.github.ser4j.models.nn.layers;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Conversions between DL4J's recurrent layout {@code [batch, features, time]} (NCW) and a row
 * matrix {@code [batch * time, features]} (row {@code b * time + t}), on which per-time-step dense
 * layers are one matrix product and per-time-step normalisations reduce along dimension 1.
 */
final class SequenceRows {
  private SequenceRows() {
  }

  /** @return a new c-order {@code [batch * time, features]} copy of {@code x [batch, features, time]}, in the current workspace */
  static INDArray rows(INDArray x) {
    return x.permute(0, 2, 1).dup('c').reshape(x.size(0) * x.size(2), x.size(1));
  }

  /**
   * @return a new c-order {@code [batch, features, time]} array of the given workspace type holding
   *     {@code rows [batch * time, features]}
   */
  static INDArray sequence(INDArray rows, long batch, long time, LayerWorkspaceMgr mgr, ArrayType type) {
    long features = rows.size(1);
    INDArray out = mgr.createUninitialized(type, rows.dataType(), new long[] {batch, features, time}, 'c');
    out.permute(0, 2, 1).assign(rows.reshape(batch, time, features));
    return out;
  }
}
