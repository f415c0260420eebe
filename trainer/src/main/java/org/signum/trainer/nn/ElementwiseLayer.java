package org.signum.trainer.nn;

/** A layer that maps each of its features on its own, so its output has its input's size. */
abstract class ElementwiseLayer implements Layer {
  final int features;

  ElementwiseLayer(int features) {
    this.features = features;
  }

  @Override
  public final int inputs() {
    return features;
  }

  @Override
  public final int outputs() {
    return features;
  }
}
