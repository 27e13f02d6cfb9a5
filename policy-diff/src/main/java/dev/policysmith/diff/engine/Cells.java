package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one string dimension: the classes of strings that none of a fixed list of languages
 * (those the statements of a diff write there) tells apart, that is the non-empty regions of their
 * Venn diagram. Every set the engine makes from those languages by intersection, difference and
 * union is a union of cells, so it is held as a bit per cell ({@link StrSet}) and those operations,
 * emptiness and inclusion become operations on words instead of walks over automata: for the
 * hundreds of actions and resources of a large managed policy, the walks were nearly all of a
 * diff's time.
 *
 * <p>The cells are found by one subset construction over the union of the languages, each state of
 * the deterministic automaton labelled with the languages accepting there; a cell is a label some
 * string reaches (for {@code folded} dimensions, some folded string: the others are never asked
 * about), including the empty label of the strings in no language.
 */
public final class Cells {
  /**
   * The most states of the deterministic automaton, or twice the states of the parts where that is
   * more; past it the dimension keeps its automata.
   */
  static final int MAX_STATES = 20_000;

  /** The most states for any union, however many states its parts have. */
  static final int MAX_STATES_OF_LARGE_LISTS = 200_000;

  /**
   * The most states when the dimension's patterns are among the languages: past it, the cells of
   * the sets alone are tried. Infix wildcards in many patterns ({@code connect:*Contact*}) make the
   * union's automaton remember which patterns matched; giving up early there costs less.
   */
  static final int WORDS_MAX_STATES = 12_000;

  /**
   * The most patterns with a wildcard before their end ({@code connect:*Contact*}) for which the
   * cells of every pattern are tried: each such pattern must be remembered as matched or not, so
   * they double the states of the union (8 of them passed {@link #WORDS_MAX_STATES} on the corpus)
   * and trying costs as much as the rest of the diff.
   */
  static final int MAX_INFIX_PATTERNS = 6;

  /** Returns how many of the patterns have a wildcard before their last character. */
  private static int infixWildcards(java.util.Collection<String> patterns) {
    int count = 0;
    for (String p : patterns) {
      int star = p.indexOf('*');
      int question = p.indexOf('?');
      if ((star >= 0 && star < p.length() - 1) || (question >= 0 && question < p.length() - 1)) {
        count++;
      }
    }
    return count;
  }

  /** The most cells; past it the dimension keeps its automata. */
  static final int MAX_CELLS = 8_192;

  private final boolean folded;
  private final int cellCount;

  /** Per state: its edges as sorted disjoint ranges {@code [lo, hi] -> dest} and its cell. */
  private final char[][] lo;

  private final char[][] hi;
  private final int[][] dest;

  /** Per state: its cell, or -1 for a state no folded string reaches (folded dimensions only). */
  private final int[] cellOfState;

  /** The cell of the strings that leave every language (the dead state), or -1 if none does. */
  private final int deadCell;

  /** Per language given: its cells. */
  private final long[][] ofLanguage;

  private final long[] all;

  /** The cells of each pattern written for the dimension, when they were among the languages. */
  private @Nullable Map<String, long[]> vocabulary;

  private Cells(
      boolean folded,
      int cellCount,
      char[][] lo,
      char[][] hi,
      int[][] dest,
      int[] cellOfState,
      int deadCell,
      long[][] ofLanguage) {
    this.folded = folded;
    this.cellCount = cellCount;
    this.lo = lo;
    this.hi = hi;
    this.dest = dest;
    this.cellOfState = cellOfState;
    this.deadCell = deadCell;
    this.ofLanguage = ofLanguage;
    this.all = new long[words()];
    for (int c = 0; c < cellCount; c++) {
      all[c >>> 6] |= 1L << (c & 63);
    }
  }

  /**
   * Returns the cells of the languages, or null when the deterministic automaton of their union
   * would pass {@link #MAX_STATES} states or they have more than {@link #MAX_CELLS} cells.
   */
  static @Nullable Cells of(List<Automaton> languages, boolean folded) {
    return of(languages, folded, MAX_STATES);
  }

