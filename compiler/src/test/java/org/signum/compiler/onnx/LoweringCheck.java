package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.Compiler;
import org.signum.compiler.HostInterface;
import org.signum.compiler.Machine;
import org.signum.compiler.golden.Evaluation;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.golden.LayerValue;
import org.signum.compiler.ir.ElementKind;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Rational;
import org.signum.isa.MachineDescription;

/**
 * Checks an imported network against the graph it came from, input by input: the golden reference
 * of the IR must give every binary activation the float evaluator gives (at the node the IR layer
 * is named after), the same class scores bit for bit (or their integer values), and the same class;
 * and the compiled program, run on the simulator, the golden reference's class and bits.
 */
final class LoweringCheck {
  private LoweringCheck() {}

  static ImportedNetwork lower(GraphBuilder g, Rational scale) throws OnnxImportException {
    return OnnxImporter.importNetwork(g.load(), Optional.ofNullable(scale));
  }

  /** {@code count} random inputs: bytes 0..255, or +1/-1 for a bipolar input. */
  static List<int[]> randomInputs(ImportedNetwork imported, int count, long seed) {
    Random r = new Random(seed);
    Input in = (Input) imported.network().layer(0);
    int n = (int) in.shape().elements();
    List<int[]> inputs = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int[] x = new int[n];
      for (int i = 0; i < n; i++) {
        x[i] = in.encoding() == Input.Encoding.UINT8 ? r.nextInt(256) : r.nextBoolean() ? 1 : -1;
      }
      inputs.add(x);
    }
    return inputs;
  }

  /** Imports, then checks the IR and the compiled program on {@code inputs}. */
  static void assertExact(ImportedNetwork imported, List<int[]> inputs) throws Exception {
    GoldenReference golden = new GoldenReference(imported.network());
    MachineDescription m = MachineDescription.defaults();
    CompiledProgram p = Compiler.compile(imported.network(), m, CompileOptions.defaults());
    Machine machine = new Machine(p, m);
    GoldenReference foldedGolden = new GoldenReference(p.folded());
    for (int[] x : inputs) {
      Evaluation e = golden.evaluate(x);
      Map<String, float[]> onnx = FloatEvaluator.run(imported.model(), imported.floatInput(x));
      for (Layer l : imported.network().layers()) {
        if (l.kind().equals("sign") || l.kind().equals("threshold")) {
          assertSameBits(onnx.get(outputOf(imported.model(), l.name())), e.layer(l.name()));
        }
      }
      assertSameScores(onnx.get(imported.scoresTensor()), e.scores());
      FloatPrediction f = imported.evaluate(x);
      assertEquals(f.classIndex(), e.classIndex(), "class");
      Machine.Outputs out = machine.run(x);
      assertEquals(e.classIndex(), (int) out.classIndex().orElseThrow(), "simulated class");
      Evaluation folded = foldedGolden.evaluate(x);
      for (int i = 0; i < p.host().activations().size(); i++) {
        HostInterface.Buffer b = p.host().activations().get(i);
        long[] want = e.layer(b.layer()).ints();
        int[] got = out.activations().get(i);
        for (int j = 0; j < want.length; j++) {
          assertEquals(want[j], got[j], b.layer() + " element " + j);
        }
      }
      long[] scores = folded.scores().ints();
      for (int j = 0; j < scores.length; j++) {
        assertEquals(scores[j], out.scores()[j], "simulated score " + j);
      }
    }
  }

  /** The first output of the node whose IR layer is called {@code layer}. */
  private static String outputOf(OnnxModel model, String layer) {
    for (OnnxNode n : model.nodes()) {
      if (Names.of(n).equals(layer)) {
        return n.outputs().get(0);
      }
    }
    throw new AssertionError("no node for layer " + layer);
  }

  private static void assertSameBits(float[] onnx, LayerValue bits) {
    assertEquals(ElementKind.BIPOLAR, bits.kind());
    assertEquals(onnx.length, bits.size(), bits.layer());
    for (int i = 0; i < onnx.length; i++) {
      assertTrue(onnx[i] != 0, bits.layer() + " element " + i + " is 0 in the graph");
      assertEquals(onnx[i] > 0 ? 1 : -1, bits.intAt(i), bits.layer() + " element " + i);
    }
  }

  private static void assertSameScores(float[] onnx, LayerValue scores) {
    assertEquals(onnx.length, scores.size());
    for (int i = 0; i < onnx.length; i++) {
      float ir = scores.isFloat() ? scores.floats()[i] : scores.intAt(i);
      if (onnx[i] != ir) {
        fail("score " + i + ": the graph computes " + onnx[i] + ", the IR " + ir);
      }
    }
  }
}
