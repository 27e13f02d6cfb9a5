package dev.policysmith.diff;

import dev.policysmith.diff.engine.Box;
import dev.policysmith.diff.engine.Describer;
import dev.policysmith.diff.engine.DimSet;
import dev.policysmith.diff.engine.Encoder;
import dev.policysmith.diff.engine.Engine;
import dev.policysmith.diff.engine.Region;
import dev.policysmith.diff.engine.StrSet;
import dev.policysmith.diff.engine.Vocabulary;
import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.eval.Request;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what two policies allow, symbolically: which requests a new policy allows that the old
 * did not, which it no longer allows, and a {@link Verdict}. Reordering, splitting, joining or
 * duplicating statements, account ids versus root ARNs, action case and single values versus lists
 * make no difference; a wildcard is broader than today's expansion of it, because actions range
 * over every {@code service:Name} string.
 *
 * <p>The diff reasons about requests that carry at most one value per condition key. Constructs it
 * cannot decide exactly (policy variables, {@code ForAnyValue:}/{@code ForAllValues:}, a key
 * compared as two kinds of value, a comparison too large for the box limit) are named in {@link
 * DiffResult#inexactReasons()}, and the verdict is then never {@link Verdict#EQUIVALENT}.
 *
 * <pre>{@code
 * DiffResult result = PolicyDiffer.standard().diff(oldPolicy, newPolicy);
 * for (Change change : result.added()) {
 *   System.out.println(change.summary() + "  e.g. " + change.example());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class PolicyDiffer {
  /** The default limit on boxes made by one comparison. */
  public static final int DEFAULT_BOX_LIMIT = 100_000;

  private static final int JOIN_LIMIT = 64;
  private static final PolicyDiffer STANDARD = new PolicyDiffer(DEFAULT_BOX_LIMIT);

  private final int boxLimit;

  private PolicyDiffer(int boxLimit) {
    this.boxLimit = boxLimit;
  }

  /** Returns a differ with the default box limit. */
  public static PolicyDiffer standard() {
    return STANDARD;
  }

  /**
   * Returns a differ that gives up, answering inexactly, after making {@code boxLimit} boxes in one
   * comparison, which bounds its memory.
   *
   * @throws IllegalArgumentException if {@code boxLimit} is not positive
   */
  public static PolicyDiffer withBoxLimit(int boxLimit) {
    if (boxLimit <= 0) {
      throw new IllegalArgumentException("boxLimit must be positive but was " + boxLimit);
    }
    return new PolicyDiffer(boxLimit);
  }

  /** Returns the access {@code newPolicy} adds to and removes from {@code oldPolicy}. */
  public DiffResult diff(PolicyDocument oldPolicy, PolicyDocument newPolicy) {
    Encoder encoder = new Encoder();
    List<Encoder.Encoded> olds = encoder.encode(oldPolicy);
    List<Encoder.Encoded> news = encoder.encode(newPolicy);
    Engine engine = new Engine(boxLimit);
    List<Region> gained;
    List<Region> lost;
    List<String> reasons = new ArrayList<>();
    try {
      gained = engine.gained(olds, news);
      lost = engine.gained(news, olds);
    } catch (Engine.LimitExceededException e) {
      reasons.addAll(encoder.reasons());
      reasons.add("the comparison needs " + e.getMessage() + "; raise the box limit to decide it");
      return new DiffResult(Verdict.INCOMPARABLE, reasons, List.of(), List.of());
    }
    reasons.addAll(encoder.reasons());
    Narrator narrator = new Narrator(encoder, hasPrincipals(oldPolicy, newPolicy));
    List<Change> added = narrator.changes(gained, Effect.ALLOW, news, olds);
    List<Change> removed = narrator.changes(lost, Effect.DENY, olds, news);
    return new DiffResult(verdict(added, removed, reasons.isEmpty()), reasons, added, removed);
  }

  /**
   * Returns whether {@code candidate} allows nothing that {@code reference} does not, the question
   * IAM Access Analyzer's {@code CheckNoNewAccess} answers, with a witness request when it does.
   */
  public ContainmentResult grantsNoMoreThan(PolicyDocument candidate, PolicyDocument reference) {
    DiffResult result = diff(reference, candidate);
    List<Change> violations = result.added();
    boolean holds = violations.isEmpty() && result.exact();
    return new ContainmentResult(
        holds,
        violations.stream().findFirst().map(Change::example),
        violations,
        result.inexactReasons());
  }

  /**
   * Returns whether {@code policy} allows none of the given actions on any of the given resources
   * (patterns, with wildcards), the question of IAM Access Analyzer's {@code
   * CheckAccessNotGranted}, with a witness request when it allows one.
   *
   * @throws IllegalArgumentException if {@code actions} is empty
   * @see <a
   *     href="https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckAccessNotGranted.html">IAM
   *     Access Analyzer: CheckAccessNotGranted</a>
   */
  public ContainmentResult grantsNone(
      PolicyDocument policy, List<String> actions, List<String> resources) {
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("actions must not be empty");
    }
    Encoder encoder = new Encoder();
    List<Encoder.Encoded> encoded = encoder.encode(policy);
    Box query =
        Box.all()
            .with(Box.ACTION, encoder.actions(ActionClause.of(actions.toArray(String[]::new))));
    if (!resources.isEmpty()) {
      query =
          query.with(
              Box.RESOURCE,
              encoder.resources(ResourceClause.of(resources.toArray(String[]::new)), false));
    }
    List<Encoder.Encoded> restricted = new ArrayList<>();
    for (Encoder.Encoded e : encoded) {
      Box box = e.statement().effect() == Effect.ALLOW ? e.box().intersect(query) : e.box();
      restricted.add(new Encoder.Encoded(e.index(), e.statement(), box));
    }
    List<String> reasons = new ArrayList<>();
    List<Region> granted;
    try {
      granted = new Engine(boxLimit).gained(List.of(), restricted);
    } catch (Engine.LimitExceededException e) {
      reasons.addAll(encoder.reasons());
      reasons.add("the check needs " + e.getMessage() + "; raise the box limit to decide it");
      return new ContainmentResult(false, Optional.empty(), List.of(), reasons);
    }
    reasons.addAll(encoder.reasons());
    List<Change> violations =
        new Narrator(encoder, hasPrincipals(policy, policy))
            .changes(granted, Effect.ALLOW, restricted, List.of());
    return new ContainmentResult(
        violations.isEmpty() && reasons.isEmpty(),
        violations.stream().findFirst().map(Change::example),
        violations,
        reasons);
  }

  private static Verdict verdict(List<Change> added, List<Change> removed, boolean exact) {
    if (added.isEmpty() && removed.isEmpty()) {
      return exact ? Verdict.EQUIVALENT : Verdict.INCOMPARABLE;
    }
    if (removed.isEmpty()) {
      return Verdict.BROADER;
    }
    if (added.isEmpty()) {
      return Verdict.NARROWER;
    }
    return Verdict.INCOMPARABLE;
  }

  private static boolean hasPrincipals(PolicyDocument a, PolicyDocument b) {
    return a.statements().stream().anyMatch(s -> s.principal().isPresent())
        || b.statements().stream().anyMatch(s -> s.principal().isPresent());
  }

  /** Turns regions into readable changes. */
  private static final class Narrator {
    private final Vocabulary vocabulary;
    private final Describer describer;
    private final Map<String, String> keyNames;
    private final boolean hasPrincipals;

    Narrator(Encoder encoder, boolean hasPrincipals) {
      this.vocabulary = encoder.vocabulary();
      this.keyNames = encoder.keyNames();
      this.describer = new Describer(vocabulary, keyNames);
      this.hasPrincipals = hasPrincipals;
    }

    List<Change> changes(
        List<Region> regions,
        Effect effect,
        List<Encoder.Encoded> allowing,
        List<Encoder.Encoded> lifting) {
      List<Change> out = new ArrayList<>();
      for (Region region : regions) {
        out.add(change(region, effect, allowing, lifting));
      }
      return out;
    }

    private Change change(
        Region region,
        Effect effect,
        List<Encoder.Encoded> allowing,
        List<Encoder.Encoded> lifting) {
      List<Box> boxes = Engine.join(region.boxes(), JOIN_LIMIT);
      Set<String> dims = new TreeSet<>();
      boxes.forEach(b -> dims.addAll(b.dims().keySet()));
      List<String> principals = strings(Box.PRINCIPAL, project(boxes, Box.PRINCIPAL));
      List<String> actions = strings(Box.ACTION, project(boxes, Box.ACTION));
      List<String> resources = strings(Box.RESOURCE, project(boxes, Box.RESOURCE));
      List<String> conditions = new ArrayList<>();
      for (String dim : dims) {
        if (dim.startsWith(Box.KEY)) {
          describer.condition(dim, project(boxes, dim)).ifPresent(conditions::add);
        }
      }
      List<StatementRef> statements = new ArrayList<>();
      boolean added = effect == Effect.ALLOW;
      for (int index : region.allowing()) {
        statements.add(ref(allowing, index, added ? StatementRef.Side.NEW : StatementRef.Side.OLD));
      }
      List<StatementRef> denies = new ArrayList<>();
      for (int index : region.lifted()) {
        denies.add(ref(lifting, index, added ? StatementRef.Side.OLD : StatementRef.Side.NEW));
      }
      statements.addAll(denies);
      String summary = summary(added, principals, actions, resources, conditions, denies);
      return new Change(
          effect,
          principals,
          actions,
          resources,
          conditions,
          summary,
          statements,
          example(boxes.get(0)),
          boxes);
    }

    private static StatementRef ref(
        List<Encoder.Encoded> statements, int index, StatementRef.Side side) {
      Statement statement = statements.get(index).statement();
      return new StatementRef(side, index, statement.sid(), statement.effect());
    }

    private List<String> strings(String dim, DimSet set) {
      StrSet strings = (StrSet) set;
      List<String> words = new ArrayList<>(describer.strings(dim, strings.language()));
      if (strings.absent() && !strings.language().isTotal()) {
        words.add("(none)");
      }
      return words;
    }

    private static DimSet project(List<Box> boxes, String dim) {
      return DimSet.unionOf(boxes.stream().map(b -> b.get(dim)).toList());
    }

    private String summary(
        boolean added,
        List<String> principals,
        List<String> actions,
        List<String> resources,
        List<String> conditions,
        List<StatementRef> denies) {
      StringBuilder out = new StringBuilder();
      if (principals.equals(List.of("*"))) {
        out.append(hasPrincipals ? "any principal" : "the policy's principal");
      } else {
        out.append(String.join(", ", principals));
      }
      out.append(added ? " may now " : " may no longer ");
      out.append(String.join(", ", actions)).append(" on ").append(String.join(", ", resources));
      if (!conditions.isEmpty()) {
        out.append(" when ").append(String.join(" and ", conditions));
      }
      for (StatementRef deny : denies) {
        out.append(added ? " (" + deny + " no longer applies)" : " (denied by " + deny + ")");
      }
      for (String action : actions) {
        int except = action.indexOf(" except ");
        if (except > 0) {
          String wildcard = action.substring(0, except);
          if (wildcard.contains("*") || wildcard.contains("?")) {
            out.append("; ")
                .append(wildcard)
                .append(" also covers actions other than ")
                .append(action.substring(except + " except ".length()))
                .append(", including ones AWS may add");
          }
        }
      }
      return out.toString();
    }

    private Request example(Box box) {
      Request.Builder request = Request.builder();
      box.get(Box.PRINCIPAL)
          .example(vocabulary.hints(Box.PRINCIPAL), false)
          .ifPresent(request::principal);
      request.action(box.get(Box.ACTION).example(vocabulary.hints(Box.ACTION), false).orElse(""));
      box.get(Box.RESOURCE)
          .example(vocabulary.hints(Box.RESOURCE), false)
          .ifPresent(request::resource);
      Set<String> seen = new LinkedHashSet<>();
      for (Map.Entry<String, DimSet> e : box.dims().entrySet()) {
        String dim = e.getKey();
        if (dim.startsWith(Box.KEY) && seen.add(dim)) {
          Optional<String> value = e.getValue().example(vocabulary.hints(dim), true);
          String name = keyNames.getOrDefault(dim, dim.substring(Box.KEY.length()));
          value.ifPresent(v -> request.putContext(name, v));
        }
      }
      return request.build();
    }
  }
}
