package dev.policysmith.model.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's failure and its fix, decided by KMS's rules:
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 * and https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html
 */
class KeyAccessTest {
  private static final Arn KEY =
      Arn.parse("arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab");
  private static final String SCHEDULER_SESSION =
      "arn:aws:sts::111122223333:assumed-role/Scheduler/start-instances";
  private static final String EC2_TOKYO = "ec2.ap-northeast-1.amazonaws.com";

  /** The console's default key policy of account 444455556666 (as in ../shared/examples). */
  private static final PolicyDocument DEFAULT_KEY_POLICY =
      PolicyReader.strict()
          .read(
              """
              {
                "Version": "2012-10-17",
                "Id": "key-consolepolicy-3",
                "Statement": [
                  {
                    "Sid": "Enable IAM User Permissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                    "Action": "kms:*",
                    "Resource": "*"
                  },
                  {
                    "Sid": "Allow use of the key",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::444455556666:role/Operator"},
                    "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                    "Resource": "*"
                  }
                ]
              }
              """);

  private static final KmsEbsGrants GRANTS =
      KmsEbsGrants.builder()
          .addPrincipal("arn:aws:iam::111122223333:role/Scheduler")
          .addRegion("ap-northeast-1")
          .build();

  private static final PolicyDocument KEY_POLICY_WITH_GRANTS =
      DEFAULT_KEY_POLICY.toBuilder().addAllStatements(GRANTS.statements()).build();

  private static final PolicyDocument SCHEDULER_IDENTITY_POLICY = GRANTS.identityPolicy(KEY);

  private static Request ebsDataKey(String principal, String viaService) {
    return Request.builder()
        .principal(principal)
        .action("kms:GenerateDataKeyWithoutPlaintext")
        .resource(KEY.toString())
        .putContext("kms:ViaService", viaService)
        .build();
  }

  private static Request createGrant(String principal, String grantIsForAwsResource) {
    return Request.builder()
        .principal(principal)
        .action("kms:CreateGrant")
        .resource(KEY.toString())
        .putContext("kms:ViaService", EC2_TOKYO)
        .putContext("kms:GrantIsForAWSResource", grantIsForAwsResource)
        .build();
  }

