package org.signum.compiler.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates an imported graph on one input in float32, with the semantics of ONNX and QONNX that
 * the operators document, so that what the compiler builds can be checked against what the model
 * itself computes. A model's kernels hold no state, so many threads may evaluate one model at once.
 */
public final class FloatEvaluator {
  private FloatEvaluator() {}

  /**
   * Runs {@code model} on {@code input}, the row-major values of its single graph input.
   *
   * @return the input and every tensor the nodes compute, plus the graph outputs, by name, in
   *     evaluation order; integer tensors (such as TopK's indices) converted to float
   * @throws IllegalArgumentException if the model does not have exactly one input or {@code input}
   *     does not have the input's size
   */
  public static Map<String, float[]> run(OnnxModel model, float[] input) {
    if (model.inputs().size() != 1) {
      throw new IllegalArgumentException(
          model.source()
              + ": the evaluator needs a model with one graph input, not "
              + model.inputs().size());
    }
    TensorInfo in = model.inputs().get(0);
    if (input.length != in.shape().size()) {
      throw new IllegalArgumentException(
          model.source()
              + ": the input has "
              + input.length
              + " values; graph input '"
              + in.name()
              + "' has shape "
              + in.shape()
              + " ("
              + in.shape().size()
              + " values)");
    }
    Map<String, Tensor> values = new LinkedHashMap<>(model.initializers());
    Map<String, float[]> results = new LinkedHashMap<>();
    values.put(in.name(), Tensor.ofFloats(in.shape(), input));
    results.put(in.name(), input.clone());
    for (OnnxNode node : model.nodes()) {
      Tensor[] args = new Tensor[node.inputs().size()];
      for (int i = 0; i < args.length; i++) {
        String name = node.inputs().get(i);
        args[i] = name.isEmpty() ? null : values.get(name);
      }
      Tensor[] out = node.kernel().apply(args);
      for (int i = 0; i < out.length && i < node.outputs().size(); i++) {
        String name = node.outputs().get(i);
        if (!name.isEmpty()) {
          values.put(name, out[i]);
          results.put(name, out[i].toFloats());
        }
      }
    }
    for (TensorInfo o : model.outputs()) {
      results.computeIfAbsent(o.name(), name -> values.get(name).toFloats());
    }
    return Collections.unmodifiableMap(results);
  }

  /** The values of the model's first graph output for {@code input}; see {@link #run}. */
  public static float[] output(OnnxModel model, float[] input) {
    return run(model, input).get(model.outputs().get(0).name()).clone();
  }
}
