package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The law every transform here obeys: the output decides each request as the inputs together did.
 * It counts the decisions it checked so that a property can assert that {@code ALLOW}, {@code
 * EXPLICIT_DENY} and {@code IMPLICIT_DENY} each occurred a fair share of the time, and no law
 * passes on implicit denies alone.
 */
final class DecisionPreservingLaw {
  private final Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
  private int total;

  /** Asserts that {@code output} decides every request as {@code inputs} do together. */
  void check(List<PolicyDocument> inputs, PolicyDocument output, List<Request> requests) {
    PolicyEvaluator expected = PolicyEvaluator.of(inputs);
    PolicyEvaluator actual = PolicyEvaluator.of(output);
    for (Request request : requests) {
      Decision decision = expected.decide(request);
      assertThat(actual.decide(request)).as("decision for %s", request).isEqualTo(decision);
      counts.merge(decision, 1, Integer::sum);
      total++;
    }
  }

  /** Asserts that each decision made up at least {@code share} of the requests checked. */
  void assertEachDecisionOccurred(double share) {
    for (Decision decision : Decision.values()) {
      assertThat(counts.getOrDefault(decision, 0))
          .as("%s among %d decisions %s", decision, total, counts)
          .isGreaterThanOrEqualTo((int) (total * share));
    }
  }
}