  private static @Nullable Cells of(List<Automaton> languages, boolean folded, int maxStates) {
    List<List<Automaton>> generators = new ArrayList<>();
    for (Automaton language : languages) {
      generators.add(List.of(language));
    }
    return ofUnions(generators, folded, maxStates);
  }

  /**
   * Returns the cells of languages each given as the union of some automata (a statement's actions
   * as its patterns' automata, with no automaton of the whole list built), or null as {@link #of}
   * does.
   */
  static @Nullable Cells ofUnions(List<List<Automaton>> generators, boolean folded, int maxStates) {
    // The states of each language numbered, each with its edges as arrays, its language, and
    // whether it accepts every continuation. An automaton in several languages is numbered once
    // for each, since its states answer for a different language in each.
    List<State> nfa = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    List<char[]> minList = new ArrayList<>();
    List<char[]> maxList = new ArrayList<>();
    List<int[]> targetList = new ArrayList<>();
    List<Integer> initialList = new ArrayList<>();
    for (int l = 0; l < generators.size(); l++) {
      Map<State, Integer> ids = new IdentityHashMap<>();
      ArrayDeque<State> todo = new ArrayDeque<>();
      int first = nfa.size();
      for (Automaton part : generators.get(l)) {
        initialList.add(number(part.getInitialState(), nfa, ids, owner, l, todo));
      }
      while (!todo.isEmpty()) {
        for (Transition t : todo.poll().getTransitions()) {
          number(t.getDest(), nfa, ids, owner, l, todo);
        }
      }
      for (int q = first; q < nfa.size(); q++) {
        State state = nfa.get(q);
        int k = state.getTransitions().size();
        char[] mins = new char[k];
        char[] maxs = new char[k];
        int[] targets = new int[k];
        int i = 0;
        for (Transition t : state.getTransitions()) {
          mins[i] = t.getMin();
          maxs[i] = t.getMax();
          targets[i] = ids.get(t.getDest());
          i++;
        }
        minList.add(mins);
        maxList.add(maxs);
        targetList.add(targets);
      }
    }
    int n = nfa.size();
    char[][] mins = minList.toArray(new char[0][]);
    char[][] maxs = maxList.toArray(new char[0][]);
    int[][] targets = targetList.toArray(new int[0][]);
    int[] owners = owner.stream().mapToInt(Integer::intValue).toArray();
    boolean[] universal = new boolean[n];
    for (int q = 0; q < n; q++) {
      for (int i = 0; i < mins[q].length; i++) {
        universal[q] |=
            nfa.get(q).isAccept()
                && mins[q][i] == Character.MIN_VALUE
                && maxs[q][i] == Character.MAX_VALUE
                && targets[q][i] == q;
      }
    }
    int[] initials = initialList.stream().mapToInt(Integer::intValue).toArray();
    // The limits stop the subset construction's exponential cases; a union of long lists (4,000
    // actions) is merely large, its automaton no bigger than its parts, and gets room for that,
    // up to a bound that keeps memory small whatever the input.
    int limit = Math.min(Math.max(maxStates, 2 * n), MAX_STATES_OF_LARGE_LISTS);
    // The subset construction. A subset is a sorted array of states: the languages are mostly
    // deterministic, so a subset holds about one state per language still running, far fewer than
    // the states of all languages a bit set would span. Subsets are numbered in the order found.
    Map<Subset, Integer> subsets = new HashMap<>();
    List<int[]> order = new ArrayList<>();
    List<char[]> stateLo = new ArrayList<>();
    List<char[]> stateHi = new ArrayList<>();
    List<int[]> stateDest = new ArrayList<>();
    int[] start = collapse(sortDistinct(initials.clone(), initials.length), universal, owners);
    subsets.put(new Subset(start), 0);
    order.add(start);
    for (int s = 0; s < order.size(); s++) {
      int[] set = order.get(s);
      int edges = 0;
      for (int q : set) {
        edges += mins[q].length;
      }
      int[] bounds = new int[2 * edges];
      int b = 0;
      for (int q : set) {
        for (int i = 0; i < mins[q].length; i++) {
          bounds[b++] = mins[q][i];
          bounds[b++] = maxs[q][i] + 1;
        }
      }
      int points = Languages.sortDistinct(bounds);
      // next[k]: the states reached on [bounds[k], bounds[k + 1] - 1], unsorted, with repeats.
      int[][] next = new int[Math.max(0, points - 1)][];
      int[] sizes = new int[next.length];
      for (int q : set) {
        for (int i = 0; i < mins[q].length; i++) {
          int k = Arrays.binarySearch(bounds, 0, points, mins[q][i]);
          for (; k < points - 1 && bounds[k] <= maxs[q][i]; k++) {
            if (next[k] == null) {
              next[k] = new int[4];
            } else if (sizes[k] == next[k].length) {
              next[k] = Arrays.copyOf(next[k], 2 * sizes[k]);
            }
            next[k][sizes[k]++] = targets[q][i];
          }
        }
      }
      int count = 0;
      for (int[] x : next) {
        count += x != null ? 1 : 0;
      }
      char[] edgeLo = new char[count];
      char[] edgeHi = new char[count];
      int[] edgeDest = new int[count];
      int e = 0;
      for (int k = 0; k < next.length; k++) {
        if (next[k] == null) {
          continue;
        }
        int[] reached = collapse(sortDistinct(next[k], sizes[k]), universal, owners);
        Subset key = new Subset(reached);
        Integer to = subsets.get(key);
        if (to == null) {
          if (order.size() >= limit) {
            return null;
          }
          to = order.size();
          subsets.put(key, to);
          order.add(reached);
        }
        edgeLo[e] = (char) bounds[k];
        edgeHi[e] = (char) (bounds[k + 1] - 1);
        edgeDest[e] = to;
        e++;
      }
      stateLo.add(edgeLo);
      stateHi.add(edgeHi);
      stateDest.add(edgeDest);
    }
    int states = order.size();
    // The states some (folded) string reaches, breadth first, and whether one leaves them all.
    boolean[] reached = new boolean[states];
    boolean deadReached = false;
    ArrayDeque<Integer> todo = new ArrayDeque<>();
    reached[0] = true;
    todo.add(0);
    while (!todo.isEmpty()) {
      int s = todo.poll();
      char[] l = stateLo.get(s);
      char[] h = stateHi.get(s);
      int[] d = stateDest.get(s);
      int gapFrom = Character.MIN_VALUE;
      for (int i = 0; i < l.length; i++) {
        deadReached |= gapFrom < l[i] && allows(folded, gapFrom, l[i] - 1);
        gapFrom = h[i] + 1;
        if (!reached[d[i]] && allows(folded, l[i], h[i])) {
          reached[d[i]] = true;
          todo.add(d[i]);
        }
      }
      deadReached |= gapFrom <= Character.MAX_VALUE && allows(folded, gapFrom, Character.MAX_VALUE);
    }
    // One cell per label reached, in the order of the states.
    Map<BitSet, Integer> cellOfLabel = new HashMap<>();
    List<BitSet> labels = new ArrayList<>();
    int[] cellOfState = new int[states];
    for (int s = 0; s < states; s++) {
      if (!reached[s]) {
        cellOfState[s] = -1;
        continue;
      }
      BitSet label = new BitSet(generators.size());
      for (int q : order.get(s)) {
        if (nfa.get(q).isAccept()) {
          label.set(owner.get(q));
        }
      }
      cellOfState[s] = cellOfLabel.computeIfAbsent(label, x -> labels.size());
      if (cellOfState[s] == labels.size()) {
        labels.add(label);
      }
    }
    int deadCell = -1;
    if (deadReached) {
      BitSet none = new BitSet();
      deadCell = cellOfLabel.computeIfAbsent(none, x -> labels.size());
      if (deadCell == labels.size()) {
        labels.add(none);
      }
    }
    if (labels.size() > MAX_CELLS) {
      return null;
    }
    int words = Math.max(1, (labels.size() + 63) >>> 6);
    long[][] ofLanguage = new long[generators.size()][words];
    for (int c = 0; c < labels.size(); c++) {
      BitSet label = labels.get(c);
      for (int l = label.nextSetBit(0); l >= 0; l = label.nextSetBit(l + 1)) {
        ofLanguage[l][c >>> 6] |= 1L << (c & 63);
      }
    }
    return new Cells(
        folded,
        labels.size(),
        stateLo.toArray(new char[0][]),
        stateHi.toArray(new char[0][]),
        stateDest.toArray(new int[0][]),
        cellOfState,
        deadCell,
        ofLanguage);
  }

