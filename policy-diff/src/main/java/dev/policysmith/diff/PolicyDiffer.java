package dev.policysmith.diff;

import dev.policysmith.diff.engine.AtomSet;
import dev.policysmith.diff.engine.Box;
import dev.policysmith.diff.engine.Describer;
import dev.policysmith.diff.engine.DimSet;
import dev.policysmith.diff.engine.Encoder;
import dev.policysmith.diff.engine.Engine;
import dev.policysmith.diff.engine.Languages;
import dev.policysmith.diff.engine.Region;
import dev.policysmith.diff.engine.StrSet;
import dev.policysmith.diff.engine.Vocabulary;
import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.catalog.ActionCatalog;
import dev.policysmith.model.eval.Request;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Compares what two policies allow, symbolically: which requests a new policy allows that the old
 * did not, which it no longer allows, and a {@link Verdict}. Reordering, splitting, joining or
 * duplicating statements, account ids versus root ARNs, action case and single values versus lists
 * make no difference; a wildcard is broader than today's expansion of it, because actions range
 * over every {@code service:Name} string.
 *
 * <p>The requests the diff reasons about carry any number of values (none included) for a condition
 * key that {@code ForAnyValue:} or {@code ForAllValues:} names in either policy, and at most one
 * value for any other key (AWS documents the other keys as single-valued). Constructs it cannot
 * decide exactly (policy variables, a key compared as two kinds of value, set operators on a key
 * whose values fall into more than 12 classes, a comparison too large for the box limit) are named
 * in {@link DiffResult#inexactReasons()}, and the verdict is then never {@link Verdict#EQUIVALENT}.
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
  private final @Nullable CatalogComparison catalog;

  private PolicyDiffer(int boxLimit) {
    this(boxLimit, null);
  }

  private PolicyDiffer(int boxLimit, @Nullable ActionCatalog catalog) {
    this.boxLimit = boxLimit;
    this.catalog = catalog == null ? null : new CatalogComparison(catalog);
  }

  /** Returns a differ with the default box limit. */
  public static PolicyDiffer standard() {
    return STANDARD;
  }

  /**
   * Returns a differ that gives up, answering inexactly, after making {@code boxLimit} boxes in one
   * comparison, which bounds its memory to {@code boxLimit} boxes: a box holds one set per
   * dimension the two policies mention (an automaton, or a list of intervals), built by
   * intersecting and subtracting the sets of their patterns and values. The result is then {@link
   * Verdict#INCOMPARABLE} with the limit named in {@link DiffResult#inexactReasons()}. The limit
   * counts boxes, not automaton states: patterns that overlap in many ways ({@code *a*}, {@code
   * *b*}, ...) can make single sets large, and slow, before it is reached.
   *
   * @throws IllegalArgumentException if {@code boxLimit} is not positive
   */
  public static PolicyDiffer withBoxLimit(int boxLimit) {
    if (boxLimit <= 0) {
      throw new IllegalArgumentException("boxLimit must be positive but was " + boxLimit);
    }
    return new PolicyDiffer(boxLimit);
  }

  /**
   * Returns a differ like this one that also knows the actions {@code catalog} lists: examples use
   * a catalogued action wherever a change holds one, and each result adds {@link
   * DiffResult#catalogVerdict()}, the comparison over the catalogued actions of the services
   * involved. The {@link DiffResult#verdict()} is unchanged: it still ranges over every action
   * name, so {@code kms:*} stays broader than the list of today's kms actions.
   *
   * <pre>{@code
   * DiffResult result = PolicyDiffer.standard().withCatalog(IamCatalog.bundled()).diff(old, new);
   * result.catalogVerdict().map(CatalogVerdict::summary);
   * // "equivalent for the 56 kms actions that exist on 2026-09-26; narrower for actions added later"
   * }</pre>
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
   *     resources, and condition keys for AWS services</a>
   */
  public PolicyDiffer withCatalog(ActionCatalog catalog) {
    return new PolicyDiffer(boxLimit, java.util.Objects.requireNonNull(catalog, "catalog"));
  }

  /**
   * Returns the access {@code newPolicy} adds to and removes from {@code oldPolicy}. A comparison
   * past the box limit, or needing an automaton of more than {@value Languages#MAX_STATES} states
   * (a hostile pattern such as {@code *a} followed by twenty {@code ?}), is answered {@link
   * Verdict#INCOMPARABLE} with the reason, within seconds and bounded memory.
   */
  public DiffResult diff(PolicyDocument oldPolicy, PolicyDocument newPolicy) {
    try {
      return diffWithinLimits(oldPolicy, newPolicy);
    } catch (Languages.TooLargeException e) {
      return new DiffResult(
          Verdict.INCOMPARABLE, List.of(tooLarge(e)), List.of(), List.of(), Optional.empty());
    }
  }

  private static String tooLarge(Languages.TooLargeException e) {
    return "the comparison needs " + e.getMessage() + ", past the limit of the diff";
  }

  private DiffResult diffWithinLimits(PolicyDocument oldPolicy, PolicyDocument newPolicy) {
    Encoder encoder = new Encoder();
    encoder.prepare(List.of(oldPolicy, newPolicy));
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
      return new DiffResult(
          Verdict.INCOMPARABLE,
          reasons,
          List.of(),
          List.of(),
          catalogVerdict(List.of(), List.of(), olds, news, Verdict.INCOMPARABLE, false));
    }
    reasons.addAll(encoder.reasons());
    Narrator narrator = new Narrator(encoder, hasPrincipals(oldPolicy, newPolicy), comparison());
    List<Change> added = narrator.changes(gained, Effect.ALLOW, news, olds);
    List<Change> removed = narrator.changes(lost, Effect.DENY, olds, news);
    Verdict verdict = verdict(added, removed, reasons.isEmpty());
    return new DiffResult(
        verdict,
        reasons,
        added,
        removed,
        catalogVerdict(gained, lost, olds, news, verdict, reasons.isEmpty()));
  }

  private @Nullable CatalogComparison comparison() {
    return catalog;
  }

  private Optional<CatalogVerdict> catalogVerdict(
      List<Region> gained,
      List<Region> lost,
      List<Encoder.Encoded> olds,
      List<Encoder.Encoded> news,
      Verdict verdict,
      boolean exact) {
    CatalogComparison comparison = comparison();
    return comparison == null
        ? Optional.empty()
        : Optional.of(comparison.verdict(gained, lost, List.of(olds, news), verdict, exact));
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
    try {
      return grantsNoneWithinLimits(policy, actions, resources);
    } catch (Languages.TooLargeException e) {
      return new ContainmentResult(false, Optional.empty(), List.of(), List.of(tooLarge(e)));
    }
  }

  private ContainmentResult grantsNoneWithinLimits(
      PolicyDocument policy, List<String> actions, List<String> resources) {
    Encoder encoder = new Encoder();
    encoder.prepare(List.of(policy));
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
        new Narrator(encoder, hasPrincipals(policy, policy), comparison())
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
    private final @Nullable CatalogComparison catalog;

    Narrator(Encoder encoder, boolean hasPrincipals, @Nullable CatalogComparison catalog) {
      this.vocabulary = encoder.vocabulary();
      this.keyNames = encoder.keyNames();
      this.describer = new Describer(vocabulary, keyNames);
      this.hasPrincipals = hasPrincipals;
      this.catalog = catalog;
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
          example(exampleBox(boxes)),
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

    /** Returns the first box holding a catalogued action, so the example can show a real one. */
    private Box exampleBox(List<Box> boxes) {
      if (catalog != null) {
        List<String> hints = vocabulary.hints(Box.ACTION);
        for (Box box : boxes) {
          if (catalog.actionIn(box.get(Box.ACTION), hints).isPresent()) {
            return box;
          }
        }
      }
      return boxes.get(0);
    }

    /** Returns the example's action: a catalogued one where the set holds one. */
    private String action(DimSet set) {
      List<String> hints = vocabulary.hints(Box.ACTION);
      Optional<String> real = catalog == null ? Optional.empty() : catalog.actionIn(set, hints);
      return real.orElseGet(() -> set.example(hints, false).orElse(""));
    }

    private Request example(Box box) {
      Request.Builder request = Request.builder();
      box.get(Box.PRINCIPAL)
          .example(vocabulary.hints(Box.PRINCIPAL), false)
          .ifPresent(request::principal);
      request.action(action(box.get(Box.ACTION)));
      box.get(Box.RESOURCE)
          .example(vocabulary.hints(Box.RESOURCE), false)
          .ifPresent(request::resource);
      Set<String> seen = new LinkedHashSet<>();
      for (Map.Entry<String, DimSet> e : box.dims().entrySet()) {
        String dim = e.getKey();
        if (dim.startsWith(Box.KEY) && seen.add(dim)) {
          String name = keyNames.getOrDefault(dim, dim.substring(Box.KEY.length()));
          if (e.getValue() instanceof AtomSet atoms) {
            // A multivalued key: one value from each atom of the chosen list, maybe none.
            atoms
                .exampleValues(vocabulary.hints(dim), true)
                .ifPresent(values -> request.putContext(name, values));
            continue;
          }
          Optional<String> value = e.getValue().example(vocabulary.hints(dim), true);
          value.ifPresent(v -> request.putContext(name, v));
        }
      }
      return request.build();
    }
  }
}
