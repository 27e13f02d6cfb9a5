package dev.policysmith.merge.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One dimension of a {@link Box} (actions, resources or principals): absent, the bare {@code "*"}
 * principal, a positive set whose members are alternatives (joinable by union), or a negated set
 * ({@code NotAction}, {@code NotResource}, {@code NotPrincipal}) that is only ever carried whole.
 */
public final class Clause {
  /** The shapes a clause can have. */
  public enum Kind {
    /** The element is absent. */
    ABSENT,
    /** {@code "Principal": "*"}. */
    ANYONE,
    /** {@code Action}, {@code Resource} or a {@code Principal} map: a union of its values. */
    POSITIVE,
    /** {@code NotAction}, {@code NotResource} or a {@code NotPrincipal} map. */
    NEGATED,
    /** {@code "NotPrincipal": "*"}. */
    NEGATED_ANYONE
  }

  /**
   * Orders action patterns case-insensitively first, so that spellings of one action sit together.
   */
  public static final Comparator<String> FOLD_THEN_EXACT =
      String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

  static final Clause ABSENT = new Clause(Kind.ABSENT, Collections.emptySortedSet());

  private final Kind kind;
  private final SortedSet<String> values;

  /**
   * The hash, computed once: clauses are compared and hashed whole each time grants are grouped,
   * and hashing the sorted set walks every value.
   */
  private final int hash;

  /**
   * Returns a clause.
   *
   * @param kind what the clause is
   * @param values the sorted values, not to be changed afterwards
   */
  public Clause(Kind kind, SortedSet<String> values) {
    this.kind = kind;
    this.values = values;
    this.hash = 31 * kind.ordinal() + values.hashCode();
  }

  /** Returns what the clause is. */
  public Kind kind() {
    return kind;
  }

  /** Returns the sorted values; for principals each is {@code TYPE + "\n" + identifier}. */
  public SortedSet<String> values() {
    return values;
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || (other instanceof Clause clause
            && hash == clause.hash
            && kind == clause.kind
            && values.equals(clause.values));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Clause[kind=" + kind + ", values=" + values + "]";
  }

  /** Returns a clause of the given kind holding {@code values} sorted by {@code order}. */
  static Clause of(Kind kind, Comparator<String> order, Collection<String> values) {
    TreeSet<String> sorted = new TreeSet<>(order);
    sorted.addAll(values);
    return new Clause(kind, Collections.unmodifiableSortedSet(sorted));
  }

  /** Returns whether this is a positive set, the only kind that joins by union. */
  boolean joinable() {
    return kind == Kind.POSITIVE;
  }

  /**
   * Returns this clause's kind with no values: the placeholder a grouping key puts in its place.
   */
  Clause blank() {
    return new Clause(kind, Collections.emptySortedSet());
  }

  /** Returns the union of two positive clauses, kept in this clause's order. */
  Clause union(Clause other) {
    TreeSet<String> sorted = new TreeSet<>(values.comparator());
    sorted.addAll(values);
    sorted.addAll(other.values);
    return new Clause(kind, Collections.unmodifiableSortedSet(sorted));
  }
}
