package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.testing.JsonMutations;
import dev.policysmith.testing.MutatedJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Fuzzes the strict reader with {@link JsonMutations}: generated documents and, where the shared
 * corpus is present, real managed and key policies, each broken by a few drawn mutations (flipped
 * bits, deleted, duplicated and swapped tokens, random bytes, deep nesting, huge strings and
 * numbers, BOMs, invalid UTF-8, NUL, surrogate halves, key case, repeated keys). For every input,
 * read as bytes and as a {@code String}, reading either succeeds, and then the lossless writing of
 * the document reads back equal, or throws {@link PolicyParseException} with a pointer, a line and
 * a column, never anything else.
 *
 * <p>Each read runs under {@code assertTimeoutPreemptively} with a bound of {@value #HANG_SECONDS}
 * seconds: a hang detector that turns an endless or exponential read into a failure, not a
 * performance check (a read takes milliseconds).
 *
 * <p>{@code mvn -B verify} runs a few thousand inputs. A long local run:
 *
 * <pre>
 * mvn -B verify -pl policy-testing -am -Dtest=PolicyReaderFuzzProperties \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpolicysmith.examples=200000
 * </pre>
 */
class PolicyReaderFuzzProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);
  private static final int HANG_SECONDS = 10;
  private static final Duration HANG = Duration.ofSeconds(HANG_SECONDS);
  private static final PolicyReader READER = PolicyReader.strict();
  private static final PolicyWriter LOSSLESS = PolicyWriter.lossless();

  @Test
  void read_mutatedGeneratedBytes_readsAndRoundTripsOrFailsWithAPlace() {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    qt().withExamples(EXAMPLES)
        .forAll(JsonMutations.mutations(JsonMutations.generatedPolicies()))
        .checkAssert(
            input -> seen.merge(check(input, in -> READER.read(in.bytes())), 1, Integer::sum));
    assertThat(seen).containsKeys("read", "rejected");
  }

  @Test
  void read_mutatedGeneratedText_readsAndRoundTripsOrFailsWithAPlace() {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    qt().withExamples(Math.max(100, EXAMPLES / 2))
        .forAll(JsonMutations.mutations(JsonMutations.generatedPolicies()))
        .checkAssert(
            input -> {
              seen.merge(check(input, in -> READER.read(in.text())), 1, Integer::sum);
              input.mutations().forEach(mutation -> seen.merge(mutation, 1, Integer::sum));
            });
    assertThat(seen).containsKeys("read", "rejected");
    assertThat(JsonMutations.NAMES).filteredOn(name -> !seen.containsKey(name)).isEmpty();
  }

  /**
   * The reader parses ASCII bytes without making a string of them first; every outcome must be the
   * one reading the same text gives: an equal document, or the same error at the same place.
   */
  @Test
  void read_mutatedAsciiBytes_decidesExactlyAsReadingTheText() {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    qt().withExamples(EXAMPLES)
        .forAll(JsonMutations.mutations(JsonMutations.generatedPolicies()))
        .checkAssert(
            input -> {
              if (!isAscii(input.bytes())) {
                // Other bytes take the text path itself; skipped here rather than assumed away,
                // since QuickTheories gives up when too many tries fail an assumption.
                seen.merge("not ascii", 1, Integer::sum);
                return;
              }
              Object fromBytes = outcome(() -> READER.read(input.bytes()));
              Object fromText = outcome(() -> READER.read(input.text()));
              assertThat(fromBytes).as("%s", input).isEqualTo(fromText);
              seen.merge(
                  fromBytes instanceof PolicyDocument ? "read" : "rejected", 1, Integer::sum);
            });
    assertThat(seen).containsKeys("read", "rejected");
    assertThat(seen.get("read") + seen.get("rejected"))
        .as("ASCII tries")
        .isGreaterThan(EXAMPLES / 10);
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Returns the document read, or the error's message and place as one comparable string. */
  private static Object outcome(java.util.function.Supplier<PolicyDocument> read) {
    try {
      return read.get();
    } catch (PolicyParseException e) {
      return e.getMessage() + " @" + e.pointer() + " " + e.line() + ":" + e.column();
    }
  }

  @Test
  void read_mutatedCorpusDocuments_readsAndRoundTripsOrFailsWithAPlace() throws IOException {
    List<Path> corpus = corpusFiles();
    Gen<byte[]> seeds = Generate.pick(corpus).map(PolicyReaderFuzzProperties::bytes);
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    qt().withExamples(Math.max(100, EXAMPLES / 2))
        .forAll(JsonMutations.mutations(seeds))
        .checkAssert(
            input -> {
              seen.merge(check(input, in -> READER.read(in.bytes())), 1, Integer::sum);
              seen.merge(check(input, in -> READER.read(in.text())), 1, Integer::sum);
            });
    assertThat(seen).containsKeys("read", "rejected");
  }

  /**
   * Reads {@code input} one way and checks the outcome; returns {@code read} or {@code rejected}
   * for the coverage check.
   */
  private static String check(MutatedJson input, Function<MutatedJson, PolicyDocument> read) {
    AtomicReference<PolicyDocument> document = new AtomicReference<>();
    Throwable thrown =
        catchThrowable(
            () ->
                document.set(
                    assertTimeoutPreemptively(HANG, () -> read.apply(input), "hang detector")));
    if (thrown != null) {
      assertIsParseExceptionWithPlace(thrown);
      return "rejected";
    }
    byte[] written = LOSSLESS.toBytes(document.get());
    if (written.length > PolicyReader.MAX_DOCUMENT_BYTES) {
      // The limit is on input; indenting a document close to it can pass it (documented on
      // PolicyReader and in ReaderLimitsTest).
      assertThat(catchThrowable(() -> READER.read(written)))
          .isExactlyInstanceOf(PolicyParseException.class)
          .hasMessageContaining("Document must be at most");
    } else {
      assertThat(READER.read(written)).isEqualTo(document.get());
    }
    return "read";
  }

  private static void assertIsParseExceptionWithPlace(Throwable thrown) {
    assertThat(thrown).isExactlyInstanceOf(PolicyParseException.class);
    PolicyParseException e = (PolicyParseException) thrown;
    assertThat(e.pointer())
        .isNotNull()
        .matches(p -> p.isEmpty() || p.startsWith("/"), "is empty or starts with /");
    assertThat(e.line()).isGreaterThanOrEqualTo(1);
    assertThat(e.column()).isGreaterThanOrEqualTo(1);
    assertThat(e.getMessage())
        .startsWith(e.line() + ":" + e.column() + ": ")
        .endsWith(")")
        .hasSizeLessThan(1_000)
        .doesNotContain("\n");
  }

  /** The managed and key policies of the shared corpus, or a visible skip when it is absent. */
  private static List<Path> corpusFiles() throws IOException {
    String property = System.getProperty("policysmith.corpus");
    List<Path> files = new ArrayList<>();
    if (property != null) {
      for (String kind : List.of("managed", "keypolicies")) {
        Path dir = Path.of(property, kind);
        if (Files.isDirectory(dir)) {
          try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
          }
        }
      }
    }
    if (files.isEmpty()) {
      Assumptions.abort(
          "No corpus documents under "
              + (property == null ? "(system property policysmith.corpus unset)" : property)
              + "/managed or /keypolicies; the generated-document fuzz properties still run");
    }
    return files;
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
