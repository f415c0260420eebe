package org.signum.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The formats a report is written in, chosen by the file name's extension. */
public enum ReportFormat {
  JSON(".json"),
  CSV(".csv"),
  TEXT(".txt");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /**
   * The format of {@code file} by its extension.
   *
   * @throws ReportException for any other extension
   */
  public static ReportFormat of(Path file) throws ReportException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (lower.endsWith(f.extension)) {
        return f;
      }
    }
    throw new ReportException(
        file + ": error: a report file must end in .json, .csv or .txt, to choose its format");
  }

  /** The report in this format. */
  public String render(Report r) {
    return switch (this) {
      case JSON -> ReportJson.write(r);
      case CSV -> ReportCsv.render(r);
      case TEXT -> ReportText.render(r);
    };
  }

  /** Writes {@code r} to {@code file} in the format its extension names. */
  public static void write(Path file, Report r) throws ReportException {
    String text = of(file).render(r);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReportException(file + ": error: cannot write report: " + e.getMessage());
    }
  }
}
