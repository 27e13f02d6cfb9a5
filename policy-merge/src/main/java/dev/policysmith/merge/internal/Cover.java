package dev.policysmith.merge.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Covers the maximal grants with as few statements as it can prove, as a function of the grants.
 *
 * <h2>Why a cover, and why over a closure</h2>
 *
 * <p>A statement is a product: one set per dimension (actions, resources, principals, the values of
 * each positive condition key), deciding as the union of its atomic grants. {@link
 * Dominance#maximal} drops a grant whose action pattern another grant covers when both agree on
 * everything else, so that equal documents reduce to one set {@code M} of grants. Partitioning
 * {@code M} into products, as {@link Regrouper} does alone, can need more statements than the input
 * had, for two reasons:
 *
 * <ol>
 *   <li>a dropped grant leaves a hole in its statement: {@code kms:*} on {@code *} for {@code
 *       AWS:*} goes because another statement grants {@code *} there, and the rest of that
 *       statement is no longer a product;
 *   <li>input statements may overlap (a plus shape: {@code a0..a2 x r1} and {@code a1 x r0..r2}),
 *       and a partition of their union needs three products where two overlapping ones suffice.
 * </ol>
 *
 * <p>The first is repaired by covering inside the <em>closure</em> {@code C} of {@code M}: the
 * grants {@code (rest, Q)} where {@code Q} is an action pattern that occurs in {@code M}, the grant
 * {@code (rest, Q)} is dominated (in {@link Dominance}'s tie-broken order) by a grant {@code (rest,
 * P)} of {@code M}, and it is linked to a grant {@code (rest', Q)} of {@code M} through grants of
 * this kind that step one non-action coordinate at a time. Such a grant decides nothing that its
 * dominating grant of {@code M} does not (same effect, Sid, principal, resource and conditions, a
 * broader action), so a statement may hold it; and {@code maximal(C) == M}, because every added
 * grant lies strictly below one of {@code M} and none lies above one. The second is repaired by
 * letting products overlap.
 *
 * <p>Claim: every input document {@code p} whose grants reduce to {@code M} has a cover of {@code
 * M} by at most {@code |p.statements|} products inside {@code C}. Take each statement {@code S} and
 * keep only the action patterns {@code Q} for which some grant {@code (rest, Q)} of {@code S} is in
 * {@code M}. Each remaining grant of {@code S} is in {@code M} or dominated by a grant of {@code M}
 * at its rest (that is what dropped it), {@code Q} occurs in {@code M}, and the {@code Q}-slice of
 * {@code S} is a grid in the non-action coordinates, connected by one-coordinate steps, holding a
 * grant of {@code M}; so the whole slice is in {@code C}. Every grant of {@code M} came from some
 * statement and keeps its pattern. Hence a <em>minimum</em> cover of {@code M} by products inside
 * {@code C} never has more statements than the input, which is the law.
 *
 * <p>A minimum cover is a set-cover problem, so it is searched exactly only where that is cheap:
 * per connected component (products are connected under one-coordinate steps, so none spans two), a
 * component of at most {@link #EXACT_POINTS} grants of {@code C} whose regrouping is not already as
 * small as a lower bound allows is searched over its maximal products by {@link SetCover}'s branch
 * and bound, within {@link #BUDGET} steps, every order fixed. Elsewhere, or when the budget runs
 * out, the fewer of two regroupings (of the component's grants of {@code M}, and of {@code C}
 * pruned of redundant products) is taken, and the cover is reported as not proven minimal. The
 * second regrouping is tried only in components of at most {@link #CLOSURE_POINTS} grants of {@code
 * C}: in larger ones the closure can be many times the size of {@code M} (a wildcard resource
 * shared by many services links them all) and regrouping it never gave fewer statements, on the
 * shared corpus nor on the generated benchmark documents, while it took most of the time. Every
 * step iterates in a sorted order and depends only on {@code M}, so the result is still a function
 * of the grants, and because the output's grants reduce to {@code M} again, canonicalising twice
 * changes nothing.
 *
 * <p>Inside each output product, action patterns covered by another of its patterns are dropped
 * (DESIGN: "actions covered by a wildcard in the same statement dropped"); grants of {@code M}
 * never go this way, since none is dominated by a grant of {@code C}.
 */
public final class Cover {
  /** The largest component, in grants of the closure, whose minimum cover is searched exactly. */
  static final int EXACT_POINTS = 256;

  /**
   * The largest component, in grants of the closure, that is also regrouped over the closure when
   * the exact search is out of reach; a bound on the component alone keeps the result a function of
   * the grants.
   */
  static final int CLOSURE_POINTS = 1024;

  /** The steps an exact search may take in one component before it gives up. */
  static final long BUDGET = 1_000_000;

  /**
   * A cover of the grants by statements.
   *
   * @param boxes the statements, sorted by {@link Box#ORDER}
   * @param minimal whether each component's cover is proven to use the fewest products
   */
  public record Result(List<Box> boxes, boolean minimal) {}

  private Cover() {}

  /** Returns a cover of {@code maximal}, which must be the output of {@link Dominance#maximal}. */
  public static Result cover(Collection<Box> maximal) {
    Map<Box, List<Box>> groups = new HashMap<>();
    for (Box atom : maximal) {
      groups.computeIfAbsent(signature(atom), k -> new ArrayList<>()).add(atom);
    }
    List<Box> out = new ArrayList<>();
    boolean minimal = true;
    for (Map.Entry<Box, List<Box>> group : groups.entrySet()) {
      minimal &= new Grid(group.getKey(), group.getValue()).cover(out);
    }
    out.sort(Box.ORDER);
    return new Result(out, minimal);
  }

  /** Returns the atom with every joinable coordinate emptied: what a product's grants share. */
  static Box signature(Box atom) {
    Box signature = atom;
    for (Box.Dimension dimension : Box.Dimension.values()) {
      if (atom.get(dimension).joinable()) {
        signature = signature.with(dimension, atom.get(dimension).blank());
      }
    }
    List<ConditionEntry> entries = atom.conditions();
    List<ConditionEntry> blanked = null;
    for (int i = 0; i < entries.size(); i++) {
      if (joinableCondition(entries, i)) {
        if (blanked == null) {
          blanked = new ArrayList<>(entries);
        }
        blanked.set(i, entries.get(i).withValues(Collections.emptySortedSet()));
      }
    }
    return blanked == null ? signature : signature.withConditions(blanked);
  }

  /** As {@link Regrouper}: a positive entry that is the only one of its (operator, key) pair. */
  static boolean joinableCondition(List<ConditionEntry> entries, int index) {
    ConditionEntry entry = entries.get(index);
    if (!entry.splittable()) {
      return false;
    }
    for (int i = 0; i < entries.size(); i++) {
      if (i != index && entries.get(i).dimension().equals(entry.dimension())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The orders of the set dimensions in which {@link Regrouper} is run; the one giving fewest
   * products wins, the first on a tie.
   */
  private static final Box.Dimension[][] ORDERS = {
    {Box.Dimension.ACTION, Box.Dimension.RESOURCE, Box.Dimension.PRINCIPAL},
    {Box.Dimension.ACTION, Box.Dimension.PRINCIPAL, Box.Dimension.RESOURCE},
    {Box.Dimension.RESOURCE, Box.Dimension.ACTION, Box.Dimension.PRINCIPAL},
    {Box.Dimension.RESOURCE, Box.Dimension.PRINCIPAL, Box.Dimension.ACTION},
    {Box.Dimension.PRINCIPAL, Box.Dimension.ACTION, Box.Dimension.RESOURCE},
    {Box.Dimension.PRINCIPAL, Box.Dimension.RESOURCE, Box.Dimension.ACTION},
  };

  /** The grants of one signature as points of a grid, one coordinate per joinable dimension. */
  private static final class Grid {
    private final Box signature;

    /** Dimension per axis, or null for a condition axis. */
    private final List<Box.Dimension> dimensions = new ArrayList<>();

    /** Index into the conditions per axis, or -1 for a set dimension. */
    private final List<Integer> conditionIndex = new ArrayList<>();

    private final int actionAxis;

    /**
     * Per axis, the values the grants take, in natural order: value id {@code i} is the i-th, so
     * that points, tuples of value ids, compare as their values do.
     */
    private final List<List<String>> names = new ArrayList<>();

    private final Set<IdTuple> required = new HashSet<>();

    Grid(Box signature, List<Box> atoms) {
      this.signature = signature;
      int action = -1;
      for (Box.Dimension dimension : Box.Dimension.values()) {
        if (signature.get(dimension).joinable()) {
          if (dimension == Box.Dimension.ACTION) {
            action = dimensions.size();
          }
          dimensions.add(dimension);
          conditionIndex.add(-1);
        }
      }
      for (int i = 0; i < signature.conditions().size(); i++) {
        if (joinableCondition(signature.conditions(), i)) {
          dimensions.add(null);
          conditionIndex.add(i);
        }
      }
      this.actionAxis = action;
      List<List<String>> points = new ArrayList<>(atoms.size());
      for (Box atom : atoms) {
        points.add(point(atom));
      }
      List<Map<String, Integer>> ids = new ArrayList<>();
      for (int axis = 0; axis < axes(); axis++) {
        Set<String> values = new TreeSet<>();
        for (List<String> point : points) {
          values.add(point.get(axis));
        }
        List<String> sorted = new ArrayList<>(values);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
          index.put(sorted.get(i), i);
        }
        names.add(sorted);
        ids.add(index);
      }
      for (List<String> point : points) {
        int[] coordinates = new int[axes()];
        for (int axis = 0; axis < axes(); axis++) {
          coordinates[axis] = ids.get(axis).get(point.get(axis));
        }
        required.add(new IdTuple(coordinates));
      }
    }

    /** The values of {@code point}. */
    private List<String> values(IdTuple point) {
      List<String> values = new ArrayList<>(axes());
      for (int axis = 0; axis < axes(); axis++) {
        values.add(names.get(axis).get(point.ids[axis]));
      }
      return values;
    }

    private List<List<String>> values(List<IdTuple> points) {
      List<List<String>> out = new ArrayList<>(points.size());
      for (IdTuple point : points) {
        out.add(List.copyOf(values(point)));
      }
      return out;
    }

    int axes() {
      return dimensions.size();
    }

    List<String> point(Box atom) {
      List<String> coordinates = new ArrayList<>(axes());
      for (int axis = 0; axis < axes(); axis++) {
        Box.Dimension dimension = dimensions.get(axis);
        coordinates.add(
            dimension != null
                ? atom.get(dimension).values().first()
                : atom.conditions().get(conditionIndex.get(axis)).values().first());
      }
      return List.copyOf(coordinates);
    }

    Box box(List<? extends Collection<String>> sets) {
      return box(sets, true);
    }

    /** The product of {@code sets}, its covered actions dropped when {@code narrow}. */
    private Box box(List<? extends Collection<String>> sets, boolean narrow) {
      Box box = signature;
      List<ConditionEntry> entries = null;
      for (int axis = 0; axis < axes(); axis++) {
        Box.Dimension dimension = dimensions.get(axis);
        Collection<String> values = sets.get(axis);
        if (dimension == Box.Dimension.ACTION) {
          box =
              box.with(
                  dimension,
                  Clause.of(
                      Clause.Kind.POSITIVE,
                      Clause.FOLD_THEN_EXACT,
                      narrow && values.size() > 1 ? Dominance.maximalPatterns(values) : values));
        } else if (dimension != null) {
          box =
              box.with(
                  dimension, Clause.of(Clause.Kind.POSITIVE, Comparator.naturalOrder(), values));
        } else {
          if (entries == null) {
            entries = new ArrayList<>(signature.conditions());
          }
          int index = conditionIndex.get(axis);
          entries.set(index, entries.get(index).withValues(sorted(values)));
        }
      }
      return entries == null ? box : box.withConditions(entries);
    }

    Box atom(List<String> point) {
      List<List<String>> sets = new ArrayList<>(point.size());
      for (String value : point) {
        sets.add(List.of(value));
      }
      return box(sets);
    }

    /** Adds a cover of this grid's grants to {@code out}; returns whether it is proven minimal. */
    boolean cover(List<Box> out) {
      if (axes() == 0 || required.size() == 1) {
        for (IdTuple point : required) {
          out.add(atom(values(point)));
        }
        return true;
      }
      Set<IdTuple> closed = closure();
      boolean minimal = true;
      for (List<IdTuple> component : components(closed)) {
        minimal &= coverComponent(component, out);
      }
      return minimal;
    }

    private boolean coverComponent(List<IdTuple> points, List<Box> out) {
      List<IdTuple> mandatory = new ArrayList<>();
      for (IdTuple point : points) {
        if (required.contains(point)) {
          mandatory.add(point);
        }
      }
      if (points.size() == 1) {
        out.add(atom(values(points.get(0))));
        return true;
      }
      List<Box> best = regroup(mandatory);
      if (points.size() > mandatory.size() && best.size() > 1 && points.size() <= CLOSURE_POINTS) {
        List<Box> overClosure = prune(regroup(points), values(mandatory));
        if (overClosure.size() < best.size()) {
          best = overClosure;
        }
      }
      if (best.size() <= 1) {
        out.addAll(best);
        return true;
      }
      if (points.size() > EXACT_POINTS) {
        out.addAll(best);
        return false;
      }
      List<List<Set<String>>> exact;
      try {
        ExactSearch search = new ExactSearch(this, values(points), values(mandatory));
        if (search.lowerBound() >= best.size()) {
          // The regrouping is already as small as any cover can be.
          out.addAll(best);
          return true;
        }
        exact = search.search(best.size());
      } catch (OutOfBudget e) {
        out.addAll(best);
        return false;
      }
      if (exact != null) {
        for (List<Set<String>> sets : exact) {
          out.add(box(sets));
        }
      } else {
        out.addAll(best);
      }
      return true;
    }

    /**
     * Returns {@link Regrouper}'s products of {@code points}, sorted by {@link Box#ORDER}, their
     * actions as joined (a product of grants of {@code M} has no action covering another).
     */
    private List<Box> regroup(List<IdTuple> points) {
      List<int[]> encoded = new ArrayList<>(points.size());
      for (IdTuple point : points) {
        encoded.add(point.ids);
      }
      List<Box> boxes = new ArrayList<>();
      for (int[][] product : Regrouper.regroup(encoded, axes(), orders())) {
        List<List<String>> sets = new ArrayList<>(axes());
        for (int axis = 0; axis < axes(); axis++) {
          List<String> values = new ArrayList<>(product[axis].length);
          for (int id : product[axis]) {
            values.add(names.get(axis).get(id));
          }
          sets.add(values);
        }
        boxes.add(box(sets, false));
      }
      boxes.sort(Box.ORDER);
      return boxes;
    }

    /**
     * The orders in which {@link Regrouper} joins the axes: each order of the action, resource and
     * principal axes there are, then the condition axes by operator and key.
     */
    private List<int[]> orders() {
      List<Integer> conditionAxes = new ArrayList<>();
      for (int axis = 0; axis < axes(); axis++) {
        if (dimensions.get(axis) == null) {
          conditionAxes.add(axis);
        }
      }
      conditionAxes.sort(
          Comparator.comparing(
              axis -> signature.conditions().get(conditionIndex.get(axis)).dimension()));
      Set<List<Integer>> orders = new LinkedHashSet<>();
      for (Box.Dimension[] dimensionOrder : ORDERS) {
        List<Integer> order = new ArrayList<>();
        for (Box.Dimension dimension : dimensionOrder) {
          int axis = dimensions.indexOf(dimension);
          if (axis >= 0) {
            order.add(axis);
          }
        }
        order.addAll(conditionAxes);
        orders.add(order);
      }
      List<int[]> out = new ArrayList<>();
      for (List<Integer> order : orders) {
        out.add(order.stream().mapToInt(Integer::intValue).toArray());
      }
      return out;
    }

    /**
     * Drops products holding no grant of {@code M} and then, in reverse canonical order, products
     * whose grants of {@code M} the others hold, and narrows each product's actions.
     */
    private List<Box> prune(List<Box> boxes, List<List<String>> mandatory) {
      // Each product lies inside the closure, so walking its points costs no more than the
      // closure itself, where testing every grant against every product would be quadratic.
      Set<List<String>> wanted = new HashSet<>(mandatory);
      List<Set<List<String>>> holds = new ArrayList<>();
      for (Box box : boxes) {
        Set<List<String>> held = new HashSet<>();
        List<List<String>> sets = new ArrayList<>();
        for (int axis = 0; axis < axes(); axis++) {
          Box.Dimension dimension = dimensions.get(axis);
          sets.add(
              new ArrayList<>(
                  dimension != null
                      ? box.get(dimension).values()
                      : box.conditions().get(conditionIndex.get(axis)).values()));
        }
        collect(sets, 0, new ArrayList<>(), wanted, held);
        holds.add(held);
      }
      Map<List<String>, Integer> counts = new HashMap<>();
      for (Set<List<String>> held : holds) {
        for (List<String> point : held) {
          counts.merge(point, 1, Integer::sum);
        }
      }
      List<Box> kept = new ArrayList<>();
      boolean[] dropped = new boolean[boxes.size()];
      for (int i = boxes.size() - 1; i >= 0; i--) {
        boolean redundant = true;
        for (List<String> point : holds.get(i)) {
          if (counts.get(point) == 1) {
            redundant = false;
            break;
          }
        }
        if (redundant) {
          dropped[i] = true;
          for (List<String> point : holds.get(i)) {
            counts.merge(point, -1, Integer::sum);
          }
        }
      }
      for (int i = 0; i < boxes.size(); i++) {
        if (!dropped[i]) {
          kept.add(narrowActions(boxes.get(i)));
        }
      }
      return kept;
    }

    private Box narrowActions(Box box) {
      if (actionAxis < 0 || box.action().values().size() < 2) {
        return box;
      }
      return box.with(
          Box.Dimension.ACTION,
          Clause.of(
              Clause.Kind.POSITIVE,
              Clause.FOLD_THEN_EXACT,
              Dominance.maximalPatterns(box.action().values())));
    }

    private static void collect(
        List<List<String>> sets,
        int axis,
        List<String> point,
        Set<List<String>> wanted,
        Set<List<String>> held) {
      if (axis == sets.size()) {
        List<String> copy = List.copyOf(point);
        if (wanted.contains(copy)) {
          held.add(copy);
        }
        return;
      }
      for (String value : sets.get(axis)) {
        point.add(value);
        collect(sets, axis + 1, point, wanted, held);
        point.remove(point.size() - 1);
      }
    }

    /**
     * Returns the grants of {@code M} plus the dominated grants linked to one of {@code M} with the
     * same action pattern by one-coordinate steps: the least set closed under that step, so its
     * value does not depend on the order of the search.
     */
    private Set<IdTuple> closure() {
      Set<IdTuple> closed = new HashSet<>(required);
      if (actionAxis < 0 || axes() < 2) {
        return closed;
      }
      Map<IdTuple, List<Integer>> patternsAt = new HashMap<>();
      for (IdTuple point : required) {
        patternsAt
            .computeIfAbsent(withPattern(point.ids, -1), k -> new ArrayList<>())
            .add(point.ids[actionAxis]);
      }
      List<String> vocabulary = names.get(actionAxis);
      Map<String, Set<String>> below = Dominance.below(vocabulary);
      if (below.isEmpty()) {
        return closed;
      }
      int[][] belowIds = new int[vocabulary.size()][];
      for (int id = 0; id < vocabulary.size(); id++) {
        Set<String> covered = below.getOrDefault(vocabulary.get(id), Set.of());
        belowIds[id] = new int[covered.size()];
        int at = 0;
        for (String pattern : covered) {
          belowIds[id][at++] = Collections.binarySearch(vocabulary, pattern);
        }
      }
      // The rests that dominate something, indexed by the line (all coordinates but one) they lie
      // on and by each pattern they dominate: only these can take a grant of the closure, and
      // the index lets each (line, pattern) be settled once.
      Map<IdTuple, List<IdTuple>> lines = new HashMap<>();
      for (Map.Entry<IdTuple, List<Integer>> entry : patternsAt.entrySet()) {
        Set<Integer> dominated = new HashSet<>();
        for (int pattern : entry.getValue()) {
          for (int covered : belowIds[pattern]) {
            dominated.add(covered);
          }
        }
        int[] rest = entry.getKey().ids;
        for (int pattern : dominated) {
          for (int axis = 0; axis < axes(); axis++) {
            if (axis != actionAxis) {
              lines
                  .computeIfAbsent(line(rest, axis, pattern), k -> new ArrayList<>())
                  .add(entry.getKey());
            }
          }
        }
      }
      Deque<IdTuple> queue = new ArrayDeque<>(required);
      while (!queue.isEmpty()) {
        IdTuple point = queue.poll();
        int pattern = point.ids[actionAxis];
        for (int axis = 0; axis < axes(); axis++) {
          if (axis == actionAxis) {
            continue;
          }
          // Removing the entry marks the (line, pattern) settled.
          List<IdTuple> onLine = lines.remove(line(point.ids, axis, pattern));
          if (onLine == null) {
            continue;
          }
          for (IdTuple other : onLine) {
            IdTuple added = withPattern(other.ids, pattern);
            if (closed.add(added)) {
              queue.add(added);
            }
          }
        }
      }
      return closed;
    }

    /** The point with its action coordinate set to {@code pattern}, or -1 for none. */
    private IdTuple withPattern(int[] point, int pattern) {
      int[] copy = point.clone();
      copy[actionAxis] = pattern;
      return new IdTuple(copy);
    }

    /**
     * A key for the points that agree with {@code point} on every axis but {@code axis}, with
     * {@code pattern} as action unless that is the axis.
     */
    private IdTuple line(int[] point, int axis, int pattern) {
      int[] copy = Arrays.copyOf(point, point.length + 1);
      if (actionAxis >= 0 && pattern >= 0) {
        copy[actionAxis] = pattern;
      }
      copy[axis] = -1;
      copy[point.length] = axis;
      return new IdTuple(copy);
    }

    /**
     * Splits the points into classes linked by one-coordinate steps. Only the classes small enough
     * for the exact search are sorted, since only its result depends on the order of the points:
     * sorting the closure of a large grid took a fifth of the time.
     */
    private List<List<IdTuple>> components(Set<IdTuple> points) {
      List<IdTuple> listed = new ArrayList<>(points);
      int[] parent = new int[listed.size()];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
      }
      for (int axis = 0; axis < axes(); axis++) {
        Map<IdTuple, Integer> first = new HashMap<>();
        for (int i = 0; i < listed.size(); i++) {
          Integer other = first.putIfAbsent(line(listed.get(i).ids, axis, -1), i);
          if (other != null) {
            union(parent, i, other);
          }
        }
      }
      Map<Integer, List<IdTuple>> byRoot = new HashMap<>();
      for (int i = 0; i < listed.size(); i++) {
        byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(listed.get(i));
      }
      List<List<IdTuple>> out = new ArrayList<>(byRoot.values());
      for (List<IdTuple> component : out) {
        if (component.size() <= EXACT_POINTS) {
          Collections.sort(component);
        }
      }
      return out;
    }

    private static int find(int[] parent, int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    private static void union(int[] parent, int a, int b) {
      int x = find(parent, a);
      int y = find(parent, b);
      if (x != y) {
        parent[Math.max(x, y)] = Math.min(x, y);
      }
    }
  }

  /**
   * A minimum cover of one small component by its maximal products: they are enumerated from each
   * grant of {@code M}, then {@link SetCover} picks the fewest, every order fixed, so the cover is
   * a function of the component.
   */
  private static final class ExactSearch {
    private final Grid grid;
    private final Set<List<String>> points;
    private final List<List<String>> mandatory;
    private final List<List<String>> values = new ArrayList<>();
    private long steps;

    ExactSearch(Grid grid, List<List<String>> points, List<List<String>> mandatory) {
      this.grid = grid;
      this.points = new HashSet<>(points);
      this.mandatory = mandatory;
      for (int axis = 0; axis < grid.axes(); axis++) {
        Set<String> seen = new TreeSet<>();
        for (List<String> point : points) {
          seen.add(point.get(axis));
        }
        values.add(new ArrayList<>(seen));
      }
    }

    /**
     * Returns a number of products that every cover needs: the size of a set of grants of {@code M}
     * no two of which one product inside the closure holds, taken greedily, grants with the fewest
     * partners first. Two grants share a product exactly when the smallest product holding both
     * lies inside the closure.
     */
    int lowerBound() {
      int m = mandatory.size();
      boolean[][] together = new boolean[m][m];
      int[] partners = new int[m];
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          List<Set<String>> sets = new ArrayList<>(grid.axes());
          for (int axis = 0; axis < grid.axes(); axis++) {
            sets.add(
                new TreeSet<>(List.of(mandatory.get(a).get(axis), mandatory.get(b).get(axis))));
          }
          if (inside(sets)) {
            together[a][b] = true;
            together[b][a] = true;
            partners[a]++;
            partners[b]++;
          }
        }
      }
      Integer[] order = new Integer[m];
      for (int i = 0; i < m; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, Comparator.<Integer>comparingInt(i -> partners[i]).thenComparingInt(i -> i));
      List<Integer> apart = new ArrayList<>();
      for (int a : order) {
        boolean alone = true;
        for (int b : apart) {
          if (together[a][b]) {
            alone = false;
            break;
          }
        }
        if (alone) {
          apart.add(a);
        }
      }
      return apart.size();
    }

    /**
     * Returns a minimum cover with fewer than {@code bound} products, or null if there is none. The
     * cover depends only on the component: candidates, grants and branches are all taken in fixed
     * orders.
     *
     * @throws OutOfBudget if the search takes more than {@link #BUDGET} steps
     */
    List<List<Set<String>>> search(int bound) {
      Map<List<List<String>>, List<Set<String>>> found = new HashMap<>();
      for (List<String> point : mandatory) {
        List<Set<String>> sets = new ArrayList<>();
        for (String value : point) {
          sets.add(new TreeSet<>(Set.of(value)));
        }
        maximalContaining(point, 0, sets, found);
      }
      List<List<Set<String>>> candidates = new ArrayList<>(found.values());
      candidates.sort(PRODUCT_ORDER);
      int[] chosen =
          SetCover.minimum(
              candidates.size(),
              mandatory.size(),
              (c, m) -> holds(candidates.get(c), mandatory.get(m)),
              bound,
              this::step);
      if (chosen == null) {
        return null;
      }
      List<List<Set<String>>> out = new ArrayList<>();
      for (int c : chosen) {
        out.add(candidates.get(c));
      }
      return out;
    }

    /**
     * Adds the maximal products holding {@code point} to {@code found}, keyed by their text so that
     * they come out in one order: axis by axis, every subset of the values that keep the product
     * inside the closure (with the later axes still at the point's own value).
     */
    private void maximalContaining(
        List<String> point,
        int axis,
        List<Set<String>> sets,
        Map<List<List<String>>, List<Set<String>>> found) {
      if (axis == sets.size()) {
        if (maximal(sets)) {
          List<List<String>> key = new ArrayList<>();
          for (Set<String> set : sets) {
            key.add(List.copyOf(set));
          }
          found.putIfAbsent(key, copy(sets));
        }
        return;
      }
      List<String> fitting = new ArrayList<>();
      for (String value : values.get(axis)) {
        if (!value.equals(point.get(axis)) && fits(sets, axis, value)) {
          fitting.add(value);
        }
      }
      if (fitting.size() > 16) {
        throw new OutOfBudget();
      }
      Set<String> own = sets.get(axis);
      for (int subset = 0; subset < (1 << fitting.size()); subset++) {
        step();
        Set<String> chosen = new TreeSet<>(own);
        for (int i = 0; i < fitting.size(); i++) {
          if ((subset & (1 << i)) != 0) {
            chosen.add(fitting.get(i));
          }
        }
        List<Set<String>> next = new ArrayList<>(sets);
        next.set(axis, chosen);
        if (chosen.size() == 1 || inside(next)) {
          maximalContaining(point, axis + 1, next, found);
        }
      }
    }

    private boolean maximal(List<Set<String>> sets) {
      for (int axis = 0; axis < sets.size(); axis++) {
        for (String value : values.get(axis)) {
          if (!sets.get(axis).contains(value) && fits(sets, axis, value)) {
            return false;
          }
        }
      }
      return true;
    }

    /** Whether the product with {@code value} alone on {@code axis} lies inside the closure. */
    private boolean fits(List<Set<String>> sets, int axis, String value) {
      List<Set<String>> next = new ArrayList<>(sets);
      next.set(axis, Set.of(value));
      return inside(next);
    }

    private boolean inside(List<Set<String>> sets) {
      List<String> point = new ArrayList<>(sets.size());
      for (int i = 0; i < sets.size(); i++) {
        point.add("");
      }
      return inside(sets, 0, point);
    }

    private boolean inside(List<Set<String>> sets, int axis, List<String> point) {
      if (axis == sets.size()) {
        step();
        return points.contains(point);
      }
      for (String value : sets.get(axis)) {
        point.set(axis, value);
        if (!inside(sets, axis + 1, point)) {
          return false;
        }
      }
      return true;
    }

    private static boolean holds(List<Set<String>> sets, List<String> point) {
      for (int axis = 0; axis < sets.size(); axis++) {
        if (!sets.get(axis).contains(point.get(axis))) {
          return false;
        }
      }
      return true;
    }

    private static List<Set<String>> copy(List<Set<String>> sets) {
      List<Set<String>> out = new ArrayList<>(sets.size());
      for (Set<String> set : sets) {
        out.add(Collections.unmodifiableSortedSet(new TreeSet<>(set)));
      }
      return out;
    }

    private void step() {
      if (++steps > BUDGET) {
        throw new OutOfBudget();
      }
    }
  }

  /** Orders products axis by axis, each axis by its sorted values, so candidates come in order. */
  private static final Comparator<List<Set<String>>> PRODUCT_ORDER =
      (a, b) -> {
        for (int axis = 0; axis < a.size(); axis++) {
          java.util.Iterator<String> x = a.get(axis).iterator();
          java.util.Iterator<String> y = b.get(axis).iterator();
          while (x.hasNext() && y.hasNext()) {
            int c = x.next().compareTo(y.next());
            if (c != 0) {
              return c;
            }
          }
          if (x.hasNext() != y.hasNext()) {
            return x.hasNext() ? 1 : -1;
          }
        }
        return 0;
      };

  /** Ends an exact search that went over {@link #BUDGET}. */
  private static final class OutOfBudget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfBudget() {
      super(null, null, false, false);
    }
  }

  private static SortedSet<String> sorted(Collection<String> values) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(values));
  }
}
