package org.signum.compiler.ir;

/**
 * One layer of a {@link Network}. Each layer reads the output of the layer before it. The kinds are
 * a closed set so that every pass, the golden reference and code generation handle each one;
 * convolution and pooling will join as new kinds.
 *
 * <p>Layers are plain data: constructing one checks nothing beyond nulls. The {@link Verifier}
 * checks a whole network and names the layer and field at fault.
 */
public sealed interface Layer
    permits Input, BinaryDense, BatchNorm, Affine, Sign, Threshold, Scores, Argmax {

  /** The layer's name, unique in its network; any non-empty text without white space. */
  String name();

  /** The lower-case kind word used in the model file and in messages: {@code dense}. */
  String kind();
}