  /**
   * Returns the statements with the string sets of their boxes held as cells: for each string
   * dimension, the cells of the languages the boxes have there. A dimension whose languages are too
   * many or too intricate for {@link #of} keeps its automata. Boxes that were the same instance
   * stay the same instance, which the engine relies on to skip unchanged statements. The widened
   * sets of {@code variables} are among the languages, so that narrowing a box to them stays an
   * operation on cells; so are the patterns of {@code vocabulary} where they fit, so that {@link
   * Describer} puts sets into words with operations on cells too.
   */
  public static List<List<Encoder.Encoded>> refine(
      List<List<Encoder.Encoded>> policies, Variables variables, Vocabulary vocabulary) {
    Map<Box, Box> boxes = new IdentityHashMap<>();
    for (List<Encoder.Encoded> policy : policies) {
      for (Encoder.Encoded e : policy) {
        boxes.put(e.box(), e.box());
      }
    }
    // Each dimension's string sets, and whether they are folded (all or none, else left alone).
    Map<String, List<StrSet>> sets = new java.util.TreeMap<>();
    for (Box box : boxes.keySet()) {
      box.dims()
          .forEach(
              (dim, set) -> {
                if (set instanceof StrSet s && !s.hasCells()) {
                  sets.computeIfAbsent(dim, k -> new ArrayList<>()).add(s);
                }
              });
    }
    variables
        .widenedSets()
        .forEach(
            (dim, widened) -> {
              List<StrSet> list = sets.get(dim);
              if (list != null) {
                list.addAll(widened);
              }
            });
    Map<StrSet, StrSet> refined = new IdentityHashMap<>();
    sets.forEach(
        (dim, list) -> {
          final boolean folded = list.get(0).isFolded();
          if (list.stream().anyMatch(s -> s.isFolded() != folded)) {
            return;
          }
          Refined r = refine(list, vocabulary.languages(dim), folded);
          if (r == null) {
            return;
          }
          for (StrSet s : list) {
            long[] bits = r.bits.get(positive(s));
            refined.put(
                s, s.inCells(r.cells, positive(s) == s ? bits : andNot(r.cells.all(), bits)));
          }
        });
    variables.replaceWidened(refined);
    for (Map.Entry<Box, Box> e : boxes.entrySet()) {
      Box box = e.getKey();
      for (Map.Entry<String, DimSet> d : box.dims().entrySet()) {
        StrSet r = refined.get(d.getValue());
        if (r != null) {
          box = box.with(d.getKey(), r);
        }
      }
      e.setValue(box);
    }
    List<List<Encoder.Encoded>> out = new ArrayList<>();
    for (List<Encoder.Encoded> policy : policies) {
      List<Encoder.Encoded> encoded = new ArrayList<>();
      for (Encoder.Encoded e : policy) {
        encoded.add(new Encoder.Encoded(e.index(), e.statement(), boxes.get(e.box())));
      }
      out.add(encoded);
    }
    return out;
  }

