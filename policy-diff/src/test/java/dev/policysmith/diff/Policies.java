package dev.policysmith.diff;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;

/** Small builders for the policies of the diff tests, before the JSON reader is at hand. */
final class Policies {
  private Policies() {}

  static PolicyDocument doc(Statement... statements) {
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addStatements(statements)
        .build();
  }

  static Statement.Builder allow(String... actions) {
    Statement.Builder b = Statement.builder().effect(Effect.ALLOW).action(ActionClause.of(actions));
    b.resource(ResourceClause.of("*"));
    return b;
  }

  static Statement.Builder deny(String... actions) {
    Statement.Builder b = Statement.builder().effect(Effect.DENY).action(ActionClause.of(actions));
    b.resource(ResourceClause.of("*"));
    return b;
  }

  static ConditionBlock when(String operator, String key, String... values) {
    return ConditionBlock.of(
        OperatorBlock.of(ConditionOperator.parse(operator), KeyCondition.of(key, values)));
  }

  static PrincipalClause aws(String... principals) {
    return PrincipalClause.aws(principals);
  }
}
