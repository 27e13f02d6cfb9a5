package dev.policysmith.awssdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policysmith.awssdk.UnrepresentablePolicyException.Reason;
import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.json.PolicyReader;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

class IamPoliciesTest {
  private static final PolicyReader READER = PolicyReader.strict();

  private static final String KEY_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Id": "key-policy",
        "Statement": [
          {
            "Sid": "Root",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
            "Action": "kms:*",
            "Resource": "*"
          },
          {
            "Sid": "Use",
            "Effect": "Allow",
            "Principal": {
              "AWS": ["arn:aws:iam::111122223333:role/App", "444455556666"],
              "Service": "ec2.amazonaws.com"
            },
            "Action": ["kms:Decrypt", "kms:ReEncrypt*"],
            "Resource": "*",
            "Condition": {
              "StringEquals": {
                "kms:ViaService": ["ec2.us-east-1.amazonaws.com", "ec2.eu-west-1.amazonaws.com"],
                "kms:CallerAccount": "111122223333"
              },
              "ForAnyValue:StringLikeIfExists": {"kms:EncryptionContextKeys": "app*"},
              "Bool": {"aws:SecureTransport": "true"}
            }
          },
          {
            "Effect": "Deny",
            "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/Admin"},
            "NotAction": "kms:Describe*",
            "NotResource": "arn:aws:kms:*:111122223333:alias/*"
          },
          {
            "Effect": "Deny",
            "Principal": "*",
            "Action": "kms:ScheduleKeyDeletion",
            "Resource": "*",
            "Condition": {"Null": {"aws:MultiFactorAuthAge": "true"}}
          }
        ]
      }
      """;

  @Test
  void toIamPolicy_keyPolicy_convertsBackToAnEqualDocument() {
    PolicyDocument policy = READER.read(KEY_POLICY);

    IamPolicy sdk = IamPolicies.toIamPolicy(policy);

    assertThat(IamPolicies.toPolicyDocument(sdk)).isEqualTo(policy);
    assertThat(sdk.id()).isEqualTo("key-policy");
    assertThat(sdk.statements().get(1).principals()).hasSize(3);
    assertThat(sdk.statements().get(2).notPrincipals()).hasSize(1);
  }

  @Test
  void toIamPolicy_keyPolicy_sdkJsonReadsAsAnEqualDocument() {
    PolicyDocument policy = READER.read(KEY_POLICY);

    String json = IamPolicies.toIamPolicy(policy).toJson();

    assertThat(READER.read(json)).isEqualTo(policy);
  }

  @Test
  void toPolicyDocument_sdkReadKeyPolicy_equalsOurReading() {
    IamPolicy sdk = IamPolicy.fromJson(KEY_POLICY);

    assertThat(IamPolicies.toPolicyDocument(sdk)).isEqualTo(READER.read(KEY_POLICY));
  }

  @Test
  void toPolicyDocument_sdkBuiltPolicy_groupsPrincipalsAndConditions() {
    IamPolicy sdk =
        IamPolicy.builder()
            .addStatement(
                s ->
                    s.effect(IamEffect.ALLOW)
                        .addPrincipal(IamPrincipalType.AWS, "111122223333")
                        .addPrincipal(IamPrincipalType.SERVICE, "logs.amazonaws.com")
                        .addPrincipal(IamPrincipalType.AWS, "444455556666")
                        .addAction("kms:Encrypt")
                        .addResource("*")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "kms:CallerAccount", "1")
                        .addCondition(IamConditionOperator.STRING_EQUALS, "kms:CallerAccount", "2"))
            .build();

    PolicyDocument policy = IamPolicies.toPolicyDocument(sdk);

    assertThat(policy)
        .isEqualTo(
            READER.read(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": ["111122223333", "444455556666"],
                                "Service": "logs.amazonaws.com"},
                  "Action": "kms:Encrypt", "Resource": "*",
                  "Condition": {"StringEquals": {"kms:CallerAccount": ["1", "2"]}}}]}
                """));
  }

  @Test
  void toIamPolicy_noVersion_isMissingVersion() {
    PolicyDocument policy =
        READER.read(
            """
            {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """);

    assertThatThrownBy(() -> IamPolicies.toIamPolicy(policy))
        .isInstanceOfSatisfying(
            UnrepresentablePolicyException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MISSING_VERSION);
              assertThat(e.statementIndex()).isEqualTo(-1);
            });
  }

  @Test
  void toIamPolicy_booleanConditionValue_isNonStringConditionValue() {
    PolicyDocument policy =
        READER.read(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*",
              "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": false}}}]}
            """);

    assertThatThrownBy(() -> IamPolicies.toIamPolicy(policy))
        .isInstanceOfSatisfying(
            UnrepresentablePolicyException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.NON_STRING_CONDITION_VALUE);
              assertThat(e.statementIndex()).isZero();
              assertThat(e.getMessage()).contains("aws:SecureTransport").contains("\"false\"");
            });
  }

  @Test
  void toIamPolicy_numberConditionValue_isNonStringConditionValue() {
    PolicyDocument policy =
        READER.read(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*",
              "Resource": "*",
              "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600}}}]}
            """);

    assertThatThrownBy(() -> IamPolicies.toIamPolicy(policy))
        .isInstanceOfSatisfying(
            UnrepresentablePolicyException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NON_STRING_CONDITION_VALUE));
  }

  @Test
  void toIamPolicy_emptyAction_isEmptyElement() {
    PolicyDocument policy =
        document(Statement.builder().effect(Effect.ALLOW).action(ActionClause.builder().build()));

    assertThatThrownBy(() -> IamPolicies.toIamPolicy(policy))
        .isInstanceOfSatisfying(
            UnrepresentablePolicyException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.EMPTY_ELEMENT);
              assertThat(e.getMessage()).contains("Action");
            });
  }

  @Test
  void toIamPolicy_emptyConditionKey_isEmptyElement() {
    PolicyDocument policy =
        document(
            Statement.builder()
                .effect(Effect.ALLOW)
                .action(ActionClause.of("s3:GetObject"))
                .condition(
                    ConditionBlock.of(
                        OperatorBlock.of(
                            ConditionOperator.of(BaseOperator.STRING_EQUALS),
                            KeyCondition.of("aws:PrincipalTag/team")))));

    assertThatThrownBy(() -> IamPolicies.toIamPolicy(policy))
        .isInstanceOfSatisfying(
            UnrepresentablePolicyException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_ELEMENT));
  }

  @Test
  void toIamPolicy_operatorTwice_isRepeatedCondition() {
    ConditionOperator equals = ConditionOperator.of(BaseOperator.STRING_EQUALS);
    PolicyDocument policy =
        document(
            Statement.builder()
                .effect(Effect.ALLOW)
                .action(ActionClause.of("s3:GetObject"))
                .condition(
                    ConditionBlock.of(
                        OperatorBlock.of(equals, KeyCondition.of("aws:username", "a")),
                        OperatorBlock.of(equals, KeyCondition.of("aws:userid", "b")))));

    assertThatThrownBy(() -> IamPolicies.toIamPolicy(policy))
        .isInstanceOfSatisfying(
            UnrepresentablePolicyException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REPEATED_CONDITION));
  }

  @Test
  void toPolicyDocument_unknownVersion_isUnknownVersion() {
    IamPolicy sdk =
        IamPolicy.builder()
            .version("2020-01-01")
            .addStatement(s -> s.effect(IamEffect.ALLOW).addAction("s3:GetObject"))
            .build();

    assertRefused(sdk, Reason.UNKNOWN_VERSION);
  }

  @Test
  void toPolicyDocument_version2008_isKept() {
    IamPolicy sdk =
        IamPolicy.builder()
            .version("2008-10-17")
            .addStatement(s -> s.effect(IamEffect.ALLOW).addAction("s3:GetObject"))
            .build();

    assertThat(IamPolicies.toPolicyDocument(sdk).version()).contains(PolicyVersion.V2008_10_17);
  }

  @Test
  void toPolicyDocument_oddEffect_isBadEffect() {
    // The SDK's builder itself refuses a statement without an effect.
    assertRefused(
        single(IamStatement.builder().effect("Maybe").addAction("s3:GetObject")),
        Reason.BAD_EFFECT);
  }

  @Test
  void toPolicyDocument_noAction_isMissingAction() {
    assertRefused(
        single(IamStatement.builder().effect(IamEffect.ALLOW).addResource("*")),
        Reason.MISSING_ACTION);
  }

  @Test
  void toPolicyDocument_actionAndNotAction_isElementAndNotElement() {
    assertRefused(
        single(IamStatement.builder().effect(IamEffect.ALLOW).addAction("a:b").addNotAction("c:d")),
        Reason.ELEMENT_AND_NOT_ELEMENT);
  }

  @Test
  void toPolicyDocument_oddPrincipalType_isUnknownPrincipalType() {
    assertRefused(
        single(
            IamStatement.builder()
                .effect(IamEffect.ALLOW)
                .addPrincipal("Partner", "x")
                .addAction("a:b")),
        Reason.UNKNOWN_PRINCIPAL_TYPE);
  }

  @Test
  void toPolicyDocument_oddOperator_isUnknownConditionOperator() {
    assertRefused(
        single(
            IamStatement.builder()
                .effect(IamEffect.ALLOW)
                .addAction("a:b")
                .addCondition("StringRoughlyEquals", "aws:username", "x")),
        Reason.UNKNOWN_CONDITION_OPERATOR);
  }

  private static PolicyDocument document(Statement.Builder statement) {
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addStatement(statement.build())
        .build();
  }

  private static IamPolicy single(IamStatement.Builder statement) {
    return IamPolicy.builder().addStatement(statement.build()).build();
  }

  private static void assertRefused(IamPolicy sdk, Reason reason) {
    assertThatThrownBy(() -> IamPolicies.toPolicyDocument(sdk))
        .isInstanceOfSatisfying(
            UnrepresentablePolicyException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
