package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.merge.internal.CanonicalEngine;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyWriter;
import dev.policysmith.testing.PolicyGenerators;
import dev.policysmith.testing.RequestGenerators;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalizerProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /** Laws that canonicalise twice or evaluate many requests run a quarter as many tries. */
  private static final int EXPENSIVE = Math.max(100, EXAMPLES / 4);

  @Test
  void canonicalizeIsIdempotent() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            policy -> {
              PolicyDocument once = Canonicalizer.canonicalize(policy);
              assertThat(Canonicalizer.canonicalize(once)).isEqualTo(once);
            });
  }

  /**
   * Canonical output never has more statements than the input. {@code Cover} proves it wherever it
   * finds a minimum cover; the law is checked there, and the tries where the exact search was out
   * of bounds (large connected components) are counted and must stay rare.
   */
  @Test
  void canonicalizeNeverAddsStatements() {
    int[] unproven = new int[1];
    int[] shrunk = new int[1];
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            policy -> {
              CanonicalEngine.Outcome outcome =
                  CanonicalEngine.mergeWithOutcome(List.of(policy), false, false);
              int before = policy.statements().size();
              int after = outcome.document().statements().size();
              if (!outcome.minimal()) {
                unproven[0]++;
                return;
              }
              assertThat(after)
                  .as("statements of %s", outcome.document())
                  .isLessThanOrEqualTo(before);
              shrunk[0] += after < before ? 1 : 0;
            });
    assertThat(unproven[0])
        .as("tries outside the exact search")
        .isLessThanOrEqualTo(EXAMPLES / 100);
    assertThat(shrunk[0]).as("tries that lost statements").isGreaterThan(EXAMPLES / 10);
  }

  @Test
  void canonicalizePreservesDecisions() {
    DecisionPreservingLaw law = new DecisionPreservingLaw();
    qt().withExamples(EXAMPLES / 2)
        .forAll(RequestGenerators.policiesWithRequests(PolicyGenerators.documents(), 1, 1, 10))
        .checkAssert(
            sample ->
                law.check(
                    sample.policies(),
                    Canonicalizer.canonicalize(sample.policy()),
                    sample.requests()));
    law.assertEachDecisionOccurred(0.1);
  }

  @Test
  void equalCanonicalFormsWriteIdenticalBytes() {
    qt().withExamples(EXPENSIVE)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            policy -> {
              PolicyDocument a = Canonicalizer.canonicalize(policy);
              PolicyDocument b = Canonicalizer.canonicalize(Scrambler.scrambled(policy));
              assertThat(b).isEqualTo(a);
              assertThat(PolicyWriter.canonical().toBytes(b))
                  .isEqualTo(PolicyWriter.canonical().toBytes(a));
            });
  }

  @Test
  void canonicalFormIsIndependentOfLayout() {
    qt().withExamples(EXPENSIVE)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            policy ->
                assertThat(Canonicalizer.canonicalize(Scrambler.scrambled(policy)))
                    .isEqualTo(
                        PolicyMerger.merge(List.of(policy), MergeOptions.DEFAULTS).document()));
  }
}
