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
    assertThat(result.added())
        .singleElement()
        .satisfies(
            c -> {
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

  @Test
  void diff_variablePatternRemoved_isNarrowerWithTheUsersOwnFolderAsExample() {
    PolicyDocument before = homeFolder("\"s3:ListBucket\"");
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bucket"}]}
            """);

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    Change change = result.removed().get(0);
    assertThat(change.summary())
        .isEqualTo(
            "the policy's principal may no longer s3:GetObject on arn:aws:s3:::bucket/${aws:username}/*");
    Request example = change.example();
    assertThat(example.context()).containsEntry("aws:username", java.util.List.of("alice"));
    assertThat(decide(before, example)).isEqualTo(Decision.ALLOW);
    assertThat(decide(after, example)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  /** The variables page's s3:prefix example: list only your own folder. */
  private static PolicyDocument prefixes(String values) {
    return read(
        """
        {
          "Version": "2012-10-17",
          "Statement": {
            "Effect": "Allow",
            "Action": "s3:ListBucket",
            "Resource": "arn:aws:s3:::bucket",
            "Condition": {"StringLike": {"s3:prefix": %s}}
          }
        }
        """
            .formatted(values));
  }

  @Test
  void diff_variableAddedToConditionValues_isBroaderWithAPrefixOfTheUser() {
    PolicyDocument before = prefixes("[\"home/\"]");
    PolicyDocument after = prefixes("[\"home/\", \"${aws:username}/*\"]");

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    Change change = result.added().get(0);
    assertThat(change.conditions()).containsExactly("s3:prefix StringLike ${aws:username}/*");
    assertThat(change.summary())
        .isEqualTo(
            "the policy's principal may now s3:ListBucket on arn:aws:s3:::bucket"
                + " when s3:prefix StringLike ${aws:username}/*");
    Request example = change.example();
    assertThat(example.context())
        .containsEntry("aws:username", java.util.List.of("alice"))
        .containsEntry("s3:prefix", java.util.List.of("alice/example"));
    assertThat(decide(before, example)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, example)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void diff_conditionVariableOnBothSidesWithItsOperatorNegated_isExact() {
    PolicyDocument before = prefixes("\"${aws:username}/*\"");
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bucket",
              "Condition": {"StringNotLike": {"s3:prefix": "${aws:username}/*"}}}}
            """);

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    Request lost = result.removed().get(0).example();
    assertThat(decide(before, lost)).isEqualTo(Decision.ALLOW);
    assertThat(decide(after, lost)).isEqualTo(Decision.IMPLICIT_DENY);
    Request gained = result.added().get(0).example();
    assertThat(decide(before, gained)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, gained)).isEqualTo(Decision.ALLOW);
    assertThat(result.added().get(0).conditions())
        .contains("not s3:prefix StringLike ${aws:username}/*");
  }

  @Test
  void diff_notResourceWithVariableReplacedByStar_isBroaderOnThatFolder() {
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject",
              "NotResource": "arn:aws:s3:::bucket/${aws:username}/private/*"}}
            """);
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}
            """);

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    Change change = result.added().get(0);
    assertThat(change.resources()).containsExactly("arn:aws:s3:::bucket/${aws:username}/private/*");
    Request example = change.example();
    assertThat(example.resource()).hasValue("arn:aws:s3:::bucket/alice/private/example");
    assertThat(example.context()).containsEntry("aws:username", java.util.List.of("alice"));
    assertThat(decide(before, example)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, example)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void diff_notResourceWithVariableNarrowed_isNarrowerExceptThatFolder() {
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}
            """);
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject",
              "NotResource": ["arn:aws:s3:::bucket/${aws:username}/private/*"]}}
            """);

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    assertThat(result.removed().get(0).resources())
        .containsExactly("arn:aws:s3:::bucket/${aws:username}/private/*");
  }

  private static String home(String version) {
    return """
        {"Version": "%s", "Statement": {
          "Effect": "Allow", "Action": "s3:GetObject",
          "Resource": "arn:aws:s3:::bucket/${aws:username}/*"}}
        """
        .formatted(version);
  }

  @Test
  void diff_version2008WhereVariablesAreText_isExactlyEquivalentToItself() {
    PolicyDocument old = read(home("2008-10-17"));

    DiffResult result = DIFFER.diff(old, old);

    assertThat(result.exact()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_version2008To2012_turnsLiteralTextIntoAVariable() {
    PolicyDocument before = read(home("2008-10-17"));
    PolicyDocument after = read(home("2012-10-17"));

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    // Under 2008-10-17 only the literal text matches...
    Request literal = result.removed().get(0).example();
    assertThat(literal.resource()).hasValue("arn:aws:s3:::bucket/${aws:username}/example");
    assertThat(decide(before, literal)).isEqualTo(Decision.ALLOW);
    assertThat(decide(after, literal)).isEqualTo(Decision.IMPLICIT_DENY);
    // ...under 2012-10-17 the user's own folder.
    Request resolved = result.added().get(0).example();
    assertThat(resolved.resource()).hasValue("arn:aws:s3:::bucket/alice/example");
    assertThat(decide(before, resolved)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, resolved)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void diff_variablePatternWidenedBySuffixWildcard_isBroaderAndNeverNarrower() {
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "logs:PutLogEvents",
              "Resource": "arn:aws:logs:*:*:log-group:${aws:PrincipalTag/LogGroupName}/output"}}
            """);
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "logs:PutLogEvents",
              "Resource": "arn:aws:logs:*:*:log-group:${aws:PrincipalTag/LogGroupName}*"}}
            """);

    DiffResult result = DIFFER.diff(before, after);

    // Whatever the tag's value, the old group is among the new ones: nothing is removed.
    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    Request example = result.added().get(0).example();
    assertThat(decide(before, example)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, example)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void diff_defaultValueOfAVariable_isResolvedLikeTheEvaluator() {
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'shared'}/*"}}
            """);
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*"}}
            """);

    DiffResult result = DIFFER.diff(before, after);

    // Without the tag only the old policy allows anything: the folder "shared".
    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    Request example = result.removed().get(0).example();
    assertThat(example.resource()).hasValue("arn:aws:s3:::bucket/shared/example");
    assertThat(example.context()).doesNotContainKey("aws:PrincipalTag/team");
    assertThat(decide(before, example)).isEqualTo(Decision.ALLOW);
    assertThat(decide(after, example)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void diff_literalStarOfTheVariablesPage_isDecidedWithoutARequest() {
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::bucket/${*}"}}
            """);
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::bucket/*"}}
            """);

    DiffResult result = DIFFER.diff(before, after);

    // ${*} is the character *, not a wildcard.
    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(DIFFER.diff(before, before).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_changeNoRequestConfirms_isNotExactAndNeverEquivalent() {
    // In reality the old region lies inside the new one (the variable sits in the region
    // component, where the diff does not compare patterns with variables): the removed region is
    // empty but cannot be shown empty, nor confirmed by a request.
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "logs:PutLogEvents",
              "Resource": "arn:aws:logs:${aws:RequestedRegion}:*:log-group:x"}}
            """);
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": {
              "Effect": "Allow", "Action": "logs:PutLogEvents",
              "Resource": "arn:aws:logs:${aws:RequestedRegion}*:*:log-group:x"}}
            """);

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.exact()).isFalse();
    assertThat(result.verdict()).isNotEqualTo(Verdict.EQUIVALENT);
    // The region needs the old pattern to match and the new one not to: both are named.
    assertThat(result.inexactReasons())
        .containsExactly(
            "policy variable in Resource \"arn:aws:logs:${aws:RequestedRegion}:*:log-group:x\":"
                + " a change that depends on its value was not confirmed by a request",
            "policy variable in Resource \"arn:aws:logs:${aws:RequestedRegion}*:*:log-group:x\":"
                + " a change that depends on its value was not confirmed by a request");
    // The added region is confirmed all the same, with a request that shows it.
    Request example = result.added().get(0).example();
    assertThat(decide(before, example)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, example)).isEqualTo(Decision.ALLOW);
  }

  @Test
  void grantsNone_variableResourceReachingTheQuery_givesAWitnessResolvingIt() {
    PolicyDocument policy = homeFolder("\"s3:ListBucket\"");

    ContainmentResult result =
        DIFFER.grantsNone(
            policy, java.util.List.of("s3:GetObject"), java.util.List.of("arn:aws:s3:::bucket/*"));

    assertThat(result.holds()).isFalse();
    assertThat(result.inexactReasons()).isEmpty();
    Request witness = result.witness().orElseThrow();
    assertThat(decide(policy, witness)).isEqualTo(Decision.ALLOW);
    assertThat(witness.context()).containsKey("aws:username");
  }

  /**
   * Shrunk from the law {@code catalogVerdictSeesCataloguedDisagreements}: the variable's value
   * must be the condition key's own value, which only one value of that key allows.
   */
  @Test
  void diff_denyWhereTheKeyEqualsTheVariable_isNarrowerAlsoOverTheCatalogue() {
    PolicyDocument before =
        read(
            """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}
            """);
    PolicyDocument after =
        read(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "*", "Resource": "*"},
              {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {
                "StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"},
                "StringEqualsIgnoreCase": {"kms:ViaService": "${aws:username}"}}}]}
            """);

    DiffResult result =
        DIFFER.withCatalog(dev.policysmith.catalog.IamCatalog.bundled()).diff(before, after);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    assertThat(result.catalogVerdict().orElseThrow().verdict()).isEqualTo(Verdict.NARROWER);
    Request example = result.removed().get(0).example();
    assertThat(example.context())
        .containsEntry("kms:ViaService", java.util.List.of("ec2.ap-northeast-1.amazonaws.com"))
        .containsEntry("aws:username", java.util.List.of("ec2.ap-northeast-1.amazonaws.com"));
    assertThat(decide(before, example)).isEqualTo(Decision.ALLOW);
    assertThat(decide(after, example)).isEqualTo(Decision.EXPLICIT_DENY);
  }

  /**
   * Shrunk from {@code PolicyDifferProperties} when set operators and variables first met: a key
   * that {@code ForAnyValue:} names is decided over its atoms, so a variable in another condition
   * on the same key must not become a dimension of its own (the two sets could not be combined); it
   * is approximated and reported instead, and the diff never claims equivalence.
   */
  @Test
  void diff_variableOnKeyThatASetOperatorNames_isApproximatedAndReported() {
    PolicyDocument policy =
        read(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*",
              "Resource": "*", "Condition": {
                "StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"},
                "StringNotEquals": {"kms:ViaService": "${aws:username}"},
                "ForAnyValue:StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}
              }}]}
            """);

    DiffResult result = DIFFER.diff(policy, policy);

    assertThat(result.exact()).isFalse();
    assertThat(result.verdict()).isNotEqualTo(Verdict.EQUIVALENT);
    assertThat(result.inexactReasons())
        .anySatisfy(reason -> assertThat(reason).contains("${aws:username}"));
  }

  /**
   * A key compared with a variable is narrowed, in the region, to the values the variable's pattern
   * can match at all: here every string. That is said as "present" (or not at all, with absence),
   * never as "values such as" an empty string, which the diff wrote while it held that set as an
   * automaton of every string that was not the minimal one.
   */
  @Test
  void diff_keyComparedWithAVariable_isDescribedAsPresentNotByAnExample() {
    PolicyDocument denying =
        read(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                {
                  "Effect": "Deny",
                  "Action": "s3:GetObject",
                  "Resource": "*",
                  "Condition": {
                    "StringNotEquals": {
                      "aws:ResourceTag/Project": "${aws:PrincipalTag/Project}"
                    }
                  }
                }
              ]
            }
            """);
    PolicyDocument allowing =
        read(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
              ]
            }
            """);

    DiffResult result = DIFFER.diff(denying, allowing);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added()).isNotEmpty();
    assertThat(result.added())
        .allSatisfy(
            c -> {
              assertThat(c.summary()).doesNotContain("values such as");
              assertThat(decide(denying, c.example())).isEqualTo(Decision.EXPLICIT_DENY);
              assertThat(decide(allowing, c.example())).isEqualTo(Decision.ALLOW);
            });
  }
}
