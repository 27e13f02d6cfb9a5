package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.merge.internal.CanonicalEngine;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.testing.RequestGenerators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Merges groups of real policies from the shared corpus (consecutive groups of managed policies by
 * file name, and all key policies at once) and checks that each merge decides, on requests drawn
 * from every input, as the inputs did together, and never has more statements than they had.
 */
class PolicyMergerCorpusTest {
  /** Managed policies per merge. */
  private static final int GROUP = 50;

  /** Requests drawn from each input of a merge. */
  private static final int REQUESTS =
      Math.max(3, Integer.getInteger("policysmith.examples", 2000) / 400);

  /** Managed groups stop once this much time has gone (about 60 s on a 2-core machine). */
  private static final long BUDGET_MILLIS = Long.getLong("policysmith.corpusMergeMillis", 45_000L);

  private static List<Path> corpus(String folder) throws IOException {
    String root = System.getProperty("policysmith.corpus");
    if (root == null || !Files.isDirectory(Path.of(root, folder))) {
      Assumptions.abort(
          "The shared corpus folder " + folder + " is absent (policysmith.corpus=" + root + ")");
    }
    try (Stream<Path> files = Files.list(Path.of(root, folder))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static List<PolicyDocument> read(List<Path> files) throws IOException {
    List<PolicyDocument> documents = new ArrayList<>();
    for (Path file : files) {
      documents.add(PolicyReader.strict().read(file));
    }
    return documents;
  }

  /**
   * Sids take no part in decisions, and real policies reuse them ("Enable IAM User Permissions"),
   * so inputs are merged without them.
   */
  private static PolicyDocument withoutSids(PolicyDocument document) {
    List<Statement> statements = new ArrayList<>();
    for (Statement statement : document.statements()) {
      statements.add(statement.toBuilder().sid(Optional.empty()).build());
    }
    return document.toBuilder().statements(statements).build();
  }

  /** Merges {@code inputs}, checks both laws and returns {statements before, after, unproven}. */
  private static int[] mergeAndCheck(String label, List<PolicyDocument> inputs) {
    List<PolicyDocument> stripped =
        inputs.stream().map(PolicyMergerCorpusTest::withoutSids).toList();
    CanonicalEngine.Outcome outcome = CanonicalEngine.mergeWithOutcome(stripped, false, false);
    PolicyDocument merged = outcome.document();
    assertThat(PolicyMerger.merge(stripped, MergeOptions.DEFAULTS).document())
        .as("%s: the public merge", label)
        .isEqualTo(merged);
    PolicyEvaluator expected = PolicyEvaluator.of(inputs);
    PolicyEvaluator actual = PolicyEvaluator.of(merged);
    for (PolicyDocument input : inputs) {
      qt().withExamples(REQUESTS)
          .forAll(RequestGenerators.requestsFor(input))
          .checkAssert(
              r ->
                  assertThat(actual.decide(r))
                      .as("%s: %s", label, r)
                      .isEqualTo(expected.decide(r)));
    }
    int before = inputs.stream().mapToInt(d -> d.statements().size()).sum();
    int after = merged.statements().size();
    assertThat(after)
        .as("%s: statements after merging %d", label, before)
        .isLessThanOrEqualTo(before);
    return new int[] {before, after, outcome.minimal() ? 0 : 1};
  }

  @Test
  void merge_consecutiveGroupsOfManagedPolicies_decideAsTheInputs(TestReporter reporter)
      throws IOException {
    List<Path> files = corpus("managed");
    long start = System.nanoTime();
    int groups = 0;
    int before = 0;
    int after = 0;
    int unproven = 0;
    for (int from = 0; from < files.size(); from += GROUP) {
      if ((System.nanoTime() - start) / 1_000_000 > BUDGET_MILLIS) {
        break;
      }
      List<Path> group = files.subList(from, Math.min(files.size(), from + GROUP));
      String label =
          "managed "
              + group.get(0).getFileName()
              + ".."
              + group.get(group.size() - 1).getFileName();
      int[] counts = mergeAndCheck(label, read(group));
      reporter.publishEntry(
          label, counts[0] + " statements before, " + counts[1] + " after merging");
      groups++;
      before += counts[0];
      after += counts[1];
      unproven += counts[2];
    }
    reporter.publishEntry(
        "managed merges",
        groups
            + " groups of "
            + GROUP
            + ": "
            + before
            + " statements before, "
            + after
            + " after; "
            + unproven
            + " not proven minimal");
    assertThat(groups).as("groups merged within the time budget").isPositive();
    assertThat(after).as("statements after merging %d groups", groups).isLessThanOrEqualTo(before);
  }

  @Test
  void merge_allKeyPolicies_decidesAsTheInputs(TestReporter reporter) throws IOException {
    List<Path> files = corpus("keypolicies");
    int[] counts = mergeAndCheck("all " + files.size() + " key policies", read(files));
    reporter.publishEntry(
        "key policies",
        files.size()
            + " documents: "
            + counts[0]
            + " statements before, "
            + counts[1]
            + " after merging"
            + (counts[2] == 1 ? " (not proven minimal)" : ""));
    assertThat(counts[1]).isLessThanOrEqualTo(counts[0]);
  }
}
