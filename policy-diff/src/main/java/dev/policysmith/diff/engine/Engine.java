package dev.policysmith.diff.engine;

import dev.policysmith.model.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the requests one policy allows and another does not, as boxes. A policy allows the union
 * of its Allow boxes minus the union of its Deny boxes (an explicit deny overrides any allow), so
 * what {@code to} allows beyond {@code from} is, for each Allow box {@code a} of {@code to}: {@code
 * a} minus the Deny boxes of {@code to} minus the Allow boxes of {@code from}, plus {@code a}
 * intersected with each Deny box of {@code from}, minus the Deny boxes of {@code to}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class Engine {
  /** Thrown when the number of boxes passes the limit, so that memory stays bounded. */
  public static final class LimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitExceededException(int limit) {
      super("more than " + limit + " boxes");
    }
  }

  private final int maxBoxes;
  private int produced;

  /** Returns an engine that gives up after {@code maxBoxes} boxes. */
  public Engine(int maxBoxes) {
    this.maxBoxes = maxBoxes;
  }

  /** Returns the regions that {@code to} allows and {@code from} does not. */
  public List<Region> gained(List<Encoder.Encoded> from, List<Encoder.Encoded> to) {
    List<Box> allowFrom = boxes(from, Effect.ALLOW);
    List<Encoder.Encoded> denyFrom = of(from, Effect.DENY);
    List<Box> denyTo = boxes(to, Effect.DENY);
    List<Box> blockers = new ArrayList<>(denyTo);
    blockers.addAll(allowFrom);
    List<Region> out = new ArrayList<>();
    for (Encoder.Encoded allow : of(to, Effect.ALLOW)) {
      if (allow.box().isEmpty()) {
        continue;
      }
      List<Box> rest = subtract(allow.box(), blockers);
      if (!rest.isEmpty()) {
        out.add(new Region(rest, Set.of(allow.index()), Set.of()));
      }
      for (Encoder.Encoded deny : denyFrom) {
        if (denyTo.contains(deny.box())) {
          continue;
        }
        Box lifted = allow.box().intersect(deny.box());
        if (lifted.isEmpty()) {
          continue;
        }
        List<Box> freed = subtract(lifted, denyTo);
        if (!freed.isEmpty()) {
          out.add(new Region(freed, Set.of(allow.index()), Set.of(deny.index())));
        }
      }
    }
    return out;
  }

  /** Returns the part of {@code box} outside every box of {@code minus}, as boxes. */
  public List<Box> subtract(Box box, List<Box> minus) {
    // The same box (an unchanged statement) covers it all: no automaton work needed.
    for (Box b : minus) {
      if (b == box) {
        return List.of();
      }
    }
    List<Box> current = List.of(box);
    for (Box b : minus) {
      if (box.disjoint(b)) {
        continue;
      }
      List<Box> next = new ArrayList<>();
      for (Box piece : current) {
        List<Box> parts = piece.minus(b);
        produced += parts.size();
        if (produced > maxBoxes) {
          throw new LimitExceededException(maxBoxes);
        }
        next.addAll(parts);
      }
      current = next;
      if (current.isEmpty()) {
        break;
      }
    }
    return current;
  }

  /**
   * Returns the boxes joined where two differ in one dimension only, whose union is then again a
   * box, until no two do; at most {@code limit} boxes are compared.
   */
  public static List<Box> join(List<Box> boxes, int limit) {
    if (boxes.size() > limit) {
      return boxes;
    }
    List<Box> work = new ArrayList<>(boxes);
    boolean changed = true;
    while (changed) {
      changed = false;
      outer:
      for (int i = 0; i < work.size(); i++) {
        for (int j = i + 1; j < work.size(); j++) {
          Box joined = joinTwo(work.get(i), work.get(j));
          if (joined != null) {
            work.set(i, joined);
            work.remove(j);
            changed = true;
            break outer;
          }
        }
      }
    }
    return work;
  }

  private static Box joinTwo(Box a, Box b) {
    if (a.subsetOf(b)) {
      return b;
    }
    if (b.subsetOf(a)) {
      return a;
    }
    Set<String> dims = new java.util.TreeSet<>(a.dims().keySet());
    dims.addAll(b.dims().keySet());
    String differing = null;
    for (String dim : dims) {
      if (!a.get(dim).sameAs(b.get(dim))) {
        if (differing != null) {
          return null;
        }
        differing = dim;
      }
    }
    return differing == null ? a : a.with(differing, a.get(differing).union(b.get(differing)));
  }

  private static List<Encoder.Encoded> of(List<Encoder.Encoded> statements, Effect effect) {
    List<Encoder.Encoded> out = new ArrayList<>();
    for (Encoder.Encoded s : statements) {
      if (s.statement().effect() == effect && !s.box().isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<Box> boxes(List<Encoder.Encoded> statements, Effect effect) {
    List<Box> out = new ArrayList<>();
    for (Encoder.Encoded s : of(statements, effect)) {
      out.add(s.box());
    }
    return out;
  }

  /** Returns the number of boxes made so far. */
  public int produced() {
    return produced;
  }

  static Map<String, DimSet> dims(Box box) {
    return box.dims();
  }
}
