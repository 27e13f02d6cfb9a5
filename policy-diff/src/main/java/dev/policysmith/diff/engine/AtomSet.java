package dev.policysmith.diff.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The set of value lists of a multivalued condition key that a region allows: a request's list of
 * values stands for the set {@code T} of {@linkplain KeyAtoms atoms} it hits (an empty list for the
 * empty set), and this is a set of such {@code T}, one bit per subset of the atoms, plus whether a
 * request without the key is a member. Every condition on the key is such a set: {@code
 * ForAnyValue:StringLike} with the values {@code L} holds for the {@code T} meeting {@code L}'s
 * atoms, {@code ForAllValues:} for the {@code T} inside them, so intersection, complement and
 * emptiness are bit operations, exact for requests with any number of values.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html">Conditions
 *     with multiple context keys or values</a>
 */
public final class AtomSet extends DimSet {
  private final KeyAtoms atoms;
  private final boolean absent;

  /** Bit {@code t} set: a request whose values hit exactly the atoms of mask {@code t} is in. */
  private final long[] bits;

  private AtomSet(KeyAtoms atoms, boolean absent, long[] bits) {
    this.atoms = atoms;
    this.absent = absent;
    this.bits = bits;
  }

  /** Returns the set of the value lists whose mask of atoms satisfies {@code present}. */
  static AtomSet of(KeyAtoms atoms, boolean absent, IntPredicate present) {
    int subsets = 1 << atoms.size();
    long[] bits = new long[words(atoms)];
    for (int t = 0; t < subsets; t++) {
      if (present.test(t)) {
        bits[t >>> 6] |= 1L << (t & 63);
      }
    }
    return new AtomSet(atoms, absent, bits);
  }

  private static int words(KeyAtoms atoms) {
    return Math.max(1, (1 << atoms.size()) >>> 6);
  }

  /** Returns the atoms of the key. */
  KeyAtoms atoms() {
    return atoms;
  }

  /** Returns whether the value lists hitting exactly the atoms of mask {@code t} are members. */
  boolean has(int t) {
    return (bits[t >>> 6] & (1L << (t & 63))) != 0;
  }

  @Override
  public boolean absent() {
    return absent;
  }

  @Override
  public DimSet intersect(DimSet other) {
    AtomSet o = lift(other);
    if (o == null) {
      return this;
    }
    long[] out = new long[bits.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = bits[i] & o.bits[i];
    }
    return new AtomSet(atoms, absent && o.absent, out);
  }

  /**
   * Returns {@code other} as a set over the same atoms, or null for the universal set. The only
   * other sets a key's dimension meets are the unconstrained one of {@link Box#get} and the sets
   * derived from it (everything present, only absence, nothing).
   */
  private @Nullable AtomSet lift(DimSet other) {
    if (other instanceof AtomSet a) {
      if (a.atoms != atoms) {
        throw new IllegalStateException("sets over different atoms of " + atoms.dim());
      }
      return a;
    }
    if (other.isUniversal()) {
      return null;
    }
    if (other instanceof StrSet s && (s.allValues() || s.language().isEmpty())) {
      boolean present = s.allValues();
      return of(atoms, s.absent(), t -> present);
    }
    throw new IllegalStateException("a value set of " + atoms.dim() + " that is not over atoms");
  }

  @Override
  public DimSet complement() {
    long[] out = new long[bits.length];
    int subsets = 1 << atoms.size();
    for (int i = 0; i < out.length; i++) {
      out[i] = ~bits[i];
    }
    if (subsets < 64) {
      out[0] &= (1L << subsets) - 1;
    }
    return new AtomSet(atoms, !absent, out);
  }

  @Override
  public boolean isEmpty() {
    return !absent && presentEmpty();
  }

  /** Returns whether no request carrying the key is a member. */
  boolean presentEmpty() {
    for (long word : bits) {
      if (word != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isUniversal() {
    return absent && presentAll();
  }

  /** Returns whether every request carrying the key, with any values, is a member. */
  boolean presentAll() {
    int subsets = 1 << atoms.size();
    if (subsets < 64) {
      return bits[0] == (1L << subsets) - 1;
    }
    for (long word : bits) {
      if (word != -1L) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean contains(Optional<String> value) {
    return value.map(v -> has(1 << atoms.indexOf(v))).orElse(absent);
  }

  @Override
  public boolean containsValues(@Nullable List<String> values) {
    return values == null ? absent : has(atoms.maskOf(values));
  }

  @Override
  public Optional<String> example(List<String> hints, boolean preferAbsent) {
    return exampleValues(hints, preferAbsent).map(values -> values.isEmpty() ? "" : values.get(0));
  }

  /**
   * Returns the values of a member request, empty for a request without the key (preferred when
   * {@code preferAbsent}); otherwise the fewest atoms, one value from each. Only called on a
   * non-empty set.
   */
  public Optional<List<String>> exampleValues(List<String> hints, boolean preferAbsent) {
    if (absent && (preferAbsent || presentEmpty())) {
      return Optional.empty();
    }
    // The fewest atoms that make a member, the empty list only when nothing else is one.
    int best = 0;
    for (int t = 1; t < 1 << atoms.size(); t++) {
      if (has(t) && (best == 0 || Integer.bitCount(t) < Integer.bitCount(best))) {
        best = t;
      }
    }
    List<String> examples = atoms.examples(hints);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      if ((best & (1 << i)) != 0) {
        out.add(examples.get(i));
      }
    }
    return Optional.of(out);
  }

  @Override
  public String toString() {
    List<String> members = new ArrayList<>();
    if (absent) {
      members.add("absent");
    }
    for (int t = 0; t < 1 << atoms.size(); t++) {
      if (has(t)) {
        members.add(Integer.toBinaryString(t));
      }
    }
    return "atoms" + members;
  }
}
