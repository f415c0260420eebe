package org.signum.compiler.passes;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * A neuron with a reversed threshold ({@code p < t}, from a negative batch-norm scale) gets its
 * weight row negated and an ordinary threshold instead, so that every neuron of a layer runs the
 * same {@code thr} instruction in one loop. Negating the row turns the dot product {@code s} into
 * {@code -s} and the popcount {@code p} into {@code N - p}, hence {@code p < t} becomes {@code p'
 * >= N - t + 1} and {@code s < t} becomes {@code s' >= 1 - t}. The layer's dot products change sign
 * for those neurons; the threshold's output bits do not.
 */
public final class FlipReversedNeurons implements Pass {
  @Override
  public Network run(Network net, PassContext context) {
    Network out = net;
    for (int i = 2; i < net.size(); i++) {
      if (!(net.layer(i) instanceof Threshold t) || !(net.layer(i - 1) instanceof BinaryDense d)) {
        continue;
      }
      boolean[] flip = new boolean[t.rules().size()];
      boolean any = false;
      List<ThresholdRule> rules = new ArrayList<>();
      for (int c = 0; c < flip.length; c++) {
        ThresholdRule r = t.rules().get(c);
        flip[c] = r.kind() == ThresholdRule.Kind.BELOW;
        any |= flip[c];
        if (!flip[c]) {
          rules.add(r);
        } else if (t.operand() == Threshold.Operand.POPCOUNT) {
          rules.add(ThresholdRule.atLeast(d.inputs() - r.threshold() + 1));
        } else {
          rules.add(ThresholdRule.atLeast(1 - r.threshold()));
        }
      }
      if (any) {
        out =
            out.replace(
                i - 1,
                i + 1,
                List.of(
                    new BinaryDense(d.name(), d.weights().negateRows(flip)),
                    new Threshold(t.name(), t.operand(), rules)));
      }
    }
    return out;
  }
}
