package dev.policysmith.bench;

import dev.policysmith.diff.Change;
import dev.policysmith.diff.DiffResult;
import dev.policysmith.diff.PolicyDiffer;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes, for each corpus pair, everything the diff answers (verdict, exactness, reasons, and each
 * change's summary, example and statements), so that two builds of the engine can be compared line
 * by line; and prints each pair's CPU time and allocation, which a busy machine disturbs less than
 * wall time.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.policysmith.bench.DiffDump OUT [rounds] [NAME...]}:
 * writes the answers to {@code OUT} and the best CPU time of {@code rounds} diffs (default 1) of
 * each pair, or only of the pairs named.
 */
public final class DiffDump {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private DiffDump() {}

  /** Runs the dump. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<String> names = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
    PolicyDiffer differ = PolicyDiffer.standard();
    try (PrintWriter writer =
        new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      for (Pairs.Pair pair : Pairs.all()) {
        if (!names.isEmpty() && !names.contains(pair.name())) {
          continue;
        }
        DiffResult result = null;
        long best = Long.MAX_VALUE;
        long bytes = 0;
        long id = Thread.currentThread().getId();
        for (int r = 0; r < rounds; r++) {
          long allocated = THREADS.getThreadAllocatedBytes(id);
          long start = THREADS.getCurrentThreadCpuTime();
          result = differ.diff(pair.oldPolicy(), pair.newPolicy());
          best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
          bytes = THREADS.getThreadAllocatedBytes(id) - allocated;
        }
        System.out.printf(
            Locale.ROOT, "%10.3f ms cpu %8.1f MB  %s%n", best / 1e6, bytes / 1e6, pair.name());
        writer.printf(
            Locale.ROOT,
            "%s %s exact=%s added=%d removed=%d reasons=%s%n",
            pair.name(),
            result.verdict(),
            result.exact(),
            result.added().size(),
            result.removed().size(),
            result.inexactReasons());
        for (Change change : result.added()) {
          write(writer, "+", change);
        }
        for (Change change : result.removed()) {
          write(writer, "-", change);
        }
      }
    }
  }

  private static void write(PrintWriter writer, String sign, Change change) {
    writer.println("  " + sign + " " + change.summary());
    writer.println("    example " + change.example());
    writer.println("    statements " + change.statements());
  }
}
