package dev.policysmith.merge.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One (operator, key) pair of a condition with its values, each encoded as a kind letter ({@code
 * S}, {@code B}, {@code N}) followed by the value's text, so that {@code true} and {@code "true"}
 * stay as written.
 *
 * @param operator the operator as written, e.g. {@code ForAnyValue:StringLike}
 * @param key the key, its service prefix in lower case
 * @param values the encoded values, sorted
 * @param splittable whether the values are alternatives that may be split into atoms and joined
 *     again: a positive operator without set qualifier and at least one value
 */
public record ConditionEntry(
    String operator, String key, SortedSet<String> values, boolean splittable) {
  /** Orders entries by operator, then key (case-insensitively first), then values. */
  static final Comparator<ConditionEntry> ORDER =
      Comparator.comparing(ConditionEntry::operator)
          .thenComparing(ConditionEntry::key, Clause.FOLD_THEN_EXACT)
          .thenComparing(ConditionEntry::values, ConditionEntry::compareValues)
          .thenComparing(ConditionEntry::splittable);

  private static int compareValues(SortedSet<String> a, SortedSet<String> b) {
    Iterator<String> x = a.iterator();
    Iterator<String> y = b.iterator();
    while (x.hasNext() && y.hasNext()) {
      int c = x.next().compareTo(y.next());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }

  static ConditionEntry of(
      String operator, String key, Collection<String> values, boolean splittable) {
    return new ConditionEntry(
        operator, key, Collections.unmodifiableSortedSet(new TreeSet<>(values)), splittable);
  }

  /** Returns the identity of the (operator, key) pair, the dimension a join runs along. */
  String dimension() {
    return operator + "\u0000" + key;
  }

  ConditionEntry withValues(SortedSet<String> newValues) {
    return new ConditionEntry(operator, key, newValues, splittable);
  }

  ConditionEntry union(ConditionEntry other) {
    TreeSet<String> sorted = new TreeSet<>(values);
    sorted.addAll(other.values);
    return withValues(Collections.unmodifiableSortedSet(sorted));
  }
}
