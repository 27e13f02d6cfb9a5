package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts sets back into the words of the policies: a language is described by the patterns written in
 * either policy that it covers, or as a pattern "except" the patterns it leaves out.
 */
public final class Describer {
  private final Vocabulary vocabulary;
  private final Map<String, String> keyNames;

  /** Returns a describer using the patterns of {@code vocabulary}. */
  public Describer(Vocabulary vocabulary, Map<String, String> keyNames) {
    this.vocabulary = vocabulary;
    this.keyNames = keyNames;
  }

  /** Returns the display name of a condition key dimension. */
  public String keyName(String dim) {
    return keyNames.getOrDefault(dim, dim.substring(Box.KEY.length()));
  }

  /**
   * Returns the values of a string dimension as patterns: {@code ["*"]} for every value, else the
   * covered patterns and, for the rest, {@code "P except Q, R"}.
   */
  public List<String> strings(String dim, Automaton set) {
    if (set.isTotal()) {
      return List.of("*");
    }
    if (dim.equals(Box.ACTION)) {
      // Actions are compared as folded strings: every folded string is every action.
      Automaton folded = Languages.foldedStrings();
      if (folded.subsetOf(set)) {
        return List.of("*");
      }
      set = set.intersection(folded);
    }
    if (set.isEmpty()) {
      return List.of();
    }
    Optional<List<String>> clean = clean(dim, set);
    if (clean.isPresent()) {
      return clean.get();
    }
    Map<String, Automaton> vocab = vocabulary.languages(dim);
    List<String> out = new ArrayList<>(included(vocab, set));
    Automaton remainder = set.minus(union(vocab, out));
    for (Map.Entry<String, Automaton> e : vocab.entrySet()) {
      if (remainder.isEmpty()) {
        break;
      }
      if (out.contains(e.getKey()) || e.getValue().intersection(remainder).isEmpty()) {
        continue;
      }
      List<String> excluded = excluded(vocab, e.getValue(), set);
      out.add(
          excluded.isEmpty()
              ? "part of " + e.getKey()
              : e.getKey() + " except " + String.join(", ", excluded));
      remainder = remainder.minus(e.getValue());
    }
    if (!remainder.isEmpty()) {
      List<String> excluded = excluded(vocab, Languages.anyString(), set);
      out.add(
          excluded.isEmpty()
              ? "values such as " + remainder.getShortestExample(true)
              : "* except " + String.join(", ", excluded));
    }
    return out;
  }

  /** Returns the covered patterns when they make up the whole set exactly. */
  private Optional<List<String>> clean(String dim, Automaton set) {
    Map<String, Automaton> vocab = vocabulary.languages(dim);
    List<String> included = included(vocab, set);
    if (!included.isEmpty() && set.minus(union(vocab, included)).isEmpty()) {
      return Optional.of(included);
    }
    return Optional.empty();
  }

  /** The maximal patterns whose languages lie inside {@code set}. */
  private static List<String> included(Map<String, Automaton> vocab, Automaton set) {
    List<String> inside = new ArrayList<>();
    for (Map.Entry<String, Automaton> e : vocab.entrySet()) {
      if (!e.getValue().isEmpty() && e.getValue().subsetOf(set)) {
        inside.add(e.getKey());
      }
    }
    if (inside.size() > 40) {
      // Dropping covered patterns is quadratic; long lists are shown as written.
      return inside;
    }
    List<String> maximal = new ArrayList<>();
    for (int i = 0; i < inside.size(); i++) {
      Automaton mine = vocab.get(inside.get(i));
      boolean covered = false;
      for (int j = 0; j < inside.size() && !covered; j++) {
        if (i == j) {
          continue;
        }
        Automaton theirs = vocab.get(inside.get(j));
        if (mine.subsetOf(theirs) && (!theirs.subsetOf(mine) || j < i)) {
          covered = true;
        }
      }
      if (!covered) {
        maximal.add(inside.get(i));
      }
    }
    return maximal;
  }

  /** The maximal patterns that overlap {@code within} and lie wholly outside {@code set}. */
  private static List<String> excluded(
      Map<String, Automaton> vocab, Automaton within, Automaton set) {
    Map<String, Automaton> outside = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Automaton> e : vocab.entrySet()) {
      Automaton l = e.getValue();
      if (!l.intersection(within).isEmpty() && l.intersection(set).isEmpty()) {
        outside.put(e.getKey(), l);
      }
    }
    Automaton everything = Languages.anyString();
    return included(outside, everything).stream().filter(name -> maximal(outside, name)).toList();
  }

  private static boolean maximal(Map<String, Automaton> patterns, String name) {
    Automaton mine = patterns.get(name);
    for (Map.Entry<String, Automaton> e : patterns.entrySet()) {
      if (!e.getKey().equals(name) && mine.subsetOf(e.getValue()) && !e.getValue().subsetOf(mine)) {
        return false;
      }
    }
    return true;
  }

  private static Automaton union(Map<String, Automaton> vocab, List<String> names) {
    List<Automaton> parts = new ArrayList<>();
    for (String name : names) {
      parts.add(vocab.get(name));
    }
    return parts.isEmpty() ? Languages.none() : Automaton.union(parts);
  }

  /**
   * Returns a condition key's set in words, e.g. {@code kms:ViaService is
   * ec2.ap-northeast-1.amazonaws.com}, or empty when the set holds everything.
   */
  public Optional<String> condition(String dim, DimSet set) {
    if (set.isUniversal()) {
      return Optional.empty();
    }
    String name = keyName(dim);
    if (set instanceof RangeSet range) {
      return Optional.of(range(name, range));
    }
    StrSet strings = (StrSet) set;
    Automaton values = strings.language();
    if (values.isTotal()) {
      return Optional.of(name + " is present");
    }
    if (values.isEmpty()) {
      return Optional.of(name + " is absent");
    }
    String orAbsent = strings.absent() ? " or absent" : "";
    Optional<List<String>> positive = clean(dim, values);
    if (positive.isPresent()) {
      return Optional.of(name + " is " + String.join(" or ", positive.get()) + orAbsent);
    }
    Optional<List<String>> negative = clean(dim, values.complement());
    if (negative.isPresent()) {
      return Optional.of(
          name
              + " is not "
              + String.join(" or ", negative.get())
              + (strings.absent() ? " (or absent)" : " (and present)"));
    }
    return Optional.of(name + " is " + String.join(" or ", strings(dim, values)) + orAbsent);
  }

  private static String range(String name, RangeSet set) {
    List<String> parts = new ArrayList<>();
    ValueKind kind = set.kind();
    for (Interval i : set.intervals()) {
      BigDecimal lo = i.lo();
      BigDecimal hi = i.hi();
      if (lo != null && hi != null && lo.compareTo(hi) == 0) {
        parts.add(name + " = " + kind.format(lo));
      } else if (lo == null && hi == null) {
        parts.add(name + " is any " + kind.name().toLowerCase(java.util.Locale.ROOT));
      } else if (lo == null) {
        parts.add(name + (i.hiClosed() ? " <= " : " < ") + kind.format(hi));
      } else if (hi == null) {
        parts.add(name + (i.loClosed() ? " >= " : " > ") + kind.format(lo));
      } else {
        parts.add(
            kind.format(lo)
                + (i.loClosed() ? " <= " : " < ")
                + name
                + (i.hiClosed() ? " <= " : " < ")
                + kind.format(hi));
      }
    }
    if (set.other()) {
      parts.add(name + " is not a valid " + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (set.absent()) {
      parts.add(name + " is absent");
    }
    return parts.isEmpty() ? name + " is nothing" : String.join(" or ", parts);
  }
}
