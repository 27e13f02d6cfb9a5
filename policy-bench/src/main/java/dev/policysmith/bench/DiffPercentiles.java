package dev.policysmith.bench;

import dev.policysmith.diff.DiffResult;
import dev.policysmith.diff.PolicyDiffer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Times {@code PolicyDiffer.standard().diff(old, new)} on each corpus pair separately, which JMH
 * cannot (it reports one score per benchmark, not a distribution over inputs).
 *
 * <p>A first pass diffs each pair once under a deadline; a pair that does not finish in time is
 * stopped and counted as slower than the deadline, so one pathological pair cannot hang the run.
 * Then {@code warm} untimed rounds and {@code rounds} timed rounds go over the pairs that finished;
 * a pair's time is its best timed round (the least disturbed by other work on the machine). The
 * table gives the median, 99th percentile and worst over all pairs, the bytes each diff allocated,
 * and the peak heap seen during a pair (an upper bound of what it needed, since it includes garbage
 * not yet collected: run with a small {@code -Xmx} to tighten it).
 *
 * <p>Usage: {@code java -Xmx256m -cp benchmarks.jar dev.policysmith.bench.DiffPercentiles [warm]
 * [rounds] [deadlineSeconds] [stride]} (defaults 2, 3, 10 and 1; a stride of 4 times every fourth
 * pair by name).
 */
public final class DiffPercentiles {
  private static final PolicyDiffer DIFFER = PolicyDiffer.standard();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private DiffPercentiles() {}

  /** One timed diff: nanoseconds (or -1 when stopped at the deadline) and bytes allocated. */
  private record Timing(long nanos, long bytes, long peakHeap, boolean exact) {}

