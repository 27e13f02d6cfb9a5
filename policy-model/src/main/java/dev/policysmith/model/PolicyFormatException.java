package dev.policysmith.model;

/**
 * Thrown when the text of a policy value is malformed: an ARN that does not parse, a condition
 * operator that IAM does not know, a date or address that is not one.
 */
public class PolicyFormatException extends PolicysmithException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message. */
  public PolicyFormatException(String message) {
    super(message);
  }

  /** Creates an exception with the given message and cause. */
  public PolicyFormatException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Quotes a value for a message, shortened to 80 characters so that a hostile value never floods a
   * log.
   */
  public static String quote(String value) {
    String shown = value.length() > 80 ? value.substring(0, 77) + "..." : value;
    StringBuilder out = new StringBuilder(shown.length() + 2).append('"');
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
