package org.signum.compiler.onnx;

/**
 * ONNX's elementwise Add, Sub, Mul, Div and Pow on FLOAT tensors with numpy broadcasting, each
 * result rounded to float32 as the model computes it.
 */
enum Arithmetic implements Operator {
  ADD {
    @Override
    float apply(float a, float b) {
      return a + b;
    }
  },
  SUB {
    @Override
    float apply(float a, float b) {
      return a - b;
    }
  },
  MUL {
    @Override
    float apply(float a, float b) {
      return a * b;
    }
  },
  DIV {
    @Override
    float apply(float a, float b) {
      return a / b;
    }
  },
  POW {
    // The exact power rounded once to float, as a correctly rounded powf would give.
    @Override
    float apply(float a, float b) {
      return (float) Math.pow(a, b);
    }
  };

  abstract float apply(float a, float b);

  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 2, 2);
    Checks.outputs(node, 1, 1);
    Attributes.of(node);
    return inputs -> {
      Tensor a = Checks.floats(inputs[0], "input A");
      Tensor b = Checks.floats(inputs[1], "input B");
      Shape out = TensorOps.broadcast(a.shape(), b.shape());
      float[] x = TensorOps.expand(a, out);
      float[] y = TensorOps.expand(b, out);
      float[] result = new float[out.size()];
      for (int i = 0; i < result.length; i++) {
        result[i] = apply(x[i], y[i]);
      }
      return new Tensor[] {Tensor.wrapFloats(out, result)};
    };
  }
}
