package dev.policysmith.model.eval;

import static dev.policysmith.model.eval.Fixtures.allow;
import static dev.policysmith.model.eval.Fixtures.decide;
import static dev.policysmith.model.eval.Fixtures.deny;
import static dev.policysmith.model.eval.Fixtures.policy;
import static dev.policysmith.model.eval.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Partition;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.json.PolicyReader;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's decision, action, resource, principal and variable rules, one test per rule.
 *
 * <p>Evaluation:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html <br>
 * Resource:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html <br>
 * Principal:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html <br>
 * Variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
class PolicyEvaluatorTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/path/Scheduler";

  // --- Decisions ----------------------------------------------------------------------------

  @Test
  void decide_denyOverridesAllow_explicitDeny() {
    PolicyDocument p = policy(allow("kms:*").build(), deny("kms:Decrypt").build());
    assertThat(decide(p, request("kms:Decrypt").build())).isEqualTo(Decision.EXPLICIT_DENY);
  }

  @Test
  void decide_matchingAllowOnly_allow() {
    PolicyDocument p = policy(allow("kms:*").build(), deny("kms:Encrypt").build());
    assertThat(decide(p, request("kms:Decrypt").build())).isEqualTo(Decision.ALLOW);
  }

  @Test
  void decide_noMatchingStatement_implicitDeny() {
    assertThat(decide(policy(allow("s3:*").build()), request("kms:Decrypt").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(policy(), request("kms:Decrypt").build())).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void decide_severalDocuments_decidedTogether() {
    PolicyEvaluator evaluator =
        PolicyEvaluator.of(policy(allow("kms:Decrypt").build()), policy(deny("kms:*").build()));
    assertThat(evaluator.decide(request("kms:Decrypt").build())).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(
            PolicyEvaluator.of(policy(allow("kms:Decrypt").build()), policy())
                .decide(request("kms:Decrypt").build()))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void explain_listsMatchingStatementsInDocumentOrder() {
    PolicyDocument p =
        policy(
            allow("kms:*").sid("A").build(),
            allow("s3:*").sid("B").build(),
            deny("kms:Decrypt").build());
    Evaluation evaluation = PolicyEvaluator.of(policy(), p).explain(request("kms:Decrypt").build());
    assertThat(evaluation.decision()).isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(evaluation.matchedStatements())
        .containsExactly(
            StatementMatch.builder()
                .documentIndex(1)
                .statementIndex(0)
                .sid("A")
                .effect(Effect.ALLOW)
                .build(),
            StatementMatch.builder()
                .documentIndex(1)
                .statementIndex(2)
                .effect(Effect.DENY)
                .build());
  }

  @Test
  void explain_implicitDeny_noStatements() {
    Evaluation evaluation =
        PolicyEvaluator.of(policy(allow("s3:*").build())).explain(request("kms:Decrypt").build());
    assertThat(evaluation.decision()).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(evaluation.matchedStatements()).isEmpty();
  }

  // --- Actions ------------------------------------------------------------------------------

  @Test
  void action_caseInsensitive() {
    assertThat(decide(policy(allow("KMS:decrypt").build()), request("kms:Decrypt").build()))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void action_starAndQuestionMarkWildcards() {
    PolicyDocument p = policy(allow("kms:ReEncrypt*", "kms:Get?eyPolicy").build());
    assertThat(decide(p, request("kms:ReEncryptFrom").build())).isEqualTo(Decision.ALLOW);
    assertThat(decide(p, request("kms:GetKeyPolicy").build())).isEqualTo(Decision.ALLOW);
    assertThat(decide(p, request("kms:GetKeyRotationStatus").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void action_notAction_matchesActionsOutsideTheList() {
    PolicyDocument p =
        policy(
            Statement.builder()
                .effect(Effect.ALLOW)
                .action(
                    ActionClause.builder()
                        .negated(true)
                        .addPattern(dev.policysmith.model.ActionPattern.of("iam:*"))
                        .build())
                .resource(ResourceClause.of("*"))
                .build());
    assertThat(decide(p, request("s3:GetObject").build())).isEqualTo(Decision.ALLOW);
    assertThat(decide(p, request("IAM:CreateUser").build())).isEqualTo(Decision.IMPLICIT_DENY);
  }

  // --- Resources ----------------------------------------------------------------------------

  private static PolicyDocument onResource(String... patterns) {
    return policy(
        Statement.builder()
            .effect(Effect.ALLOW)
            .action(ActionClause.of("s3:*"))
            .resource(ResourceClause.of(patterns))
            .build());
  }

  private static Decision get(PolicyDocument p, String resource) {
    return decide(p, request("s3:GetObject").resource(resource).build());
  }

  @Test
  void resource_starAlone_matchesEverything() {
    assertThat(get(onResource("*"), "arn:aws:s3:::bucket/key")).isEqualTo(Decision.ALLOW);
    assertThat(get(onResource("*"), "not even an arn")).isEqualTo(Decision.ALLOW);
  }

  @Test
  void resource_starSpansSlashes() {
    // The Resource page: DOC-EXAMPLE-BUCKET/*/test/* matches .../1///test///object.jpg
    PolicyDocument p = onResource("arn:aws:s3:::DOC-EXAMPLE-BUCKET/*/test/*");
    assertThat(get(p, "arn:aws:s3:::DOC-EXAMPLE-BUCKET/1///test///object.jpg"))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void resource_starInLastComponent_spansColons() {
    assertThat(get(onResource("arn:aws:s3:::bucket/*"), "arn:aws:s3:::bucket/a:b:c"))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void resource_starInOneComponent_doesNotCrossColons() {
    PolicyDocument p = onResource("arn:aws:sqs:*:111122223333:queue");
    assertThat(get(p, "arn:aws:sqs:us-east-1:111122223333:queue")).isEqualTo(Decision.ALLOW);
    assertThat(get(p, "arn:aws:sqs:us-east-1:999999999999:x:111122223333:queue"))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void resource_questionMark_oneCharacter() {
    PolicyDocument p = onResource("arn:aws:s3:::log-?");
    assertThat(get(p, "arn:aws:s3:::log-1")).isEqualTo(Decision.ALLOW);
    assertThat(get(p, "arn:aws:s3:::log-12")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void resource_caseSensitive() {
    assertThat(get(onResource("arn:aws:s3:::Bucket/*"), "arn:aws:s3:::bucket/x"))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void resource_notResource_matchesResourcesOutsideTheList() {
    PolicyDocument p =
        policy(
            Statement.builder()
                .effect(Effect.ALLOW)
                .action(ActionClause.of("s3:*"))
                .resource(
                    ResourceClause.builder()
                        .negated(true)
                        .addPattern(
                            dev.policysmith.model.ResourcePattern.of("arn:aws:s3:::secret/*"))
                        .build())
                .build());
    assertThat(get(p, "arn:aws:s3:::public/x")).isEqualTo(Decision.ALLOW);
    assertThat(get(p, "arn:aws:s3:::secret/x")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void resource_statementWithoutResourceClause_matchesEveryResource() {
    PolicyDocument trust =
        policy(
            Statement.builder()
                .effect(Effect.ALLOW)
                .action(ActionClause.of("sts:AssumeRole"))
                .principal(PrincipalClause.service("ec2.amazonaws.com"))
                .build());
    assertThat(
            decide(
                trust,
                request("sts:AssumeRole").principal("ec2.amazonaws.com").resource(ROLE).build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(decide(trust, request("sts:AssumeRole").principal("ec2.amazonaws.com").build()))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void resource_requestWithoutResource_matchedByStarOnly() {
    assertThat(decide(onResource("*"), request("s3:ListAllMyBuckets").build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(decide(onResource("arn:aws:s3:::*"), request("s3:ListAllMyBuckets").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void resource_valueWithFewerThanFiveColons_notMatchedByArnPattern() {
    assertThat(get(onResource("arn:aws:s3:::*"), "arn:aws:s3")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  // --- Principals ---------------------------------------------------------------------------

  private static PolicyDocument trusting(PrincipalClause principal) {
    return policy(allow("kms:Decrypt").principal(principal).build());
  }

  private static Decision as(PolicyDocument p, String principal) {
    return decide(p, request("kms:Decrypt").principal(principal).build());
  }

  @Test
  void principal_identityPolicyWithoutPrincipal_ignoresCaller() {
    PolicyDocument p = policy(allow("kms:Decrypt").build());
    assertThat(as(p, "arn:aws:iam::999999999999:user/anyone")).isEqualTo(Decision.ALLOW);
    assertThat(decide(p, request("kms:Decrypt").build())).isEqualTo(Decision.ALLOW);
  }

  @Test
  void principal_star_matchesEveryoneIncludingServicesAndAnonymous() {
    for (PrincipalClause everyone :
        new PrincipalClause[] {PrincipalClause.ANYONE, PrincipalClause.aws("*")}) {
      PolicyDocument p = trusting(everyone);
      assertThat(as(p, ROLE)).isEqualTo(Decision.ALLOW);
      assertThat(as(p, "ec2.amazonaws.com")).isEqualTo(Decision.ALLOW);
      assertThat(decide(p, request("kms:Decrypt").build())).isEqualTo(Decision.ALLOW);
    }
    assertThat(PrincipalClause.ANYONE).isNotEqualTo(PrincipalClause.aws("*"));
  }

  @Test
  void principal_accountIdEqualsRootArn() {
    for (String account : new String[] {"111122223333", "arn:aws:iam::111122223333:root"}) {
      PolicyDocument p = trusting(PrincipalClause.aws(account));
      assertThat(as(p, "arn:aws:iam::111122223333:root")).isEqualTo(Decision.ALLOW);
      assertThat(as(p, "111122223333")).isEqualTo(Decision.ALLOW);
    }
  }

  @Test
  void principal_account_matchesEveryIdentityOfThatAccount() {
    PolicyDocument p = trusting(PrincipalClause.aws("arn:aws:iam::111122223333:root"));
    assertThat(as(p, "arn:aws:iam::111122223333:user/alice")).isEqualTo(Decision.ALLOW);
    assertThat(as(p, ROLE)).isEqualTo(Decision.ALLOW);
    assertThat(as(p, "arn:aws:sts::111122223333:assumed-role/Scheduler/s1"))
        .isEqualTo(Decision.ALLOW);
    assertThat(as(p, "arn:aws:iam::444455556666:user/alice")).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(as(p, "arn:aws-cn:iam::111122223333:user/alice")).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(as(p, "ec2.amazonaws.com")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  /**
   * A bare account id is the account's root ARN in the partition the policy lives in, here {@code
   * aws} (the document names no other): the same callers match it as the root ARN, and none of
   * another partition.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts">AWS
   *     account principals</a>
   */
  @Test
  void principal_accountIdMeansRootInTheDocumentsPartition() {
    PolicyDocument id = trusting(PrincipalClause.aws("111122223333"));
    PolicyDocument root = trusting(PrincipalClause.aws("arn:aws:iam::111122223333:root"));
    for (String caller :
        new String[] {
          "111122223333",
          "arn:aws:iam::111122223333:root",
          "arn:aws:iam::111122223333:user/alice",
          "arn:aws:sts::111122223333:assumed-role/Scheduler/s1",
          "arn:aws-cn:iam::111122223333:user/alice",
          "arn:aws-us-gov:sts::111122223333:assumed-role/Scheduler/s1",
          "arn:aws:iam::444455556666:user/alice",
          "ec2.amazonaws.com"
        }) {
      assertThat(as(id, caller)).as(caller).isEqualTo(as(root, caller));
    }
    assertThat(as(id, "arn:aws:iam::111122223333:user/alice")).isEqualTo(Decision.ALLOW);
    assertThat(as(id, "arn:aws-cn:iam::111122223333:user/alice")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_accountIdInChinaDocument_meansRootInAwsCn() {
    PolicyDocument p =
        PolicyReader.strict()
            .read(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Decrypt",
                   "Resource": "arn:aws-cn:kms:cn-north-1:111122223333:key/k"}]}
                """);
    assertThat(Partition.ofDocument(p)).isEqualTo(Partition.AWS_CN);
    Request.Builder decrypt =
        request("kms:Decrypt").resource("arn:aws-cn:kms:cn-north-1:111122223333:key/k");
    assertThat(decide(p, decrypt.principal("arn:aws-cn:iam::111122223333:role/R").build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(decide(p, decrypt.principal("arn:aws-cn:iam::111122223333:root").build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(decide(p, decrypt.principal("111122223333").build())).isEqualTo(Decision.ALLOW);
    assertThat(decide(p, decrypt.principal("arn:aws:iam::111122223333:role/R").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_accountIdInDocumentOfSeveralPartitions_meansRootInAws() {
    PolicyDocument p =
        PolicyReader.strict()
            .read(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:Decrypt",
                   "Resource": ["arn:aws-cn:kms:cn-north-1:111122223333:key/k",
                                "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/k"]}]}
                """);
    assertThat(Partition.ofDocument(p)).isEqualTo(Partition.AWS);
    Request.Builder decrypt =
        request("kms:Decrypt").resource("arn:aws-cn:kms:cn-north-1:111122223333:key/k");
    assertThat(decide(p, decrypt.principal("arn:aws:iam::111122223333:role/R").build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(decide(p, decrypt.principal("arn:aws-cn:iam::111122223333:role/R").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_roleCoversItsSessions() {
    PolicyDocument p = trusting(PrincipalClause.aws(ROLE));
    assertThat(as(p, ROLE)).isEqualTo(Decision.ALLOW);
    // The session ARN carries the role name but not its path.
    assertThat(as(p, "arn:aws:sts::111122223333:assumed-role/Scheduler/session-1"))
        .isEqualTo(Decision.ALLOW);
    assertThat(as(p, "arn:aws:sts::444455556666:assumed-role/Scheduler/session-1"))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_otherRoleSameAccount_noMatch() {
    PolicyDocument p = trusting(PrincipalClause.aws(ROLE));
    assertThat(as(p, "arn:aws:iam::111122223333:role/Other")).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(as(p, "arn:aws:sts::111122223333:assumed-role/Other/session-1"))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(as(p, "arn:aws:iam::111122223333:root")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_user_matchesThatUserOnlyCaseSensitively() {
    PolicyDocument p = trusting(PrincipalClause.aws("arn:aws:iam::111122223333:user/Alice"));
    assertThat(as(p, "arn:aws:iam::111122223333:user/Alice")).isEqualTo(Decision.ALLOW);
    assertThat(as(p, "arn:aws:iam::111122223333:user/alice")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_service_matchesThatServiceOnly() {
    PolicyDocument p = trusting(PrincipalClause.service("ec2.amazonaws.com"));
    assertThat(as(p, "ec2.amazonaws.com")).isEqualTo(Decision.ALLOW);
    assertThat(as(p, "lambda.amazonaws.com")).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(as(p, ROLE)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_federatedAndCanonicalUser_exactString() {
    PolicyDocument p =
        trusting(
            PrincipalClause.builder()
                .addEntry(
                    PrincipalEntry.of(PrincipalType.FEDERATED, "cognito-identity.amazonaws.com"))
                .addEntry(PrincipalEntry.of(PrincipalType.CANONICAL_USER, "79a59df9"))
                .build());
    assertThat(as(p, "cognito-identity.amazonaws.com")).isEqualTo(Decision.ALLOW);
    assertThat(as(p, "79a59df9")).isEqualTo(Decision.ALLOW);
    assertThat(as(p, "79A59DF9")).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void principal_notPrincipal_matchesEveryoneElse() {
    PolicyDocument p =
        policy(
            deny("kms:*")
                .principal(
                    PrincipalClause.builder()
                        .negated(true)
                        .addEntry(PrincipalEntry.of(PrincipalType.AWS, ROLE))
                        .build())
                .build(),
            allow("kms:*").principal(PrincipalClause.ANYONE).build());
    assertThat(as(p, ROLE)).isEqualTo(Decision.ALLOW);
    assertThat(as(p, "arn:aws:iam::111122223333:role/Other")).isEqualTo(Decision.EXPLICIT_DENY);
  }

  // --- Policy variables ---------------------------------------------------------------------

  private static PolicyDocument home(PolicyVersion version, String resource) {
    return PolicyDocument.builder()
        .version(version)
        .addStatement(
            Statement.builder()
                .effect(Effect.ALLOW)
                .action(ActionClause.of("s3:*"))
                .resource(ResourceClause.of(resource))
                .build())
        .build();
  }

  @Test
  void variables_resolvedInResource() {
    PolicyDocument p =
        home(PolicyVersion.V2012_10_17, "arn:aws:s3:::bucket/home/${aws:username}/*");
    assertThat(
            decide(
                p,
                request("s3:GetObject")
                    .resource("arn:aws:s3:::bucket/home/alice/x")
                    .putContext("aws:username", "alice")
                    .build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(
            decide(
                p,
                request("s3:GetObject")
                    .resource("arn:aws:s3:::bucket/home/bob/x")
                    .putContext("AWS:UserName", "alice")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_literalIn2008() {
    PolicyDocument p = home(PolicyVersion.V2008_10_17, "arn:aws:s3:::bucket/${aws:username}");
    assertThat(
            decide(
                p,
                request("s3:GetObject")
                    .resource("arn:aws:s3:::bucket/${aws:username}")
                    .putContext("aws:username", "alice")
                    .build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(
            decide(
                p,
                request("s3:GetObject")
                    .resource("arn:aws:s3:::bucket/alice")
                    .putContext("aws:username", "alice")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_literalWithoutVersion() {
    PolicyDocument p =
        PolicyDocument.builder()
            .addStatement(
                Statement.builder()
                    .effect(Effect.ALLOW)
                    .action(ActionClause.of("s3:*"))
                    .resource(ResourceClause.of("arn:aws:s3:::b/${aws:username}"))
                    .build())
            .build();
    assertThat(
            decide(
                p,
                request("s3:GetObject")
                    .resource("arn:aws:s3:::b/alice")
                    .putContext("aws:username", "alice")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_missingKeyWithoutDefault_matchesNothing() {
    PolicyDocument p = home(PolicyVersion.V2012_10_17, "arn:aws:s3:::bucket/${aws:username}");
    assertThat(decide(p, request("s3:GetObject").resource("arn:aws:s3:::bucket/").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(
            decide(
                p, request("s3:GetObject").resource("arn:aws:s3:::bucket/${aws:username}").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_defaultUsedWhenKeyMissing() {
    PolicyDocument p =
        home(PolicyVersion.V2012_10_17, "arn:aws:s3:::bucket/${aws:userid, 'anonymous'}");
    assertThat(decide(p, request("s3:GetObject").resource("arn:aws:s3:::bucket/anonymous").build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(
            decide(
                p,
                request("s3:GetObject")
                    .resource("arn:aws:s3:::bucket/AIDA1")
                    .putContext("aws:userid", "AIDA1")
                    .build()))
        .isEqualTo(Decision.ALLOW);
  }

  @Test
  void variables_specialCharacterEscapes_matchLiterally() {
    PolicyDocument p = home(PolicyVersion.V2012_10_17, "arn:aws:s3:::bucket/a${*}b${?}c${$}");
    assertThat(decide(p, request("s3:GetObject").resource("arn:aws:s3:::bucket/a*b?c$").build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(decide(p, request("s3:GetObject").resource("arn:aws:s3:::bucket/aXXbYc$").build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_substitutedWildcardCharacters_areLiteral() {
    PolicyDocument p = home(PolicyVersion.V2012_10_17, "arn:aws:s3:::bucket/${aws:username}");
    Request sneaky =
        request("s3:GetObject")
            .resource("arn:aws:s3:::bucket/anything")
            .putContext("aws:username", "*")
            .build();
    assertThat(decide(p, sneaky)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_multivaluedKey_treatedAsMissing() {
    PolicyDocument p = home(PolicyVersion.V2012_10_17, "arn:aws:s3:::bucket/${aws:TagKeys}");
    assertThat(
            decide(
                p,
                request("s3:GetObject")
                    .resource("arn:aws:s3:::bucket/a")
                    .putContext("aws:TagKeys", "a", "b")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_resolvedInStringConditionValues() {
    PolicyDocument p =
        policy(
            allow("s3:ListBucket")
                .condition(
                    ConditionBlock.of(
                        OperatorBlock.of(
                            ConditionOperator.parse("StringLike"),
                            KeyCondition.of("s3:prefix", "home/${aws:username}/*"))))
                .build());
    assertThat(
            decide(
                p,
                request("s3:ListBucket")
                    .putContext("s3:prefix", "home/alice/docs")
                    .putContext("aws:username", "alice")
                    .build()))
        .isEqualTo(Decision.ALLOW);
    assertThat(
            decide(
                p,
                request("s3:ListBucket")
                    .putContext("s3:prefix", "home/bob/docs")
                    .putContext("aws:username", "alice")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void variables_notResolvedInNumericValues() {
    PolicyDocument p =
        policy(
            allow("s3:ListBucket")
                .condition(
                    ConditionBlock.of(
                        OperatorBlock.of(
                            ConditionOperator.parse("NumericEquals"),
                            KeyCondition.of("s3:max-keys", "${k:n}"))))
                .build());
    assertThat(
            decide(
                p,
                request("s3:ListBucket")
                    .putContext("s3:max-keys", "5")
                    .putContext("k:n", "5")
                    .build()))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }
}
