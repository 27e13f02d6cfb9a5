package dev.policysmith.diff.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The atoms of a multivalued condition key: the non-empty cells of the Venn partition of every set
 * of values a condition on the key matches, in either policy compared. Two request values in one
 * atom satisfy exactly the same conditions, so a request's list of values matters only through the
 * set of atoms it hits, which is what an {@link AtomSet} is a set of.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued
 *     vs. multivalued context keys</a>
 */
final class KeyAtoms {
  /** The most atoms a key may have: sets of atoms are bit sets of {@code 2^MAX} bits. */
  static final int MAX = 12;

  private final String dim;
  private final List<DimSet> atoms;
  private @Nullable List<String> examples;

  private KeyAtoms(String dim, List<DimSet> atoms) {
    this.dim = dim;
    this.atoms = List.copyOf(atoms);
  }

  /**
   * Returns the atoms of the given value sets (each without absence), refined from {@code
   * universe}, every value a request may carry; or empty when there would be more than {@link
   * #MAX}.
   */
  static Optional<KeyAtoms> partition(String dim, DimSet universe, List<DimSet> matching) {
    List<DimSet> cells = List.of(universe);
    for (DimSet m : matching) {
      List<DimSet> next = new ArrayList<>();
      for (DimSet cell : cells) {
        // Most cells lie wholly on one side of a set: no automaton is built for them.
        if (cell.subsetOf(m) || !cell.intersects(m)) {
          next.add(cell);
          continue;
        }
        next.add(cell.intersect(m));
        next.add(cell.minus(m));
      }
      if (next.size() > MAX) {
        return Optional.empty();
      }
      cells = next;
    }
    // Not minimised: products of deterministic automata are deterministic, all that membership
    // and the walks need, and minimising every cell was most of the time of splitting a key.
    return Optional.of(new KeyAtoms(dim, cells));
  }

  /** Returns the dimension of the key. */
  String dim() {
    return dim;
  }

  /** Returns the number of atoms. */
  int size() {
    return atoms.size();
  }

  /** Returns the atom at {@code index}. */
  DimSet atom(int index) {
    return atoms.get(index);
  }

  /** Returns the mask of every atom. */
  int all() {
    return (1 << atoms.size()) - 1;
  }

  /** Returns the index of the atom holding a request value. */
  int indexOf(String value) {
    Optional<String> v = Optional.of(value);
    for (int i = 0; i < atoms.size(); i++) {
      if (atoms.get(i).contains(v)) {
        return i;
      }
    }
    // The atoms partition every value; unreachable unless a set was not among those partitioned.
    throw new IllegalStateException("no atom of " + dim + " holds " + value);
  }

  /** Returns the atoms a set of values (one a condition matches) holds, as a mask. */
  int mask(DimSet matching) {
    int mask = 0;
    for (int i = 0; i < atoms.size(); i++) {
      if (atoms.get(i).intersects(matching)) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  /** Returns the atoms that a list of request values hits, as a mask. */
  int maskOf(List<String> values) {
    int mask = 0;
    for (String value : values) {
      mask |= 1 << indexOf(value);
    }
    return mask;
  }

  /** Returns one value of each atom, by index, preferring the first of {@code hints} in it. */
  List<String> examples(List<String> hints) {
    List<String> out = examples;
    if (out == null) {
      out = new ArrayList<>();
      for (DimSet atom : atoms) {
        out.add(atom.example(hints, false).orElseThrow());
      }
      examples = List.copyOf(out);
      out = examples;
    }
    return out;
  }
}
