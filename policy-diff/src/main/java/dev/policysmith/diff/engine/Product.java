package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides emptiness, overlap and inclusion of languages by walking the product of two automata on
 * the fly, stopping at the first witness. Building the product (or a complement) and minimising it
 * only to ask whether it is empty was where the diff spent its time; a walk builds nothing and
 * usually stops after a few states.
 *
 * <p>With {@code folded}, only strings made of folded characters ({@link Languages#fold}) count, as
 * for actions, which are compared ignoring case: an edge is followed only on a folded character.
 * That is the product with {@link Languages#foldedStrings()}, whose one state needs no tracking.
 *
 * <p>The walks only read the automata (no renumbering of states), except that a nondeterministic
 * right-hand side of an inclusion is determinised in place, which keeps its language.
 */
final class Product {
  /** The folded characters as sorted, disjoint, non-adjacent ranges {@code [LO[i], HI[i]]}. */
  private static final char[] LO;

  private static final char[] HI;

  static {
    StringBuilder lo = new StringBuilder();
    StringBuilder hi = new StringBuilder();
    int start = -1;
    for (int x = Character.MIN_VALUE; x <= Character.MAX_VALUE + 1; x++) {
      boolean folded =
          x <= Character.MAX_VALUE && Character.toLowerCase(Character.toUpperCase((char) x)) == x;
      if (folded && start < 0) {
        start = x;
      } else if (!folded && start >= 0) {
        lo.append((char) start);
        hi.append((char) (x - 1));
        start = -1;
      }
    }
    LO = lo.toString().toCharArray();
    HI = hi.toString().toCharArray();
  }

  private final boolean folded;
  private final Map<State, Transition[]> sorted = new IdentityHashMap<>();

  /** The right-hand side when it is a union determinised only as far as the walk goes. */
  private @Nullable LazyUnion lazy;

  private Product(boolean folded) {
    this.folded = folded;
  }

  /** Returns whether some string (folded, if asked) is in the language. */
  static boolean nonEmpty(Automaton a, boolean folded) {
    String singleton = a.getSingleton();
    if (singleton != null) {
      return !folded || Languages.fold(singleton).equals(singleton);
    }
    return new Product(folded).reaches(a.getInitialState());
  }

  /** Returns whether some string (folded, if asked) is in both languages. */
  static boolean intersects(Automaton a, Automaton b, boolean folded) {
    return new Product(folded).meets(a.getInitialState(), b.getInitialState());
  }

  /** Returns whether every string (folded, if asked) of {@code a} is in {@code b}. */
  static boolean subsetOf(Automaton a, Automaton b, boolean folded) {
    if (!b.isDeterministic()) {
      b.determinize();
    }
    return !new Product(folded).escapes(a.getInitialState(), b.getInitialState());
  }

  /**
   * Returns whether every string (folded, if asked) of {@code a} is in one of the {@code parts}:
   * the union's subsets of states are made only for the pairs the walk reaches, instead of
   * determinising the whole union (of a region's covered resource patterns, with infix wildcards,
   * thousands of states) to ask one question.
   */
  static boolean subsetOfUnion(Automaton a, List<Automaton> parts, boolean folded) {
    Product walk = new Product(folded);
    LazyUnion union = new LazyUnion(parts);
    walk.lazy = union;
    return !walk.escapes(a.getInitialState(), union.initial);
  }

  /**
   * Returns a string (folded, if asked) of {@code a} in none of the {@code parts}, or null when
   * there is none: the walk of {@link #subsetOfUnion}, remembering how it reached each pair, so
   * that a caller adding parts one by one asks again only once the string is covered.
   */
  static @Nullable String outsideUnion(Automaton a, List<Automaton> parts, boolean folded) {
    Product walk = new Product(folded);
    LazyUnion union = new LazyUnion(parts);
    Map<Pair, Step> seen = new java.util.HashMap<>();
    ArrayDeque<Pair> todo = new ArrayDeque<>();
    Pair first = new Pair(a.getInitialState(), union.initial);
    seen.put(first, new Step(null, 0));
    todo.push(first);
    while (!todo.isEmpty()) {
      Pair p = todo.pop();
      if (p.a.isAccept() && (p.b == null || !p.b.isAccept())) {
        StringBuilder out = new StringBuilder();
        for (Pair x = p; seen.get(x).from != null; x = seen.get(x).from) {
          out.append((char) seen.get(x).c);
        }
        return out.reverse().toString();
      }
      Transition[] tb = p.b == null ? new Transition[0] : union.transitions(p.b);
      for (Transition t : walk.transitions(p.a)) {
        int next = t.getMin();
        for (Transition u : tb) {
          if (u.getMax() < t.getMin()) {
            continue;
          }
          if (u.getMin() > t.getMax()) {
            break;
          }
          int lo = Math.max(t.getMin(), u.getMin());
          int hi = Math.min(t.getMax(), u.getMax());
          if (next < lo) {
            walk.step(seen, todo, p, next, lo - 1, new Pair(t.getDest(), null));
          }
          walk.step(seen, todo, p, lo, hi, new Pair(t.getDest(), u.getDest()));
          next = hi + 1;
        }
        if (next <= t.getMax()) {
          walk.step(seen, todo, p, next, t.getMax(), new Pair(t.getDest(), null));
        }
      }
    }
    return null;
  }

  /** How a walk first reached a pair: from which, on which character. */
  private record Step(@Nullable Pair from, int c) {}

  private void step(
      Map<Pair, Step> seen, ArrayDeque<Pair> todo, Pair from, int lo, int hi, Pair to) {
    if (seen.containsKey(to)) {
      return;
    }
    int c = firstAllowed(lo, hi);
    if (c >= 0) {
      seen.put(to, new Step(from, c));
      todo.push(to);
    }
  }

  /** The smallest character of {@code [lo, hi]} an edge may be followed on, or -1. */
  private int firstAllowed(int lo, int hi) {
    if (lo > hi) {
      return -1;
    }
    if (!folded) {
      return lo;
    }
    int left = 0;
    int right = HI.length;
    while (left < right) {
      int mid = (left + right) >>> 1;
      if (HI[mid] < lo) {
        left = mid + 1;
      } else {
        right = mid;
      }
    }
    if (left >= LO.length || LO[left] > hi) {
      return -1;
    }
    return Math.max(lo, LO[left]);
  }

  /**
   * Returns whether some string (folded, if asked) is in both {@code a} and {@code b} and in none
   * of the {@code parts}: a walk of the three together, without building the intersection.
   */
  static boolean meetsOutsideUnion(
      Automaton a, Automaton b, List<Automaton> parts, boolean folded) {
    Product walk = new Product(folded);
    LazyUnion union = new LazyUnion(parts);
    Set<Triple> seen = new HashSet<>();
    ArrayDeque<Triple> todo = new ArrayDeque<>();
    Triple first = new Triple(a.getInitialState(), b.getInitialState(), union.initial);
    seen.add(first);
    todo.push(first);
    while (!todo.isEmpty()) {
      Triple p = todo.pop();
      if (p.a.isAccept() && p.b.isAccept() && (p.c == null || !p.c.isAccept())) {
        return true;
      }
      Transition[] tc = p.c == null ? new Transition[0] : union.transitions(p.c);
      for (Transition t : walk.transitions(p.a)) {
        for (Transition u : walk.transitions(p.b)) {
          if (u.getMin() > t.getMax()) {
            break;
          }
          if (u.getMax() < t.getMin()) {
            continue;
          }
          int lo = Math.max(t.getMin(), u.getMin());
          int hi = Math.min(t.getMax(), u.getMax());
          // The union is deterministic: the gaps between its edges over [lo, hi] are where it
          // dies.
          int next = lo;
          for (Transition v : tc) {
            if (v.getMax() < lo) {
              continue;
            }
            if (v.getMin() > hi) {
              break;
            }
            int vlo = Math.max(lo, v.getMin());
            int vhi = Math.min(hi, v.getMax());
            if (next < vlo && walk.allows(next, vlo - 1)) {
              push(seen, todo, new Triple(t.getDest(), u.getDest(), null));
            }
            if (walk.allows(vlo, vhi)) {
              push(seen, todo, new Triple(t.getDest(), u.getDest(), v.getDest()));
            }
            next = vhi + 1;
          }
          if (next <= hi && walk.allows(next, hi)) {
            push(seen, todo, new Triple(t.getDest(), u.getDest(), null));
          }
        }
      }
    }
    return false;
  }

  /** States of three automata; {@code c} null for the dead state of a DFA. */
  private record Triple(State a, State b, @Nullable State c) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Triple p && p.a == a && p.b == b && p.c == c;
    }

    @Override
    public int hashCode() {
      return (System.identityHashCode(a) * 31 + System.identityHashCode(b)) * 31
          + System.identityHashCode(c);
    }
  }

  private static <T> void push(Set<T> seen, ArrayDeque<T> todo, T p) {
    if (seen.add(p)) {
      todo.push(p);
    }
  }

  /**
   * Returns the strings of {@code a} in none of the {@code parts}, as {@link #minus} of their
   * determinised union does, but determinising the union only as far as {@code a} reaches.
   */
  static Automaton minusUnion(Automaton a, List<Automaton> parts) {
    if (parts.isEmpty() || a.isEmpty()) {
      return parts.isEmpty() ? a.clone() : Languages.none();
    }
    Product walk = new Product(false);
    LazyUnion union = new LazyUnion(parts);
    walk.lazy = union;
    return walk.build(a.getInitialState(), union.initial, true, a.isDeterministic());
  }

  /**
   * The deterministic automaton of a union of automata by the subset construction, each subset's
   * edges made when a walk first asks for them.
   */
  private static final class LazyUnion {
    private final Map<State, Integer> ids = new IdentityHashMap<>();
    private final List<State> nfa = new java.util.ArrayList<>();
    private final Map<java.util.BitSet, State> made = new java.util.HashMap<>();
    private final Map<State, java.util.BitSet> subsets = new IdentityHashMap<>();
    private final Map<State, Transition[]> expanded = new IdentityHashMap<>();
    final State initial;

    LazyUnion(List<Automaton> parts) {
      java.util.BitSet start = new java.util.BitSet();
      for (Automaton part : parts) {
        start.set(id(part.getInitialState()));
      }
      initial = state(start);
    }

    private int id(State s) {
      Integer id = ids.get(s);
      if (id == null) {
        id = nfa.size();
        ids.put(s, id);
        nfa.add(s);
      }
      return id;
    }

    private State state(java.util.BitSet subset) {
      State s = made.get(subset);
      if (s == null) {
        if (made.size() >= Languages.MAX_STATES) {
          throw new Languages.TooLargeException();
        }
        s = new State();
        for (int q = subset.nextSetBit(0); q >= 0; q = subset.nextSetBit(q + 1)) {
          if (nfa.get(q).isAccept()) {
            s.setAccept(true);
            break;
          }
        }
        made.put(subset, s);
        subsets.put(s, subset);
      }
      return s;
    }

    /**
     * The sorted, disjoint edges of a subset state, as {@link Languages#determinize} makes them.
     */
    Transition[] transitions(State s) {
      Transition[] out = expanded.get(s);
      if (out != null) {
        return out;
      }
      java.util.BitSet subset = subsets.get(s);
      List<Transition> all = new java.util.ArrayList<>();
      for (int q = subset.nextSetBit(0); q >= 0; q = subset.nextSetBit(q + 1)) {
        all.addAll(nfa.get(q).getTransitions());
      }
      int[] bounds = new int[2 * all.size()];
      int b = 0;
      for (Transition t : all) {
        bounds[b++] = t.getMin();
        bounds[b++] = t.getMax() + 1;
      }
      int points = Languages.sortDistinct(bounds);
      java.util.BitSet[] next = new java.util.BitSet[points];
      for (Transition t : all) {
        int dest = id(t.getDest());
        int k = java.util.Arrays.binarySearch(bounds, 0, points, t.getMin());
        for (; k < points && bounds[k] <= t.getMax(); k++) {
          if (next[k] == null) {
            next[k] = new java.util.BitSet();
          }
          next[k].set(dest);
        }
      }
      List<Transition> edges = new java.util.ArrayList<>();
      for (int k = 0; k < points; k++) {
        if (next[k] != null) {
          edges.add(new Transition((char) bounds[k], (char) (bounds[k + 1] - 1), state(next[k])));
        }
      }
      out = edges.toArray(new Transition[0]);
      expanded.put(s, out);
      return out;
    }
  }

  /**
   * Returns the intersection of the languages, as {@link Automaton#intersection} does, but built
   * from the pairs of states reachable together only: dk.brics first numbers and sorts every state
   * of both automata, and most intersections of the diff pair a small set with a large one (the
   * hundreds of actions of a managed policy) and reach few of its states.
   */
  static Automaton intersection(Automaton a, Automaton b) {
    String sa = a.getSingleton();
    if (sa != null) {
      return b.run(sa) ? Languages.literal(sa) : Languages.none();
    }
    String sb = b.getSingleton();
    if (sb != null) {
      return a.run(sb) ? Languages.literal(sb) : Languages.none();
    }
    if (a == b) {
      return a.clone();
    }
    return new Product(false)
        .build(
            a.getInitialState(),
            b.getInitialState(),
            false,
            a.isDeterministic() && b.isDeterministic());
  }

  /**
   * Returns the strings of {@code a} not in {@code b}, as {@link Automaton#minus} does, but walking
   * {@code b} (determinised in place, which keeps its language) beside {@code a} instead of
   * building its complement first.
   */
  static Automaton minus(Automaton a, Automaton b) {
    if (a == b || a.isEmpty()) {
      return Languages.none();
    }
    if (b.isEmpty()) {
      return a.clone();
    }
    String sa = a.getSingleton();
    if (sa != null) {
      return b.run(sa) ? Languages.none() : Languages.literal(sa);
    }
    if (!b.isDeterministic()) {
      b.determinize();
    }
    return new Product(false)
        .build(a.getInitialState(), b.getInitialState(), true, a.isDeterministic());
  }

  /**
   * Builds the reachable pairs of states as an automaton, accepting where {@code a} accepts and
   * {@code b} accepts (or, with {@code minus}, where the deterministic {@code b} does not or is
   * dead), then drops the states from which nothing is accepted, as dk.brics' operations leave
   * their results: {@link Automaton#isEmpty} and {@link Automaton#isTotal} rely on it.
   */
  private Automaton build(State a0, State b0, boolean minus, boolean deterministic) {
    Map<Pair, State> made = new java.util.HashMap<>();
    List<State> states = new java.util.ArrayList<>();
    ArrayDeque<Pair> todo = new ArrayDeque<>();
    Pair first = new Pair(a0, b0);
    State initial = new State();
    made.put(first, initial);
    states.add(initial);
    todo.add(first);
    while (!todo.isEmpty()) {
      Pair p = todo.poll();
      State from = made.get(p);
      boolean bAccepts = p.b != null && p.b.isAccept();
      from.setAccept(p.a.isAccept() && (minus ? !bAccepts : bAccepts));
      Transition[] ta = transitions(p.a);
      if (p.b == null) {
        for (Transition t : ta) {
          edge(made, states, todo, from, t.getMin(), t.getMax(), new Pair(t.getDest(), null));
        }
        continue;
      }
      Transition[] tb = lazy != null ? lazy.transitions(p.b) : transitions(p.b);
      for (Transition t : ta) {
        int next = t.getMin();
        for (Transition u : tb) {
          if (u.getMax() < t.getMin()) {
            continue;
          }
          if (u.getMin() > t.getMax()) {
            break;
          }
          int lo = Math.max(t.getMin(), u.getMin());
          int hi = Math.min(t.getMax(), u.getMax());
          if (minus && next < lo) {
            edge(made, states, todo, from, next, lo - 1, new Pair(t.getDest(), null));
          }
          edge(made, states, todo, from, lo, hi, new Pair(t.getDest(), u.getDest()));
          next = hi + 1;
        }
        if (minus && next <= t.getMax()) {
          edge(made, states, todo, from, next, t.getMax(), new Pair(t.getDest(), null));
        }
      }
    }
    // Live states: those from which an accepting one is reached, found backwards.
    Map<State, List<State>> into = new IdentityHashMap<>();
    ArrayDeque<State> back = new ArrayDeque<>();
    Set<State> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (State s : states) {
      for (Transition t : s.getTransitions()) {
        into.computeIfAbsent(t.getDest(), k -> new java.util.ArrayList<>()).add(s);
      }
      if (s.isAccept()) {
        live.add(s);
        back.add(s);
      }
    }
    while (!back.isEmpty()) {
      for (State s : into.getOrDefault(back.poll(), List.of())) {
        if (live.add(s)) {
          back.add(s);
        }
      }
    }
    if (!live.contains(initial)) {
      return Languages.none();
    }
    if (live.size() < states.size()) {
      for (State s : live) {
        s.getTransitions().removeIf(t -> !live.contains(t.getDest()));
      }
    }
    Automaton out = new Automaton();
    out.setInitialState(initial);
    out.setDeterministic(deterministic);
    out.reduce();
    return out;
  }

  private static void edge(
      Map<Pair, State> made,
      List<State> states,
      ArrayDeque<Pair> todo,
      State from,
      int lo,
      int hi,
      Pair to) {
    State dest = made.get(to);
    if (dest == null) {
      dest = new State();
      made.put(to, dest);
      states.add(dest);
      todo.add(to);
    }
    from.addTransition(new Transition((char) lo, (char) hi, dest));
  }

  /**
   * Returns a shortest string of the language made only of the characters of the sorted ranges
   * {@code [lo[i], hi[i]]} (and folded, if asked), taking the smallest character on each edge, or
   * null when there is none. A breadth-first walk: no product with the character set is built.
   */
  static @Nullable String shortest(Automaton a, boolean folded, char[] lo, char[] hi) {
    Product walk = new Product(folded);
    State start = a.getInitialState();
    Map<State, State> parent = new IdentityHashMap<>();
    Map<State, Character> via = new IdentityHashMap<>();
    ArrayDeque<State> todo = new ArrayDeque<>();
    parent.put(start, start);
    todo.add(start);
    while (!todo.isEmpty()) {
      State s = todo.poll();
      if (s.isAccept()) {
        StringBuilder out = new StringBuilder();
        for (State x = s; x != start; x = parent.get(x)) {
          out.append(via.get(x).charValue());
        }
        return out.reverse().toString();
      }
      for (Transition t : walk.transitions(s)) {
        if (parent.containsKey(t.getDest())) {
          continue;
        }
        int c = walk.smallest(t.getMin(), t.getMax(), lo, hi);
        if (c >= 0) {
          parent.put(t.getDest(), s);
          via.put(t.getDest(), (char) c);
          todo.add(t.getDest());
        }
      }
    }
    return null;
  }

  /** The smallest character of {@code [min, max]} in the ranges (and folded, if asked), or -1. */
  private int smallest(int min, int max, char[] lo, char[] hi) {
    for (int i = 0; i < lo.length; i++) {
      int from = Math.max(min, lo[i]);
      int to = Math.min(max, hi[i]);
      for (int c = from; c <= to; c++) {
        if (allows(c, c)) {
          return c;
        }
      }
    }
    return -1;
  }

  /** Whether {@code [lo, hi]} holds a character an edge may be followed on. */
  private boolean allows(int lo, int hi) {
    return folded ? allowsFolded(lo, hi) : lo <= hi;
  }

  /** Whether {@code [lo, hi]} holds a folded character. */
  static boolean allowsFolded(int lo, int hi) {
    if (lo > hi) {
      return false;
    }
    // The first range ending at or after lo; it allows when it starts at or before hi.
    int left = 0;
    int right = HI.length;
    while (left < right) {
      int mid = (left + right) >>> 1;
      if (HI[mid] < lo) {
        left = mid + 1;
      } else {
        right = mid;
      }
    }
    return left < LO.length && LO[left] <= hi;
  }

  private Transition[] transitions(State s) {
    Transition[] t = sorted.get(s);
    if (t == null) {
      List<Transition> list = s.getSortedTransitions(false);
      t = list.toArray(new Transition[0]);
      sorted.put(s, t);
    }
    return t;
  }

  /** Reachability of an accepting state from {@code start}. */
  private boolean reaches(State start) {
    Set<State> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<State> todo = new ArrayDeque<>();
    seen.add(start);
    todo.push(start);
    while (!todo.isEmpty()) {
      State s = todo.pop();
      if (s.isAccept()) {
        return true;
      }
      for (Transition t : s.getTransitions()) {
        if (allows(t.getMin(), t.getMax()) && seen.add(t.getDest())) {
          todo.push(t.getDest());
        }
      }
    }
    return false;
  }

  /** A pair of states of the two automata; {@code b} null for the dead state of a DFA. */
  private record Pair(State a, State b) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.a == a && p.b == b;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(a) * 31 + System.identityHashCode(b);
    }
  }

  /** Reachability of a pair of accepting states. */
  private boolean meets(State a0, State b0) {
    Set<Pair> seen = new HashSet<>();
    ArrayDeque<Pair> todo = new ArrayDeque<>();
    Pair first = new Pair(a0, b0);
    seen.add(first);
    todo.push(first);
    while (!todo.isEmpty()) {
      Pair p = todo.pop();
      if (p.a.isAccept() && p.b.isAccept()) {
        return true;
      }
      Transition[] ta = transitions(p.a);
      Transition[] tb = transitions(p.b);
      // Both arrays are sorted by lower bound; for each edge of a, the edges of b overlapping it.
      for (Transition t : ta) {
        for (Transition u : tb) {
          if (u.getMin() > t.getMax()) {
            break;
          }
          if (u.getMax() < t.getMin()) {
            continue;
          }
          int lo = Math.max(t.getMin(), u.getMin());
          int hi = Math.min(t.getMax(), u.getMax());
          if (allows(lo, hi)) {
            Pair next = new Pair(t.getDest(), u.getDest());
            if (seen.add(next)) {
              todo.push(next);
            }
          }
        }
      }
    }
    return false;
  }

  /**
   * Reachability of a pair where {@code a} accepts and the deterministic {@code b} does not (or is
   * dead): a string of a outside b.
   */
  private boolean escapes(State a0, State b0) {
    Set<Pair> seen = new HashSet<>();
    ArrayDeque<Pair> todo = new ArrayDeque<>();
    Pair first = new Pair(a0, b0);
    seen.add(first);
    todo.push(first);
    while (!todo.isEmpty()) {
      Pair p = todo.pop();
      if (p.a.isAccept() && (p.b == null || !p.b.isAccept())) {
        return true;
      }
      Transition[] ta = transitions(p.a);
      if (p.b == null) {
        for (Transition t : ta) {
          if (allows(t.getMin(), t.getMax())) {
            push(seen, todo, new Pair(t.getDest(), null));
          }
        }
        continue;
      }
      // b is deterministic: its edges are disjoint and sorted, so the gaps between those
      // overlapping an edge of a are where b dies.
      Transition[] tb = lazy != null ? lazy.transitions(p.b) : transitions(p.b);
      for (Transition t : ta) {
        int next = t.getMin();
        for (Transition u : tb) {
          if (u.getMax() < t.getMin()) {
            continue;
          }
          if (u.getMin() > t.getMax()) {
            break;
          }
          int lo = Math.max(t.getMin(), u.getMin());
          int hi = Math.min(t.getMax(), u.getMax());
          if (next < lo && allows(next, lo - 1)) {
            push(seen, todo, new Pair(t.getDest(), null));
          }
          if (allows(lo, hi)) {
            push(seen, todo, new Pair(t.getDest(), u.getDest()));
          }
          next = hi + 1;
        }
        if (next <= t.getMax() && allows(next, t.getMax())) {
          push(seen, todo, new Pair(t.getDest(), null));
        }
      }
    }
    return false;
  }
}
