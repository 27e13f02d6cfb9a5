package dev.policysmith.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.eval.Request;
import org.junit.jupiter.api.Test;

/**
 * The examples of this package's {@code package-info.java}, word for word, so that they keep
 * compiling and holding. Change both together.
 */
class PackageInfoExampleTest {
  @Test
  void documents_toBuilder_rebuildsAnEqualDocument() {
    qt().withExamples(Integer.getInteger("policysmith.examples", 2000))
        .forAll(PolicyGenerators.documents())
        .checkAssert(policy -> assertThat(policy.toBuilder().build()).isEqualTo(policy));
  }

  @Test
  void actionClause_negatedAgainstGeneratedRequests_matchesExactlyTheOtherActions() {
    qt().withExamples(Integer.getInteger("policysmith.examples", 2000))
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample -> {
              for (Statement statement : sample.policy().statements()) {
                ActionClause clause = statement.actionClause();
                ActionClause flipped =
                    ActionClause.builder().from(clause).negated(!clause.negated()).build();
                for (Request request : sample.requests()) {
                  assertThat(flipped.matches(request.action()))
                      .isNotEqualTo(clause.matches(request.action()));
                }
              }
            });
  }
}
