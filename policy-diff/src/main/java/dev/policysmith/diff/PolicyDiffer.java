package dev.policysmith.diff;

import dev.policysmith.diff.engine.AtomSet;
import dev.policysmith.diff.engine.Box;
import dev.policysmith.diff.engine.Cells;
import dev.policysmith.diff.engine.Describer;
import dev.policysmith.diff.engine.DimSet;
import dev.policysmith.diff.engine.Encoder;
import dev.policysmith.diff.engine.Engine;
import dev.policysmith.diff.engine.Languages;
import dev.policysmith.diff.engine.Region;
import dev.policysmith.diff.engine.StrSet;
import dev.policysmith.diff.engine.Variables;
import dev.policysmith.diff.engine.Vocabulary;
import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.catalog.ActionCatalog;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
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
 * decide exactly (a key compared as two kinds of value, set operators on a key whose values fall
 * into more than 12 classes, a policy variable under a set operator, a change that depends on a
 * policy variable and no request confirms, a comparison too large for the box limit) are named in
 * {@link DiffResult#inexactReasons()}, and the verdict is then never {@link Verdict#EQUIVALENT}.
 *
 * <p>Policy variables ({@code arn:aws:s3:::bucket/${aws:username}/*}, {@code "s3:prefix":
 * "${aws:username}/*"}) are decided exactly where it can be shown: each pattern with a variable is
 * a dimension of its own, true when the request's value matches the pattern as resolved from the
 * request. No difference over those dimensions proves equivalence; a change that depends on them is
 * reported once a concrete request, checked with the evaluator, confirms it, and otherwise named as
 * not decided exactly. The example of such a change carries the variable's key, e.g. {@code
 * aws:username=alice} with resource {@code arn:aws:s3:::bucket/alice/example}.
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
    List<List<Encoder.Encoded>> encoded =
        Cells.refine(
            List.of(encoder.encode(oldPolicy), encoder.encode(newPolicy)),
            encoder.variables(),
            encoder.vocabulary());
    List<Encoder.Encoded> olds = encoded.get(0);
    List<Encoder.Encoded> news = encoded.get(1);
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
    Decider before = new Decider(oldPolicy);
    Decider after = new Decider(newPolicy);
    Narration added =
        narrator.changes(
            gained, Effect.ALLOW, news, olds, r -> !before.allows(r) && after.allows(r));
    Narration removed =
        narrator.changes(lost, Effect.DENY, olds, news, r -> before.allows(r) && !after.allows(r));
    reasons.addAll(narrator.unconfirmed());
    Verdict verdict = verdict(added.changes(), removed.changes(), reasons.isEmpty());
    return new DiffResult(
        verdict,
        reasons,
        added.changes(),
        removed.changes(),
        catalogVerdict(
            added.counted(),
            removed.counted(),
            olds,
            news,
            verdict,
            reasons.isEmpty() && narrator.allConfirmed()));
  }

  /** Decides requests with one policy, compiled on first use: only confirmations need it. */
  private static final class Decider {
    private final PolicyDocument policy;
    private @Nullable PolicyEvaluator evaluator;

    Decider(PolicyDocument policy) {
      this.policy = policy;
    }

    boolean allows(Request request) {
      PolicyEvaluator e = evaluator;
      if (e == null) {
        e = PolicyEvaluator.of(policy);
        evaluator = e;
      }
      return e.decide(request) == Decision.ALLOW;
    }
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
    Narrator narrator = new Narrator(encoder, hasPrincipals(policy, policy), comparison());
    Decider decider = new Decider(policy);
    List<Change> violations =
        narrator.changes(granted, Effect.ALLOW, restricted, List.of(), decider::allows).changes();
    reasons.addAll(narrator.unconfirmed());
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

  /**
   * The changes of one direction, and their regions as the catalogue's verdict counts them: a
   * region confirmed by a request reduced to its confirmed boxes (a box left out makes the
   * catalogue's verdict inexact, see {@link Narrator#allConfirmed}), an unconfirmed one whole, as
   * the verdict over every action counts it too.
   */
  private record Narration(List<Change> changes, List<Region> counted) {}

  /** Turns regions into readable changes. */
  private static final class Narrator {
    /**
     * The most boxes with variable dimensions realised in one comparison, and in one region: a
     * realisation costs a few automaton products and evaluations, so this bounds the time a large
     * policy full of variables adds.
     */
    private static final int REALISE_LIMIT = 4096;

    private static final int REALISE_LIMIT_PER_REGION = 16;

    private final Vocabulary vocabulary;
    private final Describer describer;
    private final Map<String, String> keyNames;
    private final Variables variables;
    private final boolean hasPrincipals;
    private final @Nullable CatalogComparison catalog;
    private final Set<String> unconfirmed = new LinkedHashSet<>();
    private boolean allConfirmed = true;
    private int realised;

    Narrator(Encoder encoder, boolean hasPrincipals, @Nullable CatalogComparison catalog) {
      this.vocabulary = encoder.vocabulary();
      this.keyNames = encoder.keyNames();
      this.variables = encoder.variables();
      this.describer = new Describer(vocabulary, keyNames);
      this.hasPrincipals = hasPrincipals;
      this.catalog = catalog;
    }

    /** Returns why some change was not confirmed by a request, one reason per pattern. */
    Set<String> unconfirmed() {
      return unconfirmed;
    }

    /** Returns whether every box of every change was confirmed by a request (or needs none). */
    boolean allConfirmed() {
      return allConfirmed;
    }

    /**
     * Returns the changes of the regions. A box fixing a variable dimension counts once a request
     * in it is found and {@code differs} (the two policies decide it as the change says); a region
     * with no such box and no box free of variables is reported as not confirmed.
     */
    Narration changes(
        List<Region> regions,
        Effect effect,
        List<Encoder.Encoded> allowing,
        List<Encoder.Encoded> lifting,
        java.util.function.Predicate<Request> differs) {
      List<Change> out = new ArrayList<>();
      List<Region> counted = new ArrayList<>();
      for (Region region : merged(regions)) {
        List<Box> boxes = new ArrayList<>();
        for (Box box : region.boxes()) {
          Box normal = variables.isEmpty() ? box : variables.normalise(box);
          if (normal != null) {
            boxes.add(normal);
          }
        }
        if (boxes.isEmpty()) {
          // Only points that no request maps to: no change at all.
          continue;
        }
        boxes = Engine.join(boxes, JOIN_LIMIT);
        List<Box> real = new ArrayList<>();
        int attempts = 0;
        Map<Box, Request> witnesses = new java.util.IdentityHashMap<>();
        for (Box box : boxes) {
          if (!Variables.constrainsVariables(box)) {
            real.add(box);
          }
        }
        for (Box box : boxes) {
          if (!Variables.constrainsVariables(box)) {
            continue;
          }
          if (catalog == null && !real.isEmpty()) {
            // The region is real already; only the catalogue's verdict needs every box.
            allConfirmed = false;
            continue;
          }
          Optional<Request> witness =
              realised++ < REALISE_LIMIT && attempts++ < REALISE_LIMIT_PER_REGION
                  ? variables.realise(box, vocabulary, this::example).filter(differs)
                  : Optional.empty();
          if (witness.isPresent()) {
            real.add(box);
            witnesses.put(box, witness.get());
          } else {
            allConfirmed = false;
          }
        }
        if (real.isEmpty()) {
          for (Box box : boxes) {
            for (String dim : box.dims().keySet()) {
              if (Variables.isVariable(dim)) {
                Variables.Predicate p = variables.predicate(dim);
                unconfirmed.add(
                    "policy variable in "
                        + p.where()
                        + " \""
                        + p.written()
                        + "\": a change that depends on its value was not confirmed by a request");
              }
            }
          }
        }
        counted.add(new Region(real.isEmpty() ? boxes : real, region.allowing(), region.lifted()));
        Box exampleBox = exampleBox(real.isEmpty() ? boxes : real);
        Request example = witnesses.get(exampleBox);
        if (example == null) {
          example = example(exampleBox, Map.of(), Map.of());
        }
        out.add(change(region, boxes, effect, allowing, lifting, example));
      }
      return new Narration(out, counted);
    }

    /**
     * Returns the regions with the boxes of one statement's several boxes joined: the regions of
     * equal allowing and lifted statements, in the order first met.
     */
    private static List<Region> merged(List<Region> regions) {
      Map<List<Set<Integer>>, List<Box>> boxes = new java.util.LinkedHashMap<>();
      for (Region region : regions) {
        boxes
            .computeIfAbsent(List.of(region.allowing(), region.lifted()), k -> new ArrayList<>())
            .addAll(region.boxes());
      }
      if (boxes.size() == regions.size()) {
        return regions;
      }
      List<Region> out = new ArrayList<>();
      boxes.forEach((k, v) -> out.add(new Region(v, k.get(0), k.get(1))));
      return out;
    }

    private Change change(
        Region region,
        List<Box> boxes,
        Effect effect,
        List<Encoder.Encoded> allowing,
        List<Encoder.Encoded> lifting,
        Request example) {
      Set<String> dims = new TreeSet<>();
      boxes.forEach(b -> dims.addAll(b.dims().keySet()));
      List<String> principals = strings(Box.PRINCIPAL, project(boxes, Box.PRINCIPAL));
      List<String> actions = strings(Box.ACTION, project(boxes, Box.ACTION));
      List<String> resources = resources(boxes);
      List<String> conditions = new ArrayList<>();
      for (String dim : dims) {
        if (dim.startsWith(Box.KEY) && !matchedEverywhere(boxes, dim)) {
          describer.condition(dim, project(boxes, dim)).ifPresent(conditions::add);
        }
      }
      for (String dim : dims) {
        if (Variables.isVariable(dim)) {
          Variables.Predicate p = variables.predicate(dim);
          if (!p.target().equals(Box.RESOURCE)) {
            truth(boxes, dim).ifPresent(t -> conditions.add(t ? p.phrase() : "not " + p.phrase()));
          }
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
          example,
          boxes,
          variables::point);
    }

    private static StatementRef ref(
        List<Encoder.Encoded> statements, int index, StatementRef.Side side) {
      // A statement with a policy variable may have several boxes, so several entries.
      Statement statement =
          statements.stream().filter(e -> e.index() == index).findFirst().orElseThrow().statement();
      return new StatementRef(side, index, statement.sid(), statement.effect());
    }

    /**
     * Returns the truth value every box gives a variable dimension, or empty when the boxes allow
     * both (a box not naming it allows both).
     */
    private static Optional<Boolean> truth(List<Box> boxes, String dim) {
      Boolean value = null;
      for (Box box : boxes) {
        Optional<String> only = onlyTruth(box, dim);
        if (only.isEmpty()) {
          return Optional.empty();
        }
        boolean b = only.get().equals("true");
        if (value != null && value != b) {
          return Optional.empty();
        }
        value = b;
      }
      return Optional.ofNullable(value);
    }

    /** The one truth value a box allows for a variable dimension, if it allows one only. */
    private static Optional<String> onlyTruth(Box box, String dim) {
      DimSet set = box.get(dim);
      boolean t = set.contains(Optional.of("true"));
      boolean f = set.contains(Optional.of("false"));
      return t == f ? Optional.empty() : Optional.of(Boolean.toString(t));
    }

    /**
     * Returns whether every box requires a variable pattern on this dimension to match: the value
     * is then described by that pattern, as written, rather than by the values it may take.
     */
    private boolean matchedEverywhere(List<Box> boxes, String dim) {
      for (Box box : boxes) {
        boolean matched = false;
        for (String d : box.dims().keySet()) {
          matched |=
              Variables.isVariable(d)
                  && variables.predicate(d).target().equals(dim)
                  && onlyTruth(box, d).equals(Optional.of("true"));
        }
        if (!matched) {
          return false;
        }
      }
      return true;
    }

    /**
     * Returns the resources in words: the patterns of the boxes free of variable patterns, then
     * each variable pattern that a box requires to match, as written; a variable pattern that every
     * box requires not to match is named after "except".
     */
    private List<String> resources(List<Box> boxes) {
      List<Box> plain = new ArrayList<>();
      List<String> matched = new ArrayList<>();
      for (Box box : boxes) {
        boolean any = false;
        for (String dim : box.dims().keySet()) {
          if (Variables.isVariable(dim)
              && variables.predicate(dim).target().equals(Box.RESOURCE)
              && onlyTruth(box, dim).equals(Optional.of("true"))) {
            any = true;
            String written = variables.predicate(dim).written();
            if (!matched.contains(written)) {
              matched.add(written);
            }
          }
        }
        if (!any) {
          plain.add(box);
        }
      }
      List<String> words = new ArrayList<>();
      if (!plain.isEmpty()) {
        words.addAll(strings(Box.RESOURCE, project(plain, Box.RESOURCE)));
      }
      words.addAll(matched);
      List<String> excepted = new ArrayList<>();
      Set<String> dims = new TreeSet<>();
      boxes.forEach(b -> dims.addAll(b.dims().keySet()));
      for (String dim : dims) {
        if (Variables.isVariable(dim)
            && variables.predicate(dim).target().equals(Box.RESOURCE)
            && truth(boxes, dim).equals(Optional.of(false))) {
          excepted.add(variables.predicate(dim).written());
        }
      }
      if (excepted.isEmpty()) {
        return words;
      }
      List<String> out = new ArrayList<>();
      for (String word : words) {
        out.add(
            word + (word.contains(" except ") ? ", " : " except ") + String.join(", ", excepted));
      }
      return out;
    }

    private List<String> strings(String dim, DimSet set) {
      StrSet strings = (StrSet) set;
      List<String> words = new ArrayList<>(describer.strings(dim, strings));
      if (strings.absent() && !strings.allValues()) {
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

    /**
     * Returns a request in the box: {@code values} where given (by dimension, empty for absent),
     * else an example of each dimension's set; condition keys named as in {@code names}, else as
     * first written.
     */
    private Request example(
        Box box, Map<String, Optional<String>> values, Map<String, String> names) {
      Request.Builder request = Request.builder();
      value(box, Box.PRINCIPAL, values, false).ifPresent(request::principal);
      request.action(action(box.get(Box.ACTION)));
      value(box, Box.RESOURCE, values, false).ifPresent(request::resource);
      Set<String> seen = new LinkedHashSet<>();
      List<String> keys = new ArrayList<>(box.dims().keySet());
      keys.addAll(values.keySet());
      for (String dim : keys) {
        if (dim.startsWith(Box.KEY) && seen.add(dim)) {
          String name =
              names.getOrDefault(dim, keyNames.getOrDefault(dim, dim.substring(Box.KEY.length())));
          if (!values.containsKey(dim) && box.get(dim) instanceof AtomSet atoms) {
            // A multivalued key: one value from each atom of the chosen list, maybe none.
            atoms
                .exampleValues(vocabulary.hints(dim), true)
                .ifPresent(list -> request.putContext(name, list));
            continue;
          }
          Optional<String> value = value(box, dim, values, true);
          value.ifPresent(v -> request.putContext(name, v));
        }
      }
      return request.build();
    }

    private Optional<String> value(
        Box box, String dim, Map<String, Optional<String>> values, boolean preferAbsent) {
      Optional<String> given = values.get(dim);
      return given != null ? given : box.get(dim).example(vocabulary.hints(dim), preferAbsent);
    }
  }
}
