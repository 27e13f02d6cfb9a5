package dev.policysmith.diff;

import static dev.policysmith.diff.Policies.allow;
import static dev.policysmith.diff.Policies.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The box limit is what keeps a hostile pair of policies from exhausting memory: past {@link
 * PolicyDiffer#DEFAULT_BOX_LIMIT} boxes the differ gives up and says so, instead of building the
 * exponentially many boxes the pair needs.
 */
class PolicyDifferLimitTest {
  /**
   * Twenty Allow statements, each on two condition keys of its own ({@code k0 = x} and {@code j0 =
   * y}, ...). What "allow everything" adds to them is everything minus each of them in turn, and
   * each one splits every box in two ({@code k ≠ x}, or {@code k = x} and {@code j ≠ y}): 2^20
   * (over a million) boxes in all, while every set stays a one- or two-state automaton.
   */
  private static PolicyDocument hostile() {
    ConditionOperator equals = ConditionOperator.of(BaseOperator.STRING_EQUALS);
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statements.add(
          allow("*")
              .condition(
                  ConditionBlock.of(
                      OperatorBlock.of(
                          equals,
                          KeyCondition.of("aws:PrincipalTag/k" + i, "x"),
                          KeyCondition.of("aws:PrincipalTag/j" + i, "y"))))
              .build());
    }
    return doc(statements.toArray(Statement[]::new));
  }

  @Test
  void diff_pairNeedingMillionsOfBoxes_answersIncomparableWithinSeconds() {
    PolicyDocument everything = doc(allow("*").build());
    PolicyDocument hostile = hostile();

    // A hang detector with room for a loaded build machine: 30 s there with the load at 9 on two
    // cores, a few seconds on an idle one.
    DiffResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(120), () -> PolicyDiffer.standard().diff(hostile, everything));

    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    assertThat(result.exact()).isFalse();
    assertThat(result.inexactReasons())
        .anySatisfy(reason -> assertThat(reason).contains("box limit"));
    assertThat(result.added()).isEmpty();
    assertThat(result.removed()).isEmpty();
  }

  @Test
  void diff_sameHostilePairUnderARaisedLimit_stillStopsAtThatLimit() {
    PolicyDocument everything = doc(allow("*").build());

    DiffResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(120),
            () -> PolicyDiffer.withBoxLimit(20_000).diff(hostile(), everything));

    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
  }

  /**
   * Twenty Allow statements on the actions {@code *a*}, {@code *b*}, ... {@code *t*}: what "allow
   * everything" adds to them is the actions holding none of twenty letters, and the automata of the
   * sets on the way grow with every letter subtracted, while the boxes stay few.
   */
  @Test
  void diff_actionWildcardsOverlappingManyWays_answersWithinSeconds() {
    List<Statement> statements = new ArrayList<>();
    for (char letter = 'a'; letter < 'a' + 20; letter++) {
      statements.add(allow("*" + letter + "*").build());
    }
    PolicyDocument letters = doc(statements.toArray(Statement[]::new));
    PolicyDocument everything = doc(allow("*").build());

    DiffResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(120), () -> PolicyDiffer.standard().diff(letters, everything));

    assertThat(result.verdict()).isIn(Verdict.BROADER, Verdict.INCOMPARABLE);
  }

  /**
   * {@code *a} and then twenty-two {@code ?}: a deterministic automaton must remember which of the
   * last twenty-three characters were {@code a}, millions of states. The diff stops at its state
   * limit and says so.
   */
  @Test
  void diff_patternWhoseAutomatonIsExponential_answersIncomparableWithinSeconds() {
    PolicyDocument hostile = doc(allow("*a" + "?".repeat(22)).build());
    PolicyDocument everything = doc(allow("*").build());

    DiffResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> PolicyDiffer.standard().diff(hostile, everything));

    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    assertThat(result.inexactReasons())
        .singleElement()
        .asString()
        .contains("more than 20000 states");
  }

  @Test
  void grantsNone_patternWhoseAutomatonIsExponential_answersNotProven() {
    PolicyDocument hostile = doc(allow("*a" + "?".repeat(22)).build());

    ContainmentResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () -> PolicyDiffer.standard().grantsNone(hostile, List.of("kms:Decrypt"), List.of()));

    assertThat(result.holds()).isFalse();
    assertThat(result.inexactReasons()).isNotEmpty();
  }
}
