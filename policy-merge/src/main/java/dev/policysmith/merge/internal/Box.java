package dev.policysmith.merge.internal;

import dev.policysmith.model.Effect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A statement in the canonical engine's terms: the product of one set per dimension. An atomic
 * grant is a box whose positive sets and splittable condition values all have one member; the
 * statements of a canonical document are boxes that are unions of atomic grants along one dimension
 * at a time, which is why each one decides exactly as the grants it holds.
 *
 * @param effect the effect
 * @param sid the Sid, if any
 * @param action the action dimension
 * @param resource the resource dimension
 * @param principal the principal dimension
 * @param conditions the condition entries, sorted
 */
public record Box(
    Effect effect,
    Optional<String> sid,
    Clause action,
    Clause resource,
    Clause principal,
    List<ConditionEntry> conditions) {

  /** The three set dimensions, each joinable by union when positive. */
  enum Dimension {
    ACTION,
    RESOURCE,
    PRINCIPAL
  }

  Clause get(Dimension dimension) {
    return switch (dimension) {
      case ACTION -> action;
      case RESOURCE -> resource;
      case PRINCIPAL -> principal;
    };
  }

  Box with(Dimension dimension, Clause clause) {
    return switch (dimension) {
      case ACTION -> new Box(effect, sid, clause, resource, principal, conditions);
      case RESOURCE -> new Box(effect, sid, action, clause, principal, conditions);
      case PRINCIPAL -> new Box(effect, sid, action, resource, clause, conditions);
    };
  }

  Box withConditions(List<ConditionEntry> entries) {
    return new Box(
        effect,
        sid,
        action,
        resource,
        principal,
        Collections.unmodifiableList(new ArrayList<>(entries)));
  }

  Box withoutSid() {
    return new Box(effect, Optional.empty(), action, resource, principal, conditions);
  }

  /**
   * A total order on boxes, so that canonical statements come out in one order whatever order their
   * grants came in: Sid (none first), effect, then each dimension's kind and values, then the
   * conditions.
   */
  static final Comparator<Box> ORDER =
      Comparator.<Box, String>comparing(box -> box.sid().orElse(""))
          .thenComparing(box -> box.sid().isPresent())
          .thenComparing(Box::effect)
          .thenComparing(Box::action, Box::compareClauses)
          .thenComparing(Box::resource, Box::compareClauses)
          .thenComparing(Box::principal, Box::compareClauses)
          .thenComparing(Box::conditions, Box::compareConditions);

  private static int compareClauses(Clause a, Clause b) {
    int byKind = a.kind().compareTo(b.kind());
    return byKind != 0 ? byKind : compareValues(a.values(), b.values());
  }

  private static int compareConditions(List<ConditionEntry> a, List<ConditionEntry> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = ConditionEntry.ORDER.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int compareValues(Iterable<String> a, Iterable<String> b) {
    Iterator<String> x = a.iterator();
    Iterator<String> y = b.iterator();
    while (x.hasNext() && y.hasNext()) {
      int c = Clause.FOLD_THEN_EXACT.compare(x.next(), y.next());
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(x.hasNext(), y.hasNext());
  }
}
