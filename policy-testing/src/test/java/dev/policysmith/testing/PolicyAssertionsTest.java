package dev.policysmith.testing;

import static dev.policysmith.model.eval.Decision.ALLOW;
import static dev.policysmith.model.eval.Decision.EXPLICIT_DENY;
import static dev.policysmith.model.eval.Decision.IMPLICIT_DENY;
import static dev.policysmith.testing.PolicyAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Examples of {@link PolicyAssertions}: passing assertions, and the exact text of failures, on the
 * "use of the key" statement of DESIGN.md's cross-account EBS key policy beside a deny.
 */
class PolicyAssertionsTest {
  private static final PolicyDocument KEY_POLICY =
      PolicyReader.strict()
          .read(
              """
              {
                "Version": "2012-10-17",
                "Statement": [
                  {
                    "Sid": "AllowUseOfTheKey",
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::111122223333:role/Scheduler"},
                    "Action": ["kms:Decrypt", "kms:ReEncrypt*"],
                    "Resource": "*",
                    "Condition": {"StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}
                  },
                  {
                    "Effect": "Deny",
                    "Principal": "*",
                    "Action": "kms:ScheduleKeyDeletion",
                    "Resource": "*"
                  }
                ]
              }
              """);

  private static final PolicyDocument DENY_ALL =
      PolicyReader.strict()
          .read(
              """
              {"Statement": {"Sid": "DenyAll", "Effect": "Deny", "Action": "*"}}
              """);

  private static final Request DECRYPT_VIA_EC2 =
      Request.builder()
          .principal("arn:aws:sts::111122223333:assumed-role/Scheduler/session")
          .action("kms:Decrypt")
          .resource("arn:aws:kms:ap-northeast-1:444455556666:key/k")
          .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
          .build();

  private static final Request DECRYPT_DIRECTLY =
      Request.builder()
          .principal("arn:aws:iam::111122223333:role/Scheduler")
          .action("kms:Decrypt")
          .build();

  private static final Request DELETE_KEY =
      Request.builder()
          .principal("arn:aws:iam::111122223333:role/Scheduler")
          .action("kms:ScheduleKeyDeletion")
          .resource("arn:aws:kms:ap-northeast-1:444455556666:key/k")
          .putContext("aws:SourceIp", "192.0.2.1", "203.0.113.\"7\"")
          .putContext("kms:ViaService", List.of())
          .putContext("aws:UserAgent", "100%s sure")
          .build();

  @Test
  void assertions_matchingDecisions_pass() {
    assertThat(KEY_POLICY)
        .allows(DECRYPT_VIA_EC2)
        .implicitlyDenies(DECRYPT_DIRECTLY)
        .denies(DELETE_KEY);
    assertThat(KEY_POLICY).decides(DECRYPT_VIA_EC2).isEqualTo(ALLOW);
    assertThat(KEY_POLICY, DENY_ALL).decides(DECRYPT_VIA_EC2).isEqualTo(EXPLICIT_DENY);
    assertThat(List.of(KEY_POLICY, DENY_ALL)).denies(DECRYPT_DIRECTLY);
    assertThat(List.<PolicyDocument>of()).implicitlyDenies(DECRYPT_VIA_EC2);
  }

  @Test
  void assertThat_withAssertJImportedToo_picksThePolicyAssertion() {
    // Both assertThat are imported statically; a lone document must still get PolicyAssert.
    PolicyAssert policyAssert = assertThat(KEY_POLICY);
    assertThat(policyAssert).isNotNull();
    assertThat(List.of("AssertJ's own overloads still work")).hasSize(1);
  }

