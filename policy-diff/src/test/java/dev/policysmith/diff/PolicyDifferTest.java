package dev.policysmith.diff;

import static dev.policysmith.diff.Policies.allow;
import static dev.policysmith.diff.Policies.aws;
import static dev.policysmith.diff.Policies.deny;
import static dev.policysmith.diff.Policies.doc;
import static dev.policysmith.diff.Policies.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.eval.Request;
import org.junit.jupiter.api.Test;

class PolicyDifferTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/Scheduler";
  private static final PolicyDiffer DIFFER = PolicyDiffer.standard();

  private static DiffResult diff(PolicyDocument a, PolicyDocument b) {
    return DIFFER.diff(a, b);
  }

  @Test
  void diff_samePolicy_isEquivalentWithNoRegions() {
    PolicyDocument p = doc(allow("kms:Decrypt").principal(aws(ROLE)).build());
    DiffResult result = diff(p, p);
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(result.exact()).isTrue();
    assertThat(result.added()).isEmpty();
    assertThat(result.removed()).isEmpty();
  }

  @Test
  void diff_wildcardAgainstItsExpansion_isBroaderAndSaysSo() {
    PolicyDocument expanded =
        doc(allow("kms:ReEncryptFrom", "kms:ReEncryptTo").principal(aws(ROLE)).build());
    PolicyDocument wildcard = doc(allow("kms:ReEncrypt*").principal(aws(ROLE)).build());
    DiffResult result = diff(expanded, wildcard);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added()).hasSize(1);
    Change change = result.added().get(0);
    assertThat(change.actions())
        .containsExactly("kms:ReEncrypt* except kms:ReEncryptFrom, kms:ReEncryptTo");
    assertThat(change.summary())
        .contains(
            "kms:ReEncrypt* also covers actions other than kms:ReEncryptFrom, kms:ReEncryptTo,"
                + " including ones AWS may add");
    assertThat(change.example().action()).isEqualTo("kms:ReEncrypt");
    assertThat(diff(wildcard, expanded).verdict()).isEqualTo(Verdict.NARROWER);
  }

  @Test
  void diff_reorderedSplitAndDuplicatedStatements_isEquivalent() {
    PolicyDocument joined = doc(allow("kms:Decrypt", "kms:Encrypt").principal(aws(ROLE)).build());
    PolicyDocument split =
        doc(
            allow("kms:Encrypt").principal(aws(ROLE)).build(),
            allow("kms:Decrypt").principal(aws(ROLE)).build(),
            allow("kms:Encrypt").principal(aws(ROLE)).build());
    assertThat(diff(joined, split).verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(diff(split, joined).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_accountIdBesideItsRootArn_isEquivalent() {
    PolicyDocument id = doc(allow("kms:*").principal(aws("111122223333")).build());
    PolicyDocument both =
        doc(
            allow("kms:*")
                .principal(aws("arn:aws:iam::111122223333:root", "111122223333"))
                .build());
    assertThat(diff(id, both).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  /**
   * DESIGN.md: "account ids versus root ARNs" are equivalent. A bare account id is the account's
   * root ARN in the partition the document lives in, {@code aws} here.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts">AWS
   *     account principals</a>
   */
  @Test
  void diff_rootArnToAccountId_isEquivalent() {
    PolicyDocument id = doc(allow("kms:*").principal(aws("111122223333")).build());
    PolicyDocument root =
        doc(allow("kms:*").principal(aws("arn:aws:iam::111122223333:root")).build());
    DiffResult result = diff(root, id);
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(result.exact()).isTrue();
    assertThat(result.added()).isEmpty();
    assertThat(result.removed()).isEmpty();
    assertThat(diff(id, root).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  /** In a document whose ARNs are all in {@code aws-cn}, a bare account id is the aws-cn root. */
  @Test
  void diff_rootArnToAccountIdInChinaDocument_isEquivalent() {
    String resource = "arn:aws-cn:kms:cn-north-1:111122223333:key/k";
    PolicyDocument id =
        doc(
            allow("kms:*")
                .principal(aws("111122223333"))
                .resource(ResourceClause.of(resource))
                .build());
    PolicyDocument root =
        doc(
            allow("kms:*")
                .principal(aws("arn:aws-cn:iam::111122223333:root"))
                .resource(ResourceClause.of(resource))
                .build());
    assertThat(diff(root, id).verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(diff(id, root).verdict()).isEqualTo(Verdict.EQUIVALENT);
    PolicyDocument awsRoot =
        doc(
            allow("kms:*")
                .principal(aws("arn:aws:iam::111122223333:root"))
                .resource(ResourceClause.of(resource))
                .build());
    DiffResult result = diff(awsRoot, id);
    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    assertThat(
            result.added().stream()
                .anyMatch(
                    change ->
                        change.contains(
                            Request.builder()
                                .principal("arn:aws-cn:iam::111122223333:role/R")
                                .action("kms:Decrypt")
                                .resource(resource)
                                .build())))
        .isTrue();
  }

  @Test
  void diff_actionCase_isEquivalent() {
    assertThat(diff(doc(allow("kms:Decrypt").build()), doc(allow("KMS:decrypt").build())).verdict())
        .isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_scalarAgainstList_isEquivalent() {
    Statement scalar =
        Statement.builder()
            .effect(dev.policysmith.model.Effect.ALLOW)
            .action(
                ActionClause.builder().from(ActionClause.of("kms:Decrypt")).scalar(true).build())
            .resource(ResourceClause.builder().from(ResourceClause.of("*")).scalar(true).build())
            .build();
    assertThat(diff(doc(scalar), doc(allow("kms:Decrypt").build())).verdict())
        .isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_addedDeny_isNarrowerAndNamesTheDeny() {
    PolicyDocument before = doc(allow("kms:*").principal(aws(ROLE)).build());
    PolicyDocument after =
        doc(
            allow("kms:*").principal(aws(ROLE)).build(),
            deny("kms:ScheduleKeyDeletion").sid("NoDeletion").principal(aws("*")).build());
    DiffResult result = diff(before, after);
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    Change change = result.removed().get(0);
    assertThat(change.actions()).containsExactly("kms:ScheduleKeyDeletion");
    assertThat(change.summary())
        .contains("may no longer kms:ScheduleKeyDeletion")
        .contains("NoDeletion");
    assertThat(change.example().action()).isEqualTo("kms:ScheduleKeyDeletion");
  }

  @Test
  void diff_conditionRemoved_isBroaderWithExampleOutsideTheCondition() {
    PolicyDocument before =
        doc(
            allow("kms:Decrypt")
                .principal(aws(ROLE))
                .condition(
                    when("StringEquals", "kms:ViaService", "ec2.ap-northeast-1.amazonaws.com"))
                .build());
    PolicyDocument after = doc(allow("kms:Decrypt").principal(aws(ROLE)).build());
    DiffResult result = diff(before, after);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    Change change = result.added().get(0);
    assertThat(change.conditions())
        .containsExactly("kms:ViaService is not ec2.ap-northeast-1.amazonaws.com (or absent)");
    Request example = change.example();
    assertThat(example.context().getOrDefault("kms:ViaService", java.util.List.of()))
        .doesNotContain("ec2.ap-northeast-1.amazonaws.com");
    assertThat(change.contains(example)).isTrue();
  }

  @Test
  void diff_ebsUseOfTheKeyAdded_summarySaysWhoMayNowDoWhatWhen() {
    PolicyDocument before =
        doc(allow("kms:*").principal(aws("arn:aws:iam::444455556666:root")).build());
    PolicyDocument after =
        doc(
            allow("kms:*").principal(aws("arn:aws:iam::444455556666:root")).build(),
            allow("kms:Decrypt")
                .sid("Allow use of the key")
                .principal(aws("arn:aws:iam::111122223333:role/X"))
                .condition(
                    when("StringEquals", "kms:ViaService", "ec2.ap-northeast-1.amazonaws.com"))
                .build());
    DiffResult result = diff(before, after);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.summary())
                  .isEqualTo(
                      "arn:aws:iam::111122223333:role/X may now kms:Decrypt on * when kms:ViaService is"
                          + " ec2.ap-northeast-1.amazonaws.com");
              assertThat(change.statements())
                  .extracting(StatementRef::toString)
                  .containsExactly("new Allow statement 1 \"Allow use of the key\"");
              assertThat(change.example().principal()).contains("arn:aws:iam::111122223333:role/X");
              assertThat(change.example().context())
                  .containsEntry(
                      "kms:ViaService", java.util.List.of("ec2.ap-northeast-1.amazonaws.com"));
            });
  }

  @Test
  void diff_roleSessionCoveredByRole_isEquivalentToRolePlusItsSession() {
    PolicyDocument role = doc(allow("kms:Decrypt").principal(aws(ROLE)).build());
    PolicyDocument both =
        doc(
            allow("kms:Decrypt")
                .principal(aws(ROLE, "arn:aws:sts::111122223333:assumed-role/Scheduler/s1"))
                .build());
    assertThat(diff(role, both).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_resourceStarStaysInsideArnComponents() {
    PolicyDocument bucketStar =
        doc(allow("s3:GetObject").resource(ResourceClause.of("arn:aws:s3:::bucket*")).build());
    PolicyDocument objects =
        doc(allow("s3:GetObject").resource(ResourceClause.of("arn:aws:s3:::bucket/*")).build());
    assertThat(diff(objects, bucketStar).verdict()).isEqualTo(Verdict.BROADER);
    PolicyDocument anyRegion =
        doc(
            allow("kms:Decrypt")
                .resource(ResourceClause.of("arn:aws:kms:*:111122223333:key/*"))
                .build());
    PolicyDocument oneRegion =
        doc(
            allow("kms:Decrypt")
                .resource(ResourceClause.of("arn:aws:kms:us-east-1:111122223333:key/*"))
                .build());
    DiffResult result = diff(oneRegion, anyRegion);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added().get(0).example().resource())
        .hasValueSatisfying(
            r -> assertThat(r).startsWith("arn:aws:kms:").doesNotContain("us-east-1"));
  }

  @Test
  void diff_notActionAgainstAction_isIncomparableWhenBothAddAndRemove() {
    PolicyDocument a = doc(allow("kms:Decrypt").build());
    PolicyDocument b =
        doc(
            Statement.builder()
                .effect(dev.policysmith.model.Effect.ALLOW)
                .action(
                    ActionClause.builder()
                        .negated(true)
                        .addPattern(dev.policysmith.model.ActionPattern.of("kms:*"))
                        .build())
                .resource(ResourceClause.of("*"))
                .build());
    DiffResult result = diff(a, b);
    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    assertThat(result.added().get(0).actions()).containsExactly("* except kms:*");
  }

  @Test
  void diff_numericThresholdRaised_isBroaderWithExampleInTheGap() {
    PolicyDocument before =
        doc(allow("s3:PutObject").condition(when("NumericLessThan", "s3:max-keys", "10")).build());
    PolicyDocument after =
        doc(
            allow("s3:PutObject")
                .condition(when("NumericLessThanEquals", "s3:max-keys", "20"))
                .build());
    DiffResult result = diff(before, after);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added().get(0).conditions()).containsExactly("10 <= s3:max-keys <= 20");
    assertThat(result.added().get(0).example().context()).containsKey("s3:max-keys");
  }

  @Test
  void diff_ipRangeNarrowed_isNarrower() {
    PolicyDocument before =
        doc(
            allow("s3:GetObject")
                .condition(when("IpAddress", "aws:SourceIp", "10.0.0.0/8"))
                .build());
    PolicyDocument after =
        doc(
            allow("s3:GetObject")
                .condition(when("IpAddress", "aws:SourceIp", "10.1.0.0/16", "10.0.0.0/16"))
                .build());
    DiffResult result = diff(before, after);
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    Request example = result.removed().get(0).example();
    assertThat(example.context().get("aws:SourceIp"))
        .singleElement()
        .satisfies(
            ip ->
                assertThat(ip)
                    .startsWith("10.")
                    .doesNotStartWith("10.0.")
                    .doesNotStartWith("10.1."));
  }

  @Test
  void diff_ipListAgainstCidr_isEquivalent() {
    PolicyDocument halves =
        doc(
            allow("s3:GetObject")
                .condition(when("IpAddress", "aws:SourceIp", "10.0.0.0/9", "10.128.0.0/9"))
                .build());
    PolicyDocument whole =
        doc(
            allow("s3:GetObject")
                .condition(when("IpAddress", "aws:SourceIp", "10.0.0.0/8"))
                .build());
    assertThat(diff(halves, whole).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_boolStringAgainstBoolean_isEquivalent() {
    Statement text =
        allow("kms:CreateGrant")
            .condition(when("Bool", "kms:GrantIsForAWSResource", "true"))
            .build();
    Statement bool =
        allow("kms:CreateGrant")
            .condition(
                ConditionBlock.of(
                    OperatorBlock.of(
                        ConditionOperator.parse("Bool"),
                        KeyCondition.builder()
                            .key("KMS:GrantIsForAwsResource")
                            .addValue(
                                dev.policysmith.model.condition.ConditionValue.ofBoolean(true))
                            .build())))
            .build();
    assertThat(diff(doc(text), doc(bool)).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_nullFalseAgainstPresence_isEquivalentToStringLikeStar() {
    PolicyDocument present =
        doc(
            allow("s3:GetObject")
                .condition(when("Null", "aws:PrincipalTag/team", "false"))
                .build());
    PolicyDocument like =
        doc(
            allow("s3:GetObject")
                .condition(when("StringLike", "aws:PrincipalTag/team", "*"))
                .build());
    assertThat(diff(present, like).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  /**
   * A policy variable is a dimension of its own, so the same statement on both sides is proven
   * equivalent
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html); more
   * cases in {@link PolicyDifferVariablesTest}.
   */
  @Test
  void diff_policyVariableOnBothSides_isExactlyEquivalent() {
    PolicyDocument p =
        doc(
            allow("s3:GetObject")
                .resource(ResourceClause.of("arn:aws:s3:::bucket/${aws:username}/*"))
                .build());
    DiffResult result = diff(p, p);
    assertThat(result.exact()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  @Test
  void diff_denyLifted_isBroaderAndNamesTheOldDeny() {
    PolicyDocument before =
        doc(allow("s3:*").build(), deny("s3:DeleteBucket").sid("KeepBuckets").build());
    PolicyDocument after = doc(allow("s3:*").build());
    DiffResult result = diff(before, after);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added().get(0).summary())
        .isEqualTo(
            "the policy's principal may now s3:DeleteBucket on * (old Deny statement 1 \"KeepBuckets\" no longer applies)");
  }

  @Test
  void withBoxLimit_exceeded_answersInexactly() {
    PolicyDocument a = doc(allow("*").build());
    PolicyDocument b =
        doc(
            allow("*", "s3:GetObject").build(),
            deny("a:*").condition(when("StringEquals", "k1", "x")).build(),
            deny("b:*").condition(when("StringEquals", "k2", "x")).build(),
            deny("c:*").condition(when("StringEquals", "k3", "x")).build());
    DiffResult result = PolicyDiffer.withBoxLimit(1).diff(a, b);
    assertThat(result.exact()).isFalse();
    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
  }

  @Test
  void grantsNoMoreThan_broaderCandidate_givesWitness() {
    PolicyDocument reference = doc(allow("kms:Decrypt").build());
    PolicyDocument candidate = doc(allow("kms:Decrypt", "kms:Encrypt").build());
    ContainmentResult no = DIFFER.grantsNoMoreThan(candidate, reference);
    assertThat(no.holds()).isFalse();
    assertThat(no.witness())
        .hasValueSatisfying(w -> assertThat(w.action()).isEqualTo("kms:Encrypt"));
    assertThat(DIFFER.grantsNoMoreThan(reference, candidate).holds()).isTrue();
  }

  @Test
  void grantsNone_actionAllowedOnMatchingResource_givesWitness() {
    PolicyDocument policy =
        doc(
            allow("s3:*").resource(ResourceClause.of("arn:aws:s3:::logs/*")).build(),
            deny("s3:DeleteObject").build());
    assertThat(
            DIFFER
                .grantsNone(policy, java.util.List.of("s3:DeleteObject"), java.util.List.of("*"))
                .holds())
        .isTrue();
    ContainmentResult get =
        DIFFER.grantsNone(
            policy, java.util.List.of("s3:Get*"), java.util.List.of("arn:aws:s3:::logs/*"));
    assertThat(get.holds()).isFalse();
    assertThat(get.witness())
        .hasValueSatisfying(w -> assertThat(w.action()).startsWithIgnoringCase("s3:Get"));
    assertThat(
            DIFFER
                .grantsNone(
                    policy,
                    java.util.List.of("s3:GetObject"),
                    java.util.List.of("arn:aws:s3:::other/*"))
                .holds())
        .isTrue();
  }

  /**
   * Shrunk from {@code PolicyDifferProperties.diffOfSelfIsEquivalent}: one key compared as a date
   * in a Deny and as a string elsewhere cannot be decided exactly, so the diff of the policy with
   * itself must not claim equivalence, and says why.
   */
  @Test
  void diff_keyComparedAsDateAndString_isInexactNeverEquivalent() {
    PolicyDocument p =
        doc(
            allow("*")
                .condition(when("StringEquals", "kms:ViaService", "ec2.us-east-1.amazonaws.com"))
                .build(),
            allow("*").build(),
            deny("*")
                .condition(when("DateEquals", "kms:ViaService", "2020-01-01T00:00:00Z"))
                .build());
    DiffResult result = diff(p, p);
    assertThat(result.exact()).isFalse();
    assertThat(result.verdict()).isNotEqualTo(Verdict.EQUIVALENT);
    assertThat(result.inexactReasons())
        .anySatisfy(r -> assertThat(r).contains("kms:ViaService").contains("Date"));
  }

  /**
   * Shrunk from {@code PolicyDifferProperties.examplesAreSound}, which failed only after other
   * samples had run: the languages shared between diffs were keyed by the values joined with a
   * separator, so a key's empty list of values (matching nothing) and its one empty value {@code
   * ""} had the same key, and whichever came first answered for both.
   */
  @Test
  void diff_emptyValueListAfterEmptyValue_matchesNothing() {
    PolicyDocument emptyValue =
        doc(allow("*").condition(when("StringEquals", "kms:ViaService", "")).build());
    assertThat(diff(emptyValue, emptyValue).verdict()).isEqualTo(Verdict.EQUIVALENT);

    PolicyDocument noValues =
        doc(allow("*").condition(when("StringEquals", "kms:ViaService")).build());
    DiffResult result = diff(doc(), noValues);
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(result.added()).isEmpty();
  }

  /** The same for resources: {@code "Resource": []} matches nothing, {@code [""]} only "". */
  @Test
  void diff_emptyResourceListAfterEmptyResource_matchesNothing() {
    PolicyDocument emptyResource = doc(allow("*").resource(ResourceClause.of("")).build());
    assertThat(diff(emptyResource, emptyResource).verdict()).isEqualTo(Verdict.EQUIVALENT);

    PolicyDocument noResources = doc(allow("*").resource(ResourceClause.builder().build()).build());
    assertThat(diff(doc(), noResources).verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  /**
   * Fourteen patterns of the form {@code svc:*x*} would make the cells of every pattern remember
   * which of them matched (2^14 states), so the diff takes the cells of each statement's list as a
   * whole and describes regions with automata; it must still be exact.
   */
  @Test
  void diff_manyInfixWildcards_isStillExactWithoutThePatternsCells() {
    String[] patterns = new String[14];
    for (int i = 0; i < patterns.length; i++) {
      patterns[i] = "svc:*" + (char) ('a' + i) + "*";
    }
    PolicyDocument all = doc(allow(patterns).principal(aws(ROLE)).build());
    PolicyDocument lessOne =
        doc(
            allow(java.util.Arrays.copyOf(patterns, patterns.length - 1))
                .principal(aws(ROLE))
                .build());

    DiffResult result = diff(all, lessOne);

    assertThat(result.exact()).as(result.toString()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    assertThat(result.removed())
        .singleElement()
        .satisfies(
            c -> {
              String action = c.example().action().toLowerCase(java.util.Locale.ROOT);
              assertThat(action).startsWith("svc:").contains("n").doesNotContain("a");
            });
  }
}