  /** A dimension's cells and the cells of each of its sets (or of the set it complements). */
  private record Refined(Cells cells, Map<StrSet, long[]> bits) {}

  /**
   * Returns the cells of one dimension's sets, or null when they would be too many: the cells of
   * the patterns written there alone where every set is a union of those patterns (a statement's
   * actions), else of the sets' languages with the patterns, else of the sets' languages alone.
   */
  private static @Nullable Refined refine(
      List<StrSet> list, Map<String, Automaton> words, boolean folded) {
    Map<StrSet, long[]> bits = new IdentityHashMap<>();
    for (StrSet s : list) {
      bits.put(positive(s), null);
    }
    boolean composed =
        !words.isEmpty()
            && bits.keySet().stream()
                .allMatch(p -> p.unionOf() != null && words.keySet().containsAll(p.unionOf()));
    if (composed) {
      Cells cells =
          infixWildcards(words.keySet()) > MAX_INFIX_PATTERNS
              ? null
              : of(new ArrayList<>(words.values()), folded, WORDS_MAX_STATES);
      if (cells != null) {
        cells.vocabulary = named(cells, words, 0);
        for (StrSet p : bits.keySet()) {
          long[] union = new long[cells.words()];
          for (String name : java.util.Objects.requireNonNull(p.unionOf())) {
            union = or(union, cells.vocabulary.get(name));
          }
          bits.put(p, union);
        }
        return new Refined(cells, bits);
      }
      // Too many states for cells of every pattern (which must remember which infix wildcards
      // matched): cells of each set as the union of its patterns, which need not.
      List<StrSet> order = new ArrayList<>(bits.keySet());
      List<List<Automaton>> unions = new ArrayList<>();
      for (StrSet p : order) {
        List<Automaton> parts = new ArrayList<>();
        for (String name : java.util.Objects.requireNonNull(p.unionOf())) {
          parts.add(words.get(name));
        }
        unions.add(parts);
      }
      Cells perSet = ofUnions(unions, folded, MAX_STATES);
      if (perSet == null) {
        return null;
      }
      for (int i = 0; i < order.size(); i++) {
        bits.put(order.get(i), perSet.ofLanguage(i));
      }
      return new Refined(perSet, bits);
    }
    boolean withWords = !words.isEmpty();
    List<Automaton> languages = new ArrayList<>();
    Map<Automaton, Integer> index = new IdentityHashMap<>();
    for (StrSet p : bits.keySet()) {
      if (!p.allValues() && !p.noValues() && !index.containsKey(p.language())) {
        index.put(p.language(), languages.size());
        languages.add(p.language());
      }
    }
    if (languages.isEmpty()) {
      return null;
    }
    // The patterns written there too, so that describing a set needs no automaton; when they
    // make the cells too many, the sets alone.
    List<Automaton> all = new ArrayList<>(languages);
    all.addAll(words.values());
    Cells cells = withWords ? of(all, folded, WORDS_MAX_STATES) : null;
    if (cells != null) {
      cells.vocabulary = named(cells, words, languages.size());
    } else {
      cells = of(languages, folded);
    }
    if (cells == null) {
      return null;
    }
    for (StrSet p : bits.keySet()) {
      bits.put(
          p,
          p.allValues()
              ? cells.all()
              : p.noValues() ? new long[cells.words()] : cells.ofLanguage(index.get(p.language())));
    }
    return new Refined(cells, bits);
  }

