package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.util.List;
import java.util.Optional;

/** A set of strings, a regular language, plus whether absence is a member. */
public final class StrSet extends DimSet {
  private static final Automaton NICE = niceStrings();

  private final boolean absent;
  private final Automaton language;
  private final boolean folded;

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
    if (language.isTotal()) {
      return new StrSet(!absent, Languages.none(), folded);
    }
    return make(!absent, language.isEmpty() ? Languages.anyString() : language.complement());
  }

  @Override
  public boolean isEmpty() {
    if (absent || language.isEmpty()) {
      return !absent && language.isEmpty();
    }
    // A folded set may hold strings no folded value ever is (the complement of a pattern holds
    // "KMS:DECRYPT"); only folded strings count.
    return folded
        && !language.isTotal()
        && language.intersection(Languages.foldedStrings()).isEmpty();
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
