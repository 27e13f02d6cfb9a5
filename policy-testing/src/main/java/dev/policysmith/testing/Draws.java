package dev.policysmith.testing;

import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Small draws on QuickTheories' randomness source, so that every choice a generator makes is
 * recorded by QuickTheories, shrinks with the rest and replays from the seed. Each draw shrinks
 * towards the simplest outcome: the first element of a list, the lower bound of a range, and {@code
 * false} for {@link #chance}.
 */
final class Draws {
  private Draws() {}

  /**
   * Returns {@code true} with about {@code percent} per cent probability. The draw shrinks towards
   * 1, which is {@code false} for any percentage under 100, so a shrunk counterexample drops the
   * rare features it does not need.
   */
  static boolean chance(RandomnessSource source, int percent) {
    return Generate.range(1, 100).generate(source) > 100 - percent;
  }

  /** Returns an integer in {@code [min, max]}, shrinking towards {@code min}. */
  static int between(RandomnessSource source, int min, int max) {
    return Generate.range(min, max).generate(source);
  }

  /** Returns one element of a non-empty list, shrinking towards the first. */
  static <T> T pick(RandomnessSource source, List<T> list) {
    return list.get(between(source, 0, list.size() - 1));
  }

  /** Returns {@code count} elements of a list drawn with repetition, in draw order. */
  static <T> List<T> some(RandomnessSource source, List<T> list, int count) {
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(pick(source, list));
    }
    return out;
  }

  /**
   * Returns the list in an order drawn by a Fisher-Yates shuffle on the randomness source; the
   * draws shrink towards the list's own order.
   */
  static <T> List<T> shuffled(RandomnessSource source, List<T> list) {
    List<T> out = new ArrayList<>(list);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = i - between(source, 0, i);
      T swap = out.get(i);
      out.set(i, out.get(j));
      out.set(j, swap);
    }
    return out;
  }
}
