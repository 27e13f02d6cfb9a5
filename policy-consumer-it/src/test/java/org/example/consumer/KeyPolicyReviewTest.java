package org.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.diff.Change;
import dev.policysmith.diff.DiffResult;
import dev.policysmith.diff.Verdict;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.catalog.AccessLevel;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.Request;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyPolicyReviewTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/App";

  private static final String BEFORE =
      """
      {
        "Version": "2012-10-17",
        "Statement": [{
          "Sid": "Use",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
          "Action": "kms:Encrypt",
          "Resource": "*"
        }]
      }
      """;

  private static final String AFTER =
      """
      {
        "Version": "2012-10-17",
        "Statement": [{
          "Sid": "Use",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
          "Action": ["kms:Encrypt", "kms:Decrypt"],
          "Resource": "*"
        }]
      }
      """;

  private static final String DESCRIBE =
      """
      {
        "Version": "2012-10-17",
        "Statement": [{
          "Sid": "Describe",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
          "Action": "kms:DescribeKey",
          "Resource": "*"
        }]
      }
      """;

  @Test
  void module_isNamedAndRunsOnTheModulePath() {
    // Surefire patches the tests into the main module: a named module proves the module path.
    assertThat(KeyPolicyReview.class.getModule().getName()).isEqualTo("org.example.consumer");
    assertThat(PolicyDocument.class.getModule().getName()).isEqualTo("dev.policysmith.model");
    assertThat(Change.class.getModule().getName()).isEqualTo("dev.policysmith.diff");
  }

  @Test
  void engine_isNotExportedToConsumers() {
    Module diff = Change.class.getModule();
    assertThat(diff.isExported("dev.policysmith.diff")).isTrue();
    assertThat(diff.isExported("dev.policysmith.diff.engine")).isFalse();
    assertThat(PolicyDocument.class.getModule().isExported("dev.policysmith.model.internal"))
        .isFalse();
  }

  @Test
  void decide_decryptBeforeAndAfter_isDeniedThenAllowed() {
    Request decrypt = Request.builder().principal(ROLE).action("kms:Decrypt").build();

    assertThat(KeyPolicyReview.decide(KeyPolicyReview.read(BEFORE), decrypt))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(KeyPolicyReview.decide(KeyPolicyReview.read(AFTER), decrypt))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void mergedCanonical_twoGrants_holdsBothActions() {
    String merged =
        KeyPolicyReview.mergedCanonical(
            KeyPolicyReview.read(BEFORE), KeyPolicyReview.read(DESCRIBE));

    assertThat(merged).contains("kms:DescribeKey").contains("kms:Encrypt");
  }

  @Test
  void diff_addedDecrypt_isOneAddedChange() {
    DiffResult result =
        KeyPolicyReview.diff(KeyPolicyReview.read(BEFORE), KeyPolicyReview.read(AFTER));

    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added())
        .singleElement()
        .extracting(Change::summary)
        .asString()
        .contains("kms:Decrypt");
    assertThat(result.removed()).isEmpty();
  }

  @Test
  void action_kmsDecrypt_isAWriteActionOfTheBundledCatalogue() {
    assertThat(KeyPolicyReview.action("kms:Decrypt"))
        .hasValueSatisfying(a -> assertThat(a.accessLevel()).isEqualTo(AccessLevel.WRITE));
  }

  @Test
  void main_decidesDecryptForAPrincipal() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      KeyPolicyReview.main(new String[] {AFTER, ROLE});
    } finally {
      System.setOut(original);
    }

    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("ALLOW");
  }
}
