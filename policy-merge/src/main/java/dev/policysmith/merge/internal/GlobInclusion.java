package dev.policysmith.merge.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides exactly whether every string matched by one IAM wildcard pattern is matched by another,
 * ignoring case: {@code kms:ReEncrypt*} is included in {@code kms:Re*}, but {@code kms:Re*} is not
 * included in {@code kms:ReEncrypt*} ({@code kms:ReadX} tells them apart).
 *
 * <p>The larger pattern is run as a nondeterministic automaton over sets of its positions; the
 * smaller pattern is walked symbolically: a literal steps every position, {@code ?} must succeed
 * for every character (each literal of the larger pattern, plus one character it does not name),
 * and {@code *} must succeed from every set of positions reachable by any string. Results are
 * memoised per (position in the smaller pattern, set of positions), which bounds the work by the
 * sets that actually occur.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
 *     JSON policy elements: Action</a>
 */
public final class GlobInclusion {
  /** Stands for any character the larger pattern does not name. */
  private static final int OTHER = -1;

  private final char[] sub;
  private final char[] sup;
  private final int[] alphabet;
  private final Map<Integer, Map<BitSet, Boolean>> memo = new HashMap<>();

  private GlobInclusion(String sub, String sup) {
    this.sub = fold(sub);
    this.sup = fold(sup);
    Set<Integer> letters = new LinkedHashSet<>();
    for (char c : this.sup) {
      if (c != '*' && c != '?') {
        letters.add((int) c);
      }
    }
    letters.add(OTHER);
    this.alphabet = letters.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Returns whether every string matched by {@code sub} is matched by {@code sup}, where {@code *}
   * matches any run of characters and {@code ?} any one character, ignoring case.
   */
  public static boolean includes(String sub, String sup) {
    if (sup.equals("*")) {
      return true;
    }
    GlobInclusion search = new GlobInclusion(sub, sup);
    return search.accepts(0, closure(initial(), search.sup));
  }

  private static BitSet initial() {
    BitSet start = new BitSet();
    start.set(0);
    return start;
  }

  private boolean accepts(int index, BitSet states) {
    if (states.isEmpty()) {
      // Every glob matches at least one string, and no continuation of this prefix is accepted.
      return false;
    }
    if (index == sub.length) {
      return states.get(sup.length);
    }
    Map<BitSet, Boolean> row = memo.computeIfAbsent(index, k -> new HashMap<>());
    Boolean known = row.get(states);
    if (known != null) {
      return known;
    }
    boolean result;
    char c = sub[index];
    if (c == '*') {
      result = true;
      for (BitSet reachable : reachableFrom(states)) {
        if (!accepts(index + 1, reachable)) {
          result = false;
          break;
        }
      }
    } else if (c == '?') {
      result = true;
      for (int letter : alphabet) {
        if (!accepts(index + 1, step(states, letter))) {
          result = false;
          break;
        }
      }
    } else {
      result = accepts(index + 1, step(states, c));
    }
    row.put(states, result);
    return result;
  }

  private List<BitSet> reachableFrom(BitSet start) {
    List<BitSet> found = new ArrayList<>();
    Set<BitSet> seen = new java.util.HashSet<>();
    found.add(start);
    seen.add(start);
    for (int i = 0; i < found.size(); i++) {
      for (int letter : alphabet) {
        BitSet next = step(found.get(i), letter);
        if (seen.add(next)) {
          found.add(next);
        }
      }
    }
    return found;
  }

  private BitSet step(BitSet states, int letter) {
    BitSet next = new BitSet();
    for (int j = states.nextSetBit(0); j >= 0 && j < sup.length; j = states.nextSetBit(j + 1)) {
      char p = sup[j];
      if (p == '*') {
        next.set(j);
      } else if (p == '?' || (letter != OTHER && p == letter)) {
        next.set(j + 1);
      }
    }
    return closure(next, sup);
  }

  /** Adds the positions after each {@code *}, which may match the empty string. */
  private static BitSet closure(BitSet states, char[] pattern) {
    for (int j = states.nextSetBit(0); j >= 0 && j < pattern.length; j = states.nextSetBit(j + 1)) {
      if (pattern[j] == '*') {
        states.set(j + 1);
      }
    }
    return states;
  }

  /** Folds case the way the model's wildcard matcher compares characters, ignoring the locale. */
  private static char[] fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
    }
    return out;
  }
}
