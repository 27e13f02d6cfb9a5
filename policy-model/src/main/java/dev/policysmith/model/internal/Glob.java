package dev.policysmith.model.internal;

import java.util.Arrays;

/**
 * A compiled IAM wildcard pattern in which each character is either a wildcard ({@code *}: any run
 * of characters, {@code ?}: any one character) or literal text. Unlike {@link Wildcard}, a {@code
 * *} or {@code ?} may be literal: policy variables ({@code ${*}}, {@code ${?}}, and values
 * substituted from the request context) insert text whose wildcard characters must not match
 * anything but themselves.
 *
 * <p>Matching uses the classic two-pointer algorithm with backtracking to the last star: no
 * allocation, no regular expression. Case-insensitive matching folds with {@link
 * Character#toUpperCase(char)} and {@link Character#toLowerCase(char)}, which ignore the default
 * locale. Instances are immutable and thread-safe.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
 *     policy elements: Variables and tags</a>
 */
public final class Glob {
  private static final byte LITERAL = 0;
  private static final byte STAR = 1;
  private static final byte ONE = 2;

  private final char[] chars;
  private final byte[] kinds;
  private final boolean ignoreCase;
  private final boolean literal;
  private final boolean everything;

  private Glob(char[] chars, byte[] kinds, boolean ignoreCase) {
    this.chars = chars;
    this.kinds = kinds;
    this.ignoreCase = ignoreCase;
    boolean anyWild = false;
    boolean allStars = kinds.length > 0;
    for (byte kind : kinds) {
      anyWild |= kind != LITERAL;
      allStars &= kind == STAR;
    }
    this.literal = !anyWild;
    this.everything = allStars;
  }

  /** Compiles {@code pattern} with {@code *} and {@code ?} as wildcards, case-sensitively. */
  public static Glob of(String pattern) {
    return builder(false).pattern(pattern).build();
  }

  /** Returns a builder for a case-sensitive or case-insensitive pattern. */
  public static Builder builder(boolean ignoreCase) {
    return new Builder(ignoreCase);
  }

  /** Returns whether the pattern has no wildcard at all. */
  public boolean isLiteral() {
    return literal;
  }

  /** Returns whether the pattern is made of stars only, matching every string. */
  public boolean matchesEverything() {
    return everything;
  }

  /** Returns whether {@code text} matches the pattern. */
  public boolean matches(CharSequence text) {
    return matches(text, 0, text.length());
  }

  /** Returns whether {@code text[from, to)} matches the pattern. */
  public boolean matches(CharSequence text, int from, int to) {
    if (everything) {
      return true;
    }
    int n = chars.length;
    if (literal) {
      if (to - from != n) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!same(chars[i], text.charAt(from + i))) {
          return false;
        }
      }
      return true;
    }
    int p = 0;
    int t = from;
    int starP = -1;
    int starT = 0;
    while (t < to) {
      if (p < n && kinds[p] != STAR && (kinds[p] == ONE || same(chars[p], text.charAt(t)))) {
        p++;
        t++;
      } else if (p < n && kinds[p] == STAR) {
        starP = p++;
        starT = t;
      } else if (starP >= 0) {
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < n && kinds[p] == STAR) {
      p++;
    }
    return p == n;
  }

  private boolean same(char p, char c) {
    if (p == c) {
      return true;
    }
    if (!ignoreCase) {
      return false;
    }
    char upperP = Character.toUpperCase(p);
    char upperC = Character.toUpperCase(c);
    return upperP == upperC || Character.toLowerCase(upperP) == Character.toLowerCase(upperC);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chars.length; i++) {
      if (kinds[i] == LITERAL && (chars[i] == '*' || chars[i] == '?' || chars[i] == '$')) {
        out.append("${").append(chars[i]).append('}');
      } else {
        out.append(chars[i]);
      }
    }
    return out.toString();
  }

  /** Builds a {@link Glob} from pattern text and literal text, in order. */
  public static final class Builder {
    private final boolean ignoreCase;
    private char[] chars = new char[16];
    private byte[] kinds = new byte[16];
    private int size;

    private Builder(boolean ignoreCase) {
      this.ignoreCase = ignoreCase;
    }

    /** Appends text in which {@code *} and {@code ?} are wildcards. */
    public Builder pattern(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        add(c, c == '*' ? STAR : c == '?' ? ONE : LITERAL);
      }
      return this;
    }

    /** Appends text matched literally, wildcard characters included. */
    public Builder literal(CharSequence text) {
      for (int i = 0; i < text.length(); i++) {
        add(text.charAt(i), LITERAL);
      }
      return this;
    }

    private void add(char c, byte kind) {
      if (size == chars.length) {
        chars = Arrays.copyOf(chars, size * 2);
        kinds = Arrays.copyOf(kinds, size * 2);
      }
      chars[size] = c;
      kinds[size] = kind;
      size++;
    }

    /** Returns the compiled pattern. */
    public Glob build() {
      return new Glob(Arrays.copyOf(chars, size), Arrays.copyOf(kinds, size), ignoreCase);
    }
  }
}
