package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A set of strings, a regular language, plus whether absence is a member. The language is held as
 * an automaton, or, once the diff has found the {@link Cells} of the dimension, as the set of its
 * cells, the automaton then made only when asked for.
 */
public final class StrSet extends DimSet {
  private final boolean absent;
  private @Nullable Automaton language;
  private final boolean folded;

  /** The cells of the dimension, when the language is held as {@link #bits}; else null. */
  private final @Nullable Cells cells;

  private final long @Nullable [] bits;

  /**
   * The folded set whose complement this is, with the automaton made only when asked for: for the
   * cells of a {@code NotAction} the listed actions suffice, and complementing their automaton
   * (every state made total) was a good part of encoding a large one.
   */
  private final @Nullable StrSet complementOf;

  /**
   * The patterns this folded set is the union of, with the builder of its automaton: for the cells
   * of a dimension the patterns' own cells suffice, and the automaton of a statement's list of
   * actions is then never built.
   */
  private final @Nullable List<String> unionOf;

  private java.util.function.@Nullable Supplier<Automaton> build;

  /** The complement, made once: subtraction asks for it again and again. */
  private @Nullable StrSet complement;

  StrSet(boolean absent, Automaton language) {
    this(absent, language, false);
  }

  StrSet(boolean absent, Automaton language, boolean folded) {
    this.absent = absent;
    this.language = language;
    this.folded = folded;
    this.cells = null;
    this.bits = null;
    this.complementOf = null;
    this.unionOf = null;
  }

  private StrSet(
      @Nullable StrSet complementOf,
      @Nullable List<String> unionOf,
      java.util.function.@Nullable Supplier<Automaton> build) {
    this.absent = false;
    this.language = null;
    this.folded = true;
    this.cells = null;
    this.bits = null;
    this.complementOf = complementOf;
    this.unionOf = unionOf;
    this.build = build;
  }

  /** Returns the folded set of the strings not in {@code set}, absence not a member. */
  static StrSet foldedComplement(StrSet set) {
    return new StrSet(set, null, null);
  }

  /**
   * Returns the folded set of the strings matching one of the {@code patterns}, absence not a
   * member, whose automaton {@code build} makes when first asked for.
   */
  static StrSet foldedUnion(List<String> patterns, java.util.function.Supplier<Automaton> build) {
    return new StrSet(null, List.copyOf(patterns), build);
  }

  /** Returns the patterns this set is the union of, when made by {@link #foldedUnion}. */
  @Nullable List<String> unionOf() {
    return unionOf;
  }

  /** Returns the set this is the complement of, when made by {@link #foldedComplement}. */
  @Nullable StrSet complementOf() {
    return complementOf;
  }

  private StrSet(boolean absent, Cells cells, long[] bits) {
    this.absent = absent;
    this.language = null;
    this.folded = cells.folded();
    this.cells = cells;
    this.bits = bits;
    this.complementOf = null;
    this.unionOf = null;
  }

  /** Returns this set with its language held as the given cells of its dimension. */
  StrSet inCells(Cells cells, long[] bits) {
    return new StrSet(absent, cells, bits);
  }

  /** Returns whether the language is held as cells. */
  boolean hasCells() {
    return cells != null;
  }

  /** Returns the cells its language is held as, or null. */
  @Nullable Cells cells() {
    return cells;
  }

  /** Returns its cells, when its language is held as cells; else null. */
  long @Nullable [] bits() {
    return bits;
  }

  /** Returns whether this set's strings are compared folded. */
  boolean isFolded() {
    return folded;
  }

  /** Returns the set of the given language, with or without absence. */
  public static StrSet of(boolean absent, Automaton language) {
    return new StrSet(absent, Languages.minimal(language));
  }

  /** Returns the set of a language that is already minimal, with or without absence. */
  static StrSet ofMinimal(boolean absent, Automaton language) {
    return new StrSet(absent, language);
  }

