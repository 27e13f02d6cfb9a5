package dev.policysmith.model.eval;

import static dev.policysmith.model.eval.Fixtures.allow;
import static dev.policysmith.model.eval.Fixtures.conditioned;
import static dev.policysmith.model.eval.Fixtures.decide;
import static dev.policysmith.model.eval.Fixtures.policy;
import static dev.policysmith.model.eval.Fixtures.request;
import static dev.policysmith.model.eval.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.ResourceClause;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hostile patterns for the evaluator. Wildcards are matched by {@code internal.Glob}'s two-pointer
 * algorithm with backtracking to the last star only: never exponential, at worst the product of
 * pattern and text length, and linear for the many-star patterns that make a backtracking regular
 * expression explode.
 *
 * <p>The {@code assertTimeoutPreemptively} bounds are hang detectors, not performance checks.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String">String
 *     condition operators</a>
 */
class PolicyEvaluatorLimitsTest {
  private static final Duration HANG = Duration.ofSeconds(20);

  @Test
  void decide_manyStarPatternAgainstLongValue_answersWithoutBlowingUp() {
    // "*a*a*...*a*b" against "aaa...a": exponential for a backtracking regex, linear here.
    String pattern = "*a".repeat(50_000) + "*b";
    String value = "a".repeat(1 << 20);
    PolicyDocument policy = conditioned("StringLike", "aws:username", pattern);
    assertThat(assertTimeoutPreemptively(HANG, () -> decide(policy, with("aws:username", value))))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(
            assertTimeoutPreemptively(
                HANG, () -> decide(policy, with("aws:username", value + "b"))))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void decide_quadraticWorstCaseAtTenTimesAwsLimits_answers() {
    // The worst case of the last-star algorithm, "*aaa...ab" against "aaa...a", costs about
    // (text - pattern) x pattern steps: here 10,000 x 10,000. AWS caps a key policy at 32 KiB and
    // an ARN at 2,048 characters, far below this.
    String pattern = "*" + "a".repeat(10_000) + "b";
    String value = "a".repeat(20_000);
    PolicyDocument policy = conditioned("StringLike", "aws:username", pattern);
    assertThat(assertTimeoutPreemptively(HANG, () -> decide(policy, with("aws:username", value))))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void decide_manyStarResourcePatternAgainstLongArn_answers() {
    String resource = "arn:aws:s3:::" + "*a".repeat(20_000) + "*b";
    PolicyDocument policy =
        policy(allow("s3:GetObject").resource(ResourceClause.of(resource)).build());
    String arn = "arn:aws:s3:::" + "a".repeat(500_000);
    assertThat(
            assertTimeoutPreemptively(
                HANG, () -> decide(policy, request("s3:GetObject").resource(arn).build())))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }
}
