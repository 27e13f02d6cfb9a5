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

  /** Documents of up to 40 overlapping statements take a cover search each: half as many tries. */
  private static final int OVERLAPPING = Math.max(100, EXAMPLES / 2);

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
   * Canonical output never has more statements than the input, on every try. {@code Cover} proves
   * it wherever its exact search finishes; the tries where it did not are counted and must stay
   * rare on these small documents.
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
              assertThat(after)
                  .as("statements of %s", outcome.document())
                  .isLessThanOrEqualTo(before);
              unproven[0] += outcome.minimal() ? 0 : 1;
              shrunk[0] += after < before ? 1 : 0;
            });
    assertThat(unproven[0])
        .as("tries outside the exact search")
        .isLessThanOrEqualTo(EXAMPLES / 100);
    assertThat(shrunk[0]).as("tries that lost statements").isGreaterThan(EXAMPLES / 10);
  }

  /**
   * The statement-count and decision laws on documents whose statements overlap on purpose (the
   * case where a regrouping alone once needed more statements than the input had), with Deny beside
   * Allow and account ids beside root ARNs.
   */
  @Test
  void canonicalizeOverlappingStatements_decidesAlikeWithNoMoreStatements() {
    DecisionPreservingLaw law = new DecisionPreservingLaw();
    int[] shrunk = new int[1];
    qt().withExamples(OVERLAPPING)
        .forAll(
            RequestGenerators.policiesWithRequests(
                PolicyGenerators.overlappingDocuments(), 1, 1, 10))
        .checkAssert(
            sample -> {
              PolicyDocument canonical = Canonicalizer.canonicalize(sample.policy());
              assertThat(canonical.statements().size())
                  .as("statements of %s", canonical)
                  .isLessThanOrEqualTo(sample.policy().statements().size());
              shrunk[0] +=
                  canonical.statements().size() < sample.policy().statements().size() ? 1 : 0;
              law.check(sample.policies(), canonical, sample.requests());
            });
    assertThat(shrunk[0]).as("tries that lost statements").isGreaterThan(OVERLAPPING / 2);
    // Allow, explicit Deny and implicit deny must all be seen, or the law proves little.
    law.assertEachDecisionOccurred(0.05);
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
