package dev.policysmith.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.merge.Canonicalizer;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.json.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Diffs the real consecutive versions of AWS managed policies under {@code
 * <policysmith.corpus>/pairs}, checking every example with the evaluator, and every managed policy
 * under {@code <policysmith.corpus>/managed} against its canonical form, which must be equivalent
 * wherever the diff is exact. Each test runs within a time budget ({@code
 * -Dpolicysmith.corpus.seconds}, default 30) so the build stays fast; the report (documents diffed,
 * how many exactly, the slowest) goes to the test reporter and into every assertion description.
 */
class PolicyDifferCorpusTest {
  private static final long BUDGET =
      Long.getLong("policysmith.corpus.seconds", 30L) * 1_000_000_000L;

  /** Counts diffs and remembers the slowest. */
  private static final class Tally {
    private final String what;
    private final int total;
    private int diffed;
    private int exact;
    private long slowest;
    private String slowestName = "";

    Tally(String what, int total) {
      this.what = what;
      this.total = total;
    }

    void record(String name, long nanos, boolean wasExact) {
      diffed++;
      exact += wasExact ? 1 : 0;
      if (nanos > slowest) {
        slowest = nanos;
        slowestName = name;
      }
    }

    /**
     * Fails when fewer than 99% of the documents diffed were decided exactly: 399 of 400 pairs and
     * 1,518 of 1,522 managed policies are, and an engine change that gave up exactness on real
     * policies (112 pairs were inexact before set operators and policy variables were decided) must
     * not pass unnoticed. Counted over the documents diffed, so a slow machine that stops at the
     * budget asks the same.
     */
    void assertMostlyExact() {
      assertThat(exact).as(report()).isGreaterThanOrEqualTo((int) Math.ceil(diffed * 0.99));
    }

    String report() {
      return String.format(
          "%d of %d %s diffed in budget, %d exact; slowest %s in %d ms",
          diffed, total, what, exact, slowestName, slowest / 1_000_000);
    }
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    String corpus = System.getProperty("policysmith.corpus");
    Path dir = corpus == null ? null : Path.of(corpus, folder);
    if (dir == null || !Files.isDirectory(dir)) {
      Assumptions.abort(
          "corpus " + folder + " not found at " + dir + " (set -Dpolicysmith.corpus)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void diff_corpusPairs_examplesAreDecidedDifferently(TestReporter reporter) throws IOException {
    List<Path> olds = files("pairs", ".old.json");
    Tally tally = new Tally("pairs", olds.size());
    List<String> unsound = new ArrayList<>();
    PolicyReader reader = PolicyReader.strict();
    long start = System.nanoTime();
    for (Path old : olds) {
      if (System.nanoTime() - start > BUDGET) {
        break;
      }
      Path fresh =
          old.resolveSibling(old.getFileName().toString().replace(".old.json", ".new.json"));
      PolicyDocument before = reader.read(old);
      PolicyDocument after = reader.read(fresh);
      long t0 = System.nanoTime();
      DiffResult result = PolicyDiffer.standard().diff(before, after);
      tally.record(old.getFileName().toString(), System.nanoTime() - t0, result.exact());
      if (!result.exact()) {
        continue;
      }
      PolicyEvaluator was = PolicyEvaluator.of(before);
      PolicyEvaluator is = PolicyEvaluator.of(after);
      for (Change change : result.added()) {
        if (was.decide(change.example()) == Decision.ALLOW
            || is.decide(change.example()) != Decision.ALLOW) {
          unsound.add(old.getFileName() + ": " + change.example());
        }
      }
      for (Change change : result.removed()) {
        if (was.decide(change.example()) != Decision.ALLOW
            || is.decide(change.example()) == Decision.ALLOW) {
          unsound.add(old.getFileName() + ": " + change.example());
        }
      }
    }
    reporter.publishEntry("pairs", tally.report());
    // Surefire does not show reporter entries; the build log should.
    System.out.println("[diff corpus] " + tally.report());
    tally.assertMostlyExact();
    assertThat(tally.diffed).as(tally.report()).isPositive();
    assertThat(unsound).as(tally.report()).isEmpty();
  }

  @Test
  void diff_managedPolicyAgainstCanonicalForm_isEquivalentWhereExact(TestReporter reporter)
      throws IOException {
    List<Path> policies = files("managed", ".json");
    Tally tally = new Tally("managed policies", policies.size());
    List<String> different = new ArrayList<>();
    PolicyReader reader = PolicyReader.strict();
    long start = System.nanoTime();
    for (Path file : policies) {
      if (System.nanoTime() - start > BUDGET) {
        break;
      }
      PolicyDocument policy = reader.read(file);
      PolicyDocument canonical = Canonicalizer.canonicalize(policy);
      long t0 = System.nanoTime();
      DiffResult result = PolicyDiffer.standard().diff(policy, canonical);
      tally.record(file.getFileName().toString(), System.nanoTime() - t0, result.exact());
      boolean equivalent =
          result.verdict() == Verdict.EQUIVALENT
              && result.added().isEmpty()
              && result.removed().isEmpty();
      if (result.exact() != equivalent) {
        different.add(file.getFileName() + ": " + result.verdict());
      }
    }
    reporter.publishEntry("managed", tally.report());
    // Surefire does not show reporter entries; the build log should.
    System.out.println("[diff corpus] " + tally.report());
    tally.assertMostlyExact();
    assertThat(tally.diffed).as(tally.report()).isPositive();
    assertThat(different).as(tally.report()).isEmpty();
  }
}
