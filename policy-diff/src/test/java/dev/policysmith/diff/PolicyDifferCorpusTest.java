package dev.policysmith.diff;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Diffs the real consecutive versions of AWS managed policies under {@code
 * <policysmith.corpus>/pairs} and checks every example with the evaluator. Runs within a time
 * budget ({@code -Dpolicysmith.corpus.seconds}, default 30) so the build stays fast; the report
 * (pairs diffed, how many exactly, the slowest) goes into the assertion description.
 */
class PolicyDifferCorpusTest {
  @Test
  void diff_corpusPairs_examplesAreDecidedDifferently() throws IOException {
    String corpus = System.getProperty("policysmith.corpus");
    Path pairs = corpus == null ? null : Path.of(corpus, "pairs");
    if (pairs == null || !Files.isDirectory(pairs)) {
      Assumptions.abort("corpus pairs not found at " + pairs + " (set -Dpolicysmith.corpus)");
    }
    List<Path> olds;
    try (Stream<Path> files = Files.list(pairs)) {
      olds = files.filter(p -> p.getFileName().toString().endsWith(".old.json")).sorted().toList();
    }
    long budget = Long.getLong("policysmith.corpus.seconds", 30L) * 1_000_000_000L;
    long start = System.nanoTime();
    int diffed = 0;
    int exact = 0;
    long slowest = 0;
    String slowestName = "";
    List<String> unsound = new ArrayList<>();
    PolicyReader reader = PolicyReader.strict();
    for (Path old : olds) {
      if (System.nanoTime() - start > budget) {
        break;
      }
      Path fresh =
          old.resolveSibling(old.getFileName().toString().replace(".old.json", ".new.json"));
      PolicyDocument before = reader.read(old);
      PolicyDocument after = reader.read(fresh);
      long t0 = System.nanoTime();
      DiffResult result = PolicyDiffer.standard().diff(before, after);
      long took = System.nanoTime() - t0;
      diffed++;
      if (took > slowest) {
        slowest = took;
        slowestName = old.getFileName().toString();
      }
      if (!result.exact()) {
        continue;
      }
      exact++;
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
    String report =
        String.format(
            "%d of %d pairs diffed in budget, %d exact; slowest %s in %d ms",
            diffed, olds.size(), exact, slowestName, slowest / 1_000_000);
    assertThat(diffed).as(report).isPositive();
    assertThat(unsound).as(report).isEmpty();
  }
}
