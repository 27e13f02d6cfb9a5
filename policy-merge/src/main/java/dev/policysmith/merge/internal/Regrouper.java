package dev.policysmith.merge.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
    // Values are gathered per group and each union built once: folding the boxes in one by one
    // copied the growing set at every step, quadratic in the size of a group.
    Map<Box, List<Box>> groups = new HashMap<>();
    Set<Box> out = new HashSet<>();
    for (Box box : boxes) {
      Clause clause = box.get(dimension);
      if (!clause.joinable()) {
        out.add(box);
        continue;
      }
      groups.computeIfAbsent(box.with(dimension, clause.blank()), k -> new ArrayList<>()).add(box);
    }
    for (List<Box> group : groups.values()) {
      Box first = group.get(0);
      if (group.size() == 1) {
        out.add(first);
        continue;
      }
      TreeSet<String> union = new TreeSet<>(first.get(dimension).values().comparator());
      for (Box box : group) {
        union.addAll(box.get(dimension).values());
      }
      out.add(
          first.with(
              dimension,
              new Clause(first.get(dimension).kind(), Collections.unmodifiableSortedSet(union))));
    }
    return out;
  }

  private static Set<Box> joinCondition(Set<Box> boxes, String dimension) {
    Map<Box, List<Box>> groups = new HashMap<>();
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
      List<ConditionEntry> blanked = new ArrayList<>(box.conditions());
      blanked.set(index, blanked.get(index).withValues(new TreeSet<>()));
      groups.computeIfAbsent(box.withConditions(blanked), k -> new ArrayList<>()).add(box);
    }
    for (Map.Entry<Box, List<Box>> group : groups.entrySet()) {
      List<Box> members = group.getValue();
      if (members.size() == 1) {
        out.add(members.get(0));
        continue;
      }
      int at = -1;
      List<ConditionEntry> entries = group.getKey().conditions();
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).dimension().equals(dimension)) {
          at = i;
        }
      }
      TreeSet<String> union = new TreeSet<>();
      for (Box box : members) {
        union.addAll(box.conditions().get(at).values());
      }
      List<ConditionEntry> joined = new ArrayList<>(members.get(0).conditions());
      joined.set(at, joined.get(at).withValues(Collections.unmodifiableSortedSet(union)));
      out.add(members.get(0).withConditions(joined));
    }
    return out;
  }
}
