package dev.policysmith.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.awssdk.UnrepresentablePolicyException.Reason;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;

/**
 * Converts every real policy of the shared corpus to the SDK's {@code IamPolicy} and back, and
 * through the SDK's own JSON, and checks that nothing changes; a document the SDK cannot hold must
 * fail with one of the named reasons that concern the SDK side.
 */
class IamPoliciesCorpusTest {
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
  void roundTrip_everyCorpusDocument_isEqualOrNamesWhatTheSdkCannotHold(
      String folder, TestReporter reporter) throws IOException {
    int converted = 0;
    Map<Reason, Integer> refused = new EnumMap<>(Reason.class);
    List<Path> files = corpus(folder);
    for (Path file : files) {
      PolicyDocument policy = PolicyReader.strict().read(file);
      IamPolicy sdk;
      try {
        sdk = IamPolicies.toIamPolicy(policy);
      } catch (UnrepresentablePolicyException e) {
        assertThat(e.reason())
            .as("%s: %s", file.getFileName(), e.getMessage())
            .isIn(
                Reason.MISSING_VERSION,
                Reason.NON_STRING_CONDITION_VALUE,
                Reason.EMPTY_ELEMENT,
                Reason.REPEATED_CONDITION);
        refused.merge(e.reason(), 1, Integer::sum);
        continue;
      }
      assertThat(IamPolicies.toPolicyDocument(sdk)).as("%s", file.getFileName()).isEqualTo(policy);
      assertThat(PolicyReader.strict().read(sdk.toJson()))
          .as("%s through the SDK's JSON", file.getFileName())
          .isEqualTo(policy);
      assertThat(IamPolicies.toPolicyDocument(IamPolicy.fromJson(sdk.toJson())))
          .as("%s through the SDK's reader", file.getFileName())
          .isEqualTo(policy);
      converted++;
    }
    reporter.publishEntry(
        folder, converted + " of " + files.size() + " round-trip; refused " + refused);
    assertThat(converted).isPositive();
  }
}
