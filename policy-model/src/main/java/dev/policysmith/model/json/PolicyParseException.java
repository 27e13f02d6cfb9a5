package dev.policysmith.model.json;

import dev.policysmith.model.PolicyFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a policy document cannot be read: it is not JSON, or it is JSON but not the shape of
 * an IAM policy (an unknown element, a wrong type, a duplicate key, an {@code Effect} other than
 * {@code "Allow"} or {@code "Deny"}, {@code Action} beside {@code NotAction}, ...).
 *
 * <p>It names the place of the problem three ways: a JSON pointer ({@link #pointer()}, RFC 6901,
 * e.g. {@code /Statement/2/Effect}; the empty string for the document itself), and the 1-based
 * {@link #line()} and {@link #column()} where the offending token starts. Columns count UTF-16
 * characters, a tab counting as one. {@link #getMessage()} is {@code LINE:COLUMN: PROBLEM (at
 * POINTER)}, for example
 *
 * <pre>{@code
 * 4:17: Effect must be "Allow" or "Deny" but was "allow" (at /Statement/0/Effect)
 * }</pre>
 *
 * <p>so that a command line only has to put the file name in front. The empty root pointer is shown
 * as {@code (at /)}, since an empty pair of parentheses would read as a missing place, and a
 * pointer longer than 200 characters is shortened in the message (never in {@link #pointer()}).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6901">RFC 6901: JSON Pointer</a>
 */
public final class PolicyParseException extends PolicyFormatException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN_POINTER = 200;

  private final String pointer;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * Creates an exception for {@code problem} at the given place.
   *
   * @param problem what is wrong, without the place: element, expectation, actual value
   * @param pointer the JSON pointer of the offending element, {@code ""} for the document
   * @param line the 1-based line of the offending token
   * @param column the 1-based column of the offending token
   * @param cause the underlying exception, or {@code null}
   */
  public PolicyParseException(
      String problem, String pointer, int line, int column, @Nullable Throwable cause) {
    super(format(problem, pointer, line, column), cause);
    this.problem = problem;
    this.pointer = pointer;
    this.line = line;
    this.column = column;
  }

  private static String format(String problem, String pointer, int line, int column) {
    // A key may be as long as the document: the message shows at most 200 characters of the
    // pointer, so that a hostile document never floods a log; pointer() keeps it whole.
    String shown = pointer.isEmpty() ? "/" : pointer;
    if (shown.length() > MAX_SHOWN_POINTER) {
      shown = shown.substring(0, MAX_SHOWN_POINTER - 3) + "...";
    }
    return line + ":" + column + ": " + problem + " (at " + shown + ")";
  }

  /** Returns the JSON pointer of the offending element, {@code ""} for the document itself. */
  public String pointer() {
    return pointer;
  }

  /** Returns the 1-based line where the offending token starts. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column, in UTF-16 characters, where the offending token starts. */
  public int column() {
    return column;
  }

  /**
   * Returns what is wrong, without the place, e.g. {@code Effect must be "Allow" or "Deny" but was
   * "allow"}.
   */
  public String problem() {
    return problem;
  }
}
