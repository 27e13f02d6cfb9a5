package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.policysmith.model.json.JsonToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON pointers the reader attaches to tokens and errors, after RFC 6901. */
class JsonPointerTrackingTest {

  private static List<String> pointers(String json) {
    return JsonTokenizer.tokenize(json).stream()
        .map(token -> token.kind() + " " + token.pointer())
        .toList();
  }

  @Test
  void tokenize_nestedObjectsAndArrays_givesEachTokenItsPointer() {
    List<String> pointers = pointers("{\"a\": [1, {\"b\": [[], [true]]}], \"c\": {}}");

    assertThat(pointers)
        .containsExactly(
            "START_OBJECT ",
            "NAME /a",
            "START_ARRAY /a",
            "NUMBER /a/0",
            "START_OBJECT /a/1",
            "NAME /a/1/b",
            "START_ARRAY /a/1/b",
            "START_ARRAY /a/1/b/0",
            "END_ARRAY /a/1/b/0",
            "START_ARRAY /a/1/b/1",
            "TRUE /a/1/b/1/0",
            "END_ARRAY /a/1/b/1",
            "END_ARRAY /a/1/b",
            "END_OBJECT /a/1",
            "END_ARRAY /a",
            "NAME /c",
            "START_OBJECT /c",
            "END_OBJECT /c",
            "END_OBJECT ");
  }

  @Test
  void tokenize_keysWithTildeAndSlash_escapesThemAsZeroAndOne() {
    List<String> pointers = pointers("{\"a/b\": {\"m~n\": \"x\", \"~1/\": null, \"\": 0}}");

    assertThat(pointers)
        .containsExactly(
            "START_OBJECT ",
            "NAME /a~1b",
            "START_OBJECT /a~1b",
            "NAME /a~1b/m~0n",
            "STRING /a~1b/m~0n",
            "NAME /a~1b/~01~1",
            "NULL /a~1b/~01~1",
            "NAME /a~1b/",
            "NUMBER /a~1b/",
            "END_OBJECT /a~1b",
            "END_OBJECT ");
  }

  @Test
  void escape_tildeBeforeSlash_neverDoubleEscapes() {
    assertThat(PointerPath.escape("~/")).isEqualTo("~0~1");
    assertThat(PointerPath.escape("~1")).isEqualTo("~01");
    assertThat(PointerPath.escape("plain:key")).isEqualTo("plain:key");
  }

  @Test
  void tokenize_numbers_keepTheirTextExactly() {
    List<JsonToken> tokens =
        JsonTokenizer.tokenize("[1.50e+03, -0, 10E-2, 123456789012345678901234567890]");

    assertThat(tokens)
        .filteredOn(token -> token.kind() == Kind.NUMBER)
        .extracting(JsonToken::text)
        .containsExactly("1.50e+03", "-0", "10E-2", "123456789012345678901234567890");
  }

  @Test
  void read_errorDeepInsideArrays_pointsAtTheElement() {
    String json =
        """
        {"Statement": [
          {"Effect": "Allow", "Action": "*"},
          {"Effect": "Allow", "Action": ["a", "b", 3]}
        ]}
        """;

    PolicyParseException e =
        catchThrowableOfType(PolicyParseException.class, () -> PolicyReader.strict().read(json));

    assertThat(e.pointer()).isEqualTo("/Statement/1/Action/2");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(44);
  }

  @Test
  void read_syntaxErrorAfterClosedArray_pointsAtTheLastElementRead() {
    String json =
        """
        {"Statement": [{"Effect": "Allow", "Action": ["a"]}] "Version": "2012-10-17"}
        """;

    PolicyParseException e =
        catchThrowableOfType(PolicyParseException.class, () -> PolicyReader.strict().read(json));

    assertThat(e.pointer()).isEqualTo("/Statement");
    assertThat(e.problem()).startsWith("Invalid JSON: Unexpected character ('\"'");
  }

  @Test
  void read_duplicateKeyWithSlash_pointsAtTheEscapedDuplicate() {
    String json =
        """
        {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {
          "aws:RequestTag/a~b": "x",
          "aws:RequestTag/a~b": "y"}}}}
        """;

    PolicyParseException e =
        catchThrowableOfType(PolicyParseException.class, () -> PolicyReader.strict().read(json));

    assertThat(e.pointer()).isEqualTo("/Statement/Condition/StringEquals/aws:RequestTag~1a~0b");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(3);
  }

  @Test
  void read_malformedLiteralAfterASibling_pointsAtItsOwnKeyNotTheSibling() {
    // Found by ReaderLimitsTest: Jackson reads a property's number or literal in the same step as
    // its name, so the error came before the name was recorded and named the previous key.
    String json = "{\"Id\": \"x\", \"Version\": tru}";

    PolicyParseException e =
        catchThrowableOfType(PolicyParseException.class, () -> PolicyReader.strict().read(json));

    assertThat(e.pointer()).isEqualTo("/Version");
    assertThat(e.problem()).startsWith("Invalid JSON: Unrecognized token 'tru'");
  }

  @Test
  void read_tooLongNumberUnderAConditionKey_pointsAtTheKey() {
    String json =
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": "
            + "{\"NumericLessThan\": {\"aws:MultiFactorAuthAge\": "
            + "9".repeat(1001)
            + "}}}}";

    PolicyParseException e =
        catchThrowableOfType(PolicyParseException.class, () -> PolicyReader.strict().read(json));

    assertThat(e.pointer())
        .isEqualTo("/Statement/Condition/NumericLessThan/aws:MultiFactorAuthAge");
    assertThat(e.problem()).isEqualTo("Number must be at most 1000 characters long but was longer");
  }
}
