package org.signum.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.Compiler;
import org.signum.compiler.Machine;
import org.signum.compiler.ir.Network;
import org.signum.compiler.model.ModelFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.trainer.math.Gemm;

/**
 * A trained network, exported to the model file, read back, compiled, assembled and simulated,
 * agrees with the trainer's own binarized inference on every test sample: the class, and the order
 * of every pair of class scores (the compiled scores are ranks of the trainer's float scores).
 */
class CompiledAgreementTest {
  @ParameterizedTest(name = "{0}, vector width {1}")
  @CsvSource({
    "8-bit input, 256",
    "8-bit input, 64",
    "binarized input, 512",
    "shift-based batch norm, 128",
  })
  void theSimulatedNetworkAgreesOnEveryTestSample(String variant, int width) throws Exception {
    TrainConfig c =
        TrainConfig.defaults(new int[] {64, 70, 33, 10})
            .withEpochs(2)
            .withBatchSize(50)
            .withLearningRates(0.01f, 0.001f)
            .withVariants(variant.startsWith("shift"), false, variant.startsWith("binarized"))
            .withSeed(5);
    Network trained = TrainingTest.train(c, 2, true).best();
    Network read = ModelFile.parse(ModelFile.format(trained), "trained.sgm");
    assertEquals(trained, read);
    MachineDescription m = MachineDescription.defaults().with(MachineParameter.VECTOR_WIDTH, width);
    CompiledProgram p = Compiler.compile(read, m, CompileOptions.defaults());
    Machine machine = new Machine(p, m);
    Dataset test = TrainingTest.TEST;
    BinarizedInference.Result expected;
    try (Gemm gemm = new Gemm(2, true)) {
      expected =
          new BinarizedInference(trained, gemm).evaluate(test, test.identity(), 0, test.size());
    }
    for (int i = 0; i < test.size(); i++) {
      Machine.Outputs out = machine.run(test.sample(i));
      int sample = i;
      assertEquals(
          expected.classes()[i], out.classIndex().orElseThrow(), () -> "class of sample " + sample);
      for (int a = 0; a < 10; a++) {
        for (int b = 0; b < 10; b++) {
          float fa = expected.score(i, a);
          float fb = expected.score(i, b);
          int want = fa < fb ? -1 : fa > fb ? 1 : 0;
          int got = Integer.compare(out.scores()[a], out.scores()[b]);
          int ca = a;
          int cb = b;
          assertEquals(
              want, got, () -> "sample " + sample + ": scores of classes " + ca + " and " + cb);
        }
      }
    }
  }
}
