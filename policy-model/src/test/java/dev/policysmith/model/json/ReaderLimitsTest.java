package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policysmith.model.PolicyDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * The reader's resource limits, each at its boundary and one past it: document size ({@value
 * PolicyReader#MAX_DOCUMENT_BYTES} bytes), nesting depth (64), string length (bounded by the
 * document), number length (1,000 characters) and statement count (bounded by the document only).
 *
 * <p>The {@code assertTimeoutPreemptively} bounds are hang detectors, far above the time any of
 * these takes: they turn an endless loop or a quadratic blow-up into a failure instead of a stuck
 * build, and say nothing about performance.
 */
class ReaderLimitsTest {
  private static final Duration HANG = Duration.ofSeconds(20);
  private static final int MIB = 1 << 20;
  private static final String STATEMENT = "{\"Effect\": \"Allow\", \"Action\": \"*\"}";

  /** A valid document padded with trailing spaces to exactly {@code bytes} bytes. */
  private static String padded(String document, int bytes) {
    return document + " ".repeat(bytes - document.getBytes(StandardCharsets.UTF_8).length);
  }

  private static PolicyParseException failure(String json) {
    return catchThrowableOfType(PolicyParseException.class, () -> read(json));
  }

  private static PolicyDocument read(String json) {
    return assertTimeoutPreemptively(HANG, () -> PolicyReader.strict().read(json));
  }

  // --- Document size -------------------------------------------------------------------------

  @Test
  void read_documentOfExactly1MiB_reads() throws IOException {
    String json = padded("{\"Statement\": " + STATEMENT + "}", MIB);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThat(bytes).hasSize(PolicyReader.MAX_DOCUMENT_BYTES);
    assertThat(read(json).statements()).hasSize(1);
    assertThat(PolicyReader.strict().read(bytes).statements()).hasSize(1);
    assertThat(PolicyReader.strict().read(new ByteArrayInputStream(bytes)).statements()).hasSize(1);
  }

  @Test
  void read_documentOneByteOver1MiB_failsAtDocumentStart() throws IOException {
    String json = padded("{\"Statement\": " + STATEMENT + "}", MIB + 1);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    String expected = "1:1: Document must be at most 1048576 bytes long but was longer (at /)";
    assertThat(failure(json)).hasMessage(expected);
    assertThat(
            catchThrowableOfType(
                PolicyParseException.class, () -> PolicyReader.strict().read(bytes)))
        .hasMessage(expected);
    assertThat(
            catchThrowableOfType(
                PolicyParseException.class,
                () -> PolicyReader.strict().read(new ByteArrayInputStream(bytes))))
        .hasMessage(expected);
  }

  @Test
  void read_documentOver1MiBOnlyInUtf8_failsAtDocumentStart() {
    // 2 bytes per character: under 1 Mi characters but over 1 MiB of UTF-8, which is what counts.
    String json = "{\"Id\": \"" + "é".repeat(MIB / 2) + "\", \"Statement\": " + STATEMENT + "}";
    assertThat(json.length()).isLessThan(MIB);
    assertThat(failure(json).problem()).startsWith("Document must be at most 1048576 bytes");
  }

  // --- Nesting depth -------------------------------------------------------------------------

  @Test
  void read_nesting64Deep_isNotANestingError() {
    // Nothing in a policy nests 64 deep, so the document is still wrong, but for its shape.
    String json = "[".repeat(64) + "]".repeat(64);
    assertThat(failure(json).problem()).doesNotContain("nesting");
  }

  @Test
  void read_nesting65Deep_reportsNestingAtTheDeepestContainer() {
    String json = "[".repeat(65) + "]".repeat(65);
    PolicyParseException e = failure(json);
    assertThat(e.problem()).isEqualTo("JSON nesting must be at most 64 levels deep but was deeper");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(65);
    assertThat(e.pointer()).isEqualTo("/0".repeat(64));
  }

  @Test
  void read_nesting65DeepInsideACondition_reportsNesting() {
    String json =
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"Bool\": {\"k\": "
            + "[".repeat(61)
            + "]".repeat(61)
            + "}}}}";
    assertThat(failure(json).problem())
        .isEqualTo("JSON nesting must be at most 64 levels deep but was deeper");
  }

  // --- String length -------------------------------------------------------------------------

