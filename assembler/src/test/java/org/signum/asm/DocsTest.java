package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.signum.isa.MachineDescription;

/**
 * Keeps {@code docs/assembly.md} honest: every {@code asm} example assembles, and its tables of
 * directives, predefined constants and limits match the code.
 */
class DocsTest {
  private static final Path DOC = Path.of("..", "docs", "assembly.md");

  private static String doc() throws IOException {
    return Files.readString(DOC);
  }

  @Test
  void everyAsmExampleAssembles() throws IOException {
    Matcher m = Pattern.compile("```asm\n(.*?)```", Pattern.DOTALL).matcher(doc());
    int examples = 0;
    while (m.find()) {
      examples++;
      Asm.ok(m.group(1));
    }
    assertTrue(examples >= 6, "found only " + examples + " examples");
  }

  @Test
  void thePredefinedConstantsTableListsExactlyTheConstants() throws IOException {
    Set<String> listed = new LinkedHashSet<>();
    Matcher m = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE).matcher(doc());
    while (m.find()) {
      listed.add(m.group(1));
    }
    assertEquals(Assembly.predefinedConstants(MachineDescription.defaults()).keySet(), listed);
  }

  @Test
  void theDirectivesTableListsEveryDirective() throws IOException {
    String table = section(doc(), "## Directives");
    List<String> missing = new ArrayList<>();
    for (String name : Directive.names()) {
      if (!name.equals(".endm")
          && !table.contains("`" + name)
          && !table.contains(", `" + name + "`")) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void theLimitsTableMatchesTheCode() throws IOException {
    String limits = section(doc(), "## Limits");
    List<String> rows =
        List.of(
            row("source file size", mib(SourceReader.MAX_FILE_BYTES)),
            row("tokens on one line", number(LineParser.MAX_TOKENS)),
            row("characters in a name", number(LineParser.MAX_NAME)),
            row(
                "nesting of parentheses and unary operators in one expression",
                number(LineParser.MAX_NESTING)),
            row("characters in a string", number(Directives.MAX_STRING)),
            row("nested includes", number(Includes.MAX_DEPTH)),
            row("nested macro expansions", number(Assembly.MAX_MACRO_DEPTH)),
            row(
                "lines and characters produced by macro expansions, in all",
                number(Assembly.MAX_EXPANDED_LINES)
                    + " lines, "
                    + mib(Assembly.MAX_EXPANDED_CHARS)),
            row("initialized data, in all", mib(DataImage.MAX_INITIALIZED_BYTES)),
            row("diagnostics", number(Diagnostics.LIMIT) + ", then the assembler stops"));
    for (String r : rows) {
      assertTrue(limits.contains(r), r);
    }
  }

  private static String row(String limit, String value) {
    return "| " + limit + " | " + value + " |";
  }

  private static String number(long n) {
    return String.format("%,d", n);
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }

  private static String section(String text, String heading) {
    int start = text.indexOf(heading);
    int end = text.indexOf("\n## ", start + 1);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
