package org.signum.compiler.passes;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.ElementKind;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.TensorType;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Thresholds on the dot product {@code s} of a dense layer with N bipolar inputs become thresholds
 * on the popcount {@code p}, which the machine counts: since {@code s = 2p - N}, {@code s >= t}
 * exactly when {@code p >= ceil((t + N) / 2)}, and likewise for {@code s < t}.
 */
public final class ConvertThresholdsToPopcount implements Pass {
  @Override
  public Network run(Network net, PassContext context) {
    List<TensorType> types = net.types();
    Network out = net;
    for (int i = 2; i < net.size(); i++) {
      if (net.layer(i) instanceof Threshold t
          && t.operand() == Threshold.Operand.VALUE
          && net.layer(i - 1) instanceof BinaryDense d
          && types.get(i - 2).kind() == ElementKind.BIPOLAR) {
        List<ThresholdRule> rules = new ArrayList<>();
        for (ThresholdRule r : t.rules()) {
          long p = Math.floorDiv(r.threshold() + d.inputs() + 1, 2);
          rules.add(
              switch (r.kind()) {
                case AT_LEAST -> ThresholdRule.atLeast(p);
                case BELOW -> ThresholdRule.below(p);
                case ALWAYS, NEVER -> r;
              });
        }
        out =
            out.replace(
                i, i + 1, List.of(new Threshold(t.name(), Threshold.Operand.POPCOUNT, rules)));
      }
    }
    return out;
  }
}
