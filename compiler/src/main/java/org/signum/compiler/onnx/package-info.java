/**
 * Import of ONNX and QONNX models: {@link org.signum.compiler.onnx.OnnxModel} reads a model file
 * into an immutable, validated graph with constant subgraphs folded away, {@link
 * org.signum.compiler.onnx.FloatEvaluator} runs that graph in float32 with the semantics of ONNX
 * and QONNX, {@link org.signum.compiler.onnx.OnnxImporter} lowers it to the compiler's layer IR
 * computing exactly the same, and {@link org.signum.compiler.onnx.Idx} reads MNIST's IDX files. The
 * operators, their attributes, the lowering and the errors are described in {@code
 * docs/onnx-import.md}.
 */
package org.signum.compiler.onnx;
