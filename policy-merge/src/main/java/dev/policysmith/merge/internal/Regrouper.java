package dev.policysmith.merge.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins atomic grants back into as few statements as it finds, deterministically: repeatedly, for
 * one dimension at a time, every group of boxes that agree on everything but that dimension becomes
 * one box holding the union of their values. Boxes of one group are disjoint products with equal
 * other sets, so their union is again a product and decides exactly as they do; negated sets and
 * set-qualified or negated condition entries are never a join dimension.
 *
 * <p>The passes run to a fixpoint in each of the six orders of the action, resource and principal
 * dimensions (condition keys last), and the order giving fewest statements wins, the first in a
 * fixed list on a tie. Every step is a function of the set of grants alone, which is what makes the
 * canonical form independent of statement order.
 */
public final class Regrouper {
  private static final Box.Dimension[][] ORDERS = {
    {Box.Dimension.ACTION, Box.Dimension.RESOURCE, Box.Dimension.PRINCIPAL},
    {Box.Dimension.ACTION, Box.Dimension.PRINCIPAL, Box.Dimension.RESOURCE},
    {Box.Dimension.RESOURCE, Box.Dimension.ACTION, Box.Dimension.PRINCIPAL},
    {Box.Dimension.RESOURCE, Box.Dimension.PRINCIPAL, Box.Dimension.ACTION},
    {Box.Dimension.PRINCIPAL, Box.Dimension.ACTION, Box.Dimension.RESOURCE},
    {Box.Dimension.PRINCIPAL, Box.Dimension.RESOURCE, Box.Dimension.ACTION},
  };

  private Regrouper() {}

  /** Returns boxes whose grants are exactly {@code atoms}, sorted by {@link Box#ORDER}. */
  public static List<Box> regroup(Collection<Box> atoms) {
    Set<String> conditionDimensions = new TreeSet<>();
    for (Box atom : atoms) {
      for (ConditionEntry entry : atom.conditions()) {
        if (entry.splittable()) {
          conditionDimensions.add(entry.dimension());
        }
      }
    }
    Set<Box> best = null;
    for (Box.Dimension[] order : ORDERS) {
      Set<Box> boxes = new HashSet<>(atoms);
      int before;
      do {
        before = boxes.size();
        for (Box.Dimension dimension : order) {
          boxes = join(boxes, dimension);
        }
        for (String dimension : conditionDimensions) {
          boxes = joinCondition(boxes, dimension);
        }
      } while (boxes.size() < before);
      if (best == null || boxes.size() < best.size()) {
        best = boxes;
      }
    }
    List<Box> sorted = new ArrayList<>(best == null ? Set.of() : best);
    sorted.sort(Box.ORDER);
    return sorted;
  }

  private static Set<Box> join(Set<Box> boxes, Box.Dimension dimension) {
    Map<Box, Box> groups = new HashMap<>();
    Set<Box> out = new HashSet<>();
    for (Box box : boxes) {
      Clause clause = box.get(dimension);
      if (!clause.joinable()) {
        out.add(box);
        continue;
      }
      groups.merge(
          box.with(dimension, clause.blank()),
          box,
          (a, b) -> a.with(dimension, a.get(dimension).union(b.get(dimension))));
    }
    out.addAll(groups.values());
    return out;
  }

  private static Set<Box> joinCondition(Set<Box> boxes, String dimension) {
    Map<Box, Box> groups = new HashMap<>();
    Set<Box> out = new HashSet<>();
    for (Box box : boxes) {
      int index = -1;
      int count = 0;
      for (int i = 0; i < box.conditions().size(); i++) {
        ConditionEntry entry = box.conditions().get(i);
        if (entry.dimension().equals(dimension)) {
          index = i;
          count++;
        }
      }
      if (count != 1 || !box.conditions().get(index).splittable()) {
        out.add(box);
        continue;
      }
      int at = index;
      List<ConditionEntry> blanked = new ArrayList<>(box.conditions());
      blanked.set(at, blanked.get(at).withValues(new TreeSet<>()));
      groups.merge(
          box.withConditions(blanked),
          box,
          (a, b) -> {
            List<ConditionEntry> joined = new ArrayList<>(a.conditions());
            joined.set(at, joined.get(at).union(b.conditions().get(at)));
            return a.withConditions(joined);
          });
    }
    out.addAll(groups.values());
    return out;
  }
}
