package dev.policysmith.merge.internal;

import dev.policysmith.model.ActionPattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Removes grants that others already give: an atomic grant whose action pattern is covered by the
 * action pattern of another grant that agrees on everything else. Patterns that match the same
 * actions (spellings that differ only in case, {@code kms:*} and {@code kms:**}) cover each other;
 * the one that sorts first by {@link String#compareTo} stays, so that the survivors are the maximal
 * elements of a strict partial order and the result does not depend on the order grants came in:
 * {@code maximal(a ∪ b) == maximal(maximal(a) ∪ b)}.
 */
public final class Dominance {
  private Dominance() {}

  /** Returns the grants of {@code atoms} that no other grant covers. */
  public static Set<Box> maximal(Collection<Box> atoms) {
    Map<Box, List<Box>> byRest = new HashMap<>();
    Set<Box> out = new HashSet<>();
    for (Box atom : new HashSet<>(atoms)) {
      if (atom.action().joinable()) {
        byRest
            .computeIfAbsent(
                atom.with(Box.Dimension.ACTION, atom.action().blank()), k -> new ArrayList<>())
            .add(atom);
      } else {
        out.add(atom);
      }
    }
    // One relation over the patterns of every group that has a choice to make, each pair settled
    // once: groups of one rest repeat the same patterns, and testing inclusion afresh in each
    // group took a third of the time of canonicalising a large document.
    Set<String> vocabulary = new HashSet<>();
    for (List<Box> group : byRest.values()) {
      if (group.size() > 1) {
        for (Box atom : group) {
          vocabulary.add(atom.action().values().first());
        }
      }
    }
    Map<String, Set<String>> below = below(vocabulary);
    for (List<Box> group : byRest.values()) {
      if (group.size() == 1) {
        out.addAll(group);
        continue;
      }
      Set<String> patterns = new HashSet<>();
      for (Box atom : group) {
        patterns.add(atom.action().values().first());
      }
      Set<String> dropped = new HashSet<>();
      for (String pattern : patterns) {
        for (String covered : below.getOrDefault(pattern, Set.of())) {
          if (patterns.contains(covered)) {
            dropped.add(covered);
          }
        }
      }
      for (Box atom : group) {
        if (!dropped.contains(atom.action().values().first())) {
          out.add(atom);
        }
      }
    }
    return out;
  }

  /**
   * Returns the patterns of {@code patterns} that no other covers, case-insensitively, as IAM
   * matches actions.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
   *     JSON policy elements: Action</a>
   */
  public static Set<String> maximalPatterns(Collection<String> patterns) {
    TreeMap<String, String> literals = new TreeMap<>();
    List<String> wildcards = new ArrayList<>();
    for (String pattern : new TreeSet<>(patterns)) {
      if (ActionPattern.of(pattern).hasWildcard()) {
        wildcards.add(pattern);
      } else {
        // Iterating in natural order keeps the first spelling of each case-insensitive action.
        literals.putIfAbsent(fold(pattern), pattern);
      }
    }
    Set<String> kept = new HashSet<>();
    List<ActionPattern> matchers = new ArrayList<>();
    for (String wildcard : wildcards) {
      matchers.add(ActionPattern.of(wildcard));
    }
    for (String literal : literals.values()) {
      boolean covered = false;
      for (ActionPattern matcher : matchers) {
        if (matcher.matches(literal)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        kept.add(literal);
      }
    }
    for (String pattern : wildcards) {
      boolean covered = false;
      for (String other : wildcards) {
        if (!other.equals(pattern)
            && GlobInclusion.includes(pattern, other)
            && (other.compareTo(pattern) < 0 || !GlobInclusion.includes(other, pattern))) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        kept.add(pattern);
      }
    }
    return kept;
  }

  /**
   * Returns, for each pattern of {@code vocabulary} that covers others of it, the patterns it
   * covers in the order {@link #maximalPatterns} keeps: {@code Q} is below {@code P} when every
   * action {@code Q} matches is matched by {@code P} and, if they match the same actions, {@code P}
   * sorts first. Only wildcards cover other spellings beyond case variants, so each wildcard is
   * compared with the patterns sharing its literal prefix and each literal with its case variants.
   */
  public static Map<String, Set<String>> below(Collection<String> vocabulary) {
    TreeMap<String, List<String>> byFold = new TreeMap<>();
    for (String pattern : new TreeSet<>(vocabulary)) {
      byFold.computeIfAbsent(fold(pattern), k -> new ArrayList<>()).add(pattern);
    }
    Map<String, Set<String>> below = new HashMap<>();
    for (Map.Entry<String, List<String>> entry : byFold.entrySet()) {
      for (String pattern : entry.getValue()) {
        int wildcard = firstWildcard(pattern);
        Set<String> covered = new HashSet<>();
        if (wildcard < 0) {
          // Literal spellings of one action: the first in natural order stays.
          for (String other : entry.getValue()) {
            if (pattern.compareTo(other) < 0 && firstWildcard(other) < 0) {
              covered.add(other);
            }
          }
        } else {
          String prefix = fold(pattern.substring(0, wildcard));
          ActionPattern matcher = ActionPattern.of(pattern);
          for (List<String> others : byFold.tailMap(prefix, true).values()) {
            if (!fold(others.get(0)).startsWith(prefix)) {
              break;
            }
            for (String other : others) {
              if (other.equals(pattern)) {
                continue;
              }
              boolean under =
                  firstWildcard(other) < 0
                      ? matcher.matches(other)
                      : GlobInclusion.includes(other, pattern)
                          && (pattern.compareTo(other) < 0
                              || !GlobInclusion.includes(pattern, other));
              if (under) {
                covered.add(other);
              }
            }
          }
        }
        if (!covered.isEmpty()) {
          below.put(pattern, covered);
        }
      }
    }
    return below;
  }

  private static int firstWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        return i;
      }
    }
    return -1;
  }

  private static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(Character.toLowerCase(Character.toUpperCase(text.charAt(i))));
    }
    return out.toString();
  }
}
