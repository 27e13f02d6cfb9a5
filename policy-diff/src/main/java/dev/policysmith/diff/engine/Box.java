package dev.policysmith.diff.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A product of sets, one per dimension ({@link #PRINCIPAL}, {@link #ACTION}, {@link #RESOURCE} and
 * {@code key:<lower-case condition key>}): the requests one statement matches. A dimension not
 * named is unconstrained. Immutable.
 */
public final class Box {
  /** The calling principal. */
  public static final String PRINCIPAL = "principal";

  /** The action. */
  public static final String ACTION = "action";

  /** The resource. */
  public static final String RESOURCE = "resource";

  /** The prefix of a condition key's dimension. */
  public static final String KEY = "key:";

  private static final Box ALL = new Box(new TreeMap<>());

  private final TreeMap<String, DimSet> dims;

  private Box(TreeMap<String, DimSet> dims) {
    this.dims = dims;
  }

  /** Returns the box of every request. */
  public static Box all() {
    return ALL;
  }

  /** Returns the dimension name of a condition key, which IAM compares ignoring case. */
  public static String keyDim(String conditionKey) {
    return KEY + conditionKey.toLowerCase(java.util.Locale.ROOT);
  }

  /** Returns the constrained dimensions and their sets. */
  public Map<String, DimSet> dims() {
    return Collections.unmodifiableMap(dims);
  }

  /** Returns the set of a dimension; unconstrained when not named. */
  public DimSet get(String dim) {
    DimSet set = dims.get(dim);
    return set != null ? set : StrSet.universal();
  }

  /** Returns this box with the dimension's set replaced ({@code set} universal drops it). */
  public Box with(String dim, DimSet set) {
    TreeMap<String, DimSet> copy = new TreeMap<>(dims);
    if (set.isUniversal()) {
      copy.remove(dim);
    } else {
      copy.put(dim, set);
    }
    return new Box(copy);
  }

  /** Returns this box with the dimension narrowed to its intersection with {@code set}. */
  public Box and(String dim, DimSet set) {
    DimSet current = dims.get(dim);
    return with(dim, current == null ? set : current.intersect(set));
  }

  /** Returns whether some dimension is empty, so that no request is in the box. */
  public boolean isEmpty() {
    for (DimSet set : dims.values()) {
      if (set.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Returns the requests in both boxes. */
  public Box intersect(Box other) {
    TreeMap<String, DimSet> out = new TreeMap<>(dims);
    for (Map.Entry<String, DimSet> e : other.dims.entrySet()) {
      DimSet mine = out.get(e.getKey());
      out.put(e.getKey(), mine == null ? e.getValue() : mine.intersect(e.getValue()));
    }
    return new Box(out);
  }

  /** Returns whether the boxes share no request. */
  public boolean disjoint(Box other) {
    for (Map.Entry<String, DimSet> e : other.dims.entrySet()) {
      DimSet mine = dims.get(e.getKey());
      if (mine == null ? e.getValue().isEmpty() : !mine.intersects(e.getValue())) {
        return true;
      }
    }
    return isEmpty();
  }

  /** Returns whether every request of this box is in {@code other}. */
  public boolean subsetOf(Box other) {
    if (this == other) {
      return true;
    }
    for (Map.Entry<String, DimSet> e : other.dims.entrySet()) {
      if (!get(e.getKey()).subsetOf(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the requests of this box not in {@code other}, as disjoint non-empty boxes: for each
   * dimension of {@code other} in turn, the part outside it, with the earlier dimensions kept
   * inside.
   */
  public List<Box> minus(Box other) {
    if (disjoint(other)) {
      return List.of(this);
    }
    List<Box> out = new ArrayList<>();
    Box rest = this;
    // The rest is narrowed to the other box in a dimension only when a later dimension needs it:
    // after the last one that differs, the narrowed rest (an automaton product) is never used.
    String narrowDim = null;
    DimSet narrowBy = null;
    for (Map.Entry<String, DimSet> e : other.dims.entrySet()) {
      DimSet current = rest.get(e.getKey());
      // Most dimensions of a piece already lie inside the other box's: nothing is outside there
      // and the rest keeps its set, with no automaton built.
      if (current.subsetOf(e.getValue())) {
        continue;
      }
      if (narrowDim != null) {
        rest = rest.with(narrowDim, rest.get(narrowDim).intersect(narrowBy));
      }
      DimSet outside = current.minus(e.getValue());
      if (!outside.isEmpty()) {
        out.add(rest.with(e.getKey(), outside));
      }
      narrowDim = e.getKey();
      narrowBy = e.getValue();
    }
    return out;
  }

  /** Returns whether the point (dimension to value, empty for absent) lies in the box. */
  public boolean contains(Map<String, Optional<String>> point) {
    for (Map.Entry<String, DimSet> e : dims.entrySet()) {
      Optional<String> value = point.getOrDefault(e.getKey(), Optional.empty());
      if (!e.getValue().contains(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether a request carrying these values (a dimension not named is absent) lies in the
   * box, each dimension deciding its list by {@link DimSet#containsValues}: a multivalued key's
   * {@link AtomSet} by the whole list, any other set by one value at a time. Because a box is a
   * product, for the other sets this is whether the request has one reading inside it.
   */
  public boolean containsAny(Map<String, List<String>> values) {
    for (Map.Entry<String, DimSet> e : dims.entrySet()) {
      if (!e.getValue().containsValues(values.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return dims.toString();
  }
}
