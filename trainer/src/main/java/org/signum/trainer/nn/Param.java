package org.signum.trainer.nn;

/**
 * A trained parameter: its values, the gradient of the loss with respect to them (filled by the
 * backward pass), and whether the optimizer clips it to [-1, 1] after each step (the latent
 * real-valued weights behind binary weights).
 */
public final class Param {
  private final String name;
  private final float[] value;
  private final float[] grad;
  private final boolean clipped;

  public Param(String name, float[] value, boolean clipped) {
    this.name = name;
    this.value = value;
    this.grad = new float[value.length];
    this.clipped = clipped;
  }

  public String name() {
    return name;
  }

  public float[] value() {
    return value;
  }

  public float[] grad() {
    return grad;
  }

  public boolean clipped() {
    return clipped;
  }

  public int size() {
    return value.length;
  }
}
