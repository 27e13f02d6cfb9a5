package dev.policysmith.diff.engine;

import java.util.List;
import java.util.Optional;

/**
 * The truth values one {@linkplain Variables variable dimension} allows: whether the request's
 * resolved pattern matches ({@code "true"}), does not ({@code "false"}), or either. Every request
 * has one of the two, so absence is never a member. Immutable.
 */
final class BoolSet extends DimSet {
  static final BoolSet TRUE = new BoolSet(true, false);
  static final BoolSet FALSE = new BoolSet(false, true);
  private static final BoolSet BOTH = new BoolSet(true, true);
  private static final BoolSet NEITHER = new BoolSet(false, false);

  private final boolean whenTrue;
  private final boolean whenFalse;

  private BoolSet(boolean whenTrue, boolean whenFalse) {
    this.whenTrue = whenTrue;
    this.whenFalse = whenFalse;
  }

  private static BoolSet of(boolean whenTrue, boolean whenFalse) {
    return whenTrue ? (whenFalse ? BOTH : TRUE) : (whenFalse ? FALSE : NEITHER);
  }

  /** Returns the set holding only {@code value}. */
  static BoolSet only(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** Returns whether the set allows a request whose pattern matches. */
  boolean whenTrue() {
    return whenTrue;
  }

  /** Returns whether the set allows a request whose pattern does not match. */
  boolean whenFalse() {
    return whenFalse;
  }

  @Override
  public boolean absent() {
    return false;
  }

  /**
   * Returns the truth values in both sets. The other set is a {@code BoolSet}, or the universal or
   * empty set a box gives for a dimension it does not name and the generic operations of {@link
   * DimSet} derive from it.
   */
  @Override
  public DimSet intersect(DimSet other) {
    if (other instanceof BoolSet b) {
      return of(whenTrue && b.whenTrue, whenFalse && b.whenFalse);
    }
    if (other.isUniversal()) {
      return this;
    }
    if (other.isEmpty()) {
      return NEITHER;
    }
    throw new IllegalStateException("a variable dimension meets a set of values: " + other);
  }

  @Override
  public DimSet complement() {
    return of(!whenTrue, !whenFalse);
  }

  @Override
  public boolean isEmpty() {
    return !whenTrue && !whenFalse;
  }

  @Override
  public boolean isUniversal() {
    return whenTrue && whenFalse;
  }

  @Override
  public boolean contains(Optional<String> value) {
    return value
        .map(v -> v.equals("true") ? whenTrue : v.equals("false") && whenFalse)
        .orElse(false);
  }

  @Override
  public Optional<String> example(List<String> hints, boolean preferAbsent) {
    return Optional.of(whenTrue ? "true" : "false");
  }

  @Override
  public String toString() {
    return isUniversal() ? "true|false" : whenTrue ? "true" : whenFalse ? "false" : "none";
  }
}
