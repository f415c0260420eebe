package org.signum.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.Compiler;
import org.signum.compiler.Machine;
import org.signum.compiler.ir.Network;
import org.signum.compiler.model.ModelFile;
import org.signum.isa.MachineDescription;
import org.signum.trainer.BinarizedInference;
import org.signum.trainer.Dataset;
import org.signum.trainer.math.Gemm;

/**
 * The bundled trained network (models/mnist-demo.sgm), compiled for the default machine and
 * simulated, agrees with the trainer's binarized inference on every bundled MNIST test image: the
 * class and the order of every pair of scores; and its header records how it was trained.
 */
class BundledModelTest {
  private static final Path MODEL = Path.of("..", "models", "mnist-demo.sgm");
  private static final Path SAMPLE = Path.of("..", "data", "mnist-sample");

  @Test
  void theSimulatedMachineAgreesWithTheTrainerOnEverySampleImage() throws Exception {
    Network net = ModelFile.read(MODEL);
    Dataset sample =
        Dataset.fromIdx(
            SAMPLE.resolve("t10k-images-100-idx3-ubyte.gz"),
            SAMPLE.resolve("t10k-labels-100-idx1-ubyte.gz"));
    MachineDescription m = MachineDescription.defaults();
    CompiledProgram p = Compiler.compile(net, m, CompileOptions.defaults());
    Machine machine = new Machine(p, m);
    BinarizedInference.Result expected;
    try (Gemm gemm = new Gemm(2, true)) {
      expected =
          new BinarizedInference(net, gemm).evaluate(sample, sample.identity(), 0, sample.size());
    }
    int correct = 0;
    for (int i = 0; i < sample.size(); i++) {
      Machine.Outputs out = machine.run(sample.sample(i));
      int image = i;
      assertEquals(
          expected.classes()[i], out.classIndex().orElseThrow(), () -> "class of image " + image);
      for (int a = 0; a < 10; a++) {
        for (int b = a + 1; b < 10; b++) {
          float fa = expected.score(i, a);
          float fb = expected.score(i, b);
          int want = fa < fb ? -1 : fa > fb ? 1 : 0;
          int ca = a;
          int cb = b;
          assertEquals(
              want,
              Integer.compare(out.scores()[a], out.scores()[b]),
              () -> "image " + image + ": scores of classes " + ca + " and " + cb);
        }
      }
      correct += expected.classes()[i] == sample.label(i) ? 1 : 0;
    }
    assertTrue(
        correct >= 95, "the bundled network classifies " + correct + " of 100 sample images");
  }

  @Test
  void theModelFileRecordsHowItWasTrained() throws Exception {
    String text = Files.readString(MODEL);
    assertTrue(text.startsWith("# trained by signum"), text.substring(0, 80));
    assertTrue(text.contains("# configuration: arch=784-1024-1024-1024-10 "), "configuration line");
    assertTrue(text.contains(" seed="), "the seed");
    assertTrue(text.contains("test accuracy 0.9"), "the test accuracy");
  }
}
