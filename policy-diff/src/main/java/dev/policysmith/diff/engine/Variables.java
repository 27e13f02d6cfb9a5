package dev.policysmith.diff.engine;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dk.brics.automaton.Automaton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The policy variables of one comparison, each variable-bearing pattern as a boolean dimension of
 * the boxes: {@code var:N} is true when the request's value (its resource, or its value of a
 * condition key) matches pattern N once the pattern's variables are resolved from the request.
 *
 * <h2>Why the diff stays sound</h2>
 *
 * <p>Let φ map a request r to the point (r's principal, action, resource and context values, P₁(r),
 * ..., Pₙ(r)), Pᵢ(r) being whether pattern i matches r as the evaluator resolves it. The {@link
 * Encoder} turns each statement into boxes over these dimensions such that the statement matches r
 * exactly when φ(r) lies in one of its boxes (for requests with at most one value per condition
 * key, which the whole diff reasons about): a clause with plain patterns L and variable patterns
 * p₁..pₙ is the boxes "value in L" and "Pᵢ true" for each i; a negated clause ({@code
 * NotResource}, {@code StringNotLike}, ...) the one box "value not in L and every Pᵢ false". The
 * engine's unions, intersections and differences commute with taking preimages under φ, so a
 * region G the engine finds (over the free space, where the Pᵢ range over true and false
 * independently of everything else) is exactly the set of requests {r : φ(r) ∈ G}. Hence:
 *
 * <ul>
 *   <li>no region at all proves that the policies decide every request alike;
 *   <li>whether a request lies in a region stays exact ({@link #point} computes each Pᵢ with the
 *       evaluator);
 *   <li>a box that leaves every Pᵢ unconstrained holds φ(r) for any request r in its other
 *       dimensions, so its example is sound whatever the variables resolve to;
 *   <li>a box that fixes some Pᵢ may hold no φ(r) at all (the free space has points no request
 *       maps to), so it counts only once {@link #realise} has built a request r with φ(r) in it;
 *       a region with no such box is reported as not decided exactly, never as equivalence.
 * </ul>
 *
 * <p>Sharper but still sound: Pᵢ(r) implies that r's value lies in pattern i's {@linkplain
 * VariablePattern#widened widened} language Wᵢ (each variable read as any string), so a box with Pᵢ
 * true may be narrowed to Wᵢ in Pᵢ's dimension without changing its preimage ({@link
 * #normalise}); a box left empty that way holds no request. Likewise a box with Pᵢ true and Pⱼ
 * false holds no request when pattern i {@linkplain VariablePattern#implies implies} pattern j
 * ({@code .../${aws:PrincipalTag/G}/output} and {@code .../${aws:PrincipalTag/G}*}).
 *
 * <p>Each Pᵢ is decided by the evaluator itself, on a one-statement policy holding only that
 * pattern, so the diff cannot disagree with it on what a variable resolves to: missing keys,
 * defaults {@code ${key, 'default'}}, {@code ${*}}, multivalued keys and Version 2008-10-17 (where
 * {@code ${} is text and no pattern gets a dimension) all follow its rules. Not thread-safe: one
 * instance per comparison.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
 *     policy elements: Variables and tags</a>
 */
public final class Variables {
  /** The prefix of a variable dimension. */
  public static final String PREFIX = "var:";

  /** The most combinations of variable values tried for one box. */
  private static final int MAX_ASSIGNMENTS = 12;

  /**
   * One variable-bearing pattern: a {@code Resource} pattern, or one value of a condition key under
   * the positive form of its operator.
   */
  public static final class Predicate {
    private final String dim;
    private final String target;
    private final String where;
    private final @Nullable BaseOperator base;
    private final VariablePattern pattern;
    private final PolicyEvaluator oracle;
    private @Nullable StrSet widened;

    Predicate(
        String dim,
        String target,
        String where,
        @Nullable BaseOperator base,
        VariablePattern pattern,
        PolicyEvaluator oracle) {
      this.dim = dim;
      this.target = target;
      this.where = where;
      this.base = base;
      this.pattern = pattern;
      this.oracle = oracle;
    }

    /** Returns the dimension of its truth value, {@code var:N}. */
    public String dim() {
      return dim;
    }

    /** Returns the dimension whose value it tests: {@link Box#RESOURCE} or a key's dimension. */
    public String target() {
      return target;
    }

    /** Returns the pattern as written, e.g. {@code arn:aws:s3:::bucket/${aws:username}/*}. */
    public String written() {
      return pattern.written();
    }

    /** Returns where it is written: {@code Resource} or the condition key's name. */
    public String where() {
      return where;
    }

    /** Returns the test in words, e.g. {@code s3:prefix StringLike ${aws:username}/*}. */
    public String phrase() {
      return base == null ? pattern.written() : where + " " + base.operatorName() + " " + written();
    }

    /** Returns whether the evaluator finds the request's value matching the resolved pattern. */
    boolean test(Request request) {
      return oracle.decide(request) == Decision.ALLOW;
    }

    /** Returns the values its pattern may match whatever its variables resolve to (Wᵢ). */
    StrSet widened() {
      StrSet w = widened;
      if (w == null) {
        w =
            StrSet.ofMinimal(
                false,
                Languages.shared(
                    Languages.sharedKey(
                        "widened " + (base == null ? "resource" : base.name()),
                        List.of(pattern.written())),
                    () -> pattern.widened(base)));
        widened = w;
      }
      return w;
    }
  }

  private final List<Predicate> predicates = new ArrayList<>();

  /** Returns each pattern's widened set (Wᵢ), by the dimension it tests. */
  Map<String, List<StrSet>> widenedSets() {
    Map<String, List<StrSet>> out = new LinkedHashMap<>();
    for (Predicate p : predicates) {
      out.computeIfAbsent(p.target, k -> new ArrayList<>()).add(p.widened());
    }
    return out;
  }

  /** Replaces each pattern's widened set by the same set held otherwise ({@link Cells}). */
  void replaceWidened(Map<StrSet, StrSet> replacements) {
    for (Predicate p : predicates) {
      StrSet r = replacements.get(p.widened());
      if (r != null) {
        p.widened = r;
      }
    }
  }

  private final Map<String, Predicate> byDim = new HashMap<>();
  private final Map<List<String>, Predicate> byPattern = new HashMap<>();

  Variables() {}

  /** Returns whether no pattern with a variable has been met. */
  public boolean isEmpty() {
    return predicates.isEmpty();
  }

  /** Returns whether a dimension is a variable dimension. */
  public static boolean isVariable(String dim) {
    return dim.startsWith(PREFIX);
  }

  /** Returns the predicate of a variable dimension. */
  public Predicate predicate(String dim) {
    Predicate p = byDim.get(dim);
    if (p == null) {
      throw new IllegalArgumentException("no variable dimension " + dim);
    }
    return p;
  }

  /** Returns the predicate of a {@code Resource} pattern with variables. */
  Predicate resource(VariablePattern pattern) {
    return byPattern.computeIfAbsent(
        List.of(Box.RESOURCE, pattern.written()),
        k -> {
          Statement statement =
              Statement.builder()
                  .effect(Effect.ALLOW)
                  .action(ActionClause.of("*"))
                  .resource(ResourceClause.of(pattern.written()))
                  .build();
          return add(Box.RESOURCE, "Resource", null, pattern, statement);
        });
  }

  /**
   * Returns the predicate of a condition value with variables, under the positive operator {@code
   * base} ({@link #positive}): whether some value of the key matches it.
   */
  Predicate condition(String keyName, BaseOperator base, VariablePattern pattern) {
    String dim = Box.keyDim(keyName);
    return byPattern.computeIfAbsent(
        List.of(dim, base.name(), pattern.written()),
        k -> {
          Statement statement =
              Statement.builder()
                  .effect(Effect.ALLOW)
                  .action(ActionClause.of("*"))
                  .condition(
                      ConditionBlock.of(
                          OperatorBlock.of(
                              ConditionOperator.of(base),
                              KeyCondition.of(keyName, pattern.written()))))
                  .build();
          return add(dim, keyName, base, pattern, statement);
        });
  }

  private Predicate add(
      String target,
      String where,
      @Nullable BaseOperator base,
      VariablePattern pattern,
      Statement statement) {
    PolicyDocument policy =
        PolicyDocument.builder()
            .version(PolicyVersion.V2012_10_17)
            .addStatements(statement)
            .build();
    Predicate p =
        new Predicate(
            PREFIX + predicates.size(), target, where, base, pattern, PolicyEvaluator.of(policy));
    predicates.add(p);
    byDim.put(p.dim(), p);
    return p;
  }

  /**
   * Returns the positive operator whose single-value test a (possibly negated) String, ARN or Bool
   * operator builds on: {@code StringNotLike} on {@code StringLike}, {@code ArnNotEquals} on {@code
   * ArnLike} (which behaves like {@code ArnEquals}), and so on.
   */
  static BaseOperator positive(BaseOperator base) {
    return switch (base) {
      case STRING_EQUALS, STRING_NOT_EQUALS -> BaseOperator.STRING_EQUALS;
      case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
          BaseOperator.STRING_EQUALS_IGNORE_CASE;
      case STRING_LIKE, STRING_NOT_LIKE -> BaseOperator.STRING_LIKE;
      case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> BaseOperator.ARN_LIKE;
      case BOOL -> BaseOperator.BOOL;
      default -> throw new IllegalArgumentException("no policy variables in " + base);
    };
  }

  /**
   * Returns the request as a point of the boxes: each dimension with the request's values ({@link
   * Box#containsAny}), each variable dimension with its truth value for the request.
   */
  public Map<String, List<String>> point(Request request) {
    Map<String, List<String>> point = new LinkedHashMap<>();
    request.principal().ifPresent(p -> point.put(Box.PRINCIPAL, List.of(p)));
    point.put(Box.ACTION, List.of(request.action()));
    request.resource().ifPresent(r -> point.put(Box.RESOURCE, List.of(r)));
    for (Map.Entry<String, List<String>> e : request.context().entrySet()) {
      point.computeIfAbsent(Box.keyDim(e.getKey()), k -> new ArrayList<>()).addAll(e.getValue());
    }
    for (Predicate p : predicates) {
      point.put(p.dim(), List.of(Boolean.toString(p.test(request))));
    }
    return point;
  }

  /**
   * Returns whether the box constrains a variable dimension, so that its requests are known only
   * once {@linkplain #realise realised}.
   */
  public static boolean constrainsVariables(Box box) {
    for (String dim : box.dims().keySet()) {
      if (isVariable(dim)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the box narrowed, in the dimension each true variable tests, to the values its pattern
   * may match at all (Wᵢ): the same requests, as Pᵢ(r) implies that r's value lies in Wᵢ. Returns
   * null when that leaves the box empty, so that it holds no request.
   */
  public @Nullable Box normalise(Box box) {
    Box out = box;
    List<Predicate> matching = new ArrayList<>();
    List<Predicate> failing = new ArrayList<>();
    for (Map.Entry<String, DimSet> e : box.dims().entrySet()) {
      if (isVariable(e.getKey()) && e.getValue() instanceof BoolSet b && !b.isUniversal()) {
        Predicate p = predicate(e.getKey());
        if (b.whenFalse()) {
          failing.add(p);
          continue;
        }
        matching.add(p);
        DimSet current = out.get(p.target());
        if (!current.subsetOf(p.widened())) {
          out = out.with(p.target(), current.intersect(p.widened()));
        }
      }
    }
    for (Predicate a : matching) {
      for (Predicate b : failing) {
        if (implies(a, b)) {
          // Pᵢ true and Pⱼ false, where every value Pᵢ's pattern matches Pⱼ's matches too.
          return null;
        }
      }
    }
    return out.isEmpty() ? null : out;
  }

  private final Map<List<String>, Boolean> implications = new HashMap<>();

  /** Each key's marker in {@link VariablePattern#implies}, the same for every pair of patterns. */
  private final Map<String, String> markers = new LinkedHashMap<>();

  /** Returns whether, for every request, {@code a} true makes {@code b} true. */
  private boolean implies(Predicate a, Predicate b) {
    if (!a.target.equals(b.target) || a.base != b.base) {
      return false;
    }
    return implications.computeIfAbsent(
        List.of(a.dim, b.dim), k -> a.pattern.implies(b.pattern, a.base, markers));
  }

  /** Builds a request from a box, with the given values where named (empty for absent). */
  @FunctionalInterface
  public interface RequestMaker {
    /**
     * Returns a request in the box's dimensions, taking {@code values} (by dimension, empty for
     * absent) where given and naming condition keys as in {@code names} where given.
     */
    Request make(Box box, Map<String, Optional<String>> values, Map<String, String> names);
  }

  /**
   * Returns a request r with φ(r) in the box, checked by evaluating every pattern on it, or empty
   * when none was found. The request gives each variable's key a value (or leaves it absent) and
   * then picks the resource and condition values that the resolved patterns must, or must not,
   * match.
   */
  public Optional<Request> realise(Box box, Vocabulary vocabulary, RequestMaker maker) {
    Map<Predicate, Boolean> required = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, DimSet> e : box.dims().entrySet()) {
      if (isVariable(e.getKey()) && e.getValue() instanceof BoolSet b && !b.isUniversal()) {
        Predicate p = predicate(e.getKey());
        required.put(p, b.whenTrue());
        p.pattern.keys().forEach(keys::putIfAbsent);
      }
    }
    List<String> folded = new ArrayList<>(keys.keySet());
    List<List<Optional<String>>> candidates = new ArrayList<>();
    for (String key : folded) {
      List<Optional<String>> values = new ArrayList<>();
      // A pattern that is the variable alone ("${aws:PrincipalAccount}") matches when the key's
      // value is the tested value itself: try the box's own values there first.
      for (Map.Entry<Predicate, Boolean> e : required.entrySet()) {
        Predicate p = e.getKey();
        if (e.getValue() && key.equals(p.pattern.soleVariable())) {
          Optional<String> own = box.get(p.target()).example(vocabulary.hints(p.target()), false);
          if (own.isPresent() && !values.contains(own)) {
            values.add(own);
          }
        }
      }
      for (Optional<String> value : candidates(box, key, vocabulary)) {
        if (!values.contains(value)) {
          values.add(value);
        }
      }
      candidates.add(values);
    }
    Map<String, String> names = new LinkedHashMap<>();
    keys.forEach((k, name) -> names.put(Box.keyDim(k), name));
    int[] choice = new int[folded.size()];
    for (int tries = 0; tries < MAX_ASSIGNMENTS; tries++) {
      Map<String, String> assignment = new HashMap<>();
      Map<String, Optional<String>> values = new LinkedHashMap<>();
      for (int i = 0; i < folded.size(); i++) {
        Optional<String> value = candidates.get(i).get(choice[i]);
        if (value.isPresent()) {
          assignment.put(folded.get(i), value.get());
        }
        values.put(Box.keyDim(folded.get(i)), value);
      }
      if (targets(box, required, assignment, values, vocabulary)) {
        Request request = maker.make(box, values, names);
        if (box.containsAny(point(request))) {
          return Optional.of(request);
        }
      }
      if (!next(choice, candidates)) {
        break;
      }
    }
    return Optional.empty();
  }

  /** Advances the odometer of candidate choices; false once every combination was tried. */
  private static boolean next(int[] choice, List<List<Optional<String>>> candidates) {
    for (int i = choice.length - 1; i >= 0; i--) {
      if (++choice[i] < candidates.get(i).size()) {
        return true;
      }
      choice[i] = 0;
    }
    return false;
  }

  /**
   * Picks a value for each dimension the required patterns test, in the box's set there, inside
   * every pattern that must match and outside every one that must not; false when there is none.
   */
  private static boolean targets(
      Box box,
      Map<Predicate, Boolean> required,
      Map<String, String> assignment,
      Map<String, Optional<String>> values,
      Vocabulary vocabulary) {
    Map<String, List<Map.Entry<Predicate, Boolean>>> byTarget = new LinkedHashMap<>();
    for (Map.Entry<Predicate, Boolean> e : required.entrySet()) {
      byTarget.computeIfAbsent(e.getKey().target(), k -> new ArrayList<>()).add(e);
    }
    for (Map.Entry<String, List<Map.Entry<Predicate, Boolean>>> t : byTarget.entrySet()) {
      String target = t.getKey();
      if (values.containsKey(target)) {
        // The key is a variable's too: its value is the one chosen for the variable; the final
        // check tells whether the patterns agree.
        continue;
      }
      if (!(box.get(target) instanceof StrSet set)) {
        return false;
      }
      Automaton language = set.language();
      boolean mustMatch = false;
      List<String> hints = new ArrayList<>();
      for (Map.Entry<Predicate, Boolean> e : t.getValue()) {
        Predicate p = e.getKey();
        Automaton resolved = p.pattern.language(p.base, assignment);
        if (e.getValue()) {
          mustMatch = true;
          language = language.intersection(resolved);
          String hint = p.pattern.hint(assignment);
          if (hint != null) {
            hints.add(hint);
          }
        } else {
          language = language.minus(resolved);
        }
      }
      if (target.startsWith(Box.KEY)) {
        hints.addAll(typical(target.substring(Box.KEY.length())));
      }
      hints.addAll(vocabulary.hints(target));
      // Not minimised (Hopcroft's minimisation was a fifth of narrating a large diff): emptiness
      // and the example walk need none, only the dead-ended empty language made plainly empty.
      StrSet allowed =
          StrSet.ofMinimal(
              set.absent() && !mustMatch,
              Product.nonEmpty(language, false) ? language : Languages.none());
      if (allowed.isEmpty()) {
        return false;
      }
      values.put(target, allowed.example(hints, false));
    }
    return true;
  }

  /**
   * Values to try for a variable's key: a typical value of the key, one from the box's set for it,
   * another typical value, and absence, each only where the box allows it.
   */
  private static List<Optional<String>> candidates(Box box, String key, Vocabulary vocabulary) {
    DimSet set = box.get(Box.keyDim(key));
    List<Optional<String>> out = new ArrayList<>();
    for (String typical : typical(key)) {
      Optional<String> value = Optional.of(typical);
      if (set.contains(value) && !out.contains(value)) {
        out.add(value);
      }
      if (out.size() == 1) {
        // Then one the box itself suggests, before the second typical value.
        Optional<String> own = set.example(vocabulary.hints(Box.keyDim(key)), false);
        if (own.isPresent() && !out.contains(own)) {
          out.add(own);
        }
      }
    }
    if (out.isEmpty()) {
      Optional<String> own = set.example(vocabulary.hints(Box.keyDim(key)), false);
      if (own.isPresent()) {
        out.add(own);
      }
    }
    if (set.contains(Optional.empty())) {
      out.add(Optional.empty());
    }
    if (out.isEmpty()) {
      out.add(Optional.empty());
    }
    return out;
  }

  /** Readable values of well-known variables, then generic ones. */
  private static List<String> typical(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals("aws:username")) {
      return List.of("alice", "bob");
    }
    if (k.equals("aws:userid")) {
      return List.of("AIDAEXAMPLEUSERID", "AROAEXAMPLEROLEID:session");
    }
    if (k.endsWith("account") || k.endsWith("accountid")) {
      return List.of("111122223333", "444455556666");
    }
    if (k.equals("aws:principalarn") || k.endsWith("arn")) {
      return List.of(
          "arn:aws:iam::111122223333:role/Example", "arn:aws:iam::444455556666:role/Example");
    }
    if (k.equals("aws:sourceidentity") || k.startsWith("aws:principaltag/")) {
      return List.of("alice", "bob");
    }
    return List.of("example", "other");
  }
}
