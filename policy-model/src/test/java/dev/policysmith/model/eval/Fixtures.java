package dev.policysmith.model.eval;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;

/** Small builders for evaluator tests: statements and requests written in one line. */
final class Fixtures {
  private Fixtures() {}

  static Statement.Builder allow(String... actions) {
    return Statement.builder()
        .effect(Effect.ALLOW)
        .action(ActionClause.of(actions))
        .resource(ResourceClause.of("*"));
  }

  static Statement.Builder deny(String... actions) {
    return Statement.builder()
        .effect(Effect.DENY)
        .action(ActionClause.of(actions))
        .resource(ResourceClause.of("*"));
  }

  static PolicyDocument policy(Statement... statements) {
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addStatements(statements)
        .build();
  }

  /** A document allowing {@code s3:GetObject} on "*" under one condition operator and key. */
  static PolicyDocument conditioned(String operator, String key, String... values) {
    return policy(
        allow("s3:GetObject")
            .condition(
                ConditionBlock.of(
                    OperatorBlock.of(
                        ConditionOperator.parse(operator), KeyCondition.of(key, values))))
            .build());
  }

  static Request.Builder request(String action) {
    return Request.builder().action(action);
  }

  /** A {@code s3:GetObject} request with one context key and its values. */
  static Request with(String key, String... values) {
    return request("s3:GetObject").putContext(key, values).build();
  }

  static Request without() {
    return request("s3:GetObject").build();
  }

  static Decision decide(PolicyDocument policy, Request request) {
    return PolicyEvaluator.of(policy).decide(request);
  }

  static boolean holds(PolicyDocument policy, Request request) {
    return decide(policy, request) == Decision.ALLOW;
  }
}