  /** The cells of each pattern, the patterns being the languages from {@code first} on. */
  private static Map<String, long[]> named(Cells cells, Map<String, Automaton> words, int first) {
    Map<String, long[]> out = new java.util.LinkedHashMap<>();
    int w = first;
    for (String name : words.keySet()) {
      out.put(name, cells.ofLanguage(w++));
    }
    return out;
  }

  /**
   * Returns the set of states with, for each language holding a state that accepts every
   * continuation, that state alone: its other states can add nothing to the language's answer from
   * here on. Without this, a statement listing {@code svc:*a*} and {@code svc:*b*} would have one
   * state per set of its patterns matched so far, where the statement needs none.
   */
  private static int[] collapse(int[] states, boolean[] universal, int[] owners) {
    BitSet settled = null;
    for (int q : states) {
      if (universal[q]) {
        if (settled == null) {
          settled = new BitSet();
        }
        settled.set(owners[q]);
      }
    }
    if (settled == null) {
      return states;
    }
    BitSet kept = new BitSet();
    int[] out = new int[states.length];
    int size = 0;
    for (int q : states) {
      boolean isSettled = settled.get(owners[q]);
      if (!isSettled || (universal[q] && !kept.get(owners[q]))) {
        out[size++] = q;
        if (isSettled) {
          kept.set(owners[q]);
        }
      }
    }
    return Arrays.copyOf(out, size);
  }

