package dev.policysmith.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * The story of DESIGN.md: the two key-policy statements of {@code
 * examples/ebs-cross-account-statements.json}, written here as model values, let the Cloud
 * Automator role of account 111122223333 use the key through EC2 in ap-northeast-1 only, and create
 * grants only for AWS resources.
 *
 * <p>https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html <br>
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
 */
class SeedScenarioTest {
  private static final String ROLE =
      "arn:aws:iam::111122223333:role/CloudAutomator-1a2b3c4d5e6f7g8h9i0j-CloudAutomator-1a2b3c4d5e6f";
  private static final String SESSION =
      "arn:aws:sts::111122223333:assumed-role/CloudAutomator-1a2b3c4d5e6f7g8h9i0j-CloudAutomator-1a2b3c4d5e6f/i-0abc";
  private static final String KEY =
      "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String USE_SID =
      "Allow external account Cloud Automator use of the customer managed key";
  private static final String ATTACH_SID =
      "Allow attachment of persistent resources in external account Cloud Automator";

  private static final PolicyDocument STATEMENTS =
      PolicyDocument.builder()
          .version(PolicyVersion.V2012_10_17)
          .addStatement(
              Statement.builder()
                  .sid(USE_SID)
                  .effect(Effect.ALLOW)
                  .principal(PrincipalClause.aws(ROLE))
                  .action(
                      ActionClause.of(
                          "kms:Encrypt",
                          "kms:Decrypt",
                          "kms:ReEncrypt*",
                          "kms:GenerateDataKey*",
                          "kms:DescribeKey"))
                  .resource(
                      ResourceClause.builder()
                          .addPattern(dev.policysmith.model.ResourcePattern.ALL)
                          .scalar(true)
                          .build())
                  .condition(
                      ConditionBlock.of(
                          OperatorBlock.of(
                              ConditionOperator.of(BaseOperator.STRING_EQUALS),
                              KeyCondition.of(
                                  "kms:ViaService", "ec2.ap-northeast-1.amazonaws.com"))))
                  .build())
          .addStatement(
              Statement.builder()
                  .sid(ATTACH_SID)
                  .effect(Effect.ALLOW)
                  .principal(PrincipalClause.aws(ROLE))
                  .action(ActionClause.of("kms:CreateGrant"))
                  .resource(ResourceClause.of("*"))
                  .condition(
                      ConditionBlock.of(
                          OperatorBlock.of(
                              ConditionOperator.of(BaseOperator.BOOL),
                              KeyCondition.of("kms:GrantIsForAWSResource", "true"))))
                  .build())
          .build();

  private static final PolicyEvaluator EVALUATOR = PolicyEvaluator.of(STATEMENTS);

  private static Request.Builder call(String principal, String action) {
    return Request.builder().principal(principal).action(action).resource(KEY);
  }

  @Test
  void decrypt_viaEc2InKeyRegion_allowed() {
    for (String action : new String[] {"kms:Decrypt", "kms:ReEncryptFrom"}) {
      Request request =
          call(ROLE, action)
              .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
              .build();
      assertThat(EVALUATOR.decide(request)).as(action).isEqualTo(Decision.ALLOW);
    }
  }

  @Test
  void decrypt_viaEc2InOtherRegion_implicitlyDenied() {
    Request request =
        call(ROLE, "kms:Decrypt")
            .putContext("kms:ViaService", "ec2.us-east-1.amazonaws.com")
            .build();
    assertThat(EVALUATOR.decide(request)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void decrypt_withoutViaService_implicitlyDenied() {
    assertThat(EVALUATOR.decide(call(ROLE, "kms:Decrypt").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(EVALUATOR.decide(call(ROLE, "kms:ReEncryptFrom").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void createGrant_forAwsResource_allowed() {
    Request request =
        call(ROLE, "kms:CreateGrant").putContext("kms:GrantIsForAWSResource", "true").build();
    assertThat(EVALUATOR.decide(request)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void createGrant_keyNameInOtherCaseUnderTurkishLocale_allowed() {
    Request request =
        call(ROLE, "kms:CreateGrant").putContext("KMS:GRANTISFORAWSRESOURCE", "true").build();
    assertThat(EVALUATOR.decide(request)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void createGrant_notForAwsResourceOrWithoutKey_implicitlyDenied() {
    assertThat(
            EVALUATOR.decide(
                call(ROLE, "kms:CreateGrant")
                    .putContext("kms:GrantIsForAWSResource", "false")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(EVALUATOR.decide(call(ROLE, "kms:CreateGrant").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(
            EVALUATOR.decide(
                call(ROLE, "kms:CreateGrant")
                    .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void sessionOfTheRole_covered() {
    Request request =
        call(SESSION, "kms:Decrypt")
            .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
            .build();
    assertThat(EVALUATOR.decide(request)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void otherRoleOfSameAccount_notCovered() {
    Request request =
        call("arn:aws:iam::111122223333:role/Other", "kms:Decrypt")
            .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
            .build();
    assertThat(EVALUATOR.decide(request)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void explain_namesTheStatementThatAllowed() {
    Request request =
        call(ROLE, "kms:CreateGrant").putContext("kms:GrantIsForAWSResource", "true").build();
    Evaluation evaluation = EVALUATOR.explain(request);
    assertThat(evaluation.decision()).isEqualTo(Decision.ALLOW);
    assertThat(evaluation.matchedStatements())
        .containsExactly(
            StatementMatch.builder()
                .documentIndex(0)
                .statementIndex(1)
                .sid(ATTACH_SID)
                .effect(Effect.ALLOW)
                .build());
  }
}