  /** Diffs that threw (for example OutOfMemoryError under a small -Xmx), by pair name. */
  private static final List<String> FAILURES = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Runs the measurement and prints the table. */
  public static void main(String[] args) throws InterruptedException {
    int warm = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    long deadlineMillis = (args.length > 2 ? Long.parseLong(args[2]) : 10) * 1000;
    int stride = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<Pairs.Pair> all = Pairs.all();
    // A fixed sample (every stride-th pair by name) keeps the quick mode short.
    List<Pairs.Pair> pairs = new ArrayList<>();
    for (int i = 0; i < all.size(); i += stride) {
      pairs.add(all.get(i));
    }
    int n = pairs.size();

    long[] best = new long[n];
    long[] allocated = new long[n];
    long[] peak = new long[n];
    boolean[] finished = new boolean[n];
    int inexact = 0;
    for (int i = 0; i < n; i++) {
      Timing first = timeOnce(pairs.get(i), deadlineMillis);
      finished[i] = first.nanos >= 0;
      best[i] = finished[i] ? first.nanos : Long.MAX_VALUE;
      allocated[i] = first.bytes;
      peak[i] = first.peakHeap;
      if (finished[i] && !first.exact) {
        inexact++;
      }
    }
    for (int r = 0; r < warm + rounds; r++) {
      for (int i = 0; i < n; i++) {
        if (!finished[i]) {
          continue;
        }
        Timing t = timeOnce(pairs.get(i), deadlineMillis);
        if (r >= warm && t.nanos >= 0) {
          best[i] = Math.min(best[i], t.nanos);
          allocated[i] = t.bytes;
          peak[i] = Math.max(peak[i], t.peakHeap);
        }
      }
    }

    int stopped = 0;
    for (boolean f : finished) {
      stopped += f ? 0 : 1;
    }
    long[] sortedTimes = best.clone();
    Arrays.sort(sortedTimes);
    long[] sortedBytes = allocated.clone();
    Arrays.sort(sortedBytes);
    long[] sortedPeak = peak.clone();
    Arrays.sort(sortedPeak);
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "Diff of %d corpus pairs (every %d of %d): %d stopped at the %d s deadline, %d inexact; %d warm-up and %d timed rounds (best of), max heap %.0f MB%n",
        n,
        stride,
        all.size(),
        stopped,
        deadlineMillis / 1000,
        inexact,
        warm,
        rounds,
        runtime.maxMemory() / 1e6);
    System.out.printf(
        Locale.ROOT,
        "| statistic | time per pair | allocated per pair | peak heap during a pair |%n| --- | --- | --- | --- |%n");
    row(
        "median (p50)",
        percentile(sortedTimes, 0.50),
        percentile(sortedBytes, 0.50),
        percentile(sortedPeak, 0.50),
        deadlineMillis);
    row(
        "p90",
        percentile(sortedTimes, 0.90),
        percentile(sortedBytes, 0.90),
        percentile(sortedPeak, 0.90),
        deadlineMillis);
    row(
        "p99",
        percentile(sortedTimes, 0.99),
        percentile(sortedBytes, 0.99),
        percentile(sortedPeak, 0.99),
        deadlineMillis);
    row("worst", sortedTimes[n - 1], sortedBytes[n - 1], sortedPeak[n - 1], deadlineMillis);
    int overOneSecond = 0;
    for (long t : best) {
      overOneSecond += t > 1_000_000_000L ? 1 : 0;
    }
    System.out.printf(
        Locale.ROOT,
        "Pairs over 1 s: %d; over 100 ms: %d%n",
        overOneSecond,
        Arrays.stream(best).filter(t -> t > 100_000_000L).count());

    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong((Integer i) -> best[i]).reversed());
    System.out.println("Diffs that failed (counted as stopped): " + FAILURES);
    System.out.println("Slowest pairs:");
    for (int k = 0; k < Math.min(10, n); k++) {
      int i = order.get(k);
      System.out.printf(
          Locale.ROOT,
          "  %-64s %s %8.1f MB allocated%n",
          pairs.get(i).name(),
          time(best[i], deadlineMillis),
          allocated[i] / 1e6);
    }
  }

  /**
   * Diffs one pair on a fresh thread and waits at most the deadline. A diff past it is stopped with
   * {@link Thread#stop()}: the engine is pure computation on its own objects, so nothing shared is
   * left half-changed, and on a 2-core machine a runaway thread would skew every later figure.
   */
  @SuppressWarnings("deprecation")
  private static Timing timeOnce(Pairs.Pair pair, long deadlineMillis) throws InterruptedException {
    AtomicLong nanos = new AtomicLong(-1);
    AtomicLong bytes = new AtomicLong(0);
    AtomicReference<DiffResult> result = new AtomicReference<>();
    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    Thread worker =
        new Thread(
            () -> {
              long id = Thread.currentThread().getId();
              long before = THREADS.getThreadAllocatedBytes(id);
              long start = System.nanoTime();
              result.set(DIFFER.diff(pair.oldPolicy(), pair.newPolicy()));
              nanos.set(System.nanoTime() - start);
              bytes.set(THREADS.getThreadAllocatedBytes(id) - before);
            },
            "diff-" + pair.name());
    worker.setDaemon(true);
    worker.setUncaughtExceptionHandler(
        (thread, e) -> {
          if (!(e instanceof ThreadDeath)) {
            FAILURES.add(pair.name() + ": " + e);
          }
        });
    worker.start();
    worker.join(deadlineMillis);
    if (worker.isAlive()) {
      worker.stop();
      worker.join();
      return new Timing(-1, 0, heapPeak(heapPools), false);
    }
    DiffResult r = result.get();
    return new Timing(nanos.get(), bytes.get(), heapPeak(heapPools), r != null && r.exact());
  }

  private static long heapPeak(List<MemoryPoolMXBean> pools) {
    long sum = 0;
    for (MemoryPoolMXBean pool : pools) {
      sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static long percentile(long[] sorted, double p) {
    // Nearest rank: the smallest value with at least a fraction p of the pairs at or below it.
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String time(long nanos, long deadlineMillis) {
    return nanos == Long.MAX_VALUE
        ? String.format(Locale.ROOT, "> %d s (stopped)", deadlineMillis / 1000)
        : String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
  }

  private static void row(String name, long nanos, long bytes, long peakHeap, long deadlineMillis) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.2f MB | %.0f MB |%n",
        name,
        time(nanos, deadlineMillis),
        bytes / 1e6,
        peakHeap / 1e6);
  }
}
