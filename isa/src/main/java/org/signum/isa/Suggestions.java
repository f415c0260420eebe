package org.signum.isa;

import java.util.Collection;

/** "Did you mean" suggestions for misspelt names, by edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, if it is close enough to be a plausible typo (distance
   * at most 2, and less than the word's length), else null.
   */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int dist = distance(word, c);
      if (dist < bestDistance) {
        best = c;
        bestDistance = dist;
      }
    }
    return bestDistance <= 2 && bestDistance < word.length() ? best : null;
  }

  /** {@code ", did you mean 'x'?"} or the empty string. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : ", did you mean '" + c + "'?";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
