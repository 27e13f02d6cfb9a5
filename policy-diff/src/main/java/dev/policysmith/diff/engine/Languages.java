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

  /**
   * Returns the language holding only {@code text}, compared ignoring case as the evaluator does.
   */
  public static Automaton literalIgnoringCase(String text) {
    List<Automaton> parts = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      parts.add(folded(text.charAt(i)));
    }
    return minimal(Automaton.concatenate(parts));
  }

  /**
   * Returns the language of a {@code *}/{@code ?} pattern: {@code *} any run of characters, {@code
   * ?} any one character, every other character itself (or, when {@code ignoreCase}, any character
   * equal to it ignoring case).
   */
  public static Automaton glob(String pattern, boolean ignoreCase) {
    return glob(pattern, ignoreCase, BasicAutomata.makeAnyChar());
  }

  /**
   * Returns the language of a {@code *}/{@code ?} pattern whose wildcards stand only for characters
   * of {@code wildcardChar}, for the ARN components that {@code *} does not cross a colon in.
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

  /**
   * Folds a string to its canonical case: each character to {@code toLowerCase(toUpperCase(c))}.
   * Two characters are equal ignoring case by the evaluator's rule exactly when their folds are
   * equal, so matching ignoring case is matching folded strings.
   */
  public static String fold(String text) {
    // Most strings folded are action names already in lower case (each hint, for each example):
    // an ASCII character folds to its lower case, so such a string is its own fold.
    boolean same = true;
    for (int i = 0; i < text.length() && same; i++) {
      char c = text.charAt(i);
      same = c < 0x80 && (c < 'A' || c > 'Z');
    }
    if (same) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(Character.toLowerCase(Character.toUpperCase(text.charAt(i))));
    }
    return out.toString();
  }

  private static final Automaton FOLDED_STRINGS = buildFoldedStrings();
  private static final ThreadLocal<Automaton> FOLDED_COPY =
      ThreadLocal.withInitial(FOLDED_STRINGS::clone);

  /**
   * Returns the strings made only of folded characters, where folded languages live: one instance
   * per thread, which callers must not change (dk.brics reads renumber states).
   */
  public static Automaton foldedStrings() {
    return FOLDED_COPY.get();
  }

  private static Automaton buildFoldedStrings() {
    // One accepting state looping on every folded character: built directly, as a union of a
    // thousand character ranges would take seconds to determinise.
    dk.brics.automaton.State state = new dk.brics.automaton.State();
    state.setAccept(true);
    int start = -1;
    for (int x = Character.MIN_VALUE; x <= Character.MAX_VALUE + 1; x++) {
      boolean canonical =
          x <= Character.MAX_VALUE && Character.toLowerCase(Character.toUpperCase((char) x)) == x;
      if (canonical && start < 0) {
        start = x;
      } else if (!canonical && start >= 0) {
        state.addTransition(new dk.brics.automaton.Transition((char) start, (char) (x - 1), state));
        start = -1;
      }
    }
    Automaton a = new Automaton();
    a.setInitialState(state);
    a.setDeterministic(true);
    return a;
  }

  /**
   * Returns the folded strings matched by any of the patterns ignoring case: literal patterns
   * through a minimal string union (fast for the hundreds of actions a managed policy lists), the
   * others as globs over folded text.
   */
  public static Automaton foldedPatterns(List<String> patterns) {
    java.util.TreeSet<String> literals = new java.util.TreeSet<>();
    java.util.TreeSet<String> prefixes = new java.util.TreeSet<>();
    List<Automaton> parts = new ArrayList<>();
    for (String pattern : patterns) {
      String folded = fold(pattern);
      int star = folded.indexOf('*');
      if (folded.isEmpty() || folded.equals("*")) {
        // dk.brics' string union takes no empty strings.
        parts.add(folded.isEmpty() ? BasicAutomata.makeEmptyString() : anyString());
      } else if (star < 0 && folded.indexOf('?') < 0) {
        literals.add(folded);
      } else if (star == folded.length() - 1 && folded.indexOf('?') < 0) {
        // "service:Get*", the common wildcard: a prefix followed by anything.
        prefixes.add(folded.substring(0, star));
      } else {
        parts.add(glob(folded, false));
      }
    }
    if (!literals.isEmpty() || !prefixes.isEmpty()) {
      Automaton words = literalsAndPrefixes(literals, prefixes);
      if (parts.isEmpty()) {
        // Deterministic and without dead states, so emptiness and the product walks need no
        // minimisation, which took seconds for the hundreds of actions of a managed policy.
        return words;
      }
      parts.add(words);
    }
    if (parts.size() == 1) {
      return minimal(parts.get(0));
    }
    if (parts.isEmpty()) {
      return none();
    }
    // Determinised, not minimised: the union of automata without dead states has none either,
    // and Hopcroft's minimisation of hundreds of actions took most of the time.
    Automaton union = Automaton.union(parts);
    determinize(union);
    return union;
  }

  /**
   * Returns the minimal automaton of the sorted words, as {@link BasicAutomata#makeStringUnion}
   * does but without its hash code: working it out walks the automaton twice more, a third of
   * encoding the thousand actions of a large policy, and nothing here asks for it.
   */
  private static Automaton stringUnion(java.util.SortedSet<String> words) {
    if (words.size() == 1) {
      return literal(words.first());
    }
    Automaton a = new Automaton();
    a.setInitialState(
        dk.brics.automaton.StringUnionOperations.build(words.toArray(new CharSequence[0])));
    a.setDeterministic(true);
    a.reduce();
    return a;
  }

  /** Marks the end of a prefix pattern in the string union; no pattern holds it (checked). */
  private static final char PREFIX_END = '\uffff';

  /**
   * Returns the deterministic automaton of the literal strings and of every string starting with
   * one of the prefixes, built without a union or a minimisation: the minimal automaton of the
   * literals and the prefixes followed by {@link #PREFIX_END} (dk.brics' string union, Daciuk's
   * algorithm), in which every state with an edge on {@code PREFIX_END} is replaced by one state
   * accepting every rest. Such a state is reached exactly by the prefixes (in a minimal automaton,
   * every word reaching it can be continued by {@code PREFIX_END} as well), so the language is
   * right; the result may merely not be minimal.
   */
  static Automaton literalsAndPrefixes(
      java.util.SortedSet<String> literals, java.util.SortedSet<String> prefixes) {
    java.util.TreeSet<String> words = new java.util.TreeSet<>(literals);
    for (String prefix : prefixes) {
      if (prefix.isEmpty()) {
        return anyString();
      }
      words.add(prefix + PREFIX_END);
    }
    for (String word : words) {
      if (word.indexOf(PREFIX_END) >= 0 && word.indexOf(PREFIX_END) != word.length() - 1) {
        // A pattern holding the marker itself: take the slow, plainly correct way.
        return minimal(
            BasicAutomata.makeStringUnion(literals.toArray(new String[0]))
                .union(
                    BasicAutomata.makeStringUnion(prefixes.toArray(new String[0]))
                        .concatenate(anyString())));
      }
    }
    if (prefixes.isEmpty()) {
      return stringUnion(words);
    }
    Automaton a = stringUnion(words);
    dk.brics.automaton.State all = new dk.brics.automaton.State();
    all.setAccept(true);
    all.addTransition(
        new dk.brics.automaton.Transition(Character.MIN_VALUE, Character.MAX_VALUE, all));
    java.util.Set<dk.brics.automaton.State> ends =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.List<dk.brics.automaton.State> states = new ArrayList<>(a.getStates());
    for (dk.brics.automaton.State state : states) {
      for (dk.brics.automaton.Transition t : state.getTransitions()) {
        if (t.getMin() <= PREFIX_END && PREFIX_END <= t.getMax()) {
          ends.add(state);
        }
      }
    }
    for (dk.brics.automaton.State state : states) {
      java.util.Set<dk.brics.automaton.Transition> edges = state.getTransitions();
      List<dk.brics.automaton.Transition> redirected = new ArrayList<>();
      for (java.util.Iterator<dk.brics.automaton.Transition> it = edges.iterator();
          it.hasNext(); ) {
        dk.brics.automaton.Transition t = it.next();
        if (ends.contains(t.getDest())) {
          it.remove();
          redirected.add(new dk.brics.automaton.Transition(t.getMin(), t.getMax(), all));
        }
      }
      edges.addAll(redirected);
    }
    a.setDeterministic(true);
    return a;
  }

  private static final int SHARED_LIMIT = 4096;
  private static final ConcurrentHashMap<String, Automaton> SHARED = new ConcurrentHashMap<>();

  /**
   * Returns a copy of the minimal automaton built once per key for every diff in this JVM: the same
   * patterns (a partition's account root, {@code arn:aws:s3:::bucket/*}) come back in diff after
   * diff, and determinising and minimising their unions was most of the cost of a small diff. The
   * cached automaton is only ever copied, never changed or handed out.
   */
  public static Automaton shared(String key, java.util.function.Supplier<Automaton> build) {
    Automaton a = SHARED.get(key);
    if (a == null) {
      a = minimal(build.get());
      // Expanded now, so that copying it later only reads it.
      a.getInitialState();
      if (SHARED.size() >= SHARED_LIMIT) {
        SHARED.clear();
      }
      SHARED.put(key, a);
    }
    return a.clone();
  }

  /**
   * Returns a key for {@link #shared} that names {@code kind} and the {@code parts} in order and
   * that no other kind and parts give: each part is written with its length, so that no part (an
   * empty one, or one holding the separator) can stand for several or for none.
   */
  public static String sharedKey(String kind, List<String> parts) {
    StringBuilder key = new StringBuilder(kind).append('\u0000').append(parts.size());
    for (String part : parts) {
      key.append('\u0000').append(part.length()).append(':').append(part);
    }
    return key.toString();
  }

  /** Returns every character except {@code c}. */
  public static Automaton anyCharBut(char c) {
    return BasicAutomata.makeAnyChar().minus(BasicAutomata.makeChar(c));
  }

  /**
   * Returns the union of languages without dead states (those of string sets), determinised but not
   * minimised: Hopcroft's minimisation of the merged sets of a region's boxes was a good part of
   * describing it, and the product walks need only determinism. The subsets of states of automata
   * without dead states are all live, so emptiness reads as on a minimal automaton; the one other
   * thing minimality gave, {@link Automaton#isTotal} answering true for every string, is kept by
   * returning {@link #anyString()} when the union holds every string.
   *
   * @throws TooLargeException as {@link #determinize} does
   */
  public static Automaton deterministicUnion(java.util.Collection<Automaton> languages) {
    Automaton union = Automaton.union(languages);
    determinize(union);
    for (dk.brics.automaton.State state : union.getStates()) {
      if (!state.isAccept() || !coversEveryChar(state)) {
        return union;
      }
    }
    return anyString();
  }

  /** Whether the edges of a deterministic state cover every character. */
  private static boolean coversEveryChar(dk.brics.automaton.State state) {
    int next = Character.MIN_VALUE;
    for (dk.brics.automaton.Transition t : state.getSortedTransitions(false)) {
      if (t.getMin() > next) {
        return false;
      }
      next = Math.max(next, t.getMax() + 1);
    }
    return next > Character.MAX_VALUE;
  }

  /** Returns {@code a} minimised, for compact products later. */
  public static Automaton minimal(Automaton a) {
    determinize(a);
    a.minimize();
    return a;
  }

  /**
   * The most states a determinised automaton may have. A pattern such as {@code *a} followed by
   * twenty {@code ?} has an automaton of millions of states (it must remember which of the last
   * twenty characters were {@code a}); past this the diff answers inexactly instead.
   */
  public static final int MAX_STATES = 20_000;

  /** Thrown when an automaton would need more than {@link #MAX_STATES} states. */
  public static final class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLargeException() {
      super("an automaton of more than " + MAX_STATES + " states");
    }
  }

  /**
   * Makes {@code a} deterministic by the subset construction, as {@link Automaton#determinize()}
   * does, but gives up past {@link #MAX_STATES} states: the construction is exponential in the
   * worst case, and a hostile pattern must not make a diff run for minutes.
   *
   * @throws TooLargeException if the deterministic automaton needs more states
   */
  public static void determinize(Automaton a) {
    if (a.isDeterministic()) {
      return;
    }
    // NFA states numbered once, each with its edges as arrays; a subset is a BitSet of numbers.
    java.util.List<dk.brics.automaton.State> states = new ArrayList<>(a.getStates());
    java.util.Map<dk.brics.automaton.State, Integer> ids = new java.util.IdentityHashMap<>();
    for (dk.brics.automaton.State state : states) {
      ids.put(state, ids.size());
    }
    int n = states.size();
    char[][] mins = new char[n][];
    char[][] maxs = new char[n][];
    int[][] dests = new int[n][];
    boolean[] accept = new boolean[n];
    for (int q = 0; q < n; q++) {
      dk.brics.automaton.State state = states.get(q);
      accept[q] = state.isAccept();
      int k = state.getTransitions().size();
      mins[q] = new char[k];
      maxs[q] = new char[k];
      dests[q] = new int[k];
      int i = 0;
      for (dk.brics.automaton.Transition t : state.getTransitions()) {
        mins[q][i] = t.getMin();
        maxs[q][i] = t.getMax();
        dests[q][i] = ids.get(t.getDest());
        i++;
      }
    }
    java.util.Map<java.util.BitSet, dk.brics.automaton.State> made = new java.util.HashMap<>();
    java.util.ArrayDeque<java.util.BitSet> work = new java.util.ArrayDeque<>();
    java.util.BitSet start = new java.util.BitSet(n);
    start.set(ids.get(a.getInitialState()));
    dk.brics.automaton.State initial = new dk.brics.automaton.State();
    made.put(start, initial);
    work.add(start);
    while (!work.isEmpty()) {
      java.util.BitSet set = work.poll();
      dk.brics.automaton.State from = made.get(set);
      // The subset's own boundaries: where some edge of one of its states starts or stops. Between
      // two of them every character leads to the same subset; no global alphabet split is needed.
      int edges = 0;
      for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
        from.setAccept(from.isAccept() || accept[q]);
        edges += mins[q].length;
      }
      if (edges == 0) {
        continue;
      }
      int[] bounds = new int[2 * edges];
      int b = 0;
      for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
        for (int i = 0; i < mins[q].length; i++) {
          bounds[b++] = mins[q][i];
          bounds[b++] = maxs[q][i] + 1;
        }
      }
      int points = sortDistinct(bounds);
      // next[k]: the states reached on the characters [bounds[k], bounds[k + 1] - 1].
      java.util.BitSet[] next = new java.util.BitSet[points];
      for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
        for (int i = 0; i < mins[q].length; i++) {
          int k = java.util.Arrays.binarySearch(bounds, 0, points, mins[q][i]);
          for (; k < points && bounds[k] <= maxs[q][i]; k++) {
            if (next[k] == null) {
              next[k] = new java.util.BitSet(n);
            }
            next[k].set(dests[q][i]);
          }
        }
      }
      for (int k = 0; k < points; k++) {
        if (next[k] == null) {
          continue;
        }
        dk.brics.automaton.State to = made.get(next[k]);
        if (to == null) {
          if (made.size() >= MAX_STATES) {
            throw new TooLargeException();
          }
          to = new dk.brics.automaton.State();
          made.put(next[k], to);
          work.add(next[k]);
        }
        from.addTransition(
            new dk.brics.automaton.Transition((char) bounds[k], (char) (bounds[k + 1] - 1), to));
      }
    }
    a.setInitialState(initial);
    a.setDeterministic(true);
    a.reduce();
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

  /**
   * Sorts {@code values} and moves each distinct value to the front once, in order; returns how
   * many there are. The character boundaries of a subset of states become the points between which
   * every character leads to the same states.
   */
  static int sortDistinct(int[] values) {
    java.util.Arrays.sort(values);
    int distinct = 0;
    for (int i = 0; i < values.length; i++) {
      if (i == 0 || values[i] != values[i - 1]) {
        values[distinct++] = values[i];
      }
    }
    return distinct;
  }
}
