package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A set of strings, a regular language, plus whether absence is a member. */
public final class StrSet extends DimSet {
  private static final Automaton NICE = niceStrings();

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

  /**
   * Returns a set of strings compared ignoring case: its language holds folded strings, and values
   * are folded before they are looked up.
   */
  public static StrSet folded(Automaton language) {
    return new StrSet(false, Languages.minimal(language), true);
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
      return new StrSet(
          absent && s.absent,
          Languages.minimal(language.intersection(s.language)),
          folded || s.folded);
    }
    return other.intersect(this);
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
    return new StrSet(either, Languages.minimal(language.union(s.language)), foldedEither);
  }

  @Override
  public boolean isUniversal() {
    return absent && language.isTotal();
  }

  /** Returns whether every string is a member (absence aside). */
  public boolean allValues() {
    return language.isTotal();
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
      if (language.run(look(hint))) {
        return Optional.of(hint);
      }
    }
    Automaton values = folded ? language.intersection(Languages.foldedStrings()) : language;
    String nice = values.intersection(NICE.clone()).getShortestExample(true);
    if (nice != null) {
      return Optional.of(nice);
    }
    return Optional.of(values.getShortestExample(true));
  }

  /** Letters, digits and the punctuation of ARNs and action names: readable examples. */
  private static Automaton niceStrings() {
    Automaton chars =
        Automaton.makeCharRange('a', 'z')
            .union(Automaton.makeCharRange('0', '9'))
            .union(Automaton.makeCharSet(":/-._"))
            .union(Automaton.makeCharRange('A', 'Z'));
    return Languages.minimal(chars.repeat());
  }

  @Override
  public String toString() {
    return (absent ? "absent|" : "") + language.getShortestExample(true);
  }
}