  @Test
  void decide_identityPolicyAlone_deniesTheCrossAccountRole() {
    KeyAccess access = KeyAccess.of(KEY, DEFAULT_KEY_POLICY, List.of(SCHEDULER_IDENTITY_POLICY));

    KeyAccess.Outcome outcome = access.explain(ebsDataKey(SCHEDULER_SESSION, EC2_TOKYO));

    assertThat(outcome.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(outcome.identityPolicies()).isEqualTo(Decision.ALLOW);
    assertThat(outcome.keyPolicy()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(outcome.crossAccount()).isTrue();
  }

  @Test
  void decide_keyPolicyAlone_deniesTheCrossAccountRole() {
    KeyAccess access = KeyAccess.of(KEY, KEY_POLICY_WITH_GRANTS, List.of());

    KeyAccess.Outcome outcome = access.explain(ebsDataKey(SCHEDULER_SESSION, EC2_TOKYO));

    assertThat(outcome.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(outcome.keyPolicy()).isEqualTo(Decision.ALLOW);
    assertThat(outcome.reason()).contains("another account");
  }

  @Test
  void decide_keyPolicyAndIdentityPolicy_allowTheCrossAccountRole() {
    KeyAccess access =
        KeyAccess.of(KEY, KEY_POLICY_WITH_GRANTS, List.of(SCHEDULER_IDENTITY_POLICY));

    assertThat(access.decide(ebsDataKey(SCHEDULER_SESSION, EC2_TOKYO))).isEqualTo(Decision.ALLOW);
    assertThat(access.decide(createGrant(SCHEDULER_SESSION, "true"))).isEqualTo(Decision.ALLOW);
  }

  @Test
  void decide_bothPolicies_stillDenyOtherRegionsDirectCallsAndGrantsForNonAwsResources() {
    KeyAccess access =
        KeyAccess.of(KEY, KEY_POLICY_WITH_GRANTS, List.of(SCHEDULER_IDENTITY_POLICY));
    Request direct =
        Request.builder()
            .principal(SCHEDULER_SESSION)
            .action("kms:Decrypt")
            .resource(KEY.toString())
            .build();

    assertThat(access.decide(ebsDataKey(SCHEDULER_SESSION, "ec2.us-east-1.amazonaws.com")))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(access.decide(ebsDataKey(SCHEDULER_SESSION, "rds.ap-northeast-1.amazonaws.com")))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(access.decide(direct)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(access.decide(createGrant(SCHEDULER_SESSION, "false")))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void decide_anotherRoleOfTheSameForeignAccount_isDenied() {
    KeyAccess access =
        KeyAccess.of(KEY, KEY_POLICY_WITH_GRANTS, List.of(SCHEDULER_IDENTITY_POLICY));

    assertThat(access.decide(ebsDataKey("arn:aws:iam::111122223333:role/Other", EC2_TOKYO)))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void decide_sameAccountRoleNamedInKeyPolicy_needsNoIdentityPolicy() {
    KeyAccess access = KeyAccess.of(KEY, DEFAULT_KEY_POLICY, List.of());

    KeyAccess.Outcome outcome =
        access.explain(ebsDataKey("arn:aws:sts::444455556666:assumed-role/Operator/s", EC2_TOKYO));

    assertThat(outcome.decision()).isEqualTo(Decision.ALLOW);
    assertThat(outcome.crossAccount()).isFalse();
  }

  @Test
  void decide_sameAccountRoleThroughRootDelegation_needsAnIdentityPolicy() {
    String analyst = "arn:aws:iam::444455556666:role/Analyst";
    PolicyDocument analystPolicy =
        PolicyReader.strict()
            .read(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt",
                  "Resource": "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
                """);
    Request decrypt = Request.builder().principal(analyst).action("kms:Decrypt").build();

    assertThat(KeyAccess.of(KEY, DEFAULT_KEY_POLICY, List.of()).decide(decrypt))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(KeyAccess.of(KEY, DEFAULT_KEY_POLICY, List.of(analystPolicy)).decide(decrypt))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void decide_explicitDenyInIdentityPolicy_wins() {
    PolicyDocument deny =
        PolicyReader.strict()
            .read(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "kms:*", "Resource": "*"}]}
                """);
    KeyAccess access =
        KeyAccess.of(KEY, KEY_POLICY_WITH_GRANTS, List.of(SCHEDULER_IDENTITY_POLICY, deny));

    assertThat(access.decide(ebsDataKey(SCHEDULER_SESSION, EC2_TOKYO)))
        .isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void decide_explicitDenyInKeyPolicy_wins() {
    PolicyDocument denying =
        KEY_POLICY_WITH_GRANTS.toBuilder()
            .addStatement(
                PolicyReader.strict()
                    .read(
                        """
                        {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
                          "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
                        """)
                    .statements()
                    .get(0))
            .build();

    assertThat(
            KeyAccess.of(KEY, denying, List.of(SCHEDULER_IDENTITY_POLICY))
                .decide(ebsDataKey(SCHEDULER_SESSION, EC2_TOKYO)))
        .isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void decide_servicePrincipal_isDecidedByTheKeyPolicyAlone() {
    PolicyDocument servicePolicy =
        PolicyReader.strict()
            .read(
                """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"Service": "logs.ap-northeast-1.amazonaws.com"}, "Action": "kms:Encrypt*", "Resource": "*"}]}
                """);
    Request request =
        Request.builder()
            .principal("logs.ap-northeast-1.amazonaws.com")
            .action("kms:Encrypt")
            .build();

    assertThat(KeyAccess.of(KEY, servicePolicy, List.of()).decide(request))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void decide_requestOnAnotherResource_isRejected() {
    KeyAccess access = KeyAccess.of(KEY, DEFAULT_KEY_POLICY, List.of());
    Request other =
        Request.builder()
            .principal(SCHEDULER_SESSION)
            .action("kms:Decrypt")
            .resource("arn:aws:kms:ap-northeast-1:444455556666:key/other")
            .build();

    assertThatThrownBy(() -> access.decide(other))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Request resource must be the key");
  }
}
