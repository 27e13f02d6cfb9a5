package dev.policysmith.model.condition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * How the typed condition operators read values: numbers, dates, booleans and base-64 binaries. The
 * evaluator, the diff engine and validation all parse through here, so that they agree on what a
 * value means. Each method returns {@code null} for malformed text, which the evaluator treats as
 * "this comparison is false"; none throws.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
 *     JSON policy elements: Condition operators</a>
 */
public final class ConditionValues {
  private ConditionValues() {}

  /**
   * Parses an integer or decimal number (the Numeric operators compare "an integer or decimal
   * value"). Numbers are compared as {@link BigDecimal} by value, so {@code 10}, {@code 10.0} and
   * {@code 1e1} are equal and no precision is lost on long decimals.
   */
  public static @Nullable BigDecimal number(String text) {
    if (text.isEmpty() || text.length() > 100) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Parses a date: "one of the W3C implementations of the ISO 8601 date formats" or "epoch (UNIX)
   * time". Accepted: {@code YYYY-MM}, {@code YYYY-MM-DD} (midnight UTC), {@code
   * YYYY-MM-DDThh:mm[:ss[.s...]]} followed by {@code Z} or an offset {@code ±hh:mm} (no zone means
   * UTC), and epoch seconds as an integer or decimal number. A four-digit year alone is read as
   * epoch seconds, not as a year, because the two cannot be told apart.
   */
  public static @Nullable Instant date(String text) {
    if (text.isEmpty() || text.length() > 64) {
      return null;
    }
    if (isEpoch(text)) {
      BigDecimal seconds = number(text);
      if (seconds == null) {
        return null;
      }
      try {
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
      } catch (ArithmeticException | java.time.DateTimeException e) {
        return null;
      }
    }
    try {
      if (text.length() == 7) {
        return LocalDate.parse(text + "-01", DateTimeFormatter.ISO_LOCAL_DATE)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
      }
      if (text.length() == 10) {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
      }
      char last = text.charAt(text.length() - 1);
      boolean zoned =
          last == 'Z' || last == 'z' || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10;
      if (zoned) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      }
      return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isEpoch(String text) {
    int start = text.charAt(0) == '-' ? 1 : 0;
    boolean digit = false;
    boolean dot = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  /**
   * Parses {@code true} or {@code false}, ignoring case. The Bool page does not say whether {@code
   * "True"} is a boolean; we accept any case, as JSON booleans written as strings commonly vary,
   * and treat any other text as malformed.
   */
  public static @Nullable Boolean bool(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** Decodes standard base-64 ("a base-64 encoded representation of the binary value"). */
  public static byte @Nullable [] binary(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