  @Test
  void allows_implicitDeny_failsShowingTheRequestAndNoMatch() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(KEY_POLICY).allows(DECRYPT_DIRECTLY))
        .withMessage(
            lines(
                """
                Expecting the policy to decide ALLOW for the request
                  principal: arn:aws:iam::111122223333:role/Scheduler
                  action:    kms:Decrypt
                  resource:  (none)
                  context:   {}
                but it decided IMPLICIT_DENY: no statement matched."""));
  }

  @Test
  void allows_explicitDeny_failsShowingTheMatchedStatementsWithTheirJson() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(KEY_POLICY, DENY_ALL).allows(DECRYPT_VIA_EC2))
        .withMessage(
            lines(
                """
                Expecting the 2 policies to decide ALLOW for the request
                  principal: arn:aws:sts::111122223333:assumed-role/Scheduler/session
                  action:    kms:Decrypt
                  resource:  arn:aws:kms:ap-northeast-1:444455556666:key/k
                  context:   {"kms:ViaService": ["ec2.ap-northeast-1.amazonaws.com"]}
                but they decided EXPLICIT_DENY; the statements that matched:
                  document 0, statement 0 (Sid "AllowUseOfTheKey", Allow):
                    {
                      "Sid": "AllowUseOfTheKey",
                      "Effect": "Allow",
                      "Principal": {
                        "AWS": "arn:aws:iam::111122223333:role/Scheduler"
                      },
                      "Action": [
                        "kms:Decrypt",
                        "kms:ReEncrypt*"
                      ],
                      "Resource": "*",
                      "Condition": {
                        "StringEquals": {
                          "kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"
                        }
                      }
                    }
                  document 1, statement 0 (Sid "DenyAll", Deny):
                    {
                      "Sid": "DenyAll",
                      "Effect": "Deny",
                      "Action": "*"
                    }"""));
  }

  @Test
  void implicitlyDenies_explicitDeny_failsShowingEveryContextValueAndTheStatementWithoutSid() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(KEY_POLICY).implicitlyDenies(DELETE_KEY))
        .withMessage(
            lines(
                """
                Expecting the policy to decide IMPLICIT_DENY for the request
                  principal: arn:aws:iam::111122223333:role/Scheduler
                  action:    kms:ScheduleKeyDeletion
                  resource:  arn:aws:kms:ap-northeast-1:444455556666:key/k
                  context:   {"aws:SourceIp": ["192.0.2.1", "203.0.113.\\"7\\""], "kms:ViaService": [], "aws:UserAgent": ["100%s sure"]}
                but it decided EXPLICIT_DENY; the statements that matched:
                  statement 1 (Deny):
                    {
                      "Effect": "Deny",
                      "Principal": "*",
                      "Action": "kms:ScheduleKeyDeletion",
                      "Resource": "*"
                    }"""));
  }

  @Test
  void denies_allow_failsWithTheUsersDescriptionFirst() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(KEY_POLICY).as("key policy %d", 1).denies(DECRYPT_VIA_EC2))
        .withMessageStartingWith(
            lines(
                """
                [key policy 1] Expecting the policy to decide EXPLICIT_DENY for the request
                  principal: arn:aws:sts::111122223333:assumed-role/Scheduler/session"""))
        .withMessageEndingWith(
            lines(
                """
                but it decided ALLOW; the statements that matched:
                  statement 0 (Sid "AllowUseOfTheKey", Allow):
                    {
                      "Sid": "AllowUseOfTheKey",
                      "Effect": "Allow",
                      "Principal": {
                        "AWS": "arn:aws:iam::111122223333:role/Scheduler"
                      },
                      "Action": [
                        "kms:Decrypt",
                        "kms:ReEncrypt*"
                      ],
                      "Resource": "*",
                      "Condition": {
                        "StringEquals": {
                          "kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"
                        }
                      }
                    }"""));
  }

  @Test
  void decides_otherDecision_failsWithExpectedActualAndTheRequestAsDescription() {
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> assertThat(KEY_POLICY).decides(DECRYPT_DIRECTLY).isEqualTo(ALLOW))
        .withMessage(
            lines(
                """
                [the decision for
                  principal: arn:aws:iam::111122223333:role/Scheduler
                  action:    kms:Decrypt
                  resource:  (none)
                  context:   {}
                matched no statement]\s
                expected: ALLOW
                 but was: IMPLICIT_DENY"""));
  }

  @Test
  void decides_isIn_passesAndFailsLikeAnyAssertJObjectAssertion() {
    assertThat(KEY_POLICY).decides(DELETE_KEY).isIn(EXPLICIT_DENY, IMPLICIT_DENY);
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(
            () ->
                assertThat(KEY_POLICY)
                    .as("key policy")
                    .decides(DELETE_KEY)
                    .isNotEqualTo(EXPLICIT_DENY))
        .withMessageStartingWith(lines("[key policy: the decision for\n"))
        .withMessageContaining("\"aws:UserAgent\": [\"100%s sure\"]")
        .withMessageContaining(lines("the statements that matched:\n  statement 1 (Deny):"));
  }

  /** The text with the platform's line separator, which AssertJ and the messages use. */
  private static String lines(String text) {
    return text.replace("\n", System.lineSeparator());
  }
}
