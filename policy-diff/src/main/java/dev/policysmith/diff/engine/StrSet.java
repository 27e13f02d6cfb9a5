package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A set of strings, a regular language, plus whether absence is a member. */
public final class StrSet extends DimSet {
  private final boolean absent;
  private final Automaton language;
  private final boolean folded;

  /** The complement, made once: subtraction asks for it again and again. */
  private @Nullable StrSet complement;

  StrSet(boolean absent, Automaton language) {
    this(absent, language, false);
  }

  StrSet(boolean absent, Automaton language, boolean folded) {
    this.absent = absent;
    this.language = language;
    this.folded = folded;
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
    return language;
  }

  @Override
  public boolean absent() {
    return absent;
  }

  @Override
  public DimSet intersect(DimSet other) {
    if (other instanceof StrSet s) {
      // Fast paths: most dimensions of most boxes are unconstrained.
      if (language.isTotal() && (absent || !s.absent)) {
        return s;
      }
      if (s.language.isTotal() && (s.absent || !absent)) {
        return this;
      }
      if (language.isTotal()) {
        return new StrSet(false, s.language, s.folded);
      }
      if (s.language.isTotal()) {
        return new StrSet(false, language, folded);
      }
      // Not minimised: the product of deterministic automata is deterministic and dk.brics drops
      // its dead states, which is all emptiness and the product walks need; minimising every
      // piece of every subtraction was most of the diff's time.
      return new StrSet(
          absent && s.absent, Product.intersection(language, s.language), folded || s.folded);
    }
    return other.intersect(this);
  }

  @Override
  public DimSet minus(DimSet other) {
    if (other instanceof StrSet s
        && !language.isTotal()
        && !language.isEmpty()
        && !s.language.isTotal()
        && !s.language.isEmpty()) {
      // Walked beside the other language instead of intersecting with its complement: building
      // the complement of each blocker's set (a copy, totalised) was a good part of subtracting.
      return new StrSet(
          absent && !s.absent, Product.minus(language, s.language), folded || s.folded);
    }
    return super.minus(other);
  }

  @Override
  public DimSet complement() {
    StrSet c = complement;
    if (c == null) {
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
    if (s.language.isTotal()) {
      return !isEmptyLanguage();
    }
    if (language.isTotal()) {
      return !s.isEmptyLanguage();
    }
    return Product.intersects(language, s.language, folded || s.folded);
  }

  /** Whether no string (folded, for a folded set) is in the language, absence aside. */
  private boolean isEmptyLanguage() {
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
    if (s.language.isTotal() || language.isEmpty()) {
      return true;
    }
    // Decided directly on the two automata: a string of this language outside the other's,
    // looking only at folded strings when either set is folded, as intersect and isEmpty do.
    return Product.subsetOf(language, s.language, folded || s.folded);
  }

  /** Returns the strings of any of the sets, and absence if any holds it. */
  static StrSet unionOfStrings(List<StrSet> sets) {
    boolean absent = false;
    boolean folded = false;
    java.util.Set<Automaton> languages =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (StrSet s : sets) {
      absent |= s.absent;
      folded |= s.folded;
      if (s.language.isTotal()) {
        return new StrSet(absent || sets.stream().anyMatch(x -> x.absent), s.language, folded);
      }
      if (!s.language.isEmpty()) {
        languages.add(s.language);
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
    boolean foldedEither = folded || s.folded;
    if (language.isTotal() || s.language.isEmpty()) {
      return new StrSet(either, language, foldedEither);
    }
    if (s.language.isTotal() || language.isEmpty()) {
      return new StrSet(either, s.language, foldedEither);
    }
    return new StrSet(
        either, Languages.deterministicUnion(List.of(language, s.language)), foldedEither);
  }

  @Override
  public boolean isUniversal() {
    return absent && language.isTotal();
  }

  /** Returns whether every string is a member (absence aside). */
  public boolean allValues() {
    return language.isTotal();
  }

  /**
   * Whether the value is a member, folding it character by character while stepping through the
   * deterministic automaton: each of the hundreds of hints of an example was folded into a new
   * string first.
   */
  private boolean runs(String value) {
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
    return value.map(v -> language.run(look(v))).orElse(absent);
  }

  @Override
  public Optional<String> example(List<String> hints, boolean preferAbsent) {
    if (absent && (preferAbsent || language.isEmpty())) {
      return Optional.empty();
    }
    for (String hint : hints) {
      if (runs(hint)) {
        return Optional.of(hint);
      }
    }
    // Walked directly: the products with the readable and the folded strings were the slowest
    // part of describing a region of a large policy.
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
    return (absent ? "absent|" : "") + language.getShortestExample(true);
  }
}
