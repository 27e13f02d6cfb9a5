package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyWriterTest {
  private static final String LAID_OUT =
      """
      {"Statement": {"Condition": {"Bool": {"kms:GrantIsForAWSResource": true}},
        "Action": "kms:CreateGrant", "Effect": "Allow", "Resource": "*",
        "Principal": {"AWS": "arn:aws:iam::111122223333:role/Scheduler"}, "Sid": "Attach"},
       "Version": "2012-10-17"}
      """;

  private static Statement useOfTheKey() {
    return Statement.builder()
        .sid("Allow use of the key")
        .effect(Effect.ALLOW)
        .principal(PrincipalClause.aws("arn:aws:iam::111122223333:role/Scheduler"))
        .action(ActionClause.of("kms:Encrypt", "kms:Decrypt"))
        .resource(ResourceClause.of("*"))
        .condition(
            ConditionBlock.of(
                OperatorBlock.of(
                    ConditionOperator.of(BaseOperator.STRING_EQUALS),
                    KeyCondition.of("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com"))))
        .build();
  }

  @Test
  void writeToString_builtDocument_writesDefaultOrderAndTwoSpaceLayout() {
    PolicyDocument document =
        PolicyDocument.builder()
            .version(PolicyVersion.V2012_10_17)
            .addStatement(useOfTheKey())
            .build();

    String json = PolicyWriter.lossless().writeToString(document);

    assertThat(json)
        .isEqualTo(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Allow use of the key",
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": [
                      "arn:aws:iam::111122223333:role/Scheduler"
                    ]
                  },
                  "Action": [
                    "kms:Encrypt",
                    "kms:Decrypt"
                  ],
                  "Resource": [
                    "*"
                  ],
                  "Condition": {
                    "StringEquals": {
                      "kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"
                    }
                  }
                }
              ]
            }
            """);
  }

  @Test
  void lossless_readDocument_keepsKeyOrderAndScalars() {
    PolicyDocument document = PolicyReader.strict().read(LAID_OUT);

    String json = PolicyWriter.lossless().writeToString(document);

    assertThat(json)
        .isEqualTo(
            """
            {
              "Statement": {
                "Condition": {
                  "Bool": {
                    "kms:GrantIsForAWSResource": true
                  }
                },
                "Action": "kms:CreateGrant",
                "Effect": "Allow",
                "Resource": "*",
                "Principal": {
                  "AWS": "arn:aws:iam::111122223333:role/Scheduler"
                },
                "Sid": "Attach"
              },
              "Version": "2012-10-17"
            }
            """);
  }

  @Test
  void canonical_readDocument_ignoresLayoutButKeepsValueKinds() {
    PolicyDocument document = PolicyReader.strict().read(LAID_OUT);

    String json = PolicyWriter.canonical().writeToString(document);

    assertThat(json)
        .isEqualTo(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Attach",
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": [
                      "arn:aws:iam::111122223333:role/Scheduler"
                    ]
                  },
                  "Action": [
                    "kms:CreateGrant"
                  ],
                  "Resource": [
                    "*"
                  ],
                  "Condition": {
                    "Bool": {
                      "kms:GrantIsForAWSResource": [
                        true
                      ]
                    }
                  }
                }
              ]
            }
            """);
  }

  @Test
  void canonical_anyonePrincipalAndEmptyContainers_writesStarAndEmptyBrackets() {
    PolicyDocument document =
        PolicyDocument.builder()
            .addStatement(
                Statement.builder()
                    .effect(Effect.DENY)
                    .principal(PrincipalClause.ANYONE)
                    .action(ActionClause.builder().negated(true).build())
                    .condition(ConditionBlock.builder().build())
                    .build())
            .build();

    String json = PolicyWriter.canonical().writeToString(document);

    assertThat(json)
        .isEqualTo(
            """
            {
              "Statement": [
                {
                  "Effect": "Deny",
                  "Principal": "*",
                  "NotAction": [],
                  "Condition": {}
                }
              ]
            }
            """);
  }

  @Test
  void canonical_equalDocumentsWithDifferentLayouts_giveIdenticalBytes() {
    PolicyDocument laidOut = PolicyReader.strict().read(LAID_OUT);
    PolicyDocument plain =
        PolicyReader.strict()
            .read(
                """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Attach", "Effect": "Allow",
                 "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Scheduler"]},
                 "Action": ["kms:CreateGrant"], "Resource": ["*"],
                 "Condition": {"Bool": {"kms:GrantIsForAWSResource": [true]}}}]}
                """);
    assertThat(laidOut).isEqualTo(plain);

    byte[] first = PolicyWriter.canonical().toBytes(laidOut);
    byte[] second = PolicyWriter.canonical().toBytes(plain);

    assertThat(first).isEqualTo(second);
    assertThat(PolicyWriter.lossless().toBytes(laidOut)).isNotEqualTo(first);
  }

  @Test
  void write_nonAsciiAndControlCharacters_writesUtf8AndEscapesControls() throws IOException {
    PolicyDocument document =
        PolicyDocument.builder()
            .id("clé \"😀\" tab\there/slash\\")
            .addStatement(
                Statement.builder().effect(Effect.ALLOW).action(ActionClause.of("*")).build())
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    PolicyWriter.canonical().write(document, out);

    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(json).contains("\"Id\": \"clé \\\"😀\\\" tab\\there/slash\\\\\"");
    assertThat(out.toByteArray()).isEqualTo(PolicyWriter.canonical().toBytes(document));
    assertThat(json).doesNotContain("\r", " \n").endsWith("}\n");
  }

  @Test
  void lossless_elementOrderHintNotMatchingElements_fallsBackToDefaultOrder() {
    Statement statement =
        useOfTheKey().toBuilder().elementOrder(List.of("Action", "Effect")).build();
    PolicyDocument document =
        PolicyDocument.builder()
            .addStatement(statement)
            .elementOrder(List.of("Id", "Statement"))
            .build();

    String json = PolicyWriter.lossless().writeToString(document);

    assertThat(json).startsWith("{\n  \"Statement\": [\n    {\n      \"Sid\": ");
  }

  @Test
  void writeToString_unpairedSurrogate_isAProgrammerMistake() {
    PolicyDocument document =
        PolicyDocument.builder()
            .addStatement(
                Statement.builder()
                    .sid("bad\ud800")
                    .effect(Effect.ALLOW)
                    .action(ActionClause.of("*"))
                    .build())
            .build();

    assertThatThrownBy(() -> PolicyWriter.canonical().writeToString(document))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
  }
}
