package org.signum.asm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Finds and reads the files {@code .include} names, and keeps the chain of files being assembled to
 * refuse cycles and runaway nesting.
 */
final class Includes {
  static final int MAX_DEPTH = 32;

  /** Linux's PATH_MAX; a longer name is no file, and quoting it whole would swamp a message. */
  private static final int MAX_PATH = 4096;

  private final List<Path> dirs;
  private final Diagnostics diagnostics;
  private final Deque<SourceFile> open = new ArrayDeque<>();

  Includes(List<Path> dirs, Diagnostics diagnostics) {
    this.dirs = dirs;
    this.diagnostics = diagnostics;
  }

  /** Records that {@code file} is being assembled, until {@link #leave}. */
  void enter(SourceFile file) {
    open.push(file);
  }

  void leave() {
    open.pop();
  }

  /**
   * The file that {@code .include "name"} at {@code where} names, read; or null after reporting why
   * there is none.
   */
  SourceFile resolve(String name, Where where) {
    if (where.via() != null) {
      diagnostics.error(where, "'.include' cannot be used inside a macro");
      return null;
    }
    if (open.size() > MAX_DEPTH) {
      diagnostics.error(
          where,
          "includes are nested more than " + MAX_DEPTH + " deep; do files include each other?");
      return null;
    }
    List<Path> candidates;
    try {
      if (name.length() > MAX_PATH) {
        throw new InvalidPathException(name, "longer than any file system accepts");
      }
      candidates = candidates(name, where.file());
    } catch (InvalidPathException e) {
      diagnostics.error(where, "'" + Hints.abbreviate(name) + "' is not a valid file name");
      return null;
    }
    Path found = null;
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        found = p;
        break;
      }
    }
    if (found == null) {
      List<String> tried = new ArrayList<>();
      for (Path p : candidates) {
        tried.add(p.toString());
      }
      diagnostics.error(
          where,
          "cannot find include file '" + name + "' (looked for " + String.join(", ", tried) + ")");
      return null;
    }
    Path real = SourceReader.realPath(found);
    List<String> chain = new ArrayList<>();
    boolean cycle = false;
    for (Iterator<SourceFile> it = open.descendingIterator(); it.hasNext(); ) {
      SourceFile f = it.next();
      chain.add(f.path());
      cycle |= real != null && real.equals(f.realPath());
    }
    if (cycle) {
      chain.add(found.toString());
      diagnostics.error(where, "include cycle: " + String.join(" -> ", chain));
      return null;
    }
    try {
      return new SourceFile(found.toString(), real, SourceReader.read(found));
    } catch (IOException e) {
      diagnostics.error(
          where, "cannot read include file " + found + ": " + SourceReader.describe(e));
      return null;
    }
  }

  /** Where to look: beside the including file, then in each include directory. */
  private List<Path> candidates(String name, SourceFile from) {
    Path p = Path.of(name);
    if (p.isAbsolute()) {
      return List.of(p);
    }
    Path dir;
    try {
      dir = Path.of(from.path()).getParent();
    } catch (InvalidPathException e) {
      dir = null;
    }
    List<Path> out = new ArrayList<>();
    out.add(dir == null ? p : dir.resolve(p));
    for (Path d : dirs) {
      out.add(d.resolve(p));
    }
    return out;
  }
}
