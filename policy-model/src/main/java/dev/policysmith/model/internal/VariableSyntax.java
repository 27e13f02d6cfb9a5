package dev.policysmith.model.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits a policy string into text, literal characters and policy variables, by the one reading
 * that the evaluator and the diff must share: {@code ${key}} is a variable, {@code ${key,
 * 'default'}} one with a default (two single quotes inside it standing for one), {@code ${*}},
 * {@code ${?}} and {@code ${$}} a literal {@code *}, {@code ?} and {@code $}, and a {@code ${}
 * without a closing brace, or with a default that is not single-quoted, stays text.
 *
 * <p>Whether a document enables variables at all (Version 2012-10-17) is the caller's question.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
 *     policy elements: Variables and tags</a>
 */
public final class VariableSyntax {
  private VariableSyntax() {}

  /** What a piece of a parsed string is. */
  public enum Kind {
    /** Text as written, its wildcards active where the element has them. */
    TEXT,
    /** One literal character from {@code ${*}}, {@code ${?}} or {@code ${$}}. */
    LITERAL,
    /** A variable: {@link Part#text()} is its key as written. */
    VARIABLE
  }

  /**
   * One piece of a parsed string.
   *
   * @param kind what the piece is
   * @param text the text, the literal character, or the variable's key as written
   * @param fallback a variable's default, or null
   */
  public record Part(Kind kind, String text, @Nullable String fallback) {}

  /** Returns the pieces of {@code value}, in order; one text piece when it holds no variable. */
  public static List<Part> parse(String value) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int open = value.indexOf("${", i);
      int close = open < 0 ? -1 : value.indexOf('}', open + 2);
      if (open < 0 || close < 0) {
        text.append(value, i, value.length());
        break;
      }
      String inner = value.substring(open + 2, close);
      text.append(value, i, open);
      if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
        flush(text, parts);
        parts.add(new Part(Kind.LITERAL, inner, null));
      } else {
        Part variable = variable(inner);
        if (variable == null) {
          text.append(value, open, close + 1);
        } else {
          flush(text, parts);
          parts.add(variable);
        }
      }
      i = close + 1;
    }
    flush(text, parts);
    return List.copyOf(parts);
  }

  /** Returns the variable {@code inner} names, or null when it is not one. */
  private static @Nullable Part variable(String inner) {
    int comma = inner.indexOf(',');
    String key = (comma < 0 ? inner : inner.substring(0, comma)).trim();
    if (key.isEmpty() || key.indexOf('\'') >= 0) {
      return null;
    }
    if (comma < 0) {
      return new Part(Kind.VARIABLE, key, null);
    }
    String rest = inner.substring(comma + 1).trim();
    if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.charAt(rest.length() - 1) != '\'') {
      return null;
    }
    // Two single quotes inside the default stand for one, as in SQL.
    return new Part(Kind.VARIABLE, key, rest.substring(1, rest.length() - 1).replace("''", "'"));
  }

  private static void flush(StringBuilder text, List<Part> parts) {
    if (text.length() > 0) {
      parts.add(new Part(Kind.TEXT, text.toString(), null));
      text.setLength(0);
    }
  }
}
