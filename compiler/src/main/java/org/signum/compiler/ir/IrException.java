package org.signum.compiler.ir;

import java.util.List;

/**
 * A network that breaks the IR's rules. The message lists every problem, one per line, each naming
 * the layer and what was expected.
 */
public class IrException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public IrException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
