package org.signum.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code signum run} found: accuracy, timings, and every image where the simulator, the golden
 * reference and the float evaluator disagree, as text for people and as JSON.
 */
final class RunReport {
  /** Image numbers shown in text; JSON lists them all. */
  private static final int SHOWN = 40;

  private final BatchRun.Result r;
  private final int correct;
  private final List<Integer> goldenDiffers = new ArrayList<>();
  private final List<Integer> floatDiffers = new ArrayList<>();
  private final List<Integer> floatDiffersAtTies = new ArrayList<>();
  private final List<Integer> ties = new ArrayList<>();

  RunReport(BatchRun.Result r, int[] labels) {
    this.r = r;
    int n = 0;
    for (int i = 0; i < r.simulated().length; i++) {
      n += r.simulated()[i] == labels[i] ? 1 : 0;
      if (r.golden()[i] != r.simulated()[i]) {
        goldenDiffers.add(i);
      }
      if (r.floatClass() == null) {
        continue;
      }
      if (r.shared()[i]) {
        ties.add(i);
      }
      if (r.floatClass()[i] != r.simulated()[i]) {
        (r.shared()[i] ? floatDiffersAtTies : floatDiffers).add(i);
      }
    }
    correct = n;
  }

  int images() {
    return r.simulated().length;
  }

  /**
   * Whether every check passed: the golden reference agrees everywhere, the float evaluator
   * everywhere but at shared top scores.
   */
  boolean agrees() {
    return goldenDiffers.isEmpty() && floatDiffers.isEmpty();
  }

  double accuracy() {
    return images() == 0 ? 0 : (double) correct / images();
  }

  /** {@code 96 of 100 = 96.00 %}. */
  String accuracyText() {
    return String.format(Locale.ROOT, "%,d of %,d = %.2f %%", correct, images(), 100 * accuracy());
  }

  void print(PrintWriter out, int threads, double compileSeconds) {
    out.printf(
        Locale.ROOT,
        "ran %,d images on %d thread%s in %.2f s (%,.0f images/s), %,.0f instructions per image%n",
        images(),
        threads,
        threads == 1 ? "" : "s",
        r.seconds(),
        images() / Math.max(r.seconds(), 1e-9),
        (double) r.steps() / Math.max(1, images()));
    out.println("accuracy: " + accuracyText());
    out.println(
        "golden reference: "
            + (goldenDiffers.isEmpty()
                ? "agrees on all " + count(images()) + " images"
                : "DISAGREES on " + listed(goldenDiffers)));
    if (r.floatClass() != null) {
      String verdict =
          floatDiffers.isEmpty()
              ? floatDiffersAtTies.isEmpty()
                  ? "agrees on all " + count(images()) + " images"
                  : "agrees on " + count(images() - floatDiffersAtTies.size()) + " images"
              : "DISAGREES on " + listed(floatDiffers);
      if (!floatDiffersAtTies.isEmpty()) {
        verdict += "; differs at shared top scores on " + listed(floatDiffersAtTies);
      }
      out.println("float evaluator: " + verdict);
      out.println(
          "shared top scores (the first maximum wins): "
              + (ties.isEmpty() ? "none" : listed(ties)));
    } else {
      out.println("float evaluator: none for a Signum model file");
    }
    out.printf(
        Locale.ROOT,
        "wall time: %.2f s (compiling and assembling %.2f s, running %.2f s)%n",
        compileSeconds + r.seconds(),
        compileSeconds,
        r.seconds());
  }

  private static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String listed(List<Integer> images) {
    StringBuilder s =
        new StringBuilder(count(images.size()))
            .append(images.size() == 1 ? " image: " : " images: ");
    for (int i = 0; i < Math.min(SHOWN, images.size()); i++) {
      s.append(i == 0 ? "" : ", ").append(images.get(i));
    }
    return s.append(images.size() > SHOWN ? ", ..." : "").toString();
  }

  Map<String, Object> json(Map<String, Object> header, int threads, double compileSeconds) {
    Map<String, Object> j = new LinkedHashMap<>(header);
    j.put("images", images());
    j.put("correct", correct);
    j.put("accuracy", accuracy());
    j.put("threads", threads);
    j.put("compile_seconds", compileSeconds);
    j.put("run_seconds", r.seconds());
    j.put("instructions", r.steps());
    j.put("golden_disagreements", goldenDiffers);
    if (r.floatClass() != null) {
      j.put("float_disagreements", floatDiffers);
      j.put("float_disagreements_at_shared_top", floatDiffersAtTies);
      j.put("shared_top_scores", ties);
    } else {
      j.put("float_disagreements", null);
      j.put("float_disagreements_at_shared_top", null);
      j.put("shared_top_scores", null);
    }
    j.put("agrees", agrees());
    return j;
  }

  /** One simulated class per line. */
  String predictions() {
    StringBuilder s = new StringBuilder();
    for (int c : r.simulated()) {
      s.append(c).append('\n');
    }
    return s.toString();
  }
}
