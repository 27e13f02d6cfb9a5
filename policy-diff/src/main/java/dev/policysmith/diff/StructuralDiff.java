package dev.policysmith.diff;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The statements of a policy added, removed and changed, for a person reading the text of a change:
 * statements are matched by {@code Sid} where both have the same unique one, else by equal content,
 * else (leftovers of the same effect sharing at least three of their elements) as changed; a change
 * names the elements that differ ({@code Effect}, {@code Principal}, {@code Action}, {@code
 * Resource}, {@code Condition}). Statements that only moved are not reported.
 *
 * <p>This is about text, not access: {@link PolicyDiffer} says what a change allows.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html">IAM
 *     JSON policy elements: Statement</a>
 */
public final class StructuralDiff {
  /** A statement matched in both policies whose content differs. */
  public static final class StatementChange {
    private final StatementRef before;
    private final StatementRef after;
    private final List<String> elements;

    StatementChange(StatementRef before, StatementRef after, List<String> elements) {
      this.before = before;
      this.after = after;
      this.elements = List.copyOf(elements);
    }

    /** Returns the statement in the old policy. */
    public StatementRef before() {
      return before;
    }

    /** Returns the statement in the new policy. */
    public StatementRef after() {
      return after;
    }

    /** Returns the JSON names of the elements that differ, e.g. {@code [Action, Condition]}. */
    public List<String> elements() {
      return elements;
    }

    @Override
    public String toString() {
      return before + " -> " + after + ": " + String.join(", ", elements) + " changed";
    }
  }

  private final List<StatementRef> added;
  private final List<StatementRef> removed;
  private final List<StatementChange> changed;

  private StructuralDiff(
      List<StatementRef> added, List<StatementRef> removed, List<StatementChange> changed) {
    this.added = List.copyOf(added);
    this.removed = List.copyOf(removed);
    this.changed = List.copyOf(changed);
  }

  /** Compares the statements of two policies. */
  public static StructuralDiff of(PolicyDocument oldPolicy, PolicyDocument newPolicy) {
    List<Statement> olds = oldPolicy.statements();
    List<Statement> news = newPolicy.statements();
    boolean[] oldDone = new boolean[olds.size()];
    boolean[] newDone = new boolean[news.size()];
    List<StatementChange> changed = new ArrayList<>();
    Map<String, Integer> oldSids = uniqueSids(olds);
    Map<String, Integer> newSids = uniqueSids(news);
    for (Map.Entry<String, Integer> e : oldSids.entrySet()) {
      Integer n = newSids.get(e.getKey());
      if (n != null) {
        int o = e.getValue();
        oldDone[o] = true;
        newDone[n] = true;
        List<String> elements = differences(olds.get(o), news.get(n));
        if (!elements.isEmpty()) {
          changed.add(
              new StatementChange(
                  ref(StatementRef.Side.OLD, olds, o),
                  ref(StatementRef.Side.NEW, news, n),
                  elements));
        }
      }
    }
    for (int o = 0; o < olds.size(); o++) {
      for (int n = 0; n < news.size() && !oldDone[o]; n++) {
        if (!newDone[n] && olds.get(o).equals(news.get(n))) {
          oldDone[o] = true;
          newDone[n] = true;
        }
      }
    }
    for (int o = 0; o < olds.size(); o++) {
      for (int n = 0; n < news.size() && !oldDone[o]; n++) {
        if (!newDone[n]
            && olds.get(o).effect() == news.get(n).effect()
            && (olds.get(o).sid().isEmpty() || news.get(n).sid().isEmpty())
            && differences(olds.get(o), news.get(n)).size() <= 2) {
          oldDone[o] = true;
          newDone[n] = true;
          changed.add(
              new StatementChange(
                  ref(StatementRef.Side.OLD, olds, o),
                  ref(StatementRef.Side.NEW, news, n),
                  differences(olds.get(o), news.get(n))));
        }
      }
    }
    List<StatementRef> removed = new ArrayList<>();
    for (int o = 0; o < olds.size(); o++) {
      if (!oldDone[o]) {
        removed.add(ref(StatementRef.Side.OLD, olds, o));
      }
    }
    List<StatementRef> added = new ArrayList<>();
    for (int n = 0; n < news.size(); n++) {
      if (!newDone[n]) {
        added.add(ref(StatementRef.Side.NEW, news, n));
      }
    }
    return new StructuralDiff(added, removed, changed);
  }

  /** Returns the statements of the new policy that match none of the old. */
  public List<StatementRef> added() {
    return added;
  }

  /** Returns the statements of the old policy that match none of the new. */
  public List<StatementRef> removed() {
    return removed;
  }

  /** Returns the matched statements whose content differs. */
  public List<StatementChange> changed() {
    return changed;
  }

  /** Returns whether no statement was added, removed or changed. */
  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  private static Map<String, Integer> uniqueSids(List<Statement> statements) {
    Map<String, Integer> out = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      Optional<String> sid = statements.get(i).sid();
      if (sid.isPresent()) {
        out.putIfAbsent(sid.get(), i);
        count.merge(sid.get(), 1, Integer::sum);
      }
    }
    out.keySet().removeIf(sid -> count.get(sid) > 1);
    return new java.util.TreeMap<>(out);
  }

  private static List<String> differences(Statement a, Statement b) {
    List<String> out = new ArrayList<>();
    if (a.effect() != b.effect()) {
      out.add("Effect");
    }
    if (!Objects.equals(a.principal(), b.principal())) {
      out.add(b.principal().or(a::principal).map(p -> p.elementName()).orElse("Principal"));
    }
    if (!Objects.equals(a.action(), b.action())) {
      out.add(b.actionClause().elementName());
    }
    if (!Objects.equals(a.resource(), b.resource())) {
      out.add(b.resource().or(a::resource).map(r -> r.elementName()).orElse("Resource"));
    }
    if (!Objects.equals(a.condition(), b.condition())) {
      out.add("Condition");
    }
    return out;
  }

  private static StatementRef ref(StatementRef.Side side, List<Statement> statements, int index) {
    Statement s = statements.get(index);
    return new StatementRef(side, index, s.sid(), s.effect());
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    added.forEach(r -> out.append("+ ").append(r).append('\n'));
    removed.forEach(r -> out.append("- ").append(r).append('\n'));
    changed.forEach(c -> out.append("~ ").append(c).append('\n'));
    return out.toString();
  }
}
