package dev.policysmith.diff.engine;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The set of values one dimension of a box allows: which strings (or numbers, dates, addresses) a
 * request may carry there, and whether the request may lack the value altogether ({@linkplain
 * #absent() absent}, for a condition key missing from the context or a request without principal or
 * resource).
 */
public abstract class DimSet {
  DimSet() {}

  /** Returns whether a request without this value (a missing key) is in the set. */
  public abstract boolean absent();

  /** Returns the values in both sets. */
  public abstract DimSet intersect(DimSet other);

  /** Returns the values (and absence) not in this set. */
  public abstract DimSet complement();

  /** Returns whether the set holds nothing, not even absence. */
  public abstract boolean isEmpty();

  /** Returns whether the set holds every value and absence. */
  public abstract boolean isUniversal();

  /** Returns whether the value, or absence when empty, is in the set. */
  public abstract boolean contains(Optional<String> value);

  /**
   * Returns whether a request carrying {@code values} here (null for a missing key) is in the set.
   * This one-value set holds it when one of the values is a member, or, for none, when absence is:
   * exact for requests with at most one value, the ones the diff reasons about on keys no set
   * operator names; {@link AtomSet} is exact for any list.
   */
  public boolean containsValues(@Nullable List<String> values) {
    if (values == null || values.isEmpty()) {
      return contains(Optional.empty());
    }
    for (String value : values) {
      if (contains(Optional.of(value))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns one member, preferring the first of {@code hints} that is a member; {@code
   * Optional.empty()} stands for absence. Only called on a non-empty set.
   */
  public abstract Optional<String> example(List<String> hints, boolean preferAbsent);

  /** Returns the values in this set and not in {@code other}. */
  public DimSet minus(DimSet other) {
    return intersect(other.complement());
  }

  /** Returns the values in either set. */
  public DimSet union(DimSet other) {
    return complement().intersect(other.complement()).complement();
  }

  /** Returns whether the sets share a member. */
  public boolean intersects(DimSet other) {
    return !intersect(other).isEmpty();
  }

  /**
   * Returns the values in any of the sets (at least one): for string sets one union and one
   * minimisation, not one per set, which made describing a region of many boxes slow.
   */
  public static DimSet unionOf(List<DimSet> sets) {
    DimSet first = sets.get(0);
    if (sets.size() > 2 && sets.stream().allMatch(StrSet.class::isInstance)) {
      return StrSet.unionOfStrings(sets.stream().map(StrSet.class::cast).toList());
    }
    DimSet out = first;
    for (int i = 1; i < sets.size(); i++) {
      out = out.union(sets.get(i));
    }
    return out;
  }

  /** Returns whether every member of this set is in {@code other}. */
  public boolean subsetOf(DimSet other) {
    return minus(other).isEmpty();
  }

  /** Returns whether both sets have the same members. */
  public boolean sameAs(DimSet other) {
    return this == other || subsetOf(other) && other.subsetOf(this);
  }
}