  /** Returns the first {@code size} values sorted, without repeats, in an array of their own. */
  private static int[] sortDistinct(int[] values, int size) {
    Arrays.sort(values, 0, size);
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (distinct == 0 || values[i] != values[distinct - 1]) {
        values[distinct++] = values[i];
      }
    }
    return Arrays.copyOf(values, distinct);
  }

  /** The set itself, or the set it is the complement of. */
  private static StrSet positive(StrSet s) {
    StrSet of = s.complementOf();
    return of != null ? of : s;
  }

  /** A set of states, sorted, compared by content. */
  private record Subset(int[] states) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Subset other && Arrays.equals(states, other.states);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(states);
    }
  }

  private static int number(
      State state,
      List<State> nfa,
      Map<State, Integer> ids,
      List<Integer> owner,
      int language,
      ArrayDeque<State> todo) {
    Integer id = ids.get(state);
    if (id == null) {
      id = nfa.size();
      ids.put(state, id);
      nfa.add(state);
      owner.add(language);
      todo.add(state);
    }
    return id;
  }

  /** Whether {@code [from, to]} holds a character strings of the dimension may have. */
  private static boolean allows(boolean folded, int from, int to) {
    return from <= to && (!folded || Product.allowsFolded(from, to));
  }

  /** Returns the number of words of a set of cells. */
  int words() {
    return Math.max(1, (cellCount + 63) >>> 6);
  }

  /** Returns the cells of each pattern written for the dimension, in order, or null. */
  @Nullable Map<String, long[]> vocabulary() {
    return vocabulary;
  }

  /** Returns the number of cells. */
  int size() {
    return cellCount;
  }

  /** Returns the set of every cell. */
  long[] all() {
    return all;
  }

  /** Returns whether the strings of the dimension are folded before they are looked up. */
  boolean folded() {
    return folded;
  }

  /** Returns the cells of the {@code i}-th language given. */
  long[] ofLanguage(int i) {
    return ofLanguage[i];
  }

  /** Returns the cell of a string (already folded, for a folded dimension), or -1 if none. */
  int cellOf(String value) {
    int s = 0;
    for (int i = 0; i < value.length(); i++) {
      s = step(s, value.charAt(i));
      if (s < 0) {
        return deadCell;
      }
    }
    return cellOfState[s];
  }

  /** The lists of hints asked about last, and the cells of their values found so far. */
  private final List<?>[] hintLists = new List<?>[8];

  private final int[][] hintCells = new int[8][];
  private int nextHintSlot;

  /** Marks a hint whose cell is not looked up yet. */
  private static final int UNKNOWN = -2;

  /**
   * Returns the index of the first of {@code values}, as {@code look} prepares each for lookup, in
   * {@code set}, or -1. The cells of the values are remembered for the last few lists (by
   * instance), and looked up only as far as the scan goes: the hints of a dimension, thousands for
   * a large policy, are asked about again for every example. A list must therefore not change once
   * asked about ({@link Vocabulary#hints} gives unmodifiable ones).
   */
  int firstIn(List<String> values, java.util.function.UnaryOperator<String> look, long[] set) {
    int[] cellOfValue = null;
    for (int i = 0; i < hintLists.length; i++) {
      if (hintLists[i] == values) {
        cellOfValue = hintCells[i];
      }
    }
    if (cellOfValue == null) {
      cellOfValue = new int[values.size()];
      Arrays.fill(cellOfValue, UNKNOWN);
      hintLists[nextHintSlot] = values;
      hintCells[nextHintSlot] = cellOfValue;
      nextHintSlot = (nextHintSlot + 1) % hintLists.length;
    }
    for (int i = 0; i < cellOfValue.length; i++) {
      if (cellOfValue[i] == UNKNOWN) {
        cellOfValue[i] = cellOf(look.apply(values.get(i)));
      }
      if (cellOfValue[i] >= 0 && has(set, cellOfValue[i])) {
        return i;
      }
    }
    return -1;
  }

  private int step(int state, char c) {
    char[] l = lo[state];
    char[] h = hi[state];
    int left = 0;
    int right = l.length - 1;
    while (left <= right) {
      int mid = (left + right) >>> 1;
      if (h[mid] < c) {
        left = mid + 1;
      } else if (l[mid] > c) {
        right = mid - 1;
      } else {
        return dest[state][mid];
      }
    }
    return -1;
  }

  /**
   * Returns a deterministic automaton, without dead states, of the strings of the {@code cells}:
   * the union's automaton accepting where its cell is one of them. For a folded dimension it may
   * also hold strings that are not folded, as the automata of such dimensions may.
   */
  Automaton language(long[] cells) {
    if (isZero(cells)) {
      return Languages.none();
    }
    if (Arrays.equals(cells, all)) {
      return Languages.anyString();
    }
    // Only the states from which a string of the cells is accepted, found backwards: the union's
    // automaton is often far larger than the part one set of cells needs.
    boolean rest = deadCell >= 0 && has(cells, deadCell);
    int states = lo.length;
    boolean[] live = new boolean[states];
    ArrayDeque<Integer> back = new ArrayDeque<>();
    for (int s = 0; s < states; s++) {
      if ((cellOfState[s] >= 0 && has(cells, cellOfState[s])) || (rest && hasGap(s))) {
        live[s] = true;
        back.add(s);
      }
    }
    int[][] into = predecessors();
    while (!back.isEmpty()) {
      for (int from : into[back.poll()]) {
        if (!live[from]) {
          live[from] = true;
          back.add(from);
        }
      }
    }
    State[] made = new State[states];
    for (int s = 0; s < states; s++) {
      if (live[s]) {
        made[s] = new State();
        made[s].setAccept(cellOfState[s] >= 0 && has(cells, cellOfState[s]));
      }
    }
    // The strings that leave every language, when their cell is in: a state accepting them all.
    State all = null;
    if (rest) {
      all = new State();
      all.setAccept(true);
      all.addTransition(new Transition(Character.MIN_VALUE, Character.MAX_VALUE, all));
    }
    for (int s = 0; s < states; s++) {
      if (!live[s]) {
        continue;
      }
      int gapFrom = Character.MIN_VALUE;
      for (int i = 0; i < lo[s].length; i++) {
        if (all != null && gapFrom < lo[s][i]) {
          made[s].addTransition(new Transition((char) gapFrom, (char) (lo[s][i] - 1), all));
        }
        if (live[dest[s][i]]) {
          made[s].addTransition(new Transition(lo[s][i], hi[s][i], made[dest[s][i]]));
        }
        gapFrom = hi[s][i] + 1;
      }
      if (all != null && gapFrom <= Character.MAX_VALUE) {
        made[s].addTransition(new Transition((char) gapFrom, Character.MAX_VALUE, all));
      }
    }
    Automaton out = new Automaton();
    out.setInitialState(made[0]);
    out.setDeterministic(true);
    out.reduce();
    return out;
  }

  /** Whether some character leads nowhere from state {@code s}. */
  private boolean hasGap(int s) {
    int gapFrom = Character.MIN_VALUE;
    for (int i = 0; i < lo[s].length; i++) {
      if (gapFrom < lo[s][i]) {
        return true;
      }
      gapFrom = hi[s][i] + 1;
    }
    return gapFrom <= Character.MAX_VALUE;
  }

  private int @Nullable [][] into;

  /** The states with an edge into each state, made once. */
  private int[][] predecessors() {
    int[][] p = into;
    if (p == null) {
      int states = lo.length;
      int[] counts = new int[states];
      for (int s = 0; s < states; s++) {
        for (int d : dest[s]) {
          counts[d]++;
        }
      }
      p = new int[states][];
      for (int s = 0; s < states; s++) {
        p[s] = new int[counts[s]];
      }
      int[] filled = new int[states];
      for (int s = 0; s < states; s++) {
        for (int d : dest[s]) {
          p[d][filled[d]++] = s;
        }
      }
      into = p;
    }
    return p;
  }

  static long[] and(long[] a, long[] b) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] & b[i];
    }
    return out;
  }

  static long[] andNot(long[] a, long[] b) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] & ~b[i];
    }
    return out;
  }

  static long[] or(long[] a, long[] b) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] | b[i];
    }
    return out;
  }

  /** Whether the sets of cells share one. */
  static boolean meet(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & b[i]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether every cell of {@code a} is in {@code b}. */
  static boolean within(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & ~b[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  static boolean has(long[] cells, int c) {
    return (cells[c >>> 6] & (1L << (c & 63))) != 0;
  }

  static boolean isZero(long[] cells) {
    for (long w : cells) {
      if (w != 0) {
        return false;
      }
    }
    return true;
  }
}
