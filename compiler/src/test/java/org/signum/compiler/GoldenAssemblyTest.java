package org.signum.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.signum.compiler.ir.Network;
import org.signum.compiler.model.ModelFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;

/**
 * Pins the assembly of a small network, so that a change to code generation shows up as a diff to
 * review. Run with {@code -Dsignum.updateGoldens=true} to rewrite the expected file.
 */
class GoldenAssemblyTest {
  private static final Path DIR = Path.of("src/test/resources/org/signum/compiler");

  @Test
  void tinyNetwork() throws Exception {
    Network net = ModelFile.read(DIR.resolve("tiny.sgm"));
    MachineDescription m =
        MachineDescription.defaults().with(MachineParameter.VECTOR_WIDTH, 64).named("w64");
    String actual = Compiler.compile(net, m, CompileOptions.defaults()).assembly();
    Path expected = DIR.resolve("tiny.s");
    if (Boolean.getBoolean("signum.updateGoldens")) {
      Files.writeString(expected, actual);
    }
    assertEquals(Files.readString(expected), actual);
    // The golden must also run: on the simulator it gives the reference's class.
    int[] x = {1, -1, 1, 1, -1};
    assertEquals(
        new org.signum.compiler.golden.GoldenReference(net).evaluate(x).classIndex(),
        (int)
            new Machine(Compiler.compile(net, m, CompileOptions.defaults()), m)
                .run(x)
                .classIndex()
                .orElseThrow());
  }
}
