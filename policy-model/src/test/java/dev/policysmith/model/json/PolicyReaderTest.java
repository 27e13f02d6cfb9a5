package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyReaderTest {
  /** {@code "k0": "v", ..., "k19": "v"}: more keys than the fast path compares one by one. */
  private static final String KEYS_0_TO_19 =
      java.util.stream.IntStream.range(0, 20)
          .mapToObj(i -> "\"k" + i + "\": \"v\"")
          .collect(java.util.stream.Collectors.joining(", "));

  @TempDir Path dir;

  /** One malformed document and exactly what the reader must say about it. */
  record Rejection(String name, String json, String pointer, int line, int column, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Rejection row(
      String name, String json, String pointer, int line, int column, String problem) {
    return new Rejection(name, json, pointer, line, column, problem);
  }

  static List<Rejection> rejections() {
    List<Rejection> rows = new ArrayList<>();
    // Not JSON, or not one JSON object.
    rows.add(
        row(
            "malformed JSON",
            """
            {
              "Statement": [
                {"Effect": "Allow",}
              ]
            }
            """,
            "/Statement/0/Effect",
            3,
            24,
            "Invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start"
                + " property name"));
    rows.add(
        row(
            "unclosed object",
            """
            {"Statement": {"Effect": "Allow", "Action": "*"}
            """,
            "/Statement",
            2,
            1,
            "Invalid JSON: unexpected end of input"));
    rows.add(
        row(
            "trailing garbage",
            """
            {"Statement": {"Effect": "Allow", "Action": "*"}}
            x
            """,
            "",
            2,
            1,
            "Document must end after its top-level value but had more content"));
    rows.add(
        row(
            "second document",
            """
            {"Statement": {"Effect": "Allow", "Action": "*"}} {}
            """,
            "",
            1,
            51,
            "Document must end after its top-level value but had more content"));
    rows.add(
        row("empty input", "", "", 1, 1, "Policy document must be a JSON object but was empty"));
    rows.add(
        row(
            "white space only",
            " \n\t\n",
            "",
            1,
            1,
            "Policy document must be a JSON object but was empty"));
    rows.add(
        row(
            "top-level array",
            "[]",
            "",
            1,
            1,
            "Policy document must be a JSON object but was an array"));
    rows.add(
        row(
            "top-level string",
            "  \"policy\"",
            "",
            1,
            3,
            "Policy document must be a JSON object but was \"policy\""));
    rows.add(
        row(
            "raw control character",
            "{\"Statement\": \"a\u0000b\"}",
            "/Statement",
            1,
            17,
            "Invalid JSON: Illegal unquoted character ((CTRL-CHAR, code 0)): has to be escaped using"
                + " backslash to be included in string value"));
    rows.add(
        row(
            "lone surrogate escape",
            """
            {"Id": "\\ud800", "Statement": {"Effect": "Allow", "Action": "*"}}
            """,
            "/Id",
            1,
            8,
            "Text must be valid Unicode but had the unpaired surrogate \\ud800"));
    rows.add(
        row(
            "nesting deeper than 64",
            "{\"Statement\": " + "[".repeat(100) + "]".repeat(100) + "}",
            "/Statement" + "/0".repeat(63),
            1,
            78,
            "JSON nesting must be at most 64 levels deep but was deeper"));
    // Duplicate keys, at any depth.
    rows.add(
        row(
            "duplicate top-level key",
            """
            {
              "Statement": {"Effect": "Allow", "Action": "*"},
              "Statement": []
            }
            """,
            "/Statement",
            3,
            3,
            "Object keys must be unique but \"Statement\" was repeated"));
    rows.add(
        row(
            "duplicate condition operator",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
              "StringEquals": {"aws:a": "1"},
              "StringEquals": {"aws:b": "2"}}}}
            """,
            "/Statement/Condition/StringEquals",
            3,
            3,
            "Object keys must be unique but \"StringEquals\" was repeated"));
    rows.add(
        row(
            "duplicate key with escaped quote",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"Null": {
              "a\\"/b": "true", "a\\"/b" : "false"}}}}
            """,
            "/Statement/Condition/Null/a\"~1b",
            2,
            20,
            "Object keys must be unique but \"a\\\"/b\" was repeated"));
    rows.add(
        row(
            "duplicate among more keys than are compared one by one",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": "
                + "{\"StringEquals\": {"
                + KEYS_0_TO_19
                + ", \"k3\": \"w\"}}}}",
            "/Statement/Condition/StringEquals/k3",
            1,
            311,
            "Object keys must be unique but \"k3\" was repeated"));
    // Unknown elements, exact case.
    rows.add(
        row(
            "unknown top-level element",
            """
            {"version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*"}}
            """,
            "/version",
            1,
            2,
            "Policy element must be one of Version, Id, Statement but was \"version\""));
    rows.add(
        row(
            "unknown statement element",
            """
            {
              "Statement": [
                {
                  "Effect": "Allow",
                  "Actions": "s3:GetObject"
                }
              ]
            }
            """,
            "/Statement/0/Actions",
            5,
            7,
            "Statement element must be one of Sid, Effect, Principal, NotPrincipal, Action, NotAction,"
                + " Resource, NotResource, Condition but was \"Actions\""));
    // Version, Id and Statement.
    rows.add(
        row(
            "unknown version",
            """
            {"Version": "2012-10-18", "Statement": {"Effect": "Allow", "Action": "*"}}
            """,
            "/Version",
            1,
            13,
            "Version must be \"2012-10-17\" or \"2008-10-17\" but was \"2012-10-18\""));
    rows.add(
        row(
            "version as a number",
            """
            {"Version": 2012, "Statement": {"Effect": "Allow", "Action": "*"}}
            """,
            "/Version",
            1,
            13,
            "Version must be \"2012-10-17\" or \"2008-10-17\" but was 2012"));
    rows.add(
        row(
            "Id not a string",
            """
            {"Id": true, "Statement": {"Effect": "Allow", "Action": "*"}}
            """,
            "/Id",
            1,
            8,
            "Id must be a string but was true"));
    rows.add(
        row(
            "missing Statement",
            """
            {"Version": "2012-10-17"}
            """,
            "",
            1,
            1,
            "Policy document must have Statement but had none"));
    rows.add(
        row(
            "empty Statement array",
            """
            {"Version": "2012-10-17", "Statement": []}
            """,
            "/Statement",
            1,
            40,
            "Statement must hold at least one statement but was empty"));
    rows.add(
        row(
            "Statement a string",
            """
            {"Statement": "Allow everything"}
            """,
            "/Statement",
            1,
            15,
            "Statement must be an object or an array of objects but was \"Allow everything\""));
    rows.add(
        row(
            "statement not an object",
            """
            {"Statement": [{"Effect": "Allow", "Action": "*"}, ["Deny"]]}
            """,
            "/Statement/1",
            1,
            52,
            "Statement entry must be an object but was an array"));
    // Sid and Effect.
    rows.add(
        row(
            "Sid a number",
            """
            {"Statement": [{"Sid": 42, "Effect": "Allow", "Action": "*"}]}
            """,
            "/Statement/0/Sid",
            1,
            24,
            "Sid must be a string but was 42"));
    rows.add(
        row(
            "Effect missing",
            """
            {"Statement": [{"Action": "*"}]}
            """,
            "/Statement/0",
            1,
            16,
            "Statement must have Effect but had none"));
    rows.add(
        row(
            "Effect in lower case",
            """
            {
              "Statement": [
                {
                  "Effect": "allow",
                  "Action": "*"
                }
              ]
            }
            """,
            "/Statement/0/Effect",
            4,
            17,
            "Effect must be \"Allow\" or \"Deny\" but was \"allow\""));
    rows.add(
        row(
            "Effect null",
            """
            {"Statement": {"Effect": null, "Action": "*"}}
            """,
            "/Statement/Effect",
            1,
            26,
            "Effect must be \"Allow\" or \"Deny\" but was null"));
    // Action, Resource and their negations.
    rows.add(
        row(
            "Action a number",
            """
            {"Statement": {"Effect": "Allow", "Action": 1}}
            """,
            "/Statement/Action",
            1,
            45,
            "Action must be a string or an array of strings but was 1"));
    rows.add(
        row(
            "Action entry not a string",
            """
            {"Statement": {"Effect": "Allow", "Action": ["s3:GetObject", {}]}}
            """,
            "/Statement/Action/1",
            1,
            62,
            "Action entry must be a string but was an object"));
    rows.add(
        row(
            "Action beside NotAction",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "NotAction": "iam:*"}}
            """,
            "/Statement/NotAction",
            1,
            50,
            "NotAction must not appear beside Action"));
    rows.add(
        row(
            "NotResource beside Resource",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "NotResource": "a", "Resource": "*"}}
            """,
            "/Statement/Resource",
            1,
            70,
            "Resource must not appear beside NotResource"));
    rows.add(
        row(
            "Resource null",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Resource": null}}
            """,
            "/Statement/Resource",
            1,
            62,
            "Resource must be a string or an array of strings but was null"));
    rows.add(
        row(
            "neither Action nor NotAction",
            """
            {"Statement": {"Effect": "Allow", "Resource": "*"}}
            """,
            "/Statement",
            1,
            15,
            "Statement must have Action or NotAction but had neither"));
    // Principal.
    rows.add(
        row(
            "Principal beside NotPrincipal",
            """
            {"Statement": {"Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "1"}, "Action": "*"}}
            """,
            "/Statement/NotPrincipal",
            1,
            52,
            "NotPrincipal must not appear beside Principal"));
    rows.add(
        row(
            "Principal an ARN string",
            """
            {"Statement": {"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "*"}}
            """,
            "/Statement/Principal",
            1,
            48,
            "Principal must be \"*\" or an object but was \"arn:aws:iam::111122223333:root\""));
    rows.add(
        row(
            "Principal an array",
            """
            {"Statement": {"Effect": "Allow", "Principal": ["*"], "Action": "*"}}
            """,
            "/Statement/Principal",
            1,
            48,
            "Principal must be \"*\" or an object but was an array"));
    rows.add(
        row(
            "unknown principal key",
            """
            {"Statement": {"Effect": "Allow", "Principal": {"aws": "*"}, "Action": "*"}}
            """,
            "/Statement/Principal/aws",
            1,
            49,
            "Principal key must be one of AWS, Service, Federated, CanonicalUser but was \"aws\""));
    rows.add(
        row(
            "principal value a number",
            """
            {"Statement": {"Effect": "Allow", "Principal": {"AWS": 111122223333}, "Action": "*"}}
            """,
            "/Statement/Principal/AWS",
            1,
            56,
            "Principal AWS must be a string or an array of strings but was 111122223333"));
    rows.add(
        row(
            "NotPrincipal entry not a string",
            """
            {"Statement": {"Effect": "Deny", "NotPrincipal": {"Service": [true]}, "Action": "*"}}
            """,
            "/Statement/NotPrincipal/Service/0",
            1,
            63,
            "NotPrincipal Service entry must be a string but was true"));
    // Condition.
    rows.add(
        row(
            "Condition null",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": null}}
            """,
            "/Statement/Condition",
            1,
            63,
            "Condition must be an object but was null"));
    rows.add(
        row(
            "operator block not an object",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"Bool": "true"}}}
            """,
            "/Statement/Condition/Bool",
            1,
            72,
            "Condition operator Bool must be an object but was \"true\""));
    rows.add(
        row(
            "condition value null",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"Null": {"aws:TokenIssueTime": null}}}}
            """,
            "/Statement/Condition/Null/aws:TokenIssueTime",
            1,
            95,
            "Condition key \"aws:TokenIssueTime\" must be a string, number, boolean or an array of them"
                + " but was null"));
    rows.add(
        row(
            "condition value an object",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {"a/b~c": {}}}}}
            """,
            "/Statement/Condition/StringEquals/a~1b~0c",
            1,
            90,
            "Condition key \"a/b~c\" must be a string, number, boolean or an array of them but was an"
                + " object"));
    rows.add(
        row(
            "condition value a nested array",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringLike": {"s3:prefix": ["a", ["b"]]}}}}
            """,
            "/Statement/Condition/StringLike/s3:prefix/1",
            1,
            98,
            "Condition key \"s3:prefix\" entry must be a string, number or boolean but was an array"));
    rows.add(
        row(
            "operator in wrong case",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"stringEquals": {"a": "b"}}}}
            """,
            "/Statement/Condition/stringEquals",
            1,
            64,
            "Condition operator must be an IAM condition operator (names are case-sensitive) but was"
                + " \"stringEquals\""));
    rows.add(
        row(
            "unknown set qualifier",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"ForAnyValues:StringLike": {"a": "b"}}}}
            """,
            "/Statement/Condition/ForAnyValues:StringLike",
            1,
            64,
            "Condition operator qualifier must be \"ForAnyValue\" or \"ForAllValues\" but was"
                + " \"ForAnyValues\""));
    rows.add(
        row(
            "Null with IfExists",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"NullIfExists": {"a": "true"}}}}
            """,
            "/Statement/Condition/NullIfExists",
            1,
            64,
            "Condition operator Null cannot take IfExists but was \"NullIfExists\""));
    rows.add(
        row(
            "condition keys differing only in case",
            """
            {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEquals": {
              "aws:SourceVpc": "vpc-1",
              "AWS:sourcevpc": "vpc-2"}}}}
            """,
            "/Statement/Condition/StringEquals/AWS:sourcevpc",
            3,
            3,
            "Condition keys must differ in more than case but \"AWS:sourcevpc\" repeats"
                + " \"aws:SourceVpc\""));
    return rows;
  }

  static Stream<Arguments> rejectionsOverSources() {
    return rejections().stream()
        .flatMap(row -> Stream.of(JsonSource.values()).map(source -> Arguments.of(source, row)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rejectionsOverSources")
  void read_malformedDocument_reportsPointerLineColumnAndProblem(JsonSource source, Rejection row) {
    Throwable thrown = catchThrowable(() -> source.read(row.json(), dir));

    assertThat(thrown).isExactlyInstanceOf(PolicyParseException.class);
    PolicyParseException e = (PolicyParseException) thrown;
    assertThat(e.problem()).isEqualTo(row.problem());
    assertThat(e.pointer()).isEqualTo(row.pointer());
    assertThat(e.line()).as("line").isEqualTo(row.line());
    assertThat(e.column()).as("column").isEqualTo(row.column());
    assertThat(e.getMessage())
        .isEqualTo(
            row.line()
                + ":"
                + row.column()
                + ": "
                + row.problem()
                + " (at "
                + (row.pointer().isEmpty() ? "/" : row.pointer())
                + ")");
  }

  @Test
  void read_effectInLowerCase_messageHasDocumentedShape() {
    String json =
        """
        {
          "Statement": [
            {
              "Effect": "allow",
              "Action": "*"
            }
          ]
        }
        """;

    Throwable thrown = catchThrowable(() -> PolicyReader.strict().read(json));

    assertThat(thrown)
        .isInstanceOf(PolicyFormatException.class)
        .hasMessage(
            "4:17: Effect must be \"Allow\" or \"Deny\" but was \"allow\" (at /Statement/0/Effect)");
  }

  @Test
  void read_unknownOperator_keepsOperatorParseFailureAsCause() {
    String json =
        """
        {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"StringEqual": {"a": "b"}}}}
        """;

    Throwable thrown = catchThrowable(() -> PolicyReader.strict().read(json));

    assertThat(thrown)
        .isInstanceOf(PolicyParseException.class)
        .cause()
        .isExactlyInstanceOf(PolicyFormatException.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = JsonSource.class,
      names = {"BYTES", "STREAM", "PATH"})
  void read_invalidUtf8_reportsMalformedBytePosition(JsonSource source) {
    byte[] json = {'{', '\n', ' ', '"', 'I', 'd', '"', ':', ' ', '"', (byte) 0xC3, 0x28, '"', '}'};

    Throwable thrown = catchThrowable(() -> source.read(json, dir));

    assertThat(thrown).isExactlyInstanceOf(PolicyParseException.class);
    PolicyParseException e = (PolicyParseException) thrown;
    assertThat(e.problem()).isEqualTo("Document must be UTF-8 but had the malformed byte 0xC3");
    assertThat(e.pointer()).isEmpty();
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(9);
  }

  @ParameterizedTest
  @EnumSource(JsonSource.class)
  void read_overOneMebibyte_rejectsAtStart(JsonSource source) {
    String json =
        "{\"Id\": \""
            + "a".repeat(PolicyReader.MAX_DOCUMENT_BYTES)
            + "\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}";

    Throwable thrown = catchThrowable(() -> source.read(json, dir));

    assertThat(thrown)
        .isExactlyInstanceOf(PolicyParseException.class)
        .hasMessage("1:1: Document must be at most 1048576 bytes long but was longer (at /)");
  }

  @ParameterizedTest
  @EnumSource(JsonSource.class)
  void read_byteOrderMark_isIgnored(JsonSource source) throws IOException {
    byte[] body =
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\"}}"
            .getBytes(StandardCharsets.UTF_8);
    byte[] json = new byte[body.length + 3];
    json[0] = (byte) 0xEF;
    json[1] = (byte) 0xBB;
    json[2] = (byte) 0xBF;
    System.arraycopy(body, 0, json, 3, body.length);

    PolicyDocument document = source.read(json, dir);

    assertThat(document.statements()).hasSize(1);
  }

  // Acceptance: the forms IAM allows, each read into the model with its layout hints.

  @ParameterizedTest
  @EnumSource(JsonSource.class)
  void read_statementObjectWithSingleStrings_keepsScalarHints(JsonSource source)
      throws IOException {
    String json =
        """
        {
          "Statement": {
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": "*"
          },
          "Version": "2012-10-17"
        }
        """;

    PolicyDocument document = source.read(json, dir);

    Statement expected =
        Statement.builder()
            .effect(Effect.ALLOW)
            .action(ActionClause.of("kms:Decrypt"))
            .resource(ResourceClause.of("*"))
            .build();
    assertThat(document)
        .isEqualTo(
            PolicyDocument.builder()
                .version(PolicyVersion.V2012_10_17)
                .addStatement(expected)
                .build());
    assertThat(document.statementObject()).isTrue();
    assertThat(document.elementOrder()).containsExactly("Statement", "Version");
    Statement statement = document.statements().get(0);
    assertThat(statement.elementOrder()).containsExactly("Effect", "Action", "Resource");
    assertThat(statement.actionClause().scalar()).isTrue();
    assertThat(statement.resource().orElseThrow().scalar()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(JsonSource.class)
  void read_statementArrayWithArrays_keepsArrayHints(JsonSource source) throws IOException {
    String json =
        """
        {
          "Version": "2008-10-17",
          "Id": "key-default-1",
          "Statement": [
            {
              "Sid": "Enable IAM User Permissions",
              "Effect": "Deny",
              "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:root"], "Service": "ec2.amazonaws.com"},
              "NotAction": ["kms:Decrypt"],
              "NotResource": ["arn:aws:kms:*:111122223333:key/*"]
            }
          ]
        }
        """;

    PolicyDocument document = source.read(json, dir);

    assertThat(document.version()).contains(PolicyVersion.V2008_10_17);
    assertThat(document.id()).contains("key-default-1");
    assertThat(document.statementObject()).isFalse();
    Statement statement = document.statements().get(0);
    assertThat(statement.sid()).contains("Enable IAM User Permissions");
    assertThat(statement.effect()).isEqualTo(Effect.DENY);
    assertThat(statement.principal())
        .contains(
            PrincipalClause.builder()
                .negated(true)
                .addEntry(PrincipalEntry.of(PrincipalType.AWS, "arn:aws:iam::111122223333:root"))
                .addEntry(PrincipalEntry.of(PrincipalType.SERVICE, "ec2.amazonaws.com"))
                .build());
    assertThat(statement.principal().orElseThrow().entries())
        .extracting(PrincipalEntry::scalar)
        .containsExactly(false, true);
    assertThat(statement.actionClause().negated()).isTrue();
    assertThat(statement.actionClause().scalar()).isFalse();
    assertThat(statement.resource().orElseThrow().negated()).isTrue();
    assertThat(statement.resource().orElseThrow().scalar()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(JsonSource.class)
  void read_booleanAndNumberConditionValues_keepKindsAndText(JsonSource source) throws IOException {
    String json =
        """
        {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Condition": {
          "Bool": {"kms:GrantIsForAWSResource": true, "aws:SecureTransport": "false"},
          "NumericLessThan": {"s3:max-keys": [10, "20", 1.50e+03]}
        }}}
        """;

    PolicyDocument document = source.read(json, dir);

    Statement statement = document.statements().get(0);
    assertThat(statement.principal()).contains(PrincipalClause.ANYONE);
    assertThat(statement.condition())
        .contains(
            ConditionBlock.of(
                OperatorBlock.of(
                    ConditionOperator.of(BaseOperator.BOOL),
                    KeyCondition.builder()
                        .key("kms:GrantIsForAWSResource")
                        .addValue(ConditionValue.ofBoolean(true))
                        .build(),
                    KeyCondition.of("aws:SecureTransport", "false")),
                OperatorBlock.of(
                    ConditionOperator.of(BaseOperator.NUMERIC_LESS_THAN),
                    KeyCondition.builder()
                        .key("s3:max-keys")
                        .addValue(ConditionValue.ofNumber("10"))
                        .addValue(ConditionValue.of("20"))
                        .addValue(ConditionValue.ofNumber("1.50e+03"))
                        .build())));
    List<KeyCondition> bool = statement.condition().orElseThrow().operators().get(0).keys();
    assertThat(bool).extracting(KeyCondition::scalar).containsExactly(true, true);
  }

  @ParameterizedTest
  @EnumSource(JsonSource.class)
  void read_versionAbsentAndEmptyContainers_keepsThemPresentButEmpty(JsonSource source)
      throws IOException {
    String json =
        """
        {"Statement": [{"Effect": "Allow", "Principal": {}, "Action": [], "Resource": [], "Condition": {}}]}
        """;

    PolicyDocument document = source.read(json, dir);

    assertThat(document.version()).isEmpty();
    Statement statement = document.statements().get(0);
    assertThat(statement.principal()).contains(PrincipalClause.builder().build());
    assertThat(statement.actionClause().patterns()).isEmpty();
    assertThat(statement.resource().orElseThrow().patterns()).isEmpty();
    assertThat(statement.condition()).contains(ConditionBlock.builder().build());
  }

  @Test
  void read_operatorsWithQualifierAndIfExists_parsesThem() {
    String json =
        """
        {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
          "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*"]}}}}
        """;

    PolicyDocument document = PolicyReader.strict().read(json);

    ConditionOperator operator =
        document.statements().get(0).condition().orElseThrow().operators().get(0).operator();
    assertThat(operator.toString()).isEqualTo("ForAnyValue:StringLikeIfExists");
    assertThat(operator.ifExists()).isTrue();
  }

  @Test
  void read_sameKeyInTwoOperatorBlocks_isAccepted() {
    String json =
        """
        {"Statement": {"Effect": "Allow", "Action": "*", "Condition": {
          "StringLike": {"aws:SourceVpc": "vpc-*"},
          "StringNotEquals": {"AWS:sourcevpc": "vpc-1"}}}}
        """;

    PolicyDocument document = PolicyReader.strict().read(json);

    assertThat(document.statements().get(0).condition().orElseThrow().operators()).hasSize(2);
  }

  @Test
  void strict_calledTwice_returnsTheSameReader() {
    assertThat(PolicyReader.strict()).isSameAs(PolicyReader.strict());
  }
}
