package dev.policysmith.model.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * Every key policy of the shared corpus validates without a crash; findings are counted per code.
 */
class KeyPolicyValidationCorpusTest {

  private static Path keyPolicies() {
    String corpus = System.getProperty("policysmith.corpus");
    if (corpus == null) {
      Assumptions.abort(
          "policysmith.corpus is not set: run through Maven to validate the corpus key policies");
    }
    Path folder = Path.of(corpus, "keypolicies");
    if (!Files.isDirectory(folder)) {
      Assumptions.abort("No corpus key policies at " + folder + ": skipped");
    }
    return folder;
  }

  @Test
  void validate_everyCorpusKeyPolicy_answersWithFindingsAndNeverThrows(TestReporter reporter)
      throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(keyPolicies())) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();

    Map<FindingCode, Integer> counts = new EnumMap<>(FindingCode.class);
    for (Path file : files) {
      String json = Files.readString(file, StandardCharsets.UTF_8);
      assertThatCode(
              () -> {
                List<Finding> findings =
                    PolicyValidator.standard().validate(json, ValidationOptions.of(PolicyKind.KEY));
                for (Finding finding : findings) {
                  assertThat(finding.pointer()).as(file.toString()).matches("|(/[^/]*)+");
                  counts.merge(finding.code(), 1, Integer::sum);
                }
              })
          .as(file.getFileName().toString())
          .doesNotThrowAnyException();
    }

    reporter.publishEntry("key policies validated", String.valueOf(files.size()));
    counts.forEach((code, count) -> reporter.publishEntry(code.name(), String.valueOf(count)));
    // Real key policies are mostly readable; a corpus that did not parse at all would be a reader
    // bug.
    assertThat(counts.getOrDefault(FindingCode.MALFORMED_DOCUMENT, 0)).isLessThan(files.size());
  }
}
