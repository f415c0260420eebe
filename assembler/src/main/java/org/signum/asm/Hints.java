package org.signum.asm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.signum.isa.Suggestions;

/** How messages quote what the programmer wrote, and guess what was meant. */
final class Hints {
  /** Longer names are not typos worth guessing at, and would make guessing slow. */
  private static final int MAX_SUGGESTED = 64;

  private Hints() {}

  /** {@code s}, cut short if long, so that a message stays one readable line. */
  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** {@code , did you mean 'x'?} for a close candidate, or the empty string. */
  static String didYouMean(String word, Iterable<String> candidates) {
    if (word.length() > MAX_SUGGESTED) {
      return "";
    }
    // Suggestions accepts an edit distance of at most 2, so only names within two characters of
    // the word's length can match; dropping the rest first keeps long symbol tables cheap. Among
    // equally close candidates the first wins, and a typo usually keeps the word's length.
    List<String> close = new ArrayList<>();
    for (String c : candidates) {
      if (Math.abs(c.length() - word.length()) <= 2) {
        close.add(c);
      }
    }
    close.sort(Comparator.comparingInt(c -> Math.abs(c.length() - word.length())));
    return Suggestions.didYouMean(word, close);
  }
}
