package org.signum.compiler.onnx;

/**
 * ONNX Shape: the input's dimensions as INT64, optionally sliced by {@code start} and {@code end}
 * (opset 15). Shapes are static in Signum, so the importer always folds this node.
 */
final class ShapeOf implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, 1);
    Checks.outputs(node, 1, 1);
    Attributes attrs = Attributes.of(node, "start", "end");
    long start = attrs.getInt("start", 0);
    Long end = attrs.has("end") ? attrs.getInt("end", 0) : null;
    return inputs -> {
      Shape s = inputs[0].shape();
      int rank = s.rank();
      int from = clamp(start, rank);
      int to = end == null ? rank : clamp(end, rank);
      int n = Math.max(0, to - from);
      long[] dims = new long[n];
      for (int i = 0; i < n; i++) {
        dims[i] = s.dim(from + i);
      }
      return new Tensor[] {Tensor.wrapLongs(ElementType.INT64, Shape.of(n), dims)};
    };
  }

  // ONNX clamps Shape's start and end into [0, rank] after adding rank to negative values.
  private static int clamp(long index, int rank) {
    long i = index < 0 ? index + rank : index;
    return (int) Math.max(0, Math.min(rank, i));
  }
}
