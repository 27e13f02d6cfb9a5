package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the regular languages of IAM wildcard patterns as automata. Each builder mirrors the
 * matcher the evaluator uses ({@code dev.policysmith.model.internal.Wildcard}) character for
 * character, so that the language of a pattern is exactly the set of strings it matches.
 */
public final class Languages {
  private static final ConcurrentHashMap<Character, Automaton> FOLDED = new ConcurrentHashMap<>();

  private Languages() {}

  /** Returns the language of every string. */
  public static Automaton anyString() {
    return BasicAutomata.makeAnyString();
  }

  /** Returns the empty language. */
  public static Automaton none() {
    return BasicAutomata.makeEmpty();
  }

  /** Returns the language holding only {@code text}. */
  public static Automaton literal(String text) {
    return BasicAutomata.makeString(text);
  }

  /** Returns the language holding only {@code text}, compared ignoring case as the evaluator does. */
  public static Automaton literalIgnoringCase(String text) {
    List<Automaton> parts = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      parts.add(folded(text.charAt(i)));
    }
    return minimal(Automaton.concatenate(parts));
  }

  /**
   * Returns the language of a {@code *}/{@code ?} pattern: {@code *} any run of characters, {@code
   * ?} any one character, every other character itself (or, when {@code ignoreCase}, any
   * character equal to it ignoring case).
   */
  public static Automaton glob(String pattern, boolean ignoreCase) {
    return glob(pattern, ignoreCase, BasicAutomata.makeAnyChar());
  }

  /**
   * Returns the language of a {@code *}/{@code ?} pattern whose wildcards stand only for
   * characters of {@code wildcardChar}, for the ARN components that {@code *} does not cross a
   * colon in.
   */
  public static Automaton glob(String pattern, boolean ignoreCase, Automaton wildcardChar) {
    List<Automaton> parts = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        parts.add(wildcardChar.repeat());
      } else if (c == '?') {
        parts.add(wildcardChar.clone());
      } else if (ignoreCase) {
        parts.add(folded(c));
      } else {
        parts.add(BasicAutomata.makeChar(c));
      }
    }
    return minimal(Automaton.concatenate(parts));
  }

  /** Returns every character except {@code c}. */
  public static Automaton anyCharBut(char c) {
    return BasicAutomata.makeAnyChar().minus(BasicAutomata.makeChar(c));
  }

  /** Returns {@code a} minimised, for compact products later. */
  public static Automaton minimal(Automaton a) {
    a.minimize();
    return a;
  }

  /**
   * Returns the characters equal to {@code c} ignoring case by the evaluator's rule: equal upper
   * cases, or equal lower cases of the upper cases (locale-independent, like {@code
   * String.equalsIgnoreCase}).
   */
  private static Automaton folded(char c) {
    return FOLDED
        .computeIfAbsent(
            c,
            key -> {
              List<Automaton> chars = new ArrayList<>();
              for (int x = Character.MIN_VALUE; x <= Character.MAX_VALUE; x++) {
                if (sameIgnoringCase(key, (char) x)) {
                  chars.add(BasicAutomata.makeChar((char) x));
                }
              }
              return minimal(Automaton.union(chars));
            })
        .clone();
  }

  private static boolean sameIgnoringCase(char a, char b) {
    if (a == b) {
      return true;
    }
    char upperA = Character.toUpperCase(a);
    char upperB = Character.toUpperCase(b);
    return upperA == upperB || Character.toLowerCase(upperA) == Character.toLowerCase(upperB);
  }
}
