package dev.policysmith.diff.engine;

import dev.policysmith.model.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
        // Most Deny statements share no request with a given Allow: decided by walks, without
        // building the intersection's automata.
        if (allow.box().disjoint(deny.box())) {
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
    // Pairs already found not to join, by identity: boxes are immutable, so a pair that did not
    // join still does not, and only pairs with the box just joined need testing again. The joins
    // made, and their order, are those of retrying every pair from the start after each join.
    Set<Pair> apart = new java.util.HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      outer:
      for (int i = 0; i < work.size(); i++) {
        for (int j = i + 1; j < work.size(); j++) {
          Box a = work.get(i);
          Box b = work.get(j);
          Pair pair = new Pair(a, b);
          if (apart.contains(pair)) {
            continue;
          }
          Box joined = joinTwo(a, b);
          if (joined != null) {
            work.set(i, joined);
            work.remove(j);
            changed = true;
            break outer;
          }
          apart.add(pair);
        }
      }
    }
    return work;
  }

  /** Two boxes, compared by identity. */
  private record Pair(Box a, Box b) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.a == a && p.b == b;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(a) * 31 + System.identityHashCode(b);
    }
  }

  /**
   * Returns the union of two boxes when it is a box: one holds the other, or they differ in one
   * dimension only; else null. Each dimension's two inclusions are tested once, and the test stops
   * as soon as the answer is known.
   */
  private static @Nullable Box joinTwo(Box a, Box b) {
    if (a == b) {
      return b;
    }
    Set<String> dims = new java.util.TreeSet<>(a.dims().keySet());
    dims.addAll(b.dims().keySet());
    boolean aInB = true;
    boolean bInA = true;
    String differing = null;
    int differences = 0;
    for (String dim : dims) {
      DimSet x = a.get(dim);
      DimSet y = b.get(dim);
      if (x == y) {
        continue;
      }
      boolean xy = x.subsetOf(y);
      // y within x matters while b may lie in a, and for whether the dimension differs.
      boolean yx = (bInA || xy) && y.subsetOf(x);
      aInB &= xy;
      bInA &= yx;
      if (!(xy && yx)) {
        differences++;
        differing = dim;
      }
      if (!aInB && !bInA && differences > 1) {
        return null;
      }
    }
    if (aInB) {
      return b;
    }
    if (bInA) {
      return a;
    }
    return differences > 1 ? null : a.with(differing, a.get(differing).union(b.get(differing)));
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
