package dev.policysmith.merge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds a minimum set cover exactly, by branch and bound: the exact step of {@link Cover}, where
 * the candidates are a component's maximal products and the elements its grants.
 *
 * <p>Before the search, a candidate whose elements another candidate also holds is dropped (a
 * minimum cover never needs it). The search then branches on the uncovered element that the fewest
 * candidates hold, trying first the candidates that hold the most elements, and cuts a branch when
 * the candidates chosen plus a lower bound reach the best cover known. The lower bound counts
 * uncovered elements no two of which share a candidate: each needs a candidate of its own.
 *
 * <p>Every order is fixed by the indices the caller gives, so the cover found is a function of the
 * candidates and elements, which keeps canonical output a function of the grants.
 */
final class SetCover {
  /** Whether candidate {@code candidate} holds element {@code element}. */
  @FunctionalInterface
  interface Holds {
    boolean test(int candidate, int element);
  }

  private final int words;

  /** Per kept candidate, the elements it holds. */
  private final long[][] holds;

  /** Per element, the kept candidates holding it, most elements first. */
  private final int[][] holders;

  /** The elements, fewest holders first: the branching and lower-bound order. */
  private final int[] byHolders;

  private final Runnable step;
  private final int[] chosen;
  private int @Nullable [] best;
  private int bestSize;

  private SetCover(long[][] holds, int elements, Runnable step, int bound) {
    this.words = (elements + 63) / 64;
    this.holds = holds;
    this.step = step;
    this.bestSize = bound;
    this.chosen = new int[Math.max(0, bound)];
    Integer[] sizes = new Integer[holds.length];
    for (int c = 0; c < holds.length; c++) {
      sizes[c] = count(holds[c]);
    }
    List<List<Integer>> lists = new ArrayList<>();
    for (int e = 0; e < elements; e++) {
      lists.add(new ArrayList<>());
    }
    for (int c = 0; c < holds.length; c++) {
      for (int e = 0; e < elements; e++) {
        if (has(holds[c], e)) {
          lists.get(e).add(c);
        }
      }
    }
    this.holders = new int[elements][];
    for (int e = 0; e < elements; e++) {
      List<Integer> list = lists.get(e);
      list.sort(Comparator.<Integer>comparingInt(c -> -sizes[c]).thenComparingInt(c -> c));
      holders[e] = list.stream().mapToInt(Integer::intValue).toArray();
    }
    this.byHolders =
        java.util.stream.IntStream.range(0, elements)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingInt(e -> holders[e].length).thenComparingInt(e -> e))
            .mapToInt(Integer::intValue)
            .toArray();
  }

  /**
   * Returns the indices, ascending, of a minimum cover of the elements {@code 0..elements-1} by the
   * candidates {@code 0..candidates-1} with fewer than {@code bound} candidates, or null if every
   * cover needs {@code bound} or more.
   *
   * @param step called once per node of the search, so that the caller can bound its work
   * @throws IllegalArgumentException if some element has no candidate holding it
   */
  static int @Nullable [] minimum(
      int candidates, int elements, Holds holds, int bound, Runnable step) {
    int words = (elements + 63) / 64;
    long[][] all = new long[candidates][words];
    for (int c = 0; c < candidates; c++) {
      for (int e = 0; e < elements; e++) {
        if (holds.test(c, e)) {
          all[c][e >>> 6] |= 1L << e;
        }
      }
    }
    // A candidate inside another is never needed; of two equal ones the first is kept.
    List<Integer> kept = new ArrayList<>();
    for (int c = 0; c < candidates; c++) {
      boolean dominated = false;
      for (int d = 0; d < candidates && !dominated; d++) {
        if (d != c && subset(all[c], all[d]) && (!subset(all[d], all[c]) || d < c)) {
          dominated = true;
        }
      }
      if (!dominated) {
        kept.add(c);
      }
    }
    long[][] keptHolds = new long[kept.size()][];
    for (int i = 0; i < kept.size(); i++) {
      keptHolds[i] = all[kept.get(i)];
    }
    SetCover search = new SetCover(keptHolds, elements, step, bound);
    for (int e = 0; e < elements; e++) {
      if (search.holders[e].length == 0) {
        throw new IllegalArgumentException("no candidate holds element " + e);
      }
    }
    search.branch(new long[words], 0);
    if (search.best == null) {
      return null;
    }
    int[] out = new int[search.best.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = kept.get(search.best[i]);
    }
    Arrays.sort(out);
    return out;
  }

  private void branch(long[] covered, int depth) {
    step.run();
    int element = firstUncovered(covered);
    if (element < 0) {
      if (depth < bestSize) {
        bestSize = depth;
        best = Arrays.copyOf(chosen, depth);
      }
      return;
    }
    if (depth + lowerBound(covered) >= bestSize) {
      return;
    }
    for (int candidate : holders[element]) {
      long[] next = covered.clone();
      for (int w = 0; w < words; w++) {
        next[w] |= holds[candidate][w];
      }
      chosen[depth] = candidate;
      branch(next, depth + 1);
      if (depth + 1 >= bestSize) {
        // No cover through this node can now beat the best one.
        return;
      }
    }
  }

  /** The uncovered element with the fewest holders, or -1 when all are covered. */
  private int firstUncovered(long[] covered) {
    for (int e : byHolders) {
      if (!has(covered, e)) {
        return e;
      }
    }
    return -1;
  }

  /** A count of uncovered elements no two of which share a candidate. */
  private int lowerBound(long[] covered) {
    boolean[] used = new boolean[holds.length];
    int count = 0;
    for (int e : byHolders) {
      if (has(covered, e)) {
        continue;
      }
      boolean free = true;
      for (int c : holders[e]) {
        if (used[c]) {
          free = false;
          break;
        }
      }
      if (free) {
        count++;
        for (int c : holders[e]) {
          used[c] = true;
        }
      }
    }
    return count;
  }

  private static boolean has(long[] set, int element) {
    return (set[element >>> 6] & (1L << element)) != 0;
  }

  private static boolean subset(long[] a, long[] b) {
    for (int w = 0; w < a.length; w++) {
      if ((a[w] & ~b[w]) != 0) {
        return false;
      }
    }
    return true;
  }

  private static int count(long[] set) {
    int n = 0;
    for (long word : set) {
      n += Long.bitCount(word);
    }
    return n;
  }
}
