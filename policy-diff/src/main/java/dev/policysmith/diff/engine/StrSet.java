package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.util.List;
import java.util.Optional;

/** A set of strings, a regular language, plus whether absence is a member. */
public final class StrSet extends DimSet {
  private static final Automaton NICE = niceStrings();

  private final boolean absent;
  private final Automaton language;

  StrSet(boolean absent, Automaton language) {
    this.absent = absent;
    this.language = language;
  }

  /** Returns the set of the given language, with or without absence. */
  public static StrSet of(boolean absent, Automaton language) {
    return new StrSet(absent, Languages.minimal(language));
  }

  /** Returns every string and absence. */
  public static StrSet universal() {
    return UNIVERSAL;
  }

  private static final StrSet UNIVERSAL = new StrSet(true, Languages.anyString());

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
        return new StrSet(false, s.language);
      }
      if (s.language.isTotal()) {
        return new StrSet(false, language);
      }
      return of(absent && s.absent, language.intersection(s.language));
    }
    return other.intersect(this);
  }

  @Override
  public DimSet complement() {
    if (language.isTotal()) {
      return new StrSet(!absent, Languages.none());
    }
    if (language.isEmpty()) {
      return new StrSet(!absent, Languages.anyString());
    }
    return of(!absent, language.complement());
  }

  @Override
  public boolean isEmpty() {
    return !absent && language.isEmpty();
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
    return value.map(language::run).orElse(absent);
  }

  @Override
  public Optional<String> example(List<String> hints, boolean preferAbsent) {
    if (absent && (preferAbsent || language.isEmpty())) {
      return Optional.empty();
    }
    for (String hint : hints) {
      if (language.run(hint)) {
        return Optional.of(hint);
      }
    }
    String nice = language.intersection(NICE).getShortestExample(true);
    if (nice != null) {
      return Optional.of(nice);
    }
    return Optional.of(language.getShortestExample(true));
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
