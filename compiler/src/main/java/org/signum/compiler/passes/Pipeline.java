package org.signum.compiler.passes;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.CompileException;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Verifier;

/**
 * The compiler's passes, in the order they run. After the pipeline every float layer is gone: what
 * remains is inputs, dense layers, integer thresholds, integer scores and argmax, which is what
 * code generation takes.
 */
public final class Pipeline {
  /** Sees the network after each pass: dumps, tests. */
  @FunctionalInterface
  public interface Observer {
    void after(String passName, Network net);
  }

  private final List<Pass> passes;
  private final boolean verifyEachPass;

  public Pipeline(List<Pass> passes, boolean verifyEachPass) {
    this.passes = List.copyOf(passes);
    this.verifyEachPass = verifyEachPass;
  }

  /** The standard pipeline. */
  public static Pipeline standard(boolean verifyEachPass) {
    return new Pipeline(standardPasses(), verifyEachPass);
  }

  /** The standard passes, in order. */
  public static List<Pass> standardPasses() {
    return List.of(
        new FoldSignIntoThreshold(),
        new FoldFloatSignIntoThreshold(),
        new FoldFloatScoresIntoTable(),
        new ConvertThresholdsToPopcount(),
        new FlipReversedNeurons());
  }

  /** The names of the standard passes, in order. */
  public static List<String> passNames() {
    List<String> names = new ArrayList<>();
    for (Pass p : standardPasses()) {
      names.add(p.name());
    }
    return names;
  }

  public List<Pass> passes() {
    return passes;
  }

  /**
   * Runs every pass on {@code net}, which must be valid.
   *
   * @throws CompileException when a fold cannot be proved exact
   * @throws IllegalStateException when a pass breaks the IR's rules (a compiler bug), with the
   *     verifier's problems
   */
  public Network run(Network net, PassContext context, Observer observer) throws CompileException {
    Network current = net;
    for (Pass p : passes) {
      current = p.run(current, context);
      if (verifyEachPass) {
        Verifier.Result r = Verifier.check(current);
        if (!r.ok()) {
          throw new IllegalStateException(
              "pass "
                  + p.name()
                  + " produced an invalid network:\n"
                  + String.join("\n", r.problems()));
        }
      }
      observer.after(p.name(), current);
    }
    return current;
  }
}
