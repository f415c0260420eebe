package org.signum.compiler.onnx;

import java.util.Arrays;

/**
 * ONNX Reshape with a constant target shape: 0 copies the input's dimension (unless allowzero=1,
 * when it means an empty dimension) and one -1 takes what is left.
 */
final class Reshape implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 2, 2);
    Checks.outputs(node, 1, 1);
    Attributes attrs = Attributes.of(node, "allowzero");
    boolean allowZero = attrs.getFlag("allowzero", false);
    long[] target =
        TensorOps.integerList(constants.require(node, 1, "the target shape"), "the target shape");
    return inputs -> {
      Tensor x = inputs[0];
      return new Tensor[] {x.reshape(resolve(x.shape(), target, allowZero))};
    };
  }

  static Shape resolve(Shape in, long[] target, boolean allowZero) {
    int[] dims = new int[target.length];
    int inferred = -1;
    long known = 1;
    for (int i = 0; i < target.length; i++) {
      long d = target[i];
      if (d == -1) {
        if (inferred >= 0) {
          throw new NodeException(
              "target shape " + Arrays.toString(target) + " has more than one -1");
        }
        inferred = i;
        continue;
      }
      if (d == 0 && !allowZero) {
        if (i >= in.rank()) {
          throw new NodeException(
              "target shape "
                  + Arrays.toString(target)
                  + " copies dimension "
                  + i
                  + ", which input "
                  + in
                  + " does not have");
        }
        d = in.dim(i);
      } else if (d < 0) {
        throw new NodeException("target shape " + Arrays.toString(target) + " has dimension " + d);
      }
      dims[i] = Checks.toInt(d, "dimension");
      known *= dims[i];
    }
    if (inferred >= 0) {
      if (known == 0 || in.size() % known != 0) {
        throw new NodeException(
            "cannot reshape " + in + " (" + in.size() + " elements) to " + Arrays.toString(target));
      }
      dims[inferred] = (int) (in.size() / known);
      known *= dims[inferred];
    }
    if (known != in.size()) {
      throw new NodeException(
          "cannot reshape " + in + " (" + in.size() + " elements) to " + Arrays.toString(target));
    }
    return Shape.of(dims);
  }
}
