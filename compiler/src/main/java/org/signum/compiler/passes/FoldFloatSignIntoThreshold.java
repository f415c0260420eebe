package org.signum.compiler.passes;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.CompileException;
import org.signum.compiler.ir.ElementKind;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Sign;
import org.signum.compiler.ir.TensorType;
import org.signum.compiler.ir.Threshold;

/**
 * Batch norm and affine layers on integers, followed by sign, become one integer threshold per
 * channel: {@code p >= T} on the popcount of a bipolar dense layer (reversed, {@code p < T}, where
 * the scale is negative; constant where it is zero), or {@code v >= T} on the value of an 8-bit sum
 * or input. The input scale of an 8-bit input is folded in exactly. Each fold carries a {@link
 * FoldCertificate}; a failed check is a compile error naming the layer and channel.
 */
public final class FoldFloatSignIntoThreshold implements Pass {
  @Override
  public Network run(Network net, PassContext context) throws CompileException {
    List<TensorType> types = net.types();
    List<Layer> out = new ArrayList<>();
    int i = 0;
    while (i < net.size()) {
      out.add(net.layer(i));
      int end = chainEnd(net, i);
      ElementKind kind = types.get(i).kind();
      boolean integer = kind == ElementKind.INTEGER || kind == ElementKind.UINT8;
      if (integer && end > i + 1 && end < net.size() && net.layer(end) instanceof Sign s) {
        List<Layer> folded = net.layers().subList(i + 1, end + 1);
        String replaced = FloatChain.describe(folded);
        FloatChain chain =
            new FloatChain(net.layers().subList(i + 1, end), IntegerValues.of(net, i));
        String what = "layer " + end + " '" + s.name() + "' (sign): folding " + replaced;
        ChannelFold fold = new ChannelFold(chain, what);
        Threshold.Operand operand =
            chain.values().popcountInputs() > 0
                ? Threshold.Operand.POPCOUNT
                : Threshold.Operand.VALUE;
        out.add(new Threshold(s.name(), operand, fold.fold(context, s.name(), replaced)));
        i = end + 1;
      } else {
        i++;
      }
    }
    return Network.of(net.name(), out);
  }

  /** The index after the run of float layers that starts at {@code i + 1}. */
  static int chainEnd(Network net, int i) {
    int k = i + 1;
    while (k < net.size() && FloatChain.isFloatLayer(net.layer(k))) {
      k++;
    }
    return k;
  }
}
