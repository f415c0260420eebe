package org.signum.compiler.codegen;

import java.util.List;

/** The first index of the largest score. */
final class ArgmaxStage implements Stage {
  private final String name;
  private final int classes;

  ArgmaxStage(String name, int classes) {
    this.name = name;
    this.classes = classes;
  }

  @Override
  public List<String> layers() {
    return List.of(name);
  }

  @Override
  public void code(Asm a) {
    a.comment(
        "---- layer '"
            + name
            + "': argmax over "
            + classes
            + " scores, the first maximum winning ----");
    if (classes == 1) {
      a.op("sw", "r0, amem[class]", "one class");
      return;
    }
    a.op("li", "r1, scores");
    a.op("lw", "r2, amem[r1]+", "best score so far");
    a.op("li", "r3, 0", "its class");
    a.op("li", "r4, 1", "class being looked at");
    a.op("li", "r5, " + (classes - 1));
    a.label("argmax_next");
    a.op("lw", "r6, amem[r1]+");
    a.op("bge", "r2, r6, argmax_keep", "replace only on a strictly larger score");
    a.op("mv", "r2, r6");
    a.op("mv", "r3, r4");
    a.label("argmax_keep");
    a.op("addi", "r4, r4, 1");
    a.op("loop", "r5, argmax_next");
    a.op("sw", "r3, amem[class]");
  }

  @Override
  public void data(Sections s) {}
}
