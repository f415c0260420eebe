package org.signum.compiler.passes;

import java.util.Collections;
import java.util.List;
import org.signum.compiler.ir.ElementKind;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Sign;
import org.signum.compiler.ir.TensorType;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Sign applied directly to integers (a dense layer's dot products, or 8-bit inputs) becomes the
 * threshold {@code v >= 0}. Exact without a certificate: a positive scale never changes the sign of
 * an integer.
 */
public final class FoldSignIntoThreshold implements Pass {
  @Override
  public Network run(Network net, PassContext context) {
    List<TensorType> types = net.types();
    Network out = net;
    for (int i = 1; i < net.size(); i++) {
      ElementKind in = types.get(i - 1).kind();
      if (net.layer(i) instanceof Sign s
          && (in == ElementKind.INTEGER || in == ElementKind.UINT8)) {
        int channels = types.get(i - 1).shape().channels();
        List<ThresholdRule> rules = Collections.nCopies(channels, ThresholdRule.atLeast(0));
        out =
            out.replace(i, i + 1, List.of(new Threshold(s.name(), Threshold.Operand.VALUE, rules)));
      }
    }
    return out;
  }
}