  /**
   * Returns a set of strings compared ignoring case: its language holds folded strings, and values
   * are folded before they are looked up.
   */
  public static StrSet folded(Automaton language) {
    // Not minimised: the pattern builders give deterministic automata without dead states, all
    // that emptiness and the product walks need.
    return new StrSet(false, language, true);
  }

  private StrSet make(boolean absent, Automaton language) {
    return new StrSet(absent, Languages.minimal(language), folded);
  }

  private String look(String value) {
    return folded ? Languages.fold(value) : value;
  }

  /** Returns every string and absence. */
  public static StrSet universal() {
    // A new automaton each time: dk.brics renumbers states while reading an automaton, so one
    // instance must not be shared between threads.
    return new StrSet(true, Languages.anyString());
  }

  /** Returns every string, not absence. */
  public static StrSet present() {
    return new StrSet(false, Languages.anyString());
  }

  /** Returns only absence. */
  public static StrSet onlyAbsent() {
    return new StrSet(true, Languages.none());
  }

  /** Returns the language of the values. */
  public Automaton language() {
    Automaton a = language;
    if (a == null) {
      StrSet of = complementOf;
      java.util.function.Supplier<Automaton> builder = build;
      if (builder != null) {
        a = builder.get();
        build = null;
      } else if (of != null) {
        Automaton positive = of.language();
        a =
            positive.isTotal()
                ? Languages.none()
                : positive.isEmpty() ? Languages.anyString() : positive.complement();
      } else {
        a =
            java.util.Objects.requireNonNull(cells)
                .language(java.util.Objects.requireNonNull(bits));
      }
      language = a;
    }
    return a;
  }

  /**
   * Returns the other set over the same cells as this one, when this one's language is held as
   * cells and the other's is too or is every or no string; else null (the automata are needed).
   */
  private long @Nullable [] aligned(StrSet other) {
    Cells c = cells;
    if (c == null) {
      return null;
    }
    if (other.cells == c) {
      return other.bits;
    }
    if (other.cells == null) {
      if (other.language().isTotal()) {
        return c.all();
      }
      if (other.language().isEmpty()) {
        return new long[c.words()];
      }
    }
    return null;
  }

  /** The cells of this set, when it and {@code other} have the same cells; else null. */
  private @Nullable Cells common(StrSet other) {
    if (cells != null && aligned(other) != null) {
      return cells;
    }
    if (other.cells != null && other.aligned(this) != null) {
      return other.cells;
    }
    return null;
  }

  /** The cells of {@code set} over {@code c}, known to be aligned. */
  private static long[] over(Cells c, StrSet set) {
    if (set.cells == c) {
      return java.util.Objects.requireNonNull(set.bits);
    }
    return set.language().isTotal() ? c.all() : new long[c.words()];
  }

  /** Whether every string (every folded one, for a folded set) is in the language. */
  private boolean total() {
    return cells != null ? java.util.Arrays.equals(bits, cells.all()) : language().isTotal();
  }

  /** Whether no string is in the language, as the automaton's own test says. */
  private boolean noString() {
    return cells != null
        ? Cells.isZero(java.util.Objects.requireNonNull(bits))
        : language().isEmpty();
  }

  @Override
  public boolean absent() {
    return absent;
  }

  @Override
  public DimSet intersect(DimSet other) {
    if (other instanceof StrSet s) {
      // Fast paths: most dimensions of most boxes are unconstrained.
      if (total() && (absent || !s.absent)) {
        return s;
      }
      if (s.total() && (s.absent || !absent)) {
        return this;
      }
      Cells c = common(s);
      if (c != null) {
        return new StrSet(absent && s.absent, c, Cells.and(over(c, this), over(c, s)));
      }
      Automaton language = language();
      if (language.isTotal()) {
        return new StrSet(false, s.language(), s.folded);
      }
      if (s.language().isTotal()) {
        return new StrSet(false, language, folded);
      }
      // Not minimised: the product of deterministic automata is deterministic and dk.brics drops
      // its dead states, which is all emptiness and the product walks need; minimising every
      // piece of every subtraction was most of the diff's time.
      return new StrSet(
          absent && s.absent, Product.intersection(language, s.language()), folded || s.folded);
    }
    return other.intersect(this);
  }

