package org.signum.compiler;

import java.util.LinkedHashMap;
import java.util.Map;
import org.signum.compiler.codegen.CodeGenerator;
import org.signum.compiler.ir.IrPrinter;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Verifier;
import org.signum.compiler.passes.PassContext;
import org.signum.compiler.passes.Pipeline;
import org.signum.isa.MachineDescription;

/**
 * The compiler's entry point: a network in, assembly text for one machine out. Import it by name:
 * {@code java.lang.Compiler} has the same simple name.
 *
 * <pre>{@code
 * CompiledProgram p =
 *     Compiler.compile(net, MachineDescription.defaults(), CompileOptions.defaults());
 * Files.writeString(out, p.assembly());
 * }</pre>
 */
public final class Compiler {
  private Compiler() {}

  /**
   * Verifies {@code net}, runs the pass pipeline and generates code.
   *
   * @throws CompileException when the network is invalid, a fold fails its certificate, a name in
   *     {@code dumpAfter} is not a pass, or the program does not fit the machine; the message says
   *     which layer, channel, field or machine parameter and what was expected
   */
  public static CompiledProgram compile(
      Network net, MachineDescription machine, CompileOptions options) throws CompileException {
    for (String name : options.dumpAfter()) {
      if (!Pipeline.passNames().contains(name)) {
        throw new CompileException(
            "unknown pass '"
                + name
                + "' in dump-after; the passes are "
                + String.join(", ", Pipeline.passNames()));
      }
    }
    Verifier.Result r = Verifier.check(net);
    if (!r.ok()) {
      throw new CompileException(
          "network '" + net.name() + "' is not valid:\n  " + String.join("\n  ", r.problems()));
    }
    Map<String, String> dumps = new LinkedHashMap<>();
    PassContext context = new PassContext();
    Network folded =
        Pipeline.standard(options.verifyEachPass())
            .run(
                net,
                context,
                (pass, n) -> {
                  if (options.dumpAfter().contains(pass)) {
                    dumps.put(pass, IrPrinter.print(n));
                  }
                });
    CodeGenerator.Generated g = new CodeGenerator(machine, options.weights()).generate(folded);
    return new CompiledProgram(
        g.assembly(), g.host(), folded, context.certificates(), dumps, g.spans());
  }
}
