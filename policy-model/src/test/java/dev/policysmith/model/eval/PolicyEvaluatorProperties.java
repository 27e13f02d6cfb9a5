package dev.policysmith.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Laws of the evaluator over small generated policies (a handful of actions, resources and one
 * condition key, so that statements collide), after "Policy evaluation logic":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
class PolicyEvaluatorProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  private static final String[] ACTION_PATTERNS = {
    "*", "kms:*", "kms:ReEncrypt*", "KMS:decrypt", "kms:Decrypt", "s3:Get?bject"
  };
  private static final String[] ACTIONS = {
    "kms:Decrypt", "kms:ReEncryptFrom", "kms:Encrypt", "s3:GetObject", "s3:PutObject"
  };
  private static final String[] RESOURCE_PATTERNS = {
    "*", "arn:aws:kms:*:111122223333:key/*", "arn:aws:s3:::b/*"
  };
  private static final String[] RESOURCES = {
    "arn:aws:kms:us-east-1:111122223333:key/k", "arn:aws:s3:::b/x", "arn:aws:s3:::c/x"
  };
  private static final String[] VIA = {
    "ec2.ap-northeast-1.amazonaws.com", "ec2.us-east-1.amazonaws.com"
  };

  private static Gen<Statement> statements() {
    Gen<Effect> effects = Generate.enumValues(Effect.class);
    Gen<List<String>> actions =
        lists().of(Generate.pick(List.of(ACTION_PATTERNS))).ofSizeBetween(1, 2);
    Gen<String> resource = Generate.pick(List.of(RESOURCE_PATTERNS));
    Gen<Integer> condition = Generate.range(0, 3);
    return effects.zip(
        actions,
        resource,
        condition,
        (effect, acts, res, cond) -> {
          Statement.Builder builder =
              Statement.builder()
                  .effect(effect)
                  .action(ActionClause.of(acts.toArray(new String[0])))
                  .resource(ResourceClause.of(res));
          if (cond > 0) {
            builder.condition(
                ConditionBlock.of(
                    OperatorBlock.of(
                        ConditionOperator.parse(cond == 1 ? "StringEquals" : "StringNotEquals"),
                        KeyCondition.of("kms:ViaService", VIA[0]))));
          }
          return builder.build();
        });
  }

  private static Gen<List<Statement>> policies() {
    return lists().of(statements()).ofSizeBetween(0, 5);
  }

  private static Gen<Request> requests() {
    return Generate.pick(List.of(ACTIONS))
        .zip(
            Generate.pick(List.of(RESOURCES)),
            Generate.range(0, 2),
            (action, resource, via) -> {
              Request.Builder builder = Request.builder().action(action).resource(resource);
              if (via < 2) {
                builder.putContext("kms:ViaService", VIA[via]);
              }
              return builder.build();
            });
  }

  private static PolicyDocument document(List<Statement> statements) {
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addAllStatements(statements)
        .build();
  }

  @Test
  void matchingDenyMakesExplicitDenyWhateverElse() {
    qt().withExamples(EXAMPLES)
        .forAll(policies(), requests())
        .checkAssert(
            (statements, request) -> {
              List<Statement> withDeny = new ArrayList<>(statements);
              withDeny.add(
                  Statement.builder()
                      .effect(Effect.DENY)
                      .action(ActionClause.of(request.action()))
                      .resource(ResourceClause.of("*"))
                      .build());
              assertThat(PolicyEvaluator.of(document(withDeny)).decide(request))
                  .isEqualTo(Decision.EXPLICIT_DENY);
            });
  }

  @Test
  void decisionIndependentOfStatementOrder() {
    Map<Decision, Integer> seen = new EnumMap<>(Decision.class);
    qt().withExamples(EXAMPLES)
        .forAll(policies(), requests())
        .checkAssert(
            (statements, request) -> {
              List<Statement> reversed = new ArrayList<>(statements);
              Collections.reverse(reversed);
              Decision decision = PolicyEvaluator.of(document(statements)).decide(request);
              seen.merge(decision, 1, Integer::sum);
              assertThat(PolicyEvaluator.of(document(reversed)).decide(request))
                  .isEqualTo(decision);
              assertThat(PolicyEvaluator.of(document(statements)).explain(request).decision())
                  .isEqualTo(decision);
            });
    assertThat(seen.keySet()).containsExactlyInAnyOrder(Decision.values());
    for (Decision decision : Decision.values()) {
      assertThat(seen.get(decision)).as(decision.name()).isGreaterThan(EXAMPLES / 20);
    }
  }

  @Test
  void splittingDocumentsPreservesDecisions() {
    qt().withExamples(EXAMPLES)
        .forAll(policies(), policies(), requests())
        .checkAssert(
            (a, b, request) -> {
              List<Statement> joined = new ArrayList<>(a);
              joined.addAll(b);
              assertThat(PolicyEvaluator.of(document(a), document(b)).decide(request))
                  .isEqualTo(PolicyEvaluator.of(document(joined)).decide(request));
            });
  }

  @Test
  void actionAndNotActionSplitEveryRequest() {
    qt().withExamples(EXAMPLES)
        .forAll(Generate.pick(List.of(ACTION_PATTERNS)), requests())
        .checkAssert(
            (pattern, request) -> {
              ActionClause action = ActionClause.of(pattern);
              ActionClause notAction =
                  ActionClause.builder()
                      .negated(true)
                      .addPattern(ActionPattern.of(pattern))
                      .build();
              Decision viaAction =
                  PolicyEvaluator.of(
                          document(
                              List.of(
                                  Statement.builder()
                                      .effect(Effect.ALLOW)
                                      .action(action)
                                      .resource(ResourceClause.of("*"))
                                      .build())))
                      .decide(request);
              Decision viaNotAction =
                  PolicyEvaluator.of(
                          document(
                              List.of(
                                  Statement.builder()
                                      .effect(Effect.ALLOW)
                                      .action(notAction)
                                      .resource(ResourceClause.of("*"))
                                      .build())))
                      .decide(request);
              assertThat(viaAction == Decision.ALLOW).isNotEqualTo(viaNotAction == Decision.ALLOW);
            });
  }

  @Test
  void negatedOperatorIsComplementOfPositiveForSingleValuedKey() {
    qt().withExamples(EXAMPLES)
        .forAll(
            Generate.pick(List.of("StringEquals", "StringLike", "StringEqualsIgnoreCase")),
            Generate.pick(List.of("a", "A", "a*", "b")),
            Generate.pick(List.of("a", "A", "ab", "b")))
        .checkAssert(
            (operator, policyValue, requestValue) -> {
              String negated = operator.replace("String", "StringNot");
              Request request = Fixtures.with("k:x", requestValue);
              boolean positive =
                  Fixtures.holds(Fixtures.conditioned(operator, "k:x", policyValue), request);
              boolean negative =
                  Fixtures.holds(Fixtures.conditioned(negated, "k:x", policyValue), request);
              assertThat(positive).isNotEqualTo(negative);
            });
  }
}
