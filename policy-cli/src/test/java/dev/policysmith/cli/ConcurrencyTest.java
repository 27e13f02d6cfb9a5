package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.diff.Change;
import dev.policysmith.diff.DiffResult;
import dev.policysmith.diff.PolicyDiffer;
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
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The reader, both writers, the evaluator, the validator, the canonicalizer, the merger and the
 * differ used from 8 threads at once on shared instances give exactly what they give on one thread.
 * Each entry type says in its javadoc that it is immutable or stateless and thread-safe; this test
 * holds them to it (it lives here because every module is on this module's test class path).
 *
 * <p>{@code assertTimeoutPreemptively} is a hang detector (a deadlock fails the test instead of
 * stopping the build), not a performance check.
 */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int SAMPLES = 200;
  private static final List<String> DIFF_DOCUMENTS =
      List.of(
          """
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
            "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*"}]}
          """,
          """
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"},
            "Action": "kms:*", "Resource": "*",
            "Condition": {"StringEquals": {"kms:ViaService": "ec2.us-east-1.amazonaws.com"}}}]}
          """,
          """
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::111122223333:role/App", "444455556666"]},
            "Action": "kms:Re*", "Resource": "arn:aws:kms:*:111122223333:key/*",
            "Condition": {"StringLike": {"kms:EncryptionContext:app": "web-*"}}}]}
          """,
          """
          {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*",
             "Condition": {"StringEqualsIgnoreCase": {"aws:PrincipalOrgID": "o-Abc123"}}},
            {"Effect": "Deny", "Principal": "*", "NotAction": "kms:Describe*", "Resource": "*",
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
          """,
          """
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
            "Action": ["kms:CreateGrant", "kms:ListGrants"], "Resource": "*",
            "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"},
                          "NumericLessThan": {"kms:RecipientAttestation:ImageSha384": "5"}}}]}
          """,
          """
          {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*",
             "Resource": "*"},
            {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "kms:ScheduleKeyDeletion",
             "Resource": "*", "Condition": {"ArnNotLike": {"aws:PrincipalArn":
               "arn:aws:iam::111122223333:role/Admin*"}}}]}
          """);
  private static final PolicyDiffer DIFFER = PolicyDiffer.standard();
  private static final PolicyReader READER = PolicyReader.strict();
  private static final PolicyWriter LOSSLESS = PolicyWriter.lossless();
  private static final PolicyWriter CANONICAL = PolicyWriter.canonical();
  private static final PolicyValidator VALIDATOR = PolicyValidator.standard();
  private static final ValidationOptions KEY =
      ValidationOptions.builder().kind(PolicyKind.KEY).build();

  /** One sample with its evaluator, built once and shared by every thread. */
  private record Shared(PoliciesWithRequests sample, String json, PolicyEvaluator evaluator) {}

  /** Two documents to diff, with the differ shared by every thread. */
  private record Pair(PolicyDocument before, PolicyDocument after) {}

  /**
   * The differ keeps dk.brics automata in static fields (the folded alphabet, the readable
   * characters); dk.brics renumbers an automaton's states while reading it, so a shared automaton
   * read by two threads at once would be a race. Many threads diffing at once on one {@code
   * PolicyDiffer.standard()} must give the single-threaded answers, examples included.
   */
  @Test
  void differ_from8ThreadsOnOneInstance_givesTheSingleThreadedResults() throws Exception {
    // Small hand-written key policies, not generated ones: the generated documents' conditions
    // make single diffs take seconds, and the point here is sharing, not size. Between them they
    // touch every shared automaton: wildcards, case-folded keys and values, examples.
    List<PolicyDocument> documents = new ArrayList<>();
    for (String json : DIFF_DOCUMENTS) {
      documents.add(READER.read(json));
    }
    // Each document against the next and against its own canonical form: every shared automaton
    // is read, at a sixth of the cost of all pairs.
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      PolicyDocument document = documents.get(i);
      pairs.add(new Pair(document, documents.get((i + 1) % documents.size())));
      pairs.add(new Pair(document, Canonicalizer.canonicalize(document)));
    }

    List<String> expected = new ArrayList<>();
    for (Pair pair : pairs) {
      expected.add(diff(pair));
    }
    List<List<String>> actual =
        assertTimeoutPreemptively(
            Duration.ofMinutes(5), () -> runConcurrently(pairs, ConcurrencyTest::diff));

    for (List<String> perThread : actual) {
      assertThat(perThread).containsExactlyElementsOf(expected);
    }
    assertThat(String.join("\n", expected)).contains("EQUIVALENT").contains("e.g.");
  }

  /** Everything the differ says about one pair, examples included, as one comparable string. */
  private static String diff(Pair pair) {
    DiffResult result = DIFFER.diff(pair.before(), pair.after());
    List<String> out = new ArrayList<>();
    out.add(result.toString());
    for (Change change : result.added()) {
      out.add("e.g. " + change.example());
    }
    for (Change change : result.removed()) {
      out.add("e.g. " + change.example());
    }
    out.add(String.valueOf(DIFFER.grantsNoMoreThan(pair.after(), pair.before()).holds()));
    return String.join("\n", out);
  }

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

    List<List<String>> actual =
        assertTimeoutPreemptively(
            Duration.ofMinutes(5), () -> runConcurrently(shared, ConcurrencyTest::results));

    for (List<String> perThread : actual) {
      assertThat(perThread).containsExactlyElementsOf(expected);
    }
    assertThat(String.join("\n", expected)).contains("ALLOW").contains("IMPLICIT_DENY");
  }

  /**
   * Runs {@code results} on every input from {@link #THREADS} threads at once, each thread starting
   * at another input so that threads meet on different inputs, and returns each thread's answers in
   * input order.
   */
  private static <T> List<List<String>> runConcurrently(List<T> inputs, Function<T, String> results)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t * inputs.size() / THREADS;
        Callable<List<String>> task =
            () -> {
              start.await();
              String[] out = new String[inputs.size()];
              for (int k = 0; k < inputs.size(); k++) {
                int i = (k + offset) % inputs.size();
                out[i] = results.apply(inputs.get(i));
              }
              return List.of(out);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<List<String>> answers = new ArrayList<>();
      for (Future<List<String>> future : futures) {
        answers.add(future.get());
      }
      return answers;
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
