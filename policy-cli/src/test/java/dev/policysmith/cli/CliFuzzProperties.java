package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.testing.JsonMutations;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@code policysmith format -} and {@code policysmith validate -} with the mutated documents
 * of {@link JsonMutations}, through {@link Main#run} with in-memory streams: the exit code is 0, 1
 * or 2; on 2 nothing is printed on standard output and standard error holds one line, {@code
 * <stdin>:LINE:COLUMN: PROBLEM (at POINTER)}, never a stack trace or an internal error.
 *
 * <p>Each run is under a {@value #HANG_SECONDS}-second {@code assertTimeoutPreemptively}, a hang
 * detector rather than a performance check. A longer run: {@code mvn -B verify -pl policy-cli -am
 * -Dtest=CliFuzzProperties -Dsurefire.failIfNoSpecifiedTests=false -Dpolicysmith.examples=20000}.
 */
class CliFuzzProperties {
  private static final int EXAMPLES =
      Math.max(50, Integer.getInteger("policysmith.examples", 2000) / 8);
  private static final int HANG_SECONDS = 10;
  private static final Duration HANG = Duration.ofSeconds(HANG_SECONDS);
  private static final String PARSE_ERROR = "<stdin>:\\d+:\\d+: .+ \\(at /.*\\)";

  private record Run(int exitCode, String out, String err) {}

  private static Run run(byte[] stdin, String... args) {
    return assertTimeoutPreemptively(
        HANG,
        () -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          ByteArrayOutputStream err = new ByteArrayOutputStream();
          int code =
              Main.run(
                  args,
                  new ByteArrayInputStream(stdin),
                  new PrintStream(out, true, StandardCharsets.UTF_8),
                  new PrintStream(err, true, StandardCharsets.UTF_8));
          return new Run(
              code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        },
        "hang detector");
  }

  @Test
  void format_mutatedDocument_printsItOrOneParseErrorLine() {
    Map<Integer, Integer> codes = new ConcurrentHashMap<>();
    qt().withExamples(EXAMPLES)
        .forAll(JsonMutations.mutations(JsonMutations.generatedPolicies()))
        .checkAssert(
            input -> {
              Run run = run(input.bytes(), "format", "-");
              codes.merge(run.exitCode(), 1, Integer::sum);
              assertThat(run.exitCode()).isIn(0, 2);
              if (run.exitCode() == 0) {
                assertThat(run.err()).isEmpty();
                assertThat(PolicyReader.strict().read(run.out()))
                    .isEqualTo(PolicyReader.strict().read(input.bytes()));
              } else {
                assertOneParseErrorLine(run);
              }
            });
    assertThat(codes).containsKeys(0, 2);
  }

  @Test
  void validate_mutatedDocument_printsFindingsOrOneParseErrorLine() {
    Map<Integer, Integer> codes = new ConcurrentHashMap<>();
    qt().withExamples(EXAMPLES)
        .forAll(JsonMutations.mutations(JsonMutations.generatedPolicies()))
        .checkAssert(
            input -> {
              Run run = run(input.bytes(), "validate", "-");
              codes.merge(run.exitCode(), 1, Integer::sum);
              assertThat(run.exitCode()).isIn(0, 1, 2);
              assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
              if (run.exitCode() == 2) {
                assertOneParseErrorLine(run);
              } else {
                assertThat(run.err()).isEmpty();
              }
            });
    assertThat(codes).containsKeys(2);
    assertThat(codes.keySet()).containsAnyOf(0, 1);
  }

  private static void assertOneParseErrorLine(Run run) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("internal error");
    assertThat(run.err().lines())
        .hasSize(1)
        .allSatisfy(line -> assertThat(line).matches(PARSE_ERROR));
  }
}
