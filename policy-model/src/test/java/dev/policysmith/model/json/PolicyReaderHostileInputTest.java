package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.policysmith.model.PolicyDocument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken inputs: each either reads or is a {@link PolicyParseException} with a
 * well-formed place; nothing else (no stack overflow, no parser exception, no NPE) escapes.
 */
class PolicyReaderHostileInputTest {
  private static final String VALID =
      """
      {"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow",
       "Principal": {"AWS": ["1"]}, "Action": "kms:*", "Resource": "*",
       "Condition": {"Bool": {"kms:GrantIsForAWSResource": true}, "NumericLessThan": {"n": [1.5]}}}]}
      """;

  private static Named<byte[]> named(String name, byte[] bytes) {
    return Named.of(name, bytes);
  }

  private static Named<byte[]> named(String name, String text) {
    return Named.of(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] prefix, String rest) {
    byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[prefix.length + tail.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(tail, 0, out, prefix.length, tail.length);
    return out;
  }

  static Stream<Named<byte[]>> hostileInputs() {
    String statement = "{\"Effect\": \"Allow\", \"Action\": \"*\"}";
    List<Named<byte[]>> inputs = new ArrayList<>();
    inputs.add(named("10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)));
    inputs.add(named("10,000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
    inputs.add(
        named(
            "10,000 nested arrays in a condition",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"Bool\": {\"k\": "
                + "[".repeat(10_000)));
    inputs.add(named("raw NUL", "{\"Statement\": \u0000}"));
    inputs.add(
        named(
            "escaped NUL in a Sid",
            "{\"Statement\": {\"Sid\": \"\\u0000\", \"Effect\": \"Allow\", \"Action\": \"*\"}}"));
    inputs.add(
        named(
            "lone high surrogate escape",
            "{\"Id\": \"\\ud800\", \"Statement\": " + statement + "}"));
    inputs.add(
        named(
            "lone low surrogate escape",
            "{\"Id\": \"\\udc00x\", \"Statement\": " + statement + "}"));
    inputs.add(named("surrogate in a key", "{\"\\ud800\": 1}"));
    inputs.add(
        named(
            "valid surrogate pair escape",
            "{\"Id\": \"\\ud83d\\ude00\", \"Statement\": " + statement + "}"));
    inputs.add(
        named("invalid UTF-8 C3 28", new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'}));
    inputs.add(named("overlong UTF-8", new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}));
    inputs.add(named("byte FF", new byte[] {(byte) 0xFF}));
    inputs.add(named("truncated UTF-8 at end", new byte[] {'{', '"', (byte) 0xE2, (byte) 0x82}));
    inputs.add(
        named(
            "UTF-8 encoded surrogate",
            new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
    inputs.add(
        named(
            "UTF-8 BOM",
            concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "{\"Statement\": " + statement + "}")));
    inputs.add(
        named(
            "two BOMs",
            concat(
                new byte[] {
                  (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF
                },
                "{}")));
    inputs.add(named("UTF-16 BOM", new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}));
    inputs.add(
        named(
            "huge integer",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"NumericEquals\": {\"n\": "
                + "9".repeat(10_000)
                + "}}}}"));
    inputs.add(
        named(
            "huge exponent",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"NumericEquals\": {\"n\": 1e999999999}}}}"));
    inputs.add(named("2 MiB string", "{\"Id\": \"" + "x".repeat(2 << 20) + "\"}"));
    inputs.add(named("2 MiB key", "{\"" + "k".repeat(2 << 20) + "\": 1}"));
    inputs.add(named("500 KiB unknown key", "{\"" + "k".repeat(500 << 10) + "\": 1}"));
    inputs.add(
        named(
            "500 KiB condition key",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"Bool\": {\""
                + "k".repeat(500 << 10)
                + "\": null}}}}"));
    inputs.add(named("exactly 1 MiB of spaces", " ".repeat(1 << 20)));
    inputs.add(
        named(
            "30,000 statements",
            "{\"Statement\": ["
                + String.join(",", java.util.Collections.nCopies(30_000, statement))
                + "]}"));
    inputs.add(
        named(
            "NaN",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\"NumericEquals\": {\"n\": NaN}}}}"));
    inputs.add(named("single quotes", "{'Statement': {}}"));
    inputs.add(named("comment", "// policy\n{\"Statement\": " + statement + "}"));
    inputs.add(named("block comment", "{/* x */\"Statement\": " + statement + "}"));
    inputs.add(named("trailing comma in array", "{\"Statement\": [" + statement + ",]}"));
    inputs.add(named("unquoted key", "{Statement: " + statement + "}"));
    inputs.add(named("lone quote", "\""));
    inputs.add(named("lone close", "}"));
    inputs.add(named("bare literal", "null"));
    inputs.add(named("bare number", "-"));
    inputs.add(named("bad escape", "{\"Id\": \"\\x\"}"));
    inputs.add(named("short unicode escape", "{\"Id\": \"\\u12\"}"));
    inputs.add(named("form feed and CR only line breaks", "{\r\"Statement\":\f" + statement + "}"));
    inputs.add(named("CRLF document", "{\r\n\"Statement\": " + statement + "\r\n}\r\n"));
    // Every prefix of a valid document, and the document with each byte removed.
    byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
    for (int length = 0; length < valid.length; length++) {
      byte[] prefix = new byte[length];
      System.arraycopy(valid, 0, prefix, 0, length);
      inputs.add(named("prefix of " + length + " bytes", prefix));
      byte[] deleted = new byte[valid.length - 1];
      System.arraycopy(valid, 0, deleted, 0, length);
      System.arraycopy(valid, length + 1, deleted, length, valid.length - length - 1);
      inputs.add(named("byte " + length + " deleted", deleted));
    }
    return inputs.stream();
  }

  @ParameterizedTest
  @MethodSource("hostileInputs")
  void read_hostileBytes_readsOrThrowsPolicyParseException(byte[] input) {
    assertReadsOrFailsCleanly(() -> PolicyReader.strict().read(input));
    assertReadsOrFailsCleanly(() -> PolicyReader.strict().read(new ByteArrayInputStream(input)));
    assertReadsOrFailsCleanly(
        () -> PolicyReader.strict().read(new String(input, StandardCharsets.UTF_8)));
  }

  private interface Read {
    PolicyDocument read() throws Exception;
  }

  private static void assertReadsOrFailsCleanly(Read read) {
    Throwable thrown = catchThrowable(read::read);
    if (thrown == null) {
      return;
    }
    assertThat(thrown).isExactlyInstanceOf(PolicyParseException.class);
    PolicyParseException e = (PolicyParseException) thrown;
    assertThat(e.line()).isPositive();
    assertThat(e.column()).isPositive();
    assertThat(e.pointer())
        .matches(p -> p.isEmpty() || p.startsWith("/"), "is empty or starts with /");
    assertThat(e.getMessage())
        .startsWith(e.line() + ":" + e.column() + ": ")
        .endsWith(")")
        .hasSizeLessThan(1_000);
  }
}
