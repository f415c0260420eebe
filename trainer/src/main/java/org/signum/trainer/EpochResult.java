package org.signum.trainer;

/**
 * One epoch of training: its learning rate, mean loss and training accuracy (float forward pass,
 * training mode), the binarized network's validation accuracy as inference computes it (NaN without
 * a validation set), and the wall time.
 */
public record EpochResult(
    int epoch,
    int epochs,
    float learningRate,
    double loss,
    double trainAccuracy,
    double validationAccuracy,
    double seconds,
    boolean best) {}
