package dev.policysmith.model.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled IAM wildcard pattern: {@code *} matches any run of characters (including none) and
 * {@code ?} any single character. Compiled once, matched without allocation or regular expressions:
 * the pattern is split at {@code *} into literal segments, the first anchored at the start, the
 * last at the end, and the ones between placed leftmost in order, which is exact for this pattern
 * language.
 *
 * <p>Case-insensitive matching folds characters with {@link Character#toUpperCase(char)} and {@link
 * Character#toLowerCase(char)}, which ignore the default locale, so a Turkish locale does not make
 * {@code "I"} and {@code "i"} differ.
 */
public final class Wildcard {
  private final String pattern;
  private final boolean ignoreCase;
  private final String[] segments;
  private final boolean hasStar;
  private final boolean literal;

  private Wildcard(String pattern, boolean ignoreCase) {
    this.pattern = pattern;
    this.ignoreCase = ignoreCase;
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '*') {
        parts.add(pattern.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(pattern.substring(start));
    this.segments = parts.toArray(new String[0]);
    this.hasStar = segments.length > 1;
    this.literal = !hasStar && pattern.indexOf('?') < 0;
  }

  /** Compiles a case-sensitive pattern. */
  public static Wildcard caseSensitive(String pattern) {
    return new Wildcard(pattern, false);
  }

  /** Compiles a case-insensitive pattern. */
  public static Wildcard ignoringCase(String pattern) {
    return new Wildcard(pattern, true);
  }

  /** Returns the pattern text. */
  public String pattern() {
    return pattern;
  }

  /** Returns whether the pattern has no wildcard at all. */
  public boolean isLiteral() {
    return literal;
  }

  /** Returns whether the pattern is exactly {@code *}, matching every string. */
  public boolean matchesEverything() {
    return pattern.equals("*");
  }

  /** Returns whether {@code text} matches the pattern. */
  public boolean matches(CharSequence text) {
    return matches(text, 0, text.length());
  }

  /** Returns whether {@code text[from, to)} matches the pattern. */
  public boolean matches(CharSequence text, int from, int to) {
    if (literal) {
      return to - from == pattern.length() && regionMatches(text, from, pattern);
    }
    if (!hasStar) {
      return to - from == pattern.length() && regionMatches(text, from, pattern);
    }
    String first = segments[0];
    String last = segments[segments.length - 1];
    if (to - from < first.length() + last.length()) {
      return false;
    }
    if (!regionMatches(text, from, first) || !regionMatches(text, to - last.length(), last)) {
      return false;
    }
    int position = from + first.length();
    int end = to - last.length();
    for (int s = 1; s < segments.length - 1; s++) {
      String segment = segments[s];
      int found = indexOf(text, segment, position, end);
      if (found < 0) {
        return false;
      }
      position = found + segment.length();
    }
    return true;
  }

  private int indexOf(CharSequence text, String segment, int from, int end) {
    for (int i = from; i + segment.length() <= end; i++) {
      if (regionMatches(text, i, segment)) {
        return i;
      }
    }
    return -1;
  }

  private boolean regionMatches(CharSequence text, int offset, String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char p = segment.charAt(i);
      if (p == '?') {
        continue;
      }
      char c = text.charAt(offset + i);
      if (p != c && !(ignoreCase && sameIgnoringCase(p, c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameIgnoringCase(char a, char b) {
    char upperA = Character.toUpperCase(a);
    char upperB = Character.toUpperCase(b);
    return upperA == upperB || Character.toLowerCase(upperA) == Character.toLowerCase(upperB);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
