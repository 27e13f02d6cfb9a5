package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.testing.RequestGenerators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canonicalises every real policy of the shared corpus and checks that it decides alike. */
class CanonicalizerCorpusTest {
  private static final int REQUESTS =
      Math.max(5, Integer.getInteger("policysmith.examples", 2000) / 200);

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

  @ParameterizedTest
  @ValueSource(strings = {"managed", "keypolicies"})
  void canonicalize_everyCorpusDocument_decidesAsTheOriginal(String folder, TestReporter reporter)
      throws IOException {
    int before = 0;
    int after = 0;
    List<String> grown = new ArrayList<>();
    for (Path file : corpus(folder)) {
      PolicyDocument policy = PolicyReader.strict().read(file);
      PolicyDocument canonical = Canonicalizer.canonicalize(policy);
      assertThat(Canonicalizer.canonicalize(canonical))
          .as("%s canonical twice", file)
          .isEqualTo(canonical);
      PolicyEvaluator original = PolicyEvaluator.of(policy);
      PolicyEvaluator rewritten = PolicyEvaluator.of(canonical);
      qt().withExamples(REQUESTS)
          .forAll(RequestGenerators.requestsFor(policy))
          .checkAssert(
              r ->
                  assertThat(rewritten.decide(r))
                      .as("%s: %s", file.getFileName(), r)
                      .isEqualTo(original.decide(r)));
      before += policy.statements().size();
      after += canonical.statements().size();
      if (canonical.statements().size() > policy.statements().size()) {
        grown.add(file.getFileName().toString());
      }
    }
    reporter.publishEntry(
        folder + " statements", before + " before, " + after + " after canonicalising");
    reporter.publishEntry(
        folder + " documents with more statements after", grown.size() + " " + grown);
    assertThat(after).isLessThanOrEqualTo(before);
  }
}
