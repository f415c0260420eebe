package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

/** The verdicts of {@code signum run}: which disagreements fail a run and how they are listed. */
class RunReportTest {
  private static String text(RunReport r) {
    StringWriter s = new StringWriter();
    try (PrintWriter w = new PrintWriter(s)) {
      r.print(w, 2, 0.5);
    }
    return s.toString();
  }

  private static final int[] LABELS = {0, 1, 2, 3, 4};

  @Test
  void agreementEverywhere() {
    BatchRun.Result r =
        new BatchRun.Result(
            new int[] {0, 1, 2, 3, 0},
            new int[] {0, 1, 2, 3, 0},
            new int[] {0, 1, 2, 3, 0},
            new boolean[] {false, true, false, false, false},
            5000,
            1.0);
    RunReport report = new RunReport(r, LABELS);
    assertTrue(report.agrees());
    assertEquals(0.8, report.accuracy());
    String t = text(report);
    assertTrue(t.contains("ran 5 images on 2 threads in 1.00 s (5 images/s), 1,000"), t);
    assertTrue(t.contains("accuracy: 4 of 5 = 80.00 %"), t);
    assertTrue(t.contains("golden reference: agrees on all 5 images"), t);
    assertTrue(t.contains("float evaluator: agrees on all 5 images"), t);
    assertTrue(t.contains("shared top scores (the first maximum wins): 1 image: 1"), t);
    assertTrue(
        t.contains("wall time: 1.50 s (compiling and assembling 0.50 s, running 1.00 s)"), t);
    assertEquals("0\n1\n2\n3\n0\n", report.predictions());
  }

  @Test
  void theFloatEvaluatorMayDifferAtASharedTopOnly() {
    BatchRun.Result r =
        new BatchRun.Result(
            new int[] {0, 1, 2, 3, 4},
            new int[] {0, 1, 2, 3, 4},
            new int[] {0, 5, 2, 3, 4},
            new boolean[] {false, true, false, false, false},
            5,
            1.0);
    RunReport report = new RunReport(r, LABELS);
    assertTrue(report.agrees());
    String t = text(report);
    assertTrue(
        t.contains(
            "float evaluator: agrees on 4 images; differs at shared top scores on 1 image: 1"),
        t);
    String json = Json.write(report.json(new LinkedHashMap<>(), 2, 0.5));
    assertTrue(json.contains("\"float_disagreements\": [],"), json);
    assertTrue(json.contains("\"float_disagreements_at_shared_top\": [1],"), json);
  }

  @Test
  void anyOtherDisagreementFailsTheRun() {
    BatchRun.Result r =
        new BatchRun.Result(
            new int[] {0, 1, 2, 3, 4},
            new int[] {0, 1, 7, 3, 4},
            new int[] {9, 1, 2, 3, 4},
            new boolean[5],
            5,
            1.0);
    RunReport report = new RunReport(r, LABELS);
    assertFalse(report.agrees());
    String t = text(report);
    assertTrue(t.contains("golden reference: DISAGREES on 1 image: 2"), t);
    assertTrue(t.contains("float evaluator: DISAGREES on 1 image: 0"), t);
    String json = Json.write(report.json(new LinkedHashMap<>(), 2, 0.5));
    assertTrue(json.contains("\"golden_disagreements\": [2],"), json);
    assertTrue(json.contains("\"agrees\": false"), json);
  }
}
