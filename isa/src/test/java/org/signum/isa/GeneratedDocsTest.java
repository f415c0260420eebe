package org.signum.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed references must equal what the tables generate. To regenerate after changing a
 * table: {@code mvn -pl isa test -Dsignum.updateDocs=true}, then review the diff.
 */
class GeneratedDocsTest {
  private static final Path DOCS = Path.of("..", "docs");

  @Test
  void isaReferenceIsCurrent() throws IOException {
    check(DOCS.resolve("isa.md"), IsaReference.isaMarkdown());
  }

  @Test
  void machineReferenceIsCurrent() throws IOException {
    check(DOCS.resolve("machine.md"), IsaReference.machineMarkdown());
  }

  private static void check(Path file, String generated) throws IOException {
    if (Boolean.getBoolean("signum.updateDocs")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertEquals(
        generated,
        committed,
        file + " is stale: run `mvn -pl isa test -Dsignum.updateDocs=true` and commit the result");
  }
}