  @Override
  public DimSet minus(DimSet other) {
    if (other instanceof StrSet s) {
      Cells c = common(s);
      if (c != null) {
        return new StrSet(absent && !s.absent, c, Cells.andNot(over(c, this), over(c, s)));
      }
    }
    Automaton language = language();
    if (other instanceof StrSet s
        && !language.isTotal()
        && !language.isEmpty()
        && !s.language().isTotal()
        && !s.language().isEmpty()) {
      // Walked beside the other language instead of intersecting with its complement: building
      // the complement of each blocker's set (a copy, totalised) was a good part of subtracting.
      return new StrSet(
          absent && !s.absent, Product.minus(language, s.language()), folded || s.folded);
    }
    return super.minus(other);
  }

  @Override
  public DimSet complement() {
    StrSet c = complement;
    if (c == null && cells != null) {
      c =
          new StrSet(
              !absent, cells, Cells.andNot(cells.all(), java.util.Objects.requireNonNull(bits)));
      complement = c;
    }
    if (c == null) {
      Automaton language = language();
      if (language.isTotal()) {
        c = new StrSet(!absent, Languages.none(), folded);
      } else if (language.isEmpty()) {
        c = new StrSet(!absent, Languages.anyString(), folded);
      } else {
        // The complement of a minimal automaton is minimal: no need to minimise it again.
        c = new StrSet(!absent, language.complement(), folded);
      }
      complement = c;
    }
    return c;
  }

  @Override
  public boolean isEmpty() {
    if (absent) {
      return false;
    }
    if (cells != null) {
      return Cells.isZero(java.util.Objects.requireNonNull(bits));
    }
    Automaton language = language();
    if (language.isEmpty()) {
      return true;
    }
    if (language.isTotal()) {
      return false;
    }
    // A folded set may hold strings no folded value ever is (the complement of a pattern holds
    // "KMS:DECRYPT"); only folded strings count.
    return !Product.nonEmpty(language, folded);
  }

  @Override
  public boolean intersects(DimSet other) {
    if (!(other instanceof StrSet s)) {
      return super.intersects(other);
    }
    if (absent && s.absent) {
      return true;
    }
    Cells c = common(s);
    if (c != null) {
      return Cells.meet(over(c, this), over(c, s));
    }
    if (s.language().isTotal()) {
      return !isEmptyLanguage();
    }
    if (language().isTotal()) {
      return !s.isEmptyLanguage();
    }
    return Product.intersects(language(), s.language(), folded || s.folded);
  }

  /** Whether no string (folded, for a folded set) is in the language, absence aside. */
  private boolean isEmptyLanguage() {
    if (cells != null) {
      return Cells.isZero(java.util.Objects.requireNonNull(bits));
    }
    Automaton language = language();
    return language.isEmpty() || (!language.isTotal() && !Product.nonEmpty(language, folded));
  }