  @Test
  void read_sidFillingA1MiBDocument_reads() {
    String head = "{\"Statement\": {\"Sid\": \"";
    String tail = "\", \"Effect\": \"Allow\", \"Action\": \"*\"}}";
    int sid = MIB - head.length() - tail.length();
    String json = head + "S".repeat(sid) + tail;
    assertThat(json.getBytes(StandardCharsets.UTF_8)).hasSize(MIB);
    assertThat(read(json).statements().get(0).sid())
        .hasValueSatisfying(s -> assertThat(s).hasSize(sid));
  }

  @Test
  void read_sidOneCharacterLonger_failsAsTooLongDocument() {
    // No string can pass the string limit (1 Mi characters) without the document passing its
    // byte limit first, so the document limit is the one reported.
    String head = "{\"Statement\": {\"Sid\": \"";
    String tail = "\", \"Effect\": \"Allow\", \"Action\": \"*\"}}";
    String json = head + "S".repeat(MIB - head.length() - tail.length() + 1) + tail;
    assertThat(failure(json).problem()).startsWith("Document must be at most 1048576 bytes");
  }

  // --- Number length -------------------------------------------------------------------------

  private static String numericCondition(String number) {
    return "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", "
        + "\"Condition\": {\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": "
        + number
        + "}}}}";
  }

  @Test
  void read_numberOf1000Digits_readsAndKeepsItsText() {
    String number = "9".repeat(1000);
    PolicyDocument document = read(numericCondition(number));
    assertThat(PolicyWriter.lossless().writeToString(document)).contains(number);
  }

  @Test
  void read_numberOf1001Digits_failsAtTheNumber() {
    PolicyParseException e = failure(numericCondition("9".repeat(1001)));
    assertThat(e.problem()).isEqualTo("Number must be at most 1000 characters long but was longer");
    assertThat(e.pointer())
        .isEqualTo("/Statement/Condition/NumericLessThan/aws:MultiFactorAuthAge");
  }

  @Test
  void read_decimalOf1000Digits_reads() {
    // Jackson counts digits, not the sign, the point or the exponent marker.
    String number = "-1." + "5".repeat(999);
    assertThat(PolicyWriter.lossless().writeToString(read(numericCondition(number))))
        .contains(number);
  }

  @Test
  void read_decimalOf1001Digits_fails() {
    assertThat(failure(numericCondition("1." + "5".repeat(1000))).problem())
        .isEqualTo("Number must be at most 1000 characters long but was longer");
  }

  // --- Statement count -----------------------------------------------------------------------

  @Test
  void read_20000StatementsUnder1MiB_reads() {
    String json =
        "{\"Version\": \"2012-10-17\", \"Statement\": ["
            + String.join(",", Collections.nCopies(20_000, STATEMENT))
            + "]}";
    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThan(MIB);
    PolicyDocument document = read(json);
    assertThat(document.statements()).hasSize(20_000);
  }

  @Test
  void write_indentedFormOfADocumentNearTheLimit_canExceedTheLimit() {
    // The limit is on input: the writers indent, so 20,000 compact statements (660 KB) come out
    // at over 1 MiB, which the reader then refuses. Documented on PolicyReader; AWS's own
    // largest policy (a 32 KiB key policy) is far below either size.
    String json =
        "{\"Statement\": [" + String.join(",", Collections.nCopies(20_000, STATEMENT)) + "]}";
    byte[] written = PolicyWriter.lossless().toBytes(read(json));
    assertThat(written.length).isGreaterThan(MIB);
    assertThat(
            catchThrowableOfType(
                    PolicyParseException.class, () -> PolicyReader.strict().read(written))
                .problem())
        .startsWith("Document must be at most 1048576 bytes");
  }

  @Test
  void read_mostStatementsThatFitIn1MiB_reads() {
    // Without white space, 32,767 statements of 31 bytes fit; only the byte limit stops one more.
    String small = "{\"Effect\":\"Allow\",\"Action\":\"*\"}";
    int count = (MIB - 20) / (small.length() + 1);
    String json = "{\"Statement\":[" + String.join(",", Collections.nCopies(count, small)) + "]}";
    assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MIB);
    assertThat(read(json).statements()).hasSize(count);
    String over =
        "{\"Statement\":[" + String.join(",", Collections.nCopies(count + 1, small)) + "]}";
    assertThat(over.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(MIB);
    assertThat(failure(over).problem()).startsWith("Document must be at most 1048576 bytes");
  }
}
