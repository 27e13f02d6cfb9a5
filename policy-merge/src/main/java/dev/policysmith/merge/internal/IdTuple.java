package dev.policysmith.merge.internal;

import java.util.Arrays;

/**
 * A tuple of small ints (value ids or interned set ids) compared by content and ordered
 * lexicographically, its hash computed once: {@link Cover} and {@link Regrouper} key hash maps of
 * hundred thousands of them.
 */
final class IdTuple implements Comparable<IdTuple> {
  final int[] ids;
  private final int hash;

  IdTuple(int[] ids) {
    this.ids = ids;
    this.hash = hash(ids);
  }

  /**
   * Mixes every id into all bits: {@link Arrays#hashCode(int[])} sends tuples of small ids to few
   * buckets ({@code 31 * a + b} repeats along a diagonal), which made hash maps of points degrade
   * into trees.
   */
  private static int hash(int[] ids) {
    long h = ids.length;
    for (int id : ids) {
      h = (h + id) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 29;
    }
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdTuple tuple && hash == tuple.hash && Arrays.equals(ids, tuple.ids);
  }

  @Override
  public int compareTo(IdTuple other) {
    for (int i = 0; i < Math.min(ids.length, other.ids.length); i++) {
      if (ids[i] != other.ids[i]) {
        return Integer.compare(ids[i], other.ids[i]);
      }
    }
    return Integer.compare(ids.length, other.ids.length);
  }
}
