package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.merge.internal.CanonicalEngine;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.testing.PolicyGenerators;
import dev.policysmith.testing.RequestGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyMergerProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /** Laws that merge several documents several times run a quarter as many tries. */
  private static final int EXPENSIVE = Math.max(100, EXAMPLES / 4);

  /** The outcome of a merge: its document, or empty when Sids conflict. */
  private static Optional<PolicyDocument> merged(PolicyDocument... documents) {
    try {
      return Optional.of(PolicyMerger.merge(documents).document());
    } catch (SidConflictException e) {
      return Optional.empty();
    }
  }

  private static PolicyDocument withoutSids(PolicyDocument document) {
    List<Statement> statements = new ArrayList<>();
    for (Statement statement : document.statements()) {
      statements.add(statement.toBuilder().sid(Optional.empty()).build());
    }
    return document.toBuilder().statements(statements).build();
  }

  @Test
  void mergeIsCommutative() {
    int[] merges = new int[1];
    qt().withExamples(EXPENSIVE)
        .forAll(PolicyGenerators.documents(), PolicyGenerators.documents())
        .checkAssert(
            (a, b) -> {
              Optional<PolicyDocument> ab = merged(a, b);
              assertThat(merged(b, a)).isEqualTo(ab);
              merges[0] += ab.isPresent() ? 1 : 0;
            });
    assertThat(merges[0]).as("merges without Sid conflict").isGreaterThan(EXPENSIVE / 5);
  }

  @Test
  void mergeIsAssociative() {
    int[] merges = new int[1];
    qt().withExamples(EXPENSIVE)
        .forAll(
            PolicyGenerators.documents(),
            PolicyGenerators.documents(),
            PolicyGenerators.documents())
        .checkAssert(
            (a, b, c) -> {
              Optional<PolicyDocument> left = merged(a, b).flatMap(ab -> merged(ab, c));
              Optional<PolicyDocument> right = merged(b, c).flatMap(bc -> merged(a, bc));
              assertThat(right).isEqualTo(left);
              // Associativity without Sids exercises every join, whatever the conflicts above.
              PolicyDocument x = withoutSids(a);
              PolicyDocument y = withoutSids(b);
              PolicyDocument z = withoutSids(c);
              assertThat(merged(x, merged(y, z).orElseThrow()))
                  .isEqualTo(merged(merged(x, y).orElseThrow(), z));
              merges[0] += left.isPresent() ? 1 : 0;
            });
    assertThat(merges[0]).as("merges without Sid conflict").isGreaterThan(EXPENSIVE / 10);
  }

  /**
   * A merge never has more statements than its inputs together, on every try; the tries where
   * {@code Cover}'s exact search did not finish are counted and must stay rare.
   */
  @Test
  void mergeNeverAddsStatements() {
    int[] unproven = new int[1];
    qt().withExamples(EXPENSIVE)
        .forAll(PolicyGenerators.documents(), PolicyGenerators.documents())
        .checkAssert(
            (a, b) -> {
              CanonicalEngine.Outcome outcome =
                  CanonicalEngine.mergeWithOutcome(
                      List.of(withoutSids(a), withoutSids(b)), false, false);
              assertThat(outcome.document().statements().size())
                  .isLessThanOrEqualTo(a.statements().size() + b.statements().size());
              unproven[0] += outcome.minimal() ? 0 : 1;
            });
    assertThat(unproven[0])
        .as("tries outside the exact search")
        .isLessThanOrEqualTo(EXPENSIVE / 50);
  }

  /** The same law for two documents of overlapping statements. */
  @Test
  void mergeOfOverlappingDocumentsNeverAddsStatements() {
    qt().withExamples(EXPENSIVE)
        .forAll(
            PolicyGenerators.overlappingDocuments(2, 20),
            PolicyGenerators.overlappingDocuments(2, 20))
        .checkAssert(
            (a, b) ->
                assertThat(PolicyMerger.merge(a, b).document().statements().size())
                    .isLessThanOrEqualTo(a.statements().size() + b.statements().size()));
  }

  @Test
  void mergeOfSelfIsCanonical() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            p ->
                assertThat(PolicyMerger.merge(p, p).document())
                    .isEqualTo(Canonicalizer.canonicalize(p)));
  }

  @Test
  void mergePreservesDecisions() {
    DecisionPreservingLaw law = new DecisionPreservingLaw();
    qt().withExamples(EXPENSIVE)
        .forAll(RequestGenerators.policiesWithRequests(PolicyGenerators.documents(), 2, 3, 10))
        .checkAssert(
            sample -> {
              PolicyDocument[] inputs = sample.policies().toArray(PolicyDocument[]::new);
              // Sids do not take part in decisions: where they conflict, merge the same grants
              // without them.
              PolicyDocument output =
                  merged(inputs)
                      .orElseGet(
                          () ->
                              merged(
                                      sample.policies().stream()
                                          .map(PolicyMergerProperties::withoutSids)
                                          .toArray(PolicyDocument[]::new))
                                  .orElseThrow());
              law.check(sample.policies(), output, sample.requests());
            });
    law.assertEachDecisionOccurred(0.1);
  }

  @Test
  void addStatementsIsIdempotent() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents(), PolicyGenerators.documents())
        .checkAssert(
            (document, source) -> {
              PolicyDocument once =
                  PolicyMerger.addStatements(document, source.statements(), AddMode.REPLACE);
              assertThat(PolicyMerger.addStatements(once, source.statements(), AddMode.REPLACE))
                  .isEqualTo(once);
            });
  }

  @Test
  void addStatementsDecidesAsDocumentPlusStatements() {
    DecisionPreservingLaw law = new DecisionPreservingLaw();
    int[] edits = new int[1];
    qt().withExamples(EXPENSIVE)
        .forAll(RequestGenerators.policiesWithRequests(PolicyGenerators.documents(), 2, 2, 10))
        .checkAssert(
            sample -> {
              PolicyDocument document = sample.policies().get(0);
              // The added statements are read in the document's Version, as they will be once
              // added.
              PolicyDocument statements =
                  sample.policies().get(1).toBuilder().version(document.version()).build();
              PolicyDocument edited;
              try {
                edited =
                    PolicyMerger.addStatements(
                        document, statements.statements(), AddMode.FAIL_ON_CONFLICT);
              } catch (SidConflictException e) {
                return;
              }
              edits[0]++;
              law.check(List.of(document, statements), edited, sample.requests());
            });
    assertThat(edits[0]).isGreaterThan(EXPENSIVE / 5);
    law.assertEachDecisionOccurred(0.05);
  }
}
