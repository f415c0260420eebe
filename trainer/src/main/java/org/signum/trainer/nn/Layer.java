package org.signum.trainer.nn;

import java.util.List;

/**
 * One stage of a network being trained. Activations are batch-major flat arrays: sample {@code b}
 * of a layer with F features occupies {@code [b * F, (b + 1) * F)}. A layer keeps what its backward
 * pass needs from the last forward pass.
 *
 * <p>Per-channel layers (batch norm) take a channel count and the positions per channel, so a
 * convolution's C x H x W output normalizes per C with the same code as a dense layer's F x 1.
 */
public interface Layer {
  int inputs();

  int outputs();

  /** The output for {@code batch} samples of input {@code x}. */
  float[] forward(float[] x, int batch, Pass pass);

  /**
   * Given the gradient of the loss with respect to the last forward pass's output, accumulates the
   * parameter gradients (overwriting them) and returns the gradient with respect to its input, or
   * null when {@code needInput} is false.
   */
  float[] backward(float[] dy, int batch, boolean needInput);

  /** The trained parameters, in a fixed order. */
  default List<Param> params() {
    return List.of();
  }

  /** State that is not trained by gradient but must be saved (running statistics). */
  default List<float[]> buffers() {
    return List.of();
  }
}
