package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.Compiler;
import org.signum.compiler.Machine;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.ir.Rational;
import org.signum.isa.MachineDescription;

/**
 * The real w1a1 exports of ../shared/models/onnx compiled and run on the simulator over a fixed
 * subset of the MNIST test images of ../shared/datasets/mnist: the first {@value #FIRST}, and the
 * images where the float scores' top is shared (found over all 10,000 with {@code signum run}),
 * which only the rule "the first maximum wins" decides. On every image the simulated class must
 * equal the golden reference's, and the float evaluator's except at a shared top. The multi-bit
 * exports are refused by name. Needs ../shared beside the repository and fails without it.
 */
class CompiledExportsTest {
  private static final int FIRST = 200;

  /** The test images whose top float score is shared, the same for both w1a1 graphs. */
  private static final List<Integer> SHARED =
      List.of(
          349, 511, 1208, 1441, 1942, 2233, 2374, 2393, 2542, 2560, 2986, 3132, 3284, 3550, 4300,
          4578, 4620, 4639, 4690, 4978, 4990, 5842, 6091, 6883, 7432, 8272, 8277, 8375, 9008, 9530,
          9560, 9679);

  private static Idx.Images images;
  private static int[] labels;

  @BeforeAll
  static void readMnist() throws Exception {
    images = Idx.readImages(Mnist.shared(Mnist.IMAGES));
    labels = Idx.readLabels(Mnist.shared(Mnist.LABELS));
  }

  /**
   * What the run found over the subset.
   *
   * @param correctOfFirst correct predictions among the first {@value #FIRST} images
   * @param shared images whose top float score is shared
   * @param differing images where the float evaluator predicts another class than the simulator
   */
  private record Agreement(int correctOfFirst, List<Integer> shared, List<Integer> differing) {}

  private static Agreement run(ImportedNetwork imported) throws Exception {
    MachineDescription m = MachineDescription.defaults();
    CompiledProgram p = Compiler.compile(imported.network(), m, CompileOptions.defaults());
    Machine machine = new Machine(p, m);
    GoldenReference golden = new GoldenReference(imported.network());
    List<Integer> subset = new ArrayList<>();
    for (int i = 0; i < FIRST; i++) {
      subset.add(i);
    }
    subset.addAll(SHARED);
    int correct = 0;
    List<Integer> shared = new ArrayList<>();
    List<Integer> differing = new ArrayList<>();
    for (int i : subset) {
      int[] x = images.image(i);
      int simulated = machine.run(x).classIndex().orElseThrow();
      assertEquals(golden.evaluate(x).classIndex(), simulated, "golden reference, image " + i);
      FloatPrediction f = imported.evaluate(x);
      if (f.topShared()) {
        shared.add(i);
      }
      if (f.classIndex() != simulated) {
        differing.add(i);
      }
      correct += i < FIRST && simulated == labels[i] ? 1 : 0;
    }
    return new Agreement(correct, shared, differing);
  }

  /**
   * Differences are allowed at shared tops only, but Signum follows the graph's float semantics
   * ties included, so in fact nothing differs. The counts are measurements, never tuned.
   */
  private static void assertMeasured(Agreement a) {
    assertTrue(
        a.shared().containsAll(a.differing()),
        "the float evaluator differs at " + a.differing() + ", ties are only " + a.shared());
    assertEquals(List.of(), a.differing());
    assertEquals(SHARED, a.shared());
    assertEquals(193, a.correctOfFirst());
  }

  @Test
  void brevitasTfc1w1aOnPixelsOver255() throws Exception {
    ImportedNetwork imported =
        OnnxImporter.importNetwork(Mnist.model("TFC_1W1A"), Optional.of(Rational.of(1, 255)));
    assertMeasured(run(imported));
  }

  @Test
  void finnStreamlinedTfcOnRawPixelsByItsAnnotation() throws Exception {
    ImportedNetwork imported = OnnxImporter.importNetwork(Mnist.model("finn_tfc_w1a1_streamlined"));
    assertEquals(Rational.ONE, imported.inputScale());
    assertMeasured(run(imported));
  }

  @Test
  void theMultiBitExportsAreRefusedAtTheirInputQuantizer() throws Exception {
    for (String name : List.of("TFC_1W2A", "TFC_2W2A")) {
      OnnxModel m = Mnist.model(name);
      OnnxImportException e =
          assertThrows(OnnxImportException.class, () -> OnnxImporter.importNetwork(m));
      assertTrue(
          e.getMessage()
              .startsWith(
                  m.source()
                      + ": node 'Quant_13' (Quant): a 2-bit signed narrow quantizer (integers -1"
                      + " to 1) is not supported: Signum's layer IR has binary activations only"),
          e.getMessage());
    }
  }
}
