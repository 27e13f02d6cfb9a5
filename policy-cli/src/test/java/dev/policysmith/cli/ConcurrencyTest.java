package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.merge.Canonicalizer;
import dev.policysmith.merge.PolicyMerger;
import dev.policysmith.merge.SidConflictException;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import dev.policysmith.model.validate.PolicyKind;
import dev.policysmith.model.validate.PolicyValidator;
import dev.policysmith.model.validate.ValidationOptions;
import dev.policysmith.testing.PoliciesWithRequests;
import dev.policysmith.testing.RequestGenerators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The reader, both writers, the evaluator, the validator, the canonicalizer and the merger used
 * from 8 threads at once on shared instances give exactly what they give on one thread. Each entry
 * type says in its javadoc that it is immutable or stateless and thread-safe; this test holds them
 * to it (it lives here because every module is on this module's test class path).
 *
 * <p>{@code assertTimeoutPreemptively} is a hang detector (a deadlock fails the test instead of
 * stopping the build), not a performance check.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int SAMPLES = 200;
  private static final PolicyReader READER = PolicyReader.strict();
  private static final PolicyWriter LOSSLESS = PolicyWriter.lossless();
  private static final PolicyWriter CANONICAL = PolicyWriter.canonical();
  private static final PolicyValidator VALIDATOR = PolicyValidator.standard();
  private static final ValidationOptions KEY =
      ValidationOptions.builder().kind(PolicyKind.KEY).build();

  /** One sample with its evaluator, built once and shared by every thread. */
  private record Shared(PoliciesWithRequests sample, String json, PolicyEvaluator evaluator) {}

  @Test
  void everyEntryPoint_from8ThreadsOnSharedInstances_givesTheSingleThreadedResults()
      throws Exception {
    List<Shared> shared = new ArrayList<>();
    qt().withFixedSeed(20_261_129L)
        .withExamples(SAMPLES)
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample ->
                shared.add(
                    new Shared(
                        sample,
                        LOSSLESS.writeToString(sample.policy()),
                        PolicyEvaluator.of(sample.policies()))));
    assertThat(shared).hasSize(SAMPLES);

    List<String> expected = new ArrayList<>();
    for (Shared sample : shared) {
      expected.add(results(sample));
    }

    List<String>[] actual =
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> runConcurrently(shared));

    for (List<String> perThread : actual) {
      assertThat(perThread).containsExactlyElementsOf(expected);
    }
    assertThat(String.join("\n", expected)).contains("ALLOW").contains("IMPLICIT_DENY");
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] runConcurrently(List<Shared> shared) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t * SAMPLES / THREADS;
        Callable<List<String>> task =
            () -> {
              start.await();
              // Each thread starts at another sample so that threads meet on different inputs.
              String[] out = new String[shared.size()];
              for (int k = 0; k < shared.size(); k++) {
                int i = (k + offset) % shared.size();
                out[i] = results(shared.get(i));
              }
              return List.of(out);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<String>[] results = new List[THREADS];
      for (int t = 0; t < THREADS; t++) {
        results[t] = futures.get(t).get();
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Everything each entry point says about one sample, as one comparable string. */
  private static String results(Shared shared) {
    PoliciesWithRequests sample = shared.sample();
    List<String> out = new ArrayList<>();
    PolicyDocument read = READER.read(shared.json());
    out.add(String.valueOf(read.equals(sample.policy())));
    out.add(LOSSLESS.writeToString(read));
    out.add(CANONICAL.writeToString(read));
    for (Request request : sample.requests()) {
      out.add(shared.evaluator().decide(request).toString());
    }
    out.add(VALIDATOR.validate(read, KEY).toString());
    out.add(CANONICAL.writeToString(Canonicalizer.canonicalize(read)));
    try {
      out.add(
          CANONICAL.writeToString(
              PolicyMerger.merge(sample.policies().toArray(PolicyDocument[]::new)).document()));
    } catch (SidConflictException e) {
      out.add("SidConflictException: " + e.getMessage());
    }
    return String.join("\n", out);
  }
}
