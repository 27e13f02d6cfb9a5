package dev.policysmith.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
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
import dev.policysmith.model.eval.Request;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link RequestGenerators}: requests are well formed, and requests drawn for a
 * policy mostly use its own actions, principals, resources and condition keys.
 */
class RequestGeneratorsProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /** Share properties count over the samples; see PolicyGeneratorsProperties.COVERAGE_EXAMPLES. */
  private static final int COVERAGE_EXAMPLES = Math.max(2000, EXAMPLES);

  /** The EBS cross-account statements of DESIGN.md, as a key policy of two statements. */
  private static final PolicyDocument EBS_KEY_POLICY =
      PolicyDocument.builder()
          .version(PolicyVersion.V2012_10_17)
          .addStatement(
              Statement.builder()
                  .sid("UseKey")
                  .effect(Effect.ALLOW)
                  .principal(PrincipalClause.aws("arn:aws:iam::111122223333:role/Scheduler"))
                  .action(
                      ActionClause.of(
                          "kms:Encrypt",
                          "kms:Decrypt",
                          "kms:ReEncrypt*",
                          "kms:GenerateDataKey*",
                          "kms:DescribeKey"))
                  .resource(ResourceClause.of("*"))
                  .condition(
                      ConditionBlock.of(
                          OperatorBlock.of(
                              ConditionOperator.of(BaseOperator.STRING_EQUALS),
                              KeyCondition.of(
                                  "kms:ViaService", "ec2.ap-northeast-1.amazonaws.com"))))
                  .build())
          .addStatement(
              Statement.builder()
                  .sid("AllowAttachment")
                  .effect(Effect.ALLOW)
                  .principal(PrincipalClause.aws("arn:aws:iam::111122223333:role/Scheduler"))
                  .action(ActionClause.of("kms:CreateGrant"))
                  .resource(ResourceClause.of("*"))
                  .condition(
                      ConditionBlock.of(
                          OperatorBlock.of(
                              ConditionOperator.of(BaseOperator.BOOL),
                              KeyCondition.of("kms:GrantIsForAWSResource", "true"))))
                  .build())
          .build();

  @Test
  void requests_anySample_isAWellFormedRequest() {
    qt().withExamples(EXAMPLES)
        .forAll(RequestGenerators.requests())
        .checkAssert(RequestGeneratorsProperties::assertWellFormed);
  }

  @Test
  void policiesWithRequests_anySample_holdsOneToThreePoliciesAndOneToTenRequests() {
    qt().withExamples(EXAMPLES)
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample -> {
              assertThat(sample.policies()).hasSizeBetween(1, 3);
              assertThat(sample.requests()).hasSizeBetween(1, 10);
              assertThat(sample.policy()).isSameAs(sample.policies().get(0));
              sample.requests().forEach(RequestGeneratorsProperties::assertWellFormed);
            });
  }

  @Test
  void requestsFor_ebsKeyPolicy_mostRequestsUseItsActionsPrincipalAndKeys() {
    AtomicInteger total = new AtomicInteger();
    AtomicInteger ownAction = new AtomicInteger();
    AtomicInteger scheduler = new AtomicInteger();
    AtomicInteger viaService = new AtomicInteger();
    Tally tally = new Tally();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(RequestGenerators.requestsFor(EBS_KEY_POLICY))
        .checkAssert(
            request -> {
              assertWellFormed(request);
              total.incrementAndGet();
              boolean own =
                  EBS_KEY_POLICY.statements().stream()
                      .anyMatch(s -> s.actionClause().matches(request.action()));
              if (own) {
                ownAction.incrementAndGet();
              }
              if (request.principal().orElse("").contains(":111122223333:")) {
                scheduler.incrementAndGet();
              }
              if (hasKey(request, "kms:viaservice")) {
                viaService.incrementAndGet();
              }
              tally.addAll(features(request));
            });

    assertThat(ownAction.get())
        .as("requests using the policy's actions")
        .isGreaterThan(total.get() / 2);
    assertThat(scheduler.get())
        .as("requests from the policy's account")
        .isGreaterThan(total.get() / 2);
    assertThat(viaService.get()).as("requests with kms:ViaService").isGreaterThan(total.get() / 3);
    assertThat(
            tally.missing(
                List.of(
                    "action kms:ReEncryptFrom",
                    "action kms:GenerateDataKeyWithoutPlaintext",
                    "action with filled wildcard",
                    "action in another case",
                    "principal arn:aws:iam::111122223333:role/Scheduler",
                    "principal arn:aws:sts::111122223333:assumed-role/Scheduler/session",
                    "another principal of the account",
                    "vocabulary principal",
                    "no principal",
                    "no resource",
                    "value ec2.ap-northeast-1.amazonaws.com",
                    "mutated ViaService value",
                    "key in another case",
                    "several values",
                    "no values",
                    "kms:ViaService missing")))
        .as("request features never generated")
        .isEmpty();
  }

  @Test
  void requestsFor_generatedDocuments_mostRequestsMatchAStatementsActionsAndKeys() {
    AtomicInteger total = new AtomicInteger();
    AtomicInteger ownAction = new AtomicInteger();
    AtomicInteger ownNamedAction = new AtomicInteger();
    AtomicInteger withKeys = new AtomicInteger();
    AtomicInteger ownKey = new AtomicInteger();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample -> {
              Set<String> keys = new HashSet<>();
              List<ActionPattern> patterns =
                  sample.policies().stream()
                      .flatMap(p -> p.statements().stream())
                      .peek(s -> s.condition().ifPresent(c -> addKeys(c, keys)))
                      .flatMap(s -> s.actionClause().patterns().stream())
                      .toList();
              for (Request request : sample.requests()) {
                total.incrementAndGet();
                if (patterns.stream().anyMatch(p -> p.matches(request.action()))) {
                  ownAction.incrementAndGet();
                }
                if (patterns.stream()
                    .filter(p -> !p.equals(ActionPattern.ALL))
                    .anyMatch(p -> p.matches(request.action()))) {
                  ownNamedAction.incrementAndGet();
                }
                if (!keys.isEmpty()) {
                  withKeys.incrementAndGet();
                  if (keys.stream().anyMatch(key -> hasKey(request, key))) {
                    ownKey.incrementAndGet();
                  }
                }
              }
            });

    assertThat(ownAction.get())
        .as("requests using the policies' actions")
        .isGreaterThan(total.get() * 7 / 10);
    assertThat(ownNamedAction.get())
        .as("requests using the policies' actions other than *")
        .isGreaterThan(total.get() / 2);
    assertThat(ownKey.get())
        .as("requests carrying a condition key of their policies")
        .isGreaterThan(withKeys.get() * 7 / 10);
  }

  @Test
  void requestsFor_policyVariable_contextUserNameMostlyAgreesWithTheResource() {
    PolicyDocument policy =
        PolicyDocument.builder()
            .version(PolicyVersion.V2012_10_17)
            .addStatement(
                Statement.builder()
                    .effect(Effect.ALLOW)
                    .action(ActionClause.of("s3:GetObject"))
                    .resource(ResourceClause.of("arn:aws:s3:::bucket/${aws:username}/*"))
                    .build())
            .build();
    AtomicInteger withUserName = new AtomicInteger();
    AtomicInteger agreeing = new AtomicInteger();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(RequestGenerators.requestsFor(policy))
        .checkAssert(
            request -> {
              assertWellFormed(request);
              List<String> names = request.context().getOrDefault("aws:username", List.of());
              String resource = request.resource().orElse("");
              // Vocabulary requests, one in five, carry vocabulary resources and user names.
              if (names.size() == 1
                  && resource.startsWith("arn:aws:s3:::bucket/")
                  && !PolicyVocabulary.RESOURCE_ARNS.contains(resource)) {
                withUserName.incrementAndGet();
                if (resource.startsWith("arn:aws:s3:::bucket/" + names.get(0) + "/")) {
                  agreeing.incrementAndGet();
                }
              }
            });
    // The rest, rare, are near misses: the variable's value left out, another user name drawn.
    assertThat(agreeing.get())
        .as("requests whose aws:username is the one in their resource")
        .isPositive()
        .isGreaterThan(withUserName.get() * 3 / 4);
  }

  /**
   * A condition value with a policy variable is matched by requests that carry the variable's key
   * with the value they put in the condition key
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
   */
  @Test
  void requestsFor_variableInConditionValue_contextCarriesTheVariablesKey() {
    PolicyDocument policy =
        PolicyDocument.builder()
            .version(PolicyVersion.V2012_10_17)
            .addStatement(
                Statement.builder()
                    .effect(Effect.ALLOW)
                    .action(ActionClause.of("s3:ListBucket"))
                    .condition(
                        ConditionBlock.of(
                            OperatorBlock.of(
                                ConditionOperator.parse("StringLike"),
                                KeyCondition.of("s3:prefix", "${aws:username}/*"))))
                    .build())
            .build();
    AtomicInteger agreeing = new AtomicInteger();
    AtomicInteger total = new AtomicInteger();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(RequestGenerators.requestsFor(policy))
        .checkAssert(
            request -> {
              assertWellFormed(request);
              total.incrementAndGet();
              List<String> names = request.context().getOrDefault("aws:username", List.of());
              List<String> prefixes = request.context().getOrDefault("s3:prefix", List.of());
              if (names.size() == 1
                  && prefixes.size() == 1
                  && prefixes.get(0).startsWith(names.get(0) + "/")) {
                agreeing.incrementAndGet();
              }
            });
    // The rest leave the key out, take a vocabulary request, or are near misses (the variable's
    // text kept, its key left out, a value changed).
    assertThat(agreeing.get())
        .as("requests whose s3:prefix starts with their aws:username")
        .isGreaterThan(total.get() / 6);
  }

  @Test
  void requestsFor_accountAndRoleWithPath_drawsRootSessionAndOtherPrincipals() {
    PolicyDocument policy =
        PolicyDocument.builder()
            .addStatement(
                Statement.builder()
                    .effect(Effect.DENY)
                    .principal(
                        PrincipalClause.aws(
                            "111122223333",
                            "arn:aws:iam::444455556666:role/service-role/Scheduler"))
                    .action(ActionClause.of("kms:*"))
                    .resource(ResourceClause.of("*"))
                    .build())
            .build();
    Tally tally = new Tally();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(RequestGenerators.requestsFor(policy))
        .checkAssert(
            request -> {
              assertWellFormed(request);
              request.principal().ifPresent(p -> tally.addAll(List.of(p)));
            });
    assertThat(
            tally.missing(
                List.of(
                    "arn:aws:iam::111122223333:root",
                    "arn:aws:iam::111122223333:user/alice",
                    "arn:aws:sts::111122223333:assumed-role/Admin/admin-session",
                    "arn:aws:iam::444455556666:role/service-role/Scheduler",
                    // A session names the role without its path.
                    "arn:aws:sts::444455556666:assumed-role/Scheduler/session",
                    "arn:aws:iam::444455556666:root")))
        .as("principals never drawn")
        .isEmpty();
    assertThat(tally.count("111122223333")).as("a bare account id is no caller").isZero();
  }

  // ------------------------------------------------------------------ helpers

  private static void assertWellFormed(Request request) {
    assertThat(request.action()).contains(":");
    assertThat(request.context().keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)))
        .as("context keys, compared as IAM compares them")
        .doesNotHaveDuplicates();
  }

  private static void addKeys(ConditionBlock condition, Set<String> keys) {
    condition.operators().stream()
        .flatMap(block -> block.keys().stream())
        .map(KeyCondition::normalizedKey)
        .forEach(keys::add);
  }

  private static boolean hasKey(Request request, String foldedKey) {
    return request.context().keySet().stream()
        .anyMatch(key -> key.toLowerCase(Locale.ROOT).equals(foldedKey));
  }

  /** The named features of one request for the EBS key policy. */
  private static Set<String> features(Request request) {
    Set<String> features = new HashSet<>();
    String action = request.action();
    features.add("action " + action);
    if (!PolicyVocabulary.ACTION_NAMES.contains(action)
        && PolicyVocabulary.ACTION_NAMES.stream().noneMatch(action::equalsIgnoreCase)) {
      features.add("action with filled wildcard");
    }
    if (!action.startsWith("kms:") && action.toLowerCase(Locale.ROOT).startsWith("kms:")) {
      features.add("action in another case");
    }
    request
        .principal()
        .ifPresentOrElse(
            principal -> {
              features.add("principal " + principal);
              if (principal.contains(":111122223333:") && !principal.contains("Scheduler")) {
                features.add("another principal of the account");
              }
              if (PolicyVocabulary.REQUEST_PRINCIPALS.contains(principal)
                  && !principal.contains(":111122223333:")) {
                features.add("vocabulary principal");
              }
            },
            () -> features.add("no principal"));
    if (request.resource().isEmpty()) {
      features.add("no resource");
    }
    if (!hasKey(request, "kms:viaservice")) {
      features.add("kms:ViaService missing");
    }
    request
        .context()
        .forEach(
            (key, values) -> {
              if (key.equalsIgnoreCase("kms:ViaService") && !key.equals("kms:ViaService")
                  || key.equalsIgnoreCase("kms:GrantIsForAWSResource")
                      && !key.equals("kms:GrantIsForAWSResource")) {
                features.add("key in another case");
              }
              if (values.size() > 1) {
                features.add("several values");
              }
              if (values.isEmpty()) {
                features.add("no values");
              }
              for (String value : values) {
                features.add("value " + value);
                if (key.equalsIgnoreCase("kms:ViaService")
                    && !PolicyVocabulary.STRINGS.contains(value)) {
                  features.add("mutated ViaService value");
                }
              }
            });
    return features;
  }
}
