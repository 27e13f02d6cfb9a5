package dev.policysmith.bench;

import dev.policysmith.merge.Canonicalizer;
import dev.policysmith.merge.PolicyMerger;
import dev.policysmith.merge.internal.CanonicalEngine;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times canonicalize and merge of the {@link MergeBenchmark} documents in CPU time of the calling
 * thread, which a machine shared with other work disturbs far less than wall time: quick to run
 * back to back before and after a change to the merge engine.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.policysmith.bench.MergeTiming [rounds] [sizes...]}
 * (defaults 3 and 1000 10000 100000). Each size prints the best and the median CPU time of {@code
 * rounds} calls after one untimed call, and the statement counts. {@code MergeTiming corpus
 * [group]} instead merges consecutive groups of the corpus's managed policies (Sids removed, as
 * {@code PolicyMergerCorpusTest} does) and all key policies, one line per group, then the totals.
 */
public final class MergeTiming {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private MergeTiming() {}

  /** Runs the measurement and prints one line per size and operation. */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("corpus")) {
      corpus(args.length > 1 ? Integer.parseInt(args[1]) : 50);
      return;
    }
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int[] sizes = {1000, 10000, 100000};
    if (args.length > 1) {
      sizes = new int[args.length - 1];
      for (int i = 1; i < args.length; i++) {
        sizes[i - 1] = Integer.parseInt(args[i]);
      }
    }
    for (int size : sizes) {
      // The same seeds as MergeBenchmark, so figures compare with its runs.
      PolicyDocument whole = GeneratedPolicies.document(size, 20261129L);
      PolicyDocument first = GeneratedPolicies.document(size / 2, 1L);
      PolicyDocument second = GeneratedPolicies.document(size - size / 2, 2L);
      time("canonicalize", size, rounds, () -> Canonicalizer.canonicalize(whole));
      time("merge", size, rounds, () -> PolicyMerger.merge(first, second).document());
    }
  }

  private static void corpus(int group) {
    List<Path> files = Corpus.files("managed");
    int before = 0;
    int after = 0;
    int unproven = 0;
    long cpu = 0;
    for (int from = 0; from < files.size(); from += group) {
      List<Path> slice = files.subList(from, Math.min(files.size(), from + group));
      int[] counts = mergeGroup("managed " + (from + 1) + "-" + (from + slice.size()), slice);
      before += counts[0];
      after += counts[1];
      unproven += counts[2];
      cpu += counts[3];
    }
    System.out.printf(
        Locale.ROOT,
        "managed total: %d -> %d statements, %d not proven minimal, cpu %.1f ms%n",
        before,
        after,
        unproven,
        cpu / 1e6);
    mergeGroup("keypolicies", Corpus.files("keypolicies"));
  }

  /** Returns {statements before, after, 1 if not proven minimal, CPU nanoseconds}. */
  private static int[] mergeGroup(String label, List<Path> files) {
    List<PolicyDocument> documents = new ArrayList<>();
    for (Path file : files) {
      PolicyDocument document = PolicyReader.strict().read(Corpus.bytes(file));
      List<Statement> statements = new ArrayList<>();
      for (Statement statement : document.statements()) {
        statements.add(statement.toBuilder().sid(Optional.empty()).build());
      }
      documents.add(document.toBuilder().statements(statements).build());
    }
    long start = THREADS.getCurrentThreadCpuTime();
    CanonicalEngine.Outcome outcome = CanonicalEngine.mergeWithOutcome(documents, false, false);
    long cpu = THREADS.getCurrentThreadCpuTime() - start;
    int before = documents.stream().mapToInt(d -> d.statements().size()).sum();
    int after = outcome.document().statements().size();
    System.out.printf(
        Locale.ROOT,
        "%-20s %5d -> %5d %s output %08x cpu %8.1f ms%n",
        label,
        before,
        after,
        outcome.minimal() ? "minimal " : "unproven",
        PolicyWriter.canonical().writeToString(outcome.document()).hashCode(),
        cpu / 1e6);
    return new int[] {
      before, after, outcome.minimal() ? 0 : 1, (int) Math.min(cpu, Integer.MAX_VALUE)
    };
  }

  private static void time(
      String name, int size, int rounds, java.util.function.Supplier<PolicyDocument> call) {
    PolicyDocument first = call.get();
    int statements = first.statements().size();
    long[] cpu = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = THREADS.getCurrentThreadCpuTime();
      call.get();
      cpu[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    java.util.Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "%-12s %7d statements -> %6d (output %08x)  cpu best %8.1f ms   median %8.1f ms%n",
        name,
        size,
        statements,
        PolicyWriter.canonical().writeToString(first).hashCode(),
        cpu[0] / 1e6,
        cpu[rounds / 2] / 1e6);
  }
}
