package dev.policysmith.model.condition;

import org.immutables.value.Value;

/**
 * One value of a condition key, with the JSON type it was written in. IAM accepts numbers and
 * booleans with or without quotes, so {@code true} and {@code "true"} decide alike, but a lossless
 * round trip must give back what was written; numbers keep their exact text.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
@Value.Immutable
public interface ConditionValue {
  /** The JSON types a condition value may have. */
  enum Kind {
    /** A JSON string. */
    STRING,
    /** A JSON {@code true} or {@code false}. */
    BOOLEAN,
    /** A JSON number, kept as its text. */
    NUMBER
  }

  /** Returns the JSON type the value was written in. */
  @Value.Parameter
  Kind kind();

  /**
   * Returns the value's text: the string itself, {@code true}/{@code false}, or the number's text.
   */
  @Value.Parameter
  String text();

  /** Returns a string value. */
  static ConditionValue of(String text) {
    return ImmutableConditionValue.of(Kind.STRING, text);
  }

  /** Returns a JSON boolean value. */
  static ConditionValue ofBoolean(boolean value) {
    return ImmutableConditionValue.of(Kind.BOOLEAN, Boolean.toString(value));
  }

  /**
   * Returns a JSON number value of the given text, which the caller guarantees to be a JSON number
   * (the reader passes the parser's own text).
   */
  static ConditionValue ofNumber(String text) {
    return ImmutableConditionValue.of(Kind.NUMBER, text);
  }
}
