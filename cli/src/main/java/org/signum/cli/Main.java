package org.signum.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code signum} command. Exit codes: 0 success, 1 failure (bad input, a trap, a failed check),
 * 2 usage error.
 */
@Command(
    name = "signum",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Toolchain for the Signum binarized-neural-network ASIC.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      DemoCommand.class,
      CompileCommand.class,
      ExportCommand.class,
      RunCommand.class,
      TrainCommand.class,
      AsmCommand.class,
      DisasmCommand.class,
      SimCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      IsaCommand.class,
      MachineCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Run 'signum COMMAND --help' for a command's options. Documentation: docs/ in the repository."
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  /** Without a command there is nothing to do: show the usage and report a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, args));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(out, err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter w = commandLine.getErr();
          if (e instanceof CommandLine.ParameterException p) {
            w.println(p.getMessage());
            p.getCommandLine().usage(w);
            w.flush();
            return EXIT_USAGE;
          }
          if (e instanceof CliException c) {
            w.println(c.getMessage());
          } else {
            // A bug in Signum, not bad input: say so in one line; the trace is there on request.
            w.println("signum: internal error: " + e + " (please report it)");
            if (System.getenv("SIGNUM_DEBUG") != null) {
              e.printStackTrace(w);
            } else {
              w.println("set SIGNUM_DEBUG=1 to see where it happened");
            }
          }
          w.flush();
          return EXIT_FAILURE;
        });
    return cl;
  }
}
