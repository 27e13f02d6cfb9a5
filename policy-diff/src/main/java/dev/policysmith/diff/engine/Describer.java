package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

  private final Map<String, Automaton> unions = new java.util.HashMap<>();

  /** Returns the display name of a condition key dimension. */
  public String keyName(String dim) {
    return keyNames.getOrDefault(dim, dim.substring(Box.KEY.length()));
  }

  /**
   * Returns the values of a string dimension as patterns: {@code ["*"]} for every value, else the
   * covered patterns and, for the rest, {@code "P except Q, R"}.
   */
  public List<String> strings(String dim, Automaton set) {
    // Regions of one statement mostly share its sets (the same automaton instance wherever the
    // subtraction left a dimension alone): each is described once. Describing reads only the
    // language, which the instance keeps.
    Map<Automaton, List<String>> done =
        described.computeIfAbsent(dim, k -> new java.util.IdentityHashMap<>());
    List<String> words = done.get(set);
    if (words == null) {
      words = List.copyOf(describe(dim, set));
      done.put(set, words);
    }
    return words;
  }

  private final Map<String, Map<Automaton, List<String>>> described = new java.util.HashMap<>();

  /**
   * Returns the values of a string set as patterns, as {@link #strings(String, Automaton)} does;
   * when the set is held as cells that also hold the dimension's patterns, by operations on cells
   * alone, and once per set of cells.
   */
  public List<String> strings(String dim, StrSet set) {
    Cells cells = set.cells();
    Map<String, long[]> words = cells == null ? null : cells.vocabulary();
    if (cells == null || words == null || !words.keySet().equals(languages(dim).keySet())) {
      return strings(dim, set.language());
    }
    long[] bits = java.util.Objects.requireNonNull(set.bits());
    return describedCells
        .computeIfAbsent(dim, k -> new java.util.HashMap<>())
        .computeIfAbsent(
            java.nio.LongBuffer.wrap(bits), k -> List.copyOf(describe(cells, words, bits)));
  }

  private final Map<String, Map<java.nio.LongBuffer, List<String>>> describedCells =
      new java.util.HashMap<>();

  /**
   * {@link #describe(String, Automaton)} over cells: each pattern is the set of its cells, so
   * inclusion and overlap are operations on words.
   */
  private static List<String> describe(Cells cells, Map<String, long[]> words, long[] set) {
    if (java.util.Arrays.equals(set, cells.all())) {
      return List.of("*");
    }
    if (Cells.isZero(set)) {
      return List.of();
    }
    Map<String, long[]> vocab = new java.util.LinkedHashMap<>();
    words.forEach(
        (name, bits) -> {
          if (!Cells.isZero(bits)) {
            vocab.put(name, bits);
          }
        });
    List<String> out = new ArrayList<>(maximalWithin(vocab, set));
    long[] parts = new long[set.length];
    for (String name : out) {
      parts = Cells.or(parts, vocab.get(name));
    }
    for (Map.Entry<String, long[]> p : vocab.entrySet()) {
      if (Cells.within(set, parts)) {
        return out;
      }
      if (out.contains(p.getKey()) || !Cells.meet(p.getValue(), Cells.andNot(set, parts))) {
        continue;
      }
      out.add(except(p.getKey(), excluded(vocab, p.getValue(), set)));
      parts = Cells.or(parts, p.getValue());
    }
    if (Cells.within(set, parts)) {
      return out;
    }
    List<String> excluded = excluded(vocab, cells.all(), set);
    if (!excluded.isEmpty()) {
      out.add(except("*", excluded));
    } else {
      Automaton remainder = cells.language(Cells.andNot(set, parts));
      Automaton values =
          cells.folded() ? remainder.intersection(Languages.foldedStrings()) : remainder;
      out.add("values such as " + values.getShortestExample(true));
    }
    return out;
  }

  /**
   * The maximal patterns (by inclusion, the first of equal ones) whose cells lie in {@code set}.
   */
  private static List<String> maximalWithin(Map<String, long[]> vocab, long[] set) {
    List<Map.Entry<String, long[]>> inside = new ArrayList<>();
    for (Map.Entry<String, long[]> p : vocab.entrySet()) {
      if (Cells.within(p.getValue(), set)) {
        inside.add(p);
      }
    }
    if (inside.size() > MAXIMAL_LIMIT) {
      return inside.stream().map(Map.Entry::getKey).toList();
    }
    List<String> maximal = new ArrayList<>();
    for (int i = 0; i < inside.size(); i++) {
      long[] mine = inside.get(i).getValue();
      boolean covered = false;
      for (int j = 0; j < inside.size() && !covered; j++) {
        long[] theirs = inside.get(j).getValue();
        covered = i != j && Cells.within(mine, theirs) && (!Cells.within(theirs, mine) || j < i);
      }
      if (!covered) {
        maximal.add(inside.get(i).getKey());
      }
    }
    return maximal;
  }

  /** The maximal patterns that overlap {@code within} and lie wholly outside {@code set}. */
  private static List<String> excluded(Map<String, long[]> vocab, long[] within, long[] set) {
    Map<String, long[]> outside = new java.util.LinkedHashMap<>();
    vocab.forEach(
        (name, bits) -> {
          if (!Cells.meet(bits, set) && Cells.meet(bits, within)) {
            outside.put(name, bits);
          }
        });
    long[] everything = new long[set.length];
    java.util.Arrays.fill(everything, -1L);
    return maximalWithin(outside, everything).stream()
        .filter(
            name ->
                outside.entrySet().stream()
                    .noneMatch(
                        p ->
                            !p.getKey().equals(name)
                                && Cells.within(outside.get(name), p.getValue())
                                && !Cells.within(p.getValue(), outside.get(name))))
        .toList();
  }

  /** {@code "P except Q, R"}, or {@code "part of P"} when no pattern is left out. */
  private static String except(String name, List<String> excluded) {
    return excluded.isEmpty() ? "part of " + name : name + " except " + String.join(", ", excluded);
  }

  private List<String> describe(String dim, Automaton set) {
    if (set.isTotal()) {
      return List.of("*");
    }
    // Actions are compared as folded strings: every folded string is every action, and only
    // folded strings count in the tests below (walked directly, without building the product
    // with the folded strings, whose thousand character ranges made every test slow).
    boolean folded = dim.equals(Box.ACTION);
    if (folded && Product.subsetOf(Languages.anyString(), set, true)) {
      return List.of("*");
    }
    if (!Product.nonEmpty(set, folded)) {
      return List.of();
    }
    List<Pattern> vocab = patterns(dim, folded);
    List<String> out = new ArrayList<>(included(vocab, set, folded));
    // What the patterns named so far leave of the set: the set and the patterns, not an automaton
    // rebuilt after each pattern (of a large set with infix wildcards, most of the time).
    List<Automaton> parts = new ArrayList<>();
    if (folded) {
      // For actions, the union of patterns built as Encoder builds a clause: deterministic at
      // once. Many regions name the same patterns: their union is built once.
      Automaton covered =
          unions.computeIfAbsent(Languages.sharedKey(dim, out), k -> Languages.foldedPatterns(out));
      if (!out.isEmpty() && Product.subsetOf(set, covered, true)) {
        return out;
      }
      parts.add(covered);
    } else {
      // Each region covers its own list of patterns: their union is determinised only as far as
      // the walk with the set reaches, which is little of it.
      parts.addAll(parts(dim, out));
    }
    // A string left, if any: asked for again only when a pattern named covers it.
    String left = Product.outsideUnion(set, parts, folded);
    if (!out.isEmpty() && left == null) {
      return out;
    }
    for (Pattern p : vocab) {
      if (left == null) {
        break;
      }
      if (out.contains(p.name) || !overlapsRemainder(p, set, parts, folded)) {
        continue;
      }
      out.add(except(p.name, excluded(vocab, p.language, set, folded)));
      parts.add(p.language);
      if (p.language.run(left)) {
        left = Product.outsideUnion(set, parts, folded);
      }
    }
    if (left != null) {
      Automaton remainder = Product.minusUnion(set, parts);
      List<String> excluded = excluded(vocab, Languages.anyString(), set, folded);
      Automaton values = folded ? remainder.intersection(Languages.foldedStrings()) : remainder;
      out.add(
          excluded.isEmpty()
              ? "values such as " + values.getShortestExample(true)
              : "* except " + String.join(", ", excluded));
    }
    return out;
  }

  /** Whether some string (folded, if asked) of the pattern is in {@code set} and in no part. */
  private static boolean overlapsRemainder(
      Pattern p, Automaton set, List<Automaton> parts, boolean folded) {
    if (p.witness == null) {
      return false;
    }
    if (set.run(p.witness) && parts.stream().noneMatch(part -> part.run(p.witness))) {
      return true;
    }
    return p.word == null && Product.meetsOutsideUnion(p.language, set, parts, folded);
  }

  /** Whether some string (folded, if asked) of the pattern is in {@code set}. */
  private static boolean overlaps(Pattern p, Automaton set, boolean folded) {
    if (p.witness == null) {
      return false;
    }
    return set.run(p.witness) || p.word == null && Product.intersects(p.language, set, folded);
  }

  /** Returns the covered patterns when they make up the whole set exactly. */
  private Optional<List<String>> clean(String dim, Automaton set) {
    List<String> included = included(patterns(dim, false), set, false);
    if (!included.isEmpty() && Product.subsetOfUnion(set, parts(dim, included), false)) {
      return Optional.of(included);
    }
    return Optional.empty();
  }

  /** Past this many patterns inside a set, all are named: dropping covered ones is quadratic. */
  private static final int MAXIMAL_LIMIT = 40;

  /** The maximal patterns whose languages lie inside {@code set}. */
  private static List<String> included(List<Pattern> vocab, Automaton set, boolean folded) {
    List<Pattern> inside = new ArrayList<>();
    for (Pattern p : vocab) {
      // A pattern whose own member is outside the set is not inside it: one run of the set's
      // automaton instead of a product walk, for most patterns of a large policy.
      if (p.witness != null
          && set.run(p.witness)
          && (p.word != null || Product.subsetOf(p.language, set, folded))) {
        inside.add(p);
      }
    }
    if (inside.size() > MAXIMAL_LIMIT) {
      // Dropping covered patterns is quadratic; long lists are shown as written.
      return inside.stream().map(p -> p.name).toList();
    }
    List<String> maximal = new ArrayList<>();
    for (int i = 0; i < inside.size(); i++) {
      Pattern mine = inside.get(i);
      boolean covered = false;
      for (int j = 0; j < inside.size() && !covered; j++) {
        if (i == j) {
          continue;
        }
        Pattern theirs = inside.get(j);
        if (theirs.has(mine, folded) && (!mine.has(theirs, folded) || j < i)) {
          covered = true;
        }
      }
      if (!covered) {
        maximal.add(mine.name);
      }
    }
    return maximal;
  }

  /**
   * A pattern of the vocabulary with what the tests above ask of it again and again, worked out
   * once per description: its one folded word, if it has no wildcard, and a member (null when its
   * language is empty), which decides at once most questions of inclusion in and overlap with it.
   */
  private static final class Pattern {
    final String name;
    final Automaton language;
    final @Nullable String word;
    final @Nullable String witness;

    Pattern(String name, Automaton language, boolean folded) {
      this.name = name;
      this.language = language;
      this.word = folded ? foldedWord(name) : null;
      this.witness =
          word != null
              ? word
              : Product.shortest(
                  language,
                  folded,
                  new char[] {Character.MIN_VALUE},
                  new char[] {Character.MAX_VALUE});
    }

    /** Whether every string of {@code other} is in this pattern's language. */
    boolean has(Pattern other, boolean folded) {
      if (other.witness == null) {
        return true;
      }
      if (word != null) {
        return word.equals(other.word);
      }
      return language.run(other.witness) && Product.subsetOf(other.language, language, folded);
    }
  }

  private final Map<String, List<Pattern>> patterns = new java.util.HashMap<>();

  /** Returns the vocabulary of a dimension, with each pattern's word and member worked out. */
  private List<Pattern> patterns(String dim, boolean folded) {
    return patterns.computeIfAbsent(
        dim + (folded ? "\u0000folded" : ""),
        k -> {
          List<Pattern> out = new ArrayList<>();
          languages(dim).forEach((name, language) -> out.add(new Pattern(name, language, folded)));
          return out;
        });
  }

  /**
   * Returns the one folded string an action pattern without wildcards matches, or null: for the
   * hundreds of actions a managed policy lists, a membership test instead of a product walk.
   */
  private static @Nullable String foldedWord(String pattern) {
    if (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0) {
      return null;
    }
    String folded = Languages.fold(pattern);
    return Languages.fold(folded).equals(folded) ? folded : null;
  }

  /** The maximal patterns that overlap {@code within} and lie wholly outside {@code set}. */
  private static List<String> excluded(
      List<Pattern> vocab, Automaton within, Automaton set, boolean folded) {
    List<Pattern> outside = new ArrayList<>();
    for (Pattern p : vocab) {
      if (!overlaps(p, set, folded) && overlaps(p, within, folded)) {
        outside.add(p);
      }
    }
    Map<String, Pattern> byName = new java.util.HashMap<>();
    outside.forEach(p -> byName.put(p.name, p));
    return included(outside, Languages.anyString(), folded).stream()
        .filter(name -> maximal(outside, byName.get(name), folded))
        .toList();
  }

  private static boolean maximal(List<Pattern> patterns, Pattern mine, boolean folded) {
    for (Pattern p : patterns) {
      if (!p.name.equals(mine.name) && p.has(mine, folded) && !mine.has(p, folded)) {
        return false;
      }
    }
    return true;
  }

  private List<Automaton> parts(String dim, List<String> names) {
    Map<String, Automaton> vocab = languages(dim);
    List<Automaton> parts = new ArrayList<>();
    for (String name : names) {
      parts.add(vocab.get(name));
    }
    return parts;
  }

  private final Map<String, Map<String, Automaton>> languages = new java.util.HashMap<>();

  private Map<String, Automaton> languages(String dim) {
    return languages.computeIfAbsent(dim, vocabulary::languages);
  }

  /**
   * Returns a condition key's set in words, e.g. {@code kms:ViaService is
   * ec2.ap-northeast-1.amazonaws.com}, or empty when the set holds everything.
   */
  public Optional<String> condition(String dim, DimSet set) {
    Map<DimSet, Optional<String>> done =
        conditions.computeIfAbsent(dim, k -> new java.util.IdentityHashMap<>());
    Optional<String> words = done.get(set);
    if (words == null) {
      words = describeCondition(dim, set);
      done.put(set, words);
    }
    return words;
  }

  private final Map<String, Map<DimSet, Optional<String>>> conditions = new java.util.HashMap<>();

  private Optional<String> describeCondition(String dim, DimSet set) {
    if (set.isUniversal()) {
      return Optional.empty();
    }
    String name = keyName(dim);
    if (set instanceof AtomSet atoms) {
      return Optional.of(valueLists(dim, name, atoms));
    }
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
    return Optional.of(name + " is " + String.join(" or ", strings(dim, strings)) + orAbsent);
  }

  /**
   * Describes the value lists of a multivalued key in the words of the set operators: {@code every
   * value of aws:TagKeys is in [a, b]} ({@code ForAllValues:}), {@code some value of aws:TagKeys is
   * a} ({@code ForAnyValue:}), both at once, or else the combinations of values one by one.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued
   *     vs. multivalued context keys</a>
   */
  private String valueLists(String dim, String name, AtomSet set) {
    KeyAtoms atoms = set.atoms();
    String orAbsent = set.absent() ? " (or " + name + " is absent)" : "";
    if (set.presentEmpty()) {
      return name + " is absent";
    }
    if (set.presentAll()) {
      return name + " is present";
    }
    int subsets = 1 << atoms.size();
    // Every atom some member hits, and the atoms that make a member alone.
    int used = 0;
    int alone = 0;
    for (int t = 0; t < subsets; t++) {
      if (set.has(t)) {
        used |= t;
        alone |= Integer.bitCount(t) == 1 ? t : 0;
      }
    }
    boolean none = set.has(0);
    // Is the set "every value in USED, and some value in ALONE (or no values at all)"?
    boolean simple = true;
    for (int t = 0; t < subsets && simple; t++) {
      boolean expected = t == 0 ? none : (t & ~used) == 0 && (t & alone) != 0;
      simple = set.has(t) == expected;
    }
    String noValues = none ? " (or " + name + " has no values)" : "";
    if (simple && used == 0) {
      return name + " has no values" + orAbsent;
    }
    if (simple && alone == used) {
      return (none
              ? "every value of " + name + " is " + words(dim, atoms, used)
              : name + " has values and every one is " + words(dim, atoms, used))
          + orAbsent;
    }
    if (simple && used == atoms.all()) {
      return "some value of " + name + " is " + words(dim, atoms, alone) + noValues + orAbsent;
    }
    if (simple) {
      return "every value of "
          + name
          + " is "
          + words(dim, atoms, used)
          + " and some value is "
          + words(dim, atoms, alone)
          + noValues
          + orAbsent;
    }
    List<String> lists = new ArrayList<>();
    int count = 0;
    for (int size = 0; size <= atoms.size(); size++) {
      for (int t = 0; t < subsets; t++) {
        if (set.has(t) && Integer.bitCount(t) == size && count++ < 4) {
          List<String> parts = new ArrayList<>();
          for (int i = 0; i < atoms.size(); i++) {
            if ((t & (1 << i)) != 0) {
              parts.add(words(dim, atoms, 1 << i));
            }
          }
          lists.add("(" + (parts.isEmpty() ? "no values" : String.join("; ", parts)) + ")");
        }
      }
    }
    return "the values of "
        + name
        + " are one of "
        + String.join(", ", lists)
        + (count > 4 ? " and " + (count - 4) + " more combinations" : "")
        + orAbsent;
  }

  /** Returns the values of the atoms in {@code mask} in the words of the policies. */
  private String words(String dim, KeyAtoms atoms, int mask) {
    // The same few masks come back region after region; each is put into words once.
    return atomWords
        .computeIfAbsent(atoms, k -> new java.util.HashMap<>())
        .computeIfAbsent(mask, k -> describeAtoms(dim, atoms, mask));
  }

  private final Map<KeyAtoms, Map<Integer, String>> atomWords = new java.util.IdentityHashMap<>();

  private String describeAtoms(String dim, KeyAtoms atoms, int mask) {
    List<DimSet> parts = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      if ((mask & (1 << i)) != 0) {
        parts.add(atoms.atom(i));
      }
    }
    DimSet union = DimSet.unionOf(parts);
    if (union instanceof RangeSet range) {
      return "such that " + range("it", range);
    }
    List<String> words = strings(dim, Languages.minimal(((StrSet) union).language().clone()));
    return words.size() == 1 ? words.get(0) : "in [" + String.join(", ", words) + "]";
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
