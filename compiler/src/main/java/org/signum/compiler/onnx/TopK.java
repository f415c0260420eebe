package org.signum.compiler.onnx;

import java.util.Arrays;

/**
 * ONNX TopK: the k largest (or smallest) values along {@code axis} and their INT64 indices, in
 * order, equal values ordered by index so that the first maximum wins. k is a constant input (opset
 * 10 on) or the attribute {@code k} (opset 1).
 */
final class TopK implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, 2);
    Checks.outputs(node, 2, 2);
    Attributes attrs = Attributes.of(node, "axis", "largest", "sorted", "k");
    long axisAttr = attrs.getInt("axis", -1);
    boolean largest = attrs.getFlag("largest", true);
    if (!attrs.getFlag("sorted", true)) {
      throw new NodeException("sorted=0 is not supported; Signum returns the top k in order");
    }
    long k;
    if (node.hasInput(1)) {
      if (attrs.has("k")) {
        throw new NodeException("gives k both as an attribute and as input 1; expected one");
      }
      k = (long) Checks.scalar(Checks.integers(constants.require(node, 1, "k"), "input K"), "k");
    } else if (attrs.has("k")) {
      k = attrs.getInt("k", 0);
    } else {
      throw new NodeException("gives no k; expected input 1 or the attribute 'k'");
    }
    return inputs -> {
      Tensor x = Checks.floats(inputs[0], "input X");
      Shape s = x.shape();
      int axis = Checks.axis(axisAttr, s.rank(), "axis");
      int n = s.dim(axis);
      if (k < 0 || k > n) {
        throw new NodeException("k = " + k + " is out of range for axis " + axis + " of size " + n);
      }
      int kk = (int) k;
      int outer = s.product(0, axis);
      int inner = s.product(axis + 1, s.rank());
      int[] outDims = s.dims();
      outDims[axis] = kk;
      Shape out = Shape.of(outDims);
      float[] in = x.floatData();
      float[] values = new float[out.size()];
      long[] indices = new long[out.size()];
      boolean[] taken = new boolean[n];
      for (int a = 0; a < outer; a++) {
        for (int b = 0; b < inner; b++) {
          Arrays.fill(taken, false);
          for (int r = 0; r < kk; r++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
              if (!taken[i]
                  && (best < 0
                      || better(
                          in[(a * n + i) * inner + b], in[(a * n + best) * inner + b], largest))) {
                best = i;
              }
            }
            taken[best] = true;
            int o = (a * kk + r) * inner + b;
            values[o] = in[(a * n + best) * inner + b];
            indices[o] = best;
          }
        }
      }
      return new Tensor[] {
        Tensor.wrapFloats(out, values), Tensor.wrapLongs(ElementType.INT64, out, indices)
      };
    };
  }

  // Strictly better, so that among equal values the lowest index, found first, stays chosen.
  private static boolean better(float candidate, float best, boolean largest) {
    return largest ? candidate > best : candidate < best;
  }
}
