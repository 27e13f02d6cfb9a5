package dev.policysmith.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import org.junit.jupiter.api.Test;

/**
 * The semantic diff of policies with policy variables, each case from "IAM policy elements:
 * Variables and tags"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html): a variable
 * is resolved from the request context in Version 2012-10-17 and is plain text in 2008-10-17.
 */
class PolicyDifferVariablesTest {
  private static final PolicyDiffer DIFFER = PolicyDiffer.standard();

  private static PolicyDocument read(String json) {
    return PolicyReader.strict().read(json);
  }

  private static Decision decide(PolicyDocument policy, Request request) {
    return PolicyEvaluator.of(policy).decide(request);
  }

  /** The home-folder statement of the variables page, with another statement beside it. */
  private static PolicyDocument homeFolder(String otherActions) {
    return read(
        """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Home",
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::bucket/${aws:username}/*"
            },
            {
              "Sid": "List",
              "Effect": "Allow",
              "Action": %s,
              "Resource": "arn:aws:s3:::bucket"
            }
          ]
        }
        """
            .formatted(otherActions));
  }

  @Test
  void diff_variableStatementUnchangedBesideAChangedOne_isExactWithThatChangeOnly() {
    PolicyDocument before = homeFolder("\"s3:ListBucket\"");
    PolicyDocument after = homeFolder("[\"s3:ListBucket\", \"s3:GetBucketLocation\"]");

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.removed()).isEmpty();
    assertThat(result.added()).singleElement().satisfies(c -> {
      assertThat(c.actions()).containsExactly("s3:GetBucketLocation");
      assertThat(c.resources()).containsExactly("arn:aws:s3:::bucket");
      assertThat(decide(before, c.example())).isEqualTo(Decision.IMPLICIT_DENY);
      assertThat(decide(after, c.example())).isEqualTo(Decision.ALLOW);
    });
  }

  @Test
  void diff_sameVariablePolicy_isEquivalent() {
    PolicyDocument p = homeFolder("\"s3:ListBucket\"");

    DiffResult result = DIFFER.diff(p, p);

    assertThat(result.exact()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_variablePatternAdded_isBroaderWithAnExampleResolvingTheVariable() {
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bucket"}]}
            """);
    PolicyDocument after = homeFolder("\"s3:ListBucket\"");

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    Change change = result.added().get(0);
    assertThat(change.resources()).containsExactly("arn:aws:s3:::bucket/${aws:username}/*");
    assertThat(change.summary())
        .isEqualTo(
            "the policy's principal may now s3:GetObject on arn:aws:s3:::bucket/${aws:username}/*");
    Request example = change.example();
    assertThat(example.context()).containsEntry("aws:username", java.util.List.of("alice"));
    assertThat(example.resource()).hasValue("arn:aws:s3:::bucket/alice/example");
    assertThat(decide(before, example)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, example)).isEqualTo(Decision.ALLOW);
    assertThat(change.contains(example)).isTrue();
    // Another user's folder is not in the change: the variable ties resource and context.
    Request other =
        Request.builder()
            .action("s3:GetObject")
            .resource("arn:aws:s3:::bucket/bob/example")
            .putContext("aws:username", "alice")
            .build();
    assertThat(change.contains(other)).isFalse();
  }
}
