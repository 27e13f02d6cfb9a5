package dev.policysmith.diff;

import static dev.policysmith.diff.Policies.allow;
import static dev.policysmith.diff.Policies.deny;
import static dev.policysmith.diff.Policies.doc;
import static dev.policysmith.diff.Policies.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class StructuralDiffTest {
  @Test
  void of_reorderedStatements_isEmpty() {
    PolicyDocument a = doc(allow("s3:GetObject").build(), deny("s3:DeleteObject").build());
    PolicyDocument b = doc(deny("s3:DeleteObject").build(), allow("s3:GetObject").build());
    assertThat(StructuralDiff.of(a, b).isEmpty()).isTrue();
  }

  @Test
  void of_sameSidNewCondition_isChangedNamingCondition() {
    PolicyDocument a = doc(allow("kms:Decrypt").sid("Use").build());
    PolicyDocument b =
        doc(
            allow("kms:Decrypt", "kms:Encrypt")
                .sid("Use")
                .condition(when("StringEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com"))
                .build());
    StructuralDiff diff = StructuralDiff.of(a, b);
    assertThat(diff.added()).isEmpty();
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.changed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.elements()).containsExactly("Action", "Condition");
              assertThat(c.before().sid()).contains("Use");
            });
  }

  @Test
  void of_unrelatedStatements_areAddedAndRemoved() {
    PolicyDocument a = doc(allow("s3:GetObject").sid("Read").build());
    PolicyDocument b = doc(deny("iam:*").sid("NoIam").build());
    StructuralDiff diff = StructuralDiff.of(a, b);
    assertThat(diff.added())
        .extracting(StatementRef::toString)
        .containsExactly("new Deny statement 0 \"NoIam\"");
    assertThat(diff.removed())
        .extracting(StatementRef::toString)
        .containsExactly("old Allow statement 0 \"Read\"");
    assertThat(diff.changed()).isEmpty();
  }

  @Test
  void of_statementWithoutSidEdited_isMatchedByContent() {
    PolicyDocument a = doc(allow("s3:GetObject").build(), allow("sqs:SendMessage").build());
    PolicyDocument b =
        doc(allow("sqs:SendMessage").build(), allow("s3:GetObject", "s3:ListBucket").build());
    StructuralDiff diff = StructuralDiff.of(a, b);
    assertThat(diff.changed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.before().index()).isZero();
              assertThat(c.after().index()).isEqualTo(1);
              assertThat(c.elements()).containsExactly("Action");
            });
  }
}
