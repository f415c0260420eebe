package org.signum.compiler.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.signum.compiler.CompileException;
import org.signum.compiler.ir.FloatArithmetic;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Turns a float chain followed by sign into one integer rule per channel and proves it. The rule is
 * found by binary search, which assumes the chain is monotone; the certificate then evaluates the
 * float definition at every reachable value (or, past the budget, at the range's ends and on both
 * sides of the threshold) and fails the compilation on any disagreement.
 */
final class ChannelFold {
  private final FloatChain chain;
  private final String what;
  private final boolean popcount;

  /**
   * @param what names the fold in messages, e.g. {@code layer 4 'act1' (sign): folding 'bn1' +
   *     'act1'}
   */
  ChannelFold(FloatChain chain, String what) {
    this.chain = chain;
    this.what = what;
    this.popcount = chain.values().popcountInputs() > 0;
  }

  /** One rule per channel on the popcount (bipolar dense inputs) or the value (otherwise). */
  List<ThresholdRule> fold(PassContext context, String layerName, String replaced)
      throws CompileException {
    IntegerValues values = chain.values();
    long total = 0;
    for (int c = 0; c < values.channels(); c++) {
      total += values.count(c);
    }
    boolean exhaustive = total <= context.exhaustiveBudget();
    List<ThresholdRule> rules = new ArrayList<>();
    long checked = 0;
    for (int c = 0; c < values.channels(); c++) {
      ThresholdRule onIndex = search(c);
      checked += exhaustive ? checkAll(c, onIndex) : checkBoundaries(c, onIndex);
      rules.add(onOperand(c, onIndex));
    }
    context.certify(
        new FoldCertificate(
            layerName,
            replaced,
            values.channels(),
            checked,
            exhaustive
                ? FoldCertificate.Method.EXHAUSTIVE
                : FoldCertificate.Method.MONOTONE_BOUNDARY));
    return rules;
  }

  private boolean fires(int c, long k) {
    return FloatArithmetic.signFires(chain.at(c, k));
  }

  private ThresholdRule search(int c) {
    long count = chain.values().count(c);
    int direction = chain.direction(c);
    if (direction == 0) {
      return fires(c, 0) ? ThresholdRule.always() : ThresholdRule.never();
    }
    if (direction > 0) {
      long first = firstTrue(k -> fires(c, k), count);
      return first == 0
          ? ThresholdRule.always()
          : first == count ? ThresholdRule.never() : ThresholdRule.atLeast(first);
    }
    long first = firstTrue(k -> !fires(c, k), count);
    return first == 0
        ? ThresholdRule.never()
        : first == count ? ThresholdRule.always() : ThresholdRule.below(first);
  }

  /** The smallest k in [0, count) where a monotone predicate holds, or count. */
  private static long firstTrue(LongPredicate p, long count) {
    long lo = 0;
    long hi = count;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (p.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  private long checkAll(int c, ThresholdRule rule) throws CompileException {
    long count = chain.values().count(c);
    for (long k = 0; k < count; k++) {
      check(c, k, rule);
    }
    return count;
  }

  private long checkBoundaries(int c, ThresholdRule rule) throws CompileException {
    long count = chain.values().count(c);
    long[] ks = {0, count - 1, rule.threshold() - 1, rule.threshold()};
    long n = 0;
    for (long k : ks) {
      if (k >= 0 && k < count) {
        check(c, k, rule);
        n++;
      }
    }
    return n;
  }

  private void check(int c, long k, ThresholdRule rule) throws CompileException {
    boolean expected = fires(c, k);
    if (rule.fires(k) != expected) {
      String operand = popcount ? "p = " + k : "v = " + chain.values().value(c, k);
      throw new CompileException(
          what
              + " into a threshold failed its certificate at channel "
              + c
              + ": at "
              + operand
              + " the float definition gives "
              + (expected ? "+1" : "-1")
              + " but the folded rule "
              + describe(c, rule)
              + " gives "
              + (expected ? "-1" : "+1")
              + "; the float function is not a threshold of its input here");
    }
  }

  private String describe(int c, ThresholdRule rule) {
    ThresholdRule r = onOperand(c, rule);
    String name = popcount ? "p" : "v";
    return switch (r.kind()) {
      case AT_LEAST -> name + " >= " + r.threshold();
      case BELOW -> name + " < " + r.threshold();
      case ALWAYS -> "'always'";
      case NEVER -> "'never'";
    };
  }

  /** A rule on the index k of channel c's values as a rule on the popcount or the value. */
  private ThresholdRule onOperand(int c, ThresholdRule onIndex) {
    if (popcount
        || onIndex.kind() == ThresholdRule.Kind.ALWAYS
        || onIndex.kind() == ThresholdRule.Kind.NEVER) {
      return onIndex;
    }
    // Values other than a bipolar dense layer's run in steps of 1.
    long v = chain.values().value(c, onIndex.threshold());
    return new ThresholdRule(onIndex.kind(), v);
  }
}
