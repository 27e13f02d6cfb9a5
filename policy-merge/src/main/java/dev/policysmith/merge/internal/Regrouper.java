package dev.policysmith.merge.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the grants of one grid back into as few products as it finds, deterministically:
 * repeatedly, for one axis at a time, every group of products that agree on every other axis
 * becomes one product holding the union of their values on that axis. Products of one group are
 * disjoint with equal other sets, so their union is again a product and decides exactly as they do;
 * negated sets and set-qualified or negated condition entries are never an axis (see {@link
 * Cover}).
 *
 * <p>The passes run to a fixpoint in each of the given orders of the axes, and the order giving
 * fewest products wins, the first on a tie. Every step is a function of the set of grants alone,
 * which is what makes the canonical form independent of statement order.
 *
 * <p>Grants are points whose coordinates are value ids, one id space per axis, and each set of
 * values a product holds on an axis is interned as an id of its own, so that grouping hashes a few
 * ints per product: hashing the sets of strings themselves at every pass took most of the time of
 * canonicalising large documents.
 */
final class Regrouper {
  private final int axes;

  /** Per axis, the interned sets of value ids, sorted, by their id. */
  private final List<List<int[]>> sets = new ArrayList<>();

  /** Per axis, the id of each interned set. */
  private final List<Map<IdTuple, Integer>> setIds = new ArrayList<>();

  private Regrouper(int axes) {
    this.axes = axes;
    for (int axis = 0; axis < axes; axis++) {
      sets.add(new ArrayList<>());
      setIds.add(new HashMap<>());
    }
  }

  /**
   * Returns products holding exactly {@code points}, each as one sorted array of value ids per
   * axis.
   *
   * @param points distinct grants, one value id per axis
   * @param axes the number of axes
   * @param orders the orders of axes to try, each listing every axis once
   */
  static List<int[][]> regroup(List<int[]> points, int axes, List<int[]> orders) {
    Regrouper regrouper = new Regrouper(axes);
    List<IdTuple> atoms = new ArrayList<>(points.size());
    for (int[] point : points) {
      int[] product = new int[axes];
      for (int axis = 0; axis < axes; axis++) {
        product[axis] = regrouper.intern(axis, new int[] {point[axis]});
      }
      atoms.add(new IdTuple(product));
    }
    List<IdTuple> best = null;
    for (int[] order : orders) {
      List<IdTuple> products = atoms;
      int before;
      do {
        before = products.size();
        for (int axis : order) {
          products = regrouper.join(products, axis);
        }
      } while (products.size() < before);
      if (best == null || products.size() < best.size()) {
        best = products;
      }
    }
    List<int[][]> out = new ArrayList<>(best == null ? 0 : best.size());
    if (best != null) {
      for (IdTuple product : best) {
        int[][] values = new int[axes][];
        for (int axis = 0; axis < axes; axis++) {
          values[axis] = regrouper.sets.get(axis).get(product.ids[axis]);
        }
        out.add(values);
      }
    }
    return out;
  }

  private int intern(int axis, int[] values) {
    IdTuple key = new IdTuple(values);
    Integer id = setIds.get(axis).get(key);
    if (id == null) {
      id = sets.get(axis).size();
      sets.get(axis).add(values);
      setIds.get(axis).put(key, id);
    }
    return id;
  }

  private List<IdTuple> join(List<IdTuple> products, int axis) {
    Map<IdTuple, List<IdTuple>> groups = new HashMap<>();
    for (IdTuple product : products) {
      int[] blank = product.ids.clone();
      blank[axis] = -1;
      groups.computeIfAbsent(new IdTuple(blank), k -> new ArrayList<>(1)).add(product);
    }
    if (groups.size() == products.size()) {
      return products;
    }
    List<IdTuple> out = new ArrayList<>(groups.size());
    for (List<IdTuple> group : groups.values()) {
      if (group.size() == 1) {
        out.add(group.get(0));
        continue;
      }
      // The members are disjoint on this axis, so the union is their concatenation, sorted.
      int length = 0;
      for (IdTuple member : group) {
        length += sets.get(axis).get(member.ids[axis]).length;
      }
      int[] union = new int[length];
      int at = 0;
      for (IdTuple member : group) {
        int[] values = sets.get(axis).get(member.ids[axis]);
        System.arraycopy(values, 0, union, at, values.length);
        at += values.length;
      }
      Arrays.sort(union);
      int[] joined = group.get(0).ids.clone();
      joined[axis] = intern(axis, union);
      out.add(new IdTuple(joined));
    }
    return out;
  }
}