  @Override
  public boolean subsetOf(DimSet other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof StrSet s)) {
      return super.subsetOf(other);
    }
    if (absent && !s.absent) {
      return false;
    }
    Cells c = common(s);
    if (c != null) {
      return Cells.within(over(c, this), over(c, s));
    }
    Automaton language = language();
    if (s.language().isTotal() || language.isEmpty()) {
      return true;
    }
    // Decided directly on the two automata: a string of this language outside the other's,
    // looking only at folded strings when either set is folded, as intersect and isEmpty do.
    return Product.subsetOf(language, s.language(), folded || s.folded);
  }

  /** Returns the strings of any of the sets, and absence if any holds it. */
  static StrSet unionOfStrings(List<StrSet> sets) {
    Cells c = sets.get(0).cells;
    if (c != null && sets.stream().allMatch(x -> x.cells == c)) {
      boolean absent = false;
      long[] bits = new long[c.words()];
      for (StrSet x : sets) {
        absent |= x.absent;
        bits = Cells.or(bits, java.util.Objects.requireNonNull(x.bits));
      }
      return new StrSet(absent, c, bits);
    }
    boolean absent = false;
    boolean folded = false;
    java.util.Set<Automaton> languages =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (StrSet s : sets) {
      absent |= s.absent;
      folded |= s.folded;
      if (s.language().isTotal()) {
        return new StrSet(absent || sets.stream().anyMatch(x -> x.absent), s.language(), folded);
      }
      if (!s.language().isEmpty()) {
        languages.add(s.language());
      }
    }
    Automaton language =
        languages.isEmpty()
            ? Languages.none()
            : languages.size() == 1
                ? languages.iterator().next()
                : Languages.deterministicUnion(languages);
    return new StrSet(absent, language, folded);
  }

  @Override
  public DimSet union(DimSet other) {
    if (!(other instanceof StrSet s)) {
      return super.union(other);
    }
    boolean either = absent || s.absent;
    Cells c = common(s);
    if (c != null) {
      return new StrSet(either, c, Cells.or(over(c, this), over(c, s)));
    }
    boolean foldedEither = folded || s.folded;
    Automaton language = language();
    if (language.isTotal() || s.language().isEmpty()) {
      return new StrSet(either, language, foldedEither);
    }
    if (s.language().isTotal() || language.isEmpty()) {
      return new StrSet(either, s.language(), foldedEither);
    }
    return new StrSet(
        either, Languages.deterministicUnion(List.of(language, s.language())), foldedEither);
  }

  @Override
  public boolean isUniversal() {
    return absent && total();
  }

  /** Returns whether every string is a member (absence aside). */
  public boolean allValues() {
    return total();
  }

  /** Returns whether no string is a member (absence aside). */
  public boolean noValues() {
    return noString();
  }

  /**
   * Whether the value is a member, folding it character by character while stepping through the
   * deterministic automaton: each of the hundreds of hints of an example was folded into a new
   * string first.
   */
  private boolean runs(String value) {
    if (cells != null) {
      int cell = cells.cellOf(look(value));
      return cell >= 0 && Cells.has(java.util.Objects.requireNonNull(bits), cell);
    }
    Automaton language = language();
    if (!folded || !language.isDeterministic() || language.getSingleton() != null) {
      return language.run(look(value));
    }
    dk.brics.automaton.State state = language.getInitialState();
    for (int i = 0; i < value.length() && state != null; i++) {
      state = state.step(Character.toLowerCase(Character.toUpperCase(value.charAt(i))));
    }
    return state != null && state.isAccept();
  }

  @Override
  public boolean contains(Optional<String> value) {
    return value.map(this::runs).orElse(absent);
  }

  @Override
  public Optional<String> example(List<String> hints, boolean preferAbsent) {
    if (absent && (preferAbsent || noString())) {
      return Optional.empty();
    }
    if (cells != null) {
      int first = cells.firstIn(hints, this::look, java.util.Objects.requireNonNull(bits));
      if (first >= 0) {
        return Optional.of(hints.get(first));
      }
    } else {
      for (String hint : hints) {
        if (runs(hint)) {
          return Optional.of(hint);
        }
      }
    }
    // Walked directly: the products with the readable and the folded strings were the slowest
    // part of describing a region of a large policy.
    Automaton language = language();
    String nice = Product.shortest(language, folded, NICE_LO, NICE_HI);
    if (nice != null) {
      return Optional.of(nice);
    }
    return Optional.of(
        java.util.Objects.requireNonNull(
            Product.shortest(language, folded, new char[] {0}, new char[] {Character.MAX_VALUE})));
  }

  /**
   * Letters, digits and the punctuation of ARNs and action names, for readable examples: {@code
   * -./0-9:}, {@code A-Z}, {@code _} and {@code a-z} as sorted ranges.
   */
  private static final char[] NICE_LO = {'-', 'A', '_', 'a'};

  private static final char[] NICE_HI = {':', 'Z', '_', 'z'};

  @Override
  public String toString() {
    return (absent ? "absent|" : "") + language().getShortestExample(true);
  }
}
