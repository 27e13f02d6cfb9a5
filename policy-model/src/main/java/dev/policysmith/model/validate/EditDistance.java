package dev.policysmith.model.validate;

/**
 * The optimal-string-alignment distance: insertions, deletions, substitutions and transpositions of
 * neighbours each count one, the usual measure of a typo.
 */
final class EditDistance {
  private EditDistance() {}

  /**
   * Returns the distance between {@code a} and {@code b}, or any value above {@code limit} once it
   * is certain to exceed it (so comparing against thousands of names stays cheap).
   */
  static int between(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] before = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          value = Math.min(value, before[j - 2] + 1);
        }
        current[j] = value;
        rowMinimum = Math.min(rowMinimum, value);
      }
      if (rowMinimum > limit) {
        return limit + 1;
      }
      int[] recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()];
  }
}
