package dev.policysmith.diff.engine;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.arn.Partition;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.ConditionValues;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.condition.SetQualifier;
import dk.brics.automaton.Automaton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns statements into boxes, deciding each dimension exactly as the evaluator does, and records
 * where it could not (a key compared as two kinds of value, set operators on a key whose values
 * fall into too many classes, policy variables under a set operator). Condition keys that a set
 * operator names are decided for any number of values once {@link #prepare} has split their values
 * into atoms; other keys for at most one value. A pattern with a policy variable becomes a
 * dimension of its own ({@link Variables}), so a statement may have several boxes.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class Encoder {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*\\}");

  private final Set<String> reasons = new LinkedHashSet<>();
  private final Map<String, Set<String>> keyFamilies = new LinkedHashMap<>();
  private final Map<String, String> keyNames = new LinkedHashMap<>();
  private final Vocabulary vocabulary = new Vocabulary();
  private final Map<String, KeyAtoms> keyAtoms = new LinkedHashMap<>();

  /** Keys a set operator names whose values fell into too many atoms to split. */
  private final Set<String> unsplit = new LinkedHashSet<>();

  private final Variables variables = new Variables();

  /** Returns why some construct was not decided exactly, in the order first met. */
  public Set<String> reasons() {
    checkKeyFamilies();
    return reasons;
  }

  /** Returns the patterns and values met, for readable descriptions and examples. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Returns the patterns with policy variables met, each a dimension of the boxes. */
  public Variables variables() {
    return variables;
  }

  /** Returns the condition key names as first written, by dimension name. */
  public Map<String, String> keyNames() {
    return keyNames;
  }

  /**
   * Encodes every statement of a document, in order: one entry per box of a statement, most
   * statements having one (see {@link #encode(Statement, boolean, Partition)}).
   */
  public List<Encoded> encode(PolicyDocument document) {
    List<Encoded> out = new ArrayList<>();
    List<Statement> statements = document.statements();
    Partition partition = Partition.ofDocument(document);
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      for (Box box : encode(statement, document.variablesEnabled(), partition)) {
        out.add(new Encoded(i, statement, box));
      }
    }
    return out;
  }

  /** A statement with its position and one of its boxes. */
  public record Encoded(int index, Statement statement, Box box) {}

  /**
   * Boxes by statement content (Sid and effect aside) and document partition, so that equal
   * statements share one box.
   */
  private final Map<BoxKey, List<Box>> boxes = new java.util.HashMap<>();

  private record BoxKey(Statement statement, Partition partition) {}

  /**
   * Returns the boxes whose union is the requests a statement matches, ignoring its effect, for a
   * statement of a document in {@code partition} ({@link Partition#ofDocument}: where its bare
   * account ids are roots). A statement has one box unless a pattern of it holds a policy variable
   * ({@link Variables}): {@code "Resource": [L..., "arn:aws:s3:::b/${aws:username}/*"]} is the box
   * of L and the box of that pattern's variable dimension. Statements equal but for their Sid and
   * effect get the same box instances, which lets the engine skip, without any automaton work, a
   * statement that did not change between the two policies.
   */
  public List<Box> encode(Statement statement, boolean variables, Partition partition) {
    BoxKey key =
        new BoxKey(
            statement.toBuilder()
                .sid(Optional.of(variables ? "${variables}" : ""))
                .effect(dev.policysmith.model.Effect.ALLOW)
                .build(),
            partition);
    List<Box> cached = boxes.get(key);
    if (cached != null) {
      return cached;
    }
    List<Box> encoded = encodeFresh(statement, variables, partition);
    boxes.put(key, encoded);
    return encoded;
  }

  private List<Box> encodeFresh(Statement statement, boolean variables, Partition partition) {
    Box box = Box.all();
    if (statement.principal().isPresent()) {
      box = box.with(Box.PRINCIPAL, principals(statement.principal().get(), partition));
    }
    box = box.with(Box.ACTION, actions(statement.actionClause()));
    List<Box> out = List.of(box);
    if (statement.resource().isPresent()) {
      ResourceClause clause = statement.resource().get();
      List<Map<String, DimSet>> alternatives = variables ? variableResources(clause) : null;
      out =
          alternatives != null
              ? and(out, alternatives)
              : List.of(box.with(Box.RESOURCE, resources(clause, variables)));
    }
    if (statement.condition().isPresent()) {
      for (OperatorBlock block : statement.condition().get().operators()) {
        for (KeyCondition key : block.keys()) {
          String dim = Box.keyDim(key.key());
          keyNames.putIfAbsent(dim, key.key());
          List<Map<String, DimSet>> alternatives =
              variables ? variableCondition(block.operator(), key) : null;
          if (alternatives != null) {
            out = and(out, alternatives);
          } else {
            DimSet set = condition(block.operator(), key, variables);
            List<Box> narrowed = new ArrayList<>(out.size());
            for (Box b : out) {
              narrowed.add(b.and(dim, set));
            }
            out = narrowed;
          }
        }
      }
    }
    return out;
  }

  /**
   * Returns the boxes of each box narrowed by each alternative (dimension to set), the empty ones
   * left out: the conjunction of a union of boxes with a union of alternatives.
   */
  private static List<Box> and(List<Box> boxes, List<Map<String, DimSet>> alternatives) {
    List<Box> out = new ArrayList<>();
    for (Box box : boxes) {
      for (Map<String, DimSet> alternative : alternatives) {
        Box narrowed = box;
        for (Map.Entry<String, DimSet> e : alternative.entrySet()) {
          narrowed = narrowed.and(e.getKey(), e.getValue());
        }
        if (!narrowed.isEmpty()) {
          out.add(narrowed);
        }
      }
    }
    return out;
  }

  /**
   * Returns the alternatives of a resource clause holding a policy variable, or null when none of
   * its patterns needs a request to resolve (then {@link #resources} decides it exactly). {@code
   * Resource}: the plain patterns L as one alternative, and each variable pattern p as "p's
   * dimension true" (with the resource narrowed to what p can match at all); {@code NotResource}:
   * one alternative, "not in L and every p false". See {@link Variables} for why this is exact.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
   *     policy elements: Variables and tags</a>
   */
  private @Nullable List<Map<String, DimSet>> variableResources(ResourceClause clause) {
    if (clause.patterns().stream()
        .noneMatch(p -> p.value().contains("${") && VariablePattern.parse(p.value()).special())) {
      return null;
    }
    // A request without a resource is matched by the pattern "*" alone.
    boolean star = false;
    List<String> plain = new ArrayList<>();
    List<VariablePattern> patterns = new ArrayList<>();
    for (ResourcePattern pattern : clause.patterns()) {
      String text = pattern.value();
      star |= text.equals("*");
      VariablePattern parsed = text.contains("${") ? VariablePattern.parse(text) : null;
      if (parsed == null || !parsed.special()) {
        plain.add(text);
        vocabulary.addLazy(Box.RESOURCE, text, () -> sharedResourceLanguage(text));
      } else if (!parsed.hasVariables()) {
        // Only ${*}, ${?} or ${$}: a literal character, decided without a request.
        plain.add(text);
        vocabulary.addLazy(Box.RESOURCE, text, () -> parsed.language(null, Map.of()));
      } else {
        patterns.add(parsed);
      }
    }
    // Minimal: shared languages are.
    Automaton language =
        Languages.shared(
            Languages.sharedKey("resource with variables", plain),
            () -> {
              List<Automaton> parts = new ArrayList<>();
              for (String text : plain) {
                parts.add(
                    text.contains("${")
                        ? VariablePattern.parse(text).language(null, Map.of())
                        : sharedResourceLanguage(text));
              }
              return parts.isEmpty() ? Languages.none() : Automaton.union(parts);
            });
    List<Variables.Predicate> predicates = new ArrayList<>();
    for (VariablePattern pattern : patterns) {
      predicates.add(variables.resource(pattern));
    }
    return alternatives(Box.RESOURCE, clause.negated(), !star, star, language, predicates);
  }

  /**
   * Returns the alternatives of a String, ARN or Bool condition key whose values hold a policy
   * variable, or null when {@link #condition} decides it (no variable; a set operator on this or
   * another condition of the key; another family of operator, where {@code ${...}} is text). A
   * positive operator holds when the key's value is in the plain values L (or, with {@code
   * IfExists}, the key is absent) or matches some resolved value; a negated one when the key is
   * absent or its value is in none of L and matches no resolved value.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
   *     policy elements: Variables and tags</a>
   */
  private @Nullable List<Map<String, DimSet>> variableCondition(
      ConditionOperator operator, KeyCondition key) {
    BaseOperator base = operator.base();
    BaseOperator.Family family = base.family();
    if (operator.qualifier().isPresent()
        // A key that a set operator names elsewhere is decided over its atoms; there a variable
        // is approximated (and reported) as before.
        || keyAtoms.containsKey(Box.keyDim(key.key()))
        || (family != BaseOperator.Family.STRING
            && family != BaseOperator.Family.ARN
            && family != BaseOperator.Family.BOOLEAN)
        || key.values().stream().noneMatch(v -> VariablePattern.parse(v.text()).special())) {
      return null;
    }
    String dim = Box.keyDim(key.key());
    family(dim, "String");
    BaseOperator positive = Variables.positive(base);
    List<String> plain = new ArrayList<>();
    List<Variables.Predicate> predicates = new ArrayList<>();
    for (ConditionValue value : key.values()) {
      String text = value.text();
      VariablePattern parsed = VariablePattern.parse(text);
      if (!parsed.special()) {
        plain.add(text);
        vocabulary.addLazy(dim, text, () -> valueLanguage(base, text));
      } else if (!parsed.hasVariables()) {
        plain.add(text);
        vocabulary.addLazy(dim, text, () -> parsed.language(positive, Map.of()));
      } else {
        predicates.add(variables.condition(key.key(), positive, parsed));
      }
    }
    // Minimal: shared languages are.
    Automaton language =
        Languages.shared(
            Languages.sharedKey("value with variables " + base, plain),
            () -> {
              List<Automaton> parts = new ArrayList<>();
              for (String text : plain) {
                VariablePattern parsed = VariablePattern.parse(text);
                parts.add(
                    parsed.special()
                        ? parsed.language(positive, Map.of())
                        : valueLanguage(base, text));
              }
              return parts.isEmpty() ? Languages.none() : Automaton.union(parts);
            });
    return alternatives(dim, base.negated(), true, operator.ifExists(), language, predicates);
  }

  /**
   * Returns the alternatives of one dimension with plain language {@code language} and variable
   * patterns {@code predicates}. Positive: "in the language (or absent, when {@code
   * absentWhenPositive})", then "pattern i true" for each pattern that the language does not
   * already cover. Negated: the one alternative "not in the language (or absent, when {@code
   * absentWhenNegated}), every pattern false", leaving out the patterns the language covers, which
   * cannot match a value outside it.
   */
  private static List<Map<String, DimSet>> alternatives(
      String dim,
      boolean negated,
      boolean absentWhenNegated,
      boolean absentWhenPositive,
      Automaton language,
      List<Variables.Predicate> predicates) {
    List<Map<String, DimSet>> out = new ArrayList<>();
    if (negated) {
      Map<String, DimSet> alternative = new LinkedHashMap<>();
      // The complement of a minimal automaton is minimal.
      alternative.put(dim, StrSet.ofMinimal(absentWhenNegated, language.complement()));
      for (Variables.Predicate p : predicates) {
        if (!Product.subsetOf(p.widened().language(), language, false)) {
          alternative.put(p.dim(), BoolSet.FALSE);
        }
      }
      out.add(alternative);
      return out;
    }
    if (absentWhenPositive || !language.isEmpty()) {
      out.add(Map.of(dim, StrSet.ofMinimal(absentWhenPositive, language)));
    }
    for (Variables.Predicate p : predicates) {
      if (!Product.subsetOf(p.widened().language(), language, false)) {
        Map<String, DimSet> alternative = new LinkedHashMap<>();
        alternative.put(dim, p.widened());
        alternative.put(p.dim(), BoolSet.TRUE);
        out.add(alternative);
      }
    }
    return out;
  }

  /**
   * Returns the principals a clause of a document in {@code partition} matches: {@code "*"} and
   * {@code {"AWS": "*"}} everyone, a root ARN every principal of that account in its partition, a
   * bare account id what the account's root ARN in {@code partition} matches, a role ARN the role
   * and its assumed-role sessions, any other value itself.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
   *     JSON policy elements: Principal</a>
   */
  public StrSet principals(PrincipalClause clause, Partition partition) {
    // "*" and {"AWS": "*"} match every request, anonymous ones (no principal) included; any
    // other entry needs a principal. NotPrincipal inverts the whole clause, absence included.
    boolean anonymous = clause.anyone();
    List<String> key = new ArrayList<>();
    key.add(partition.id());
    key.add(Boolean.toString(clause.anyone()));
    for (PrincipalEntry entry : clause.entries()) {
      for (String value : entry.values()) {
        anonymous |= entry.type() == PrincipalType.AWS && value.equals("*");
        vocabulary.addLazy(Box.PRINCIPAL, value, () -> principal(entry.type(), value, partition));
        key.add(entry.type().name());
        key.add(value);
      }
    }
    Automaton language =
        Languages.shared(
            Languages.sharedKey("principal", key),
            () -> {
              List<Automaton> parts = new ArrayList<>();
              if (clause.anyone()) {
                parts.add(Languages.anyString());
              }
              for (PrincipalEntry entry : clause.entries()) {
                for (String value : entry.values()) {
                  parts.add(principal(entry.type(), value, partition));
                }
              }
              return parts.isEmpty() ? Languages.none() : Automaton.union(parts);
            });
    // The complement of a minimal automaton is minimal.
    return clause.negated()
        ? StrSet.ofMinimal(!anonymous, language.complement())
        : StrSet.ofMinimal(anonymous, language);
  }

  /**
   * Returns the principal strings one entry matches, as the evaluator classifies them with {@link
   * Arn}: a root ARN matches itself, the bare id and every IAM or STS identity of the account in
   * its own partition; a bare account id is the root ARN in {@code partition}, the document's; a
   * role ARN matches itself and the sessions {@code arn:P:sts::A:assumed-role/NAME/...} of a role
   * of that name; anything else itself.
   */
  static Automaton principal(PrincipalType type, String value, Partition partition) {
    if (type != PrincipalType.AWS) {
      return Languages.literal(value);
    }
    if (value.equals("*")) {
      return Languages.anyString();
    }
    if (Arn.isAccountId(value)) {
      // IAM stores "AWS": "ID" as arn:PARTITION:iam::ID:root, PARTITION being where the policy
      // lives:
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
      return principal(type, Arn.accountRoot(partition, value).toString(), partition);
    }
    Arn arn = Arn.tryParse(value).orElse(null);
    if (arn != null && arn.isAccountRoot()) {
      return accountPrincipals(arn.partition().id(), arn.account()).union(Languages.literal(value));
    }
    if (arn != null && arn.isRole() && Arn.isAccountId(arn.account())) {
      Automaton sessions =
          Languages.literal(
                  "arn:"
                      + arn.partition().id()
                      + ":sts::"
                      + arn.account()
                      + ":assumed-role/"
                      + arn.roleName()
                      + "/")
              .concatenate(Languages.anyString());
      return Languages.literal(value).union(sessions);
    }
    return Languages.literal(value);
  }

  /**
   * Every identity of an account: the bare id, and {@code arn:P:iam::A:...} or {@code
   * arn:P:sts::A:...} with {@code P} the given partition.
   */
  static Automaton accountPrincipals(String partition, String account) {
    List<Automaton> parts = new ArrayList<>();
    parts.add(Languages.literal("arn:"));
    parts.add(Languages.literal(partition));
    parts.add(Languages.literal(":"));
    parts.add(Languages.literal("iam").union(Languages.literal("sts")));
    parts.add(Languages.literal("::" + account + ":"));
    parts.add(Languages.anyString());
    return Languages.minimal(Automaton.concatenate(parts).union(Languages.literal(account)));
  }

  /**
   * Returns the actions a clause matches, over every string, ignoring case.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
   *     JSON policy elements: Action</a>
   */
  public StrSet actions(ActionClause clause) {
    // One set per distinct clause: statements often repeat their action list, and the same
    // instance on both sides lets the engine skip comparing it.
    StrSet cached = actionSets.get(clause);
    if (cached != null) {
      return cached;
    }
    List<String> patterns = new ArrayList<>();
    for (ActionPattern pattern : clause.patterns()) {
      patterns.add(pattern.value());
      vocabulary.addLazy(
          Box.ACTION,
          pattern.value(),
          // Described over folded strings only (Describer), so no product with them here.
          () -> actionLanguage(pattern.value()));
    }
    // Only folded strings are ever asked about; StrSet.isEmpty looks at those alone. The
    // automaton (and a NotAction's complement) is made when first needed: the cells of the
    // dimension need only the patterns.
    StrSet listed = StrSet.foldedUnion(patterns, () -> Languages.foldedPatterns(patterns));
    StrSet set = clause.negated() ? StrSet.foldedComplement(listed) : listed;
    actionSets.put(clause, set);
    return set;
  }

  private final Map<ActionClause, StrSet> actionSets = new java.util.HashMap<>();
  private final Map<ResourceClause, StrSet> resourceSets = new java.util.HashMap<>();
  private final Map<ResourceClause, StrSet> resourceSetsWithVariables = new java.util.HashMap<>();

  /** Returns a copy of the shared language of one resource or ARN pattern. */
  static Automaton sharedResourceLanguage(String pattern) {
    return Languages.shared(
        Languages.sharedKey("arn", List.of(pattern)), () -> resourceLanguage(pattern));
  }

  /** Returns the actions one pattern matches, as folded strings (see {@link Languages#fold}). */
  public static Automaton actionLanguage(String pattern) {
    return Languages.foldedPatterns(List.of(pattern));
  }

  /**
   * Returns the resources a clause matches, case-sensitively.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM
   *     JSON policy elements: Resource</a>
   */
  public StrSet resources(ResourceClause clause, boolean variables) {
    Map<ResourceClause, StrSet> cache = variables ? resourceSetsWithVariables : resourceSets;
    StrSet cached = cache.get(clause);
    if (cached != null) {
      // unvariable's reasons were recorded when the clause was first met.
      return cached;
    }
    // A request without a resource is matched by the pattern "*" alone, so NotResource without
    // "*" matches it.
    boolean star = false;
    List<String> texts = new ArrayList<>();
    for (ResourcePattern pattern : clause.patterns()) {
      star |= pattern.value().equals("*");
      String text = unvariable(pattern.value(), variables, "Resource");
      texts.add(text);
      vocabulary.addLazy(Box.RESOURCE, pattern.value(), () -> sharedResourceLanguage(text));
    }
    Automaton language =
        Languages.shared(
            Languages.sharedKey("resource", texts),
            () -> {
              List<Automaton> parts = new ArrayList<>();
              for (String text : texts) {
                parts.add(sharedResourceLanguage(text));
              }
              return parts.isEmpty() ? Languages.none() : Automaton.union(parts);
            });
    // The complement of a minimal automaton is minimal.
    StrSet set =
        clause.negated()
            ? StrSet.ofMinimal(!star, language.complement())
            : StrSet.ofMinimal(star, language);
    cache.put(clause, set);
    return set;
  }

  /**
   * Returns the resources one pattern matches: {@code *} everything; an ARN pattern component by
   * component over its first five colons, where {@code *} and {@code ?} do not cross a colon, the
   * rest as one component; any other text as a whole.
   */
  public static Automaton resourceLanguage(String pattern) {
    if (pattern.equals("*")) {
      return Languages.anyString();
    }
    List<String> components = splitArn(pattern);
    if (components == null) {
      return Languages.glob(pattern, false);
    }
    Automaton notColon = Languages.anyCharBut(':');
    List<Automaton> parts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      parts.add(Languages.glob(components.get(i), false, notColon));
      parts.add(Languages.literal(":"));
    }
    parts.add(Languages.glob(components.get(5), false));
    return Languages.minimal(Automaton.concatenate(parts));
  }

  /** Splits at the first five colons, or returns null when there are fewer. */
  static List<String> splitArn(String text) {
    List<String> out = new ArrayList<>(6);
    int start = 0;
    for (int i = 0; i < 5; i++) {
      int colon = text.indexOf(':', start);
      if (colon < 0) {
        return null;
      }
      out.add(text.substring(start, colon));
      start = colon + 1;
    }
    out.add(text.substring(start));
    return out;
  }

  /**
   * Returns the values of one condition key that satisfy it, with absence decided as IAM does: a
   * missing key makes a positive operator false and a negated one true, {@code IfExists} true,
   * {@code ForAllValues:} true and {@code ForAnyValue:} false.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
   *     JSON policy elements: Condition operators</a>
   */
  public DimSet condition(ConditionOperator operator, KeyCondition key, boolean variables) {
    BaseOperator base = operator.base();
    String dim = Box.keyDim(key.key());
    String name = key.key();
    KeyAtoms atoms = keyAtoms.get(dim);
    if (atoms != null) {
      return overAtoms(operator, key, variables, atoms);
    }
    boolean absent = base.negated() || operator.ifExists();
    if (operator.qualifier().isPresent() && base != BaseOperator.NULL) {
      reasons.add(
          operator
              + " on "
              + name
              + ": set operators are decided for requests with at most one value per key"
              + (unsplit.contains(dim)
                  ? " (its values fall into more than " + KeyAtoms.MAX + " classes)"
                  : ""));
      absent = operator.ifExists() || operator.qualifier().get() == SetQualifier.FOR_ALL_VALUES;
    }
    if (base == BaseOperator.NULL) {
      return StrSet.of(
          nullAbsent(key), nullPresent(key) ? Languages.anyString() : Languages.none());
    }
    DimSet matching = matching(base, key, variables);
    if (matching instanceof RangeSet range) {
      if (!base.negated()) {
        return new RangeSet(range.kind(), absent, false, range.intervals());
      }
      RangeSet complement = (RangeSet) range.complement();
      return new RangeSet(range.kind(), absent, true, complement.intervals());
    }
    Automaton language = ((StrSet) matching).language();
    // The complement of a minimal automaton is minimal.
    return StrSet.ofMinimal(absent, base.negated() ? language.complement() : language);
  }

  /** Whether a {@code Null} condition holds for a missing key: one of its values is true. */
  private static boolean nullAbsent(KeyCondition key) {
    return key.values().stream().anyMatch(v -> v.text().equalsIgnoreCase("true"));
  }

  /** Whether a {@code Null} condition holds for a present key: one of its values is false. */
  private static boolean nullPresent(KeyCondition key) {
    return key.values().stream().anyMatch(v -> v.text().equalsIgnoreCase("false"));
  }

  /**
   * Returns the request values one of whose policy values matches under the operator's positive
   * comparison (StringLike for StringNotLike), without absence: a {@link RangeSet} for numbers,
   * dates and addresses, a minimal {@link StrSet} otherwise. Records the values in the vocabulary.
   */
  private DimSet matching(BaseOperator base, KeyCondition key, boolean variables) {
    String dim = Box.keyDim(key.key());
    String name = key.key();
    List<String> values = new ArrayList<>();
    for (ConditionValue value : key.values()) {
      values.add(value.text());
    }
    switch (base.family()) {
      case NUMERIC:
        values.forEach(v -> vocabulary.add(dim, v, null));
        family(dim, "Numeric");
        return range(ValueKind.NUMBER, base, values);
      case DATE:
        values.forEach(v -> vocabulary.add(dim, v, null));
        family(dim, "Date");
        return range(ValueKind.DATE, base, values);
      case IP_ADDRESS:
        values.forEach(v -> vocabulary.add(dim, v, null));
        family(dim, "IpAddress");
        return range(ValueKind.IP, base, values);
      default:
        family(dim, "String");
        // Variables are resolved only in String, ARN and Bool values; elsewhere ${...} is text.
        boolean resolves = variables && base != BaseOperator.BINARY_EQUALS;
        List<String> texts = new ArrayList<>();
        for (String value : values) {
          String text = unvariable(value, resolves, name);
          texts.add(text);
          vocabulary.addLazy(dim, value, () -> valueLanguage(base, text));
        }
        return StrSet.ofMinimal(
            false,
            Languages.shared(
                Languages.sharedKey("value " + base, texts),
                () -> {
                  List<Automaton> parts = new ArrayList<>();
                  for (String text : texts) {
                    parts.add(valueLanguage(base, text));
                  }
                  return parts.isEmpty() ? Languages.none() : Automaton.union(parts);
                }));
    }
  }

  /**
   * Returns a condition on a multivalued key as the set of value lists satisfying it, by the atoms
   * they hit ({@link KeyAtoms}), exactly as the evaluator decides it: unqualified, a positive
   * operator holds when some value matches and a negated one when none does; {@code ForAnyValue:}
   * when some value satisfies the operator, {@code ForAllValues:} when every one does (true for no
   * values), a value satisfying a negated operator when it matches none of the policy values;
   * absence as {@link #condition} says.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued
   *     vs. multivalued context keys</a>
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html">Conditions
   *     with multiple context keys or values</a>
   */
  private DimSet overAtoms(
      ConditionOperator operator, KeyCondition key, boolean variables, KeyAtoms atoms) {
    BaseOperator base = operator.base();
    if (base == BaseOperator.NULL) {
      // A qualifier on Null is ignored: it asks whether the key is there, with any values.
      boolean present = nullPresent(key);
      return AtomSet.of(atoms, nullAbsent(key), t -> present);
    }
    int m = atoms.mask(matching(base, key, variables));
    int outside = atoms.all() & ~m;
    boolean negated = base.negated();
    SetQualifier qualifier = operator.qualifier().orElse(null);
    if (qualifier == SetQualifier.FOR_ALL_VALUES) {
      // Every value satisfies: none outside the matching atoms, or for a negated operator none
      // inside them. True for a missing key.
      int forbidden = negated ? m : outside;
      return AtomSet.of(atoms, true, t -> (t & forbidden) == 0);
    }
    if (qualifier == SetQualifier.FOR_ANY_VALUE) {
      // Some value satisfies. False for a missing key unless IfExists.
      int wanted = negated ? outside : m;
      return AtomSet.of(atoms, operator.ifExists(), t -> (t & wanted) != 0);
    }
    // Several values without a qualifier: positive when some value matches, negated when none
    // does (KeyTest's rule; one value reduces to the documented single-value rule).
    boolean absent = negated || operator.ifExists();
    return negated
        ? AtomSet.of(atoms, absent, t -> (t & m) == 0)
        : AtomSet.of(atoms, absent, t -> (t & m) != 0);
  }

  /**
   * Splits the values of every condition key that {@code ForAnyValue:} or {@code ForAllValues:}
   * names in any of the documents into {@link KeyAtoms atoms}, so that conditions on it are then
   * decided for requests with any number of values: call it with both documents of a comparison
   * before encoding either. A key compared as two kinds of value, or whose values fall into more
   * than {@value KeyAtoms#MAX} atoms, keeps the one-value reading, reported inexact.
   */
  public void prepare(List<PolicyDocument> documents) {
    Map<String, List<Map.Entry<ConditionOperator, KeyCondition>>> uses = new LinkedHashMap<>();
    Map<String, Boolean> variablesOf = new LinkedHashMap<>();
    Set<String> qualified = new LinkedHashSet<>();
    for (PolicyDocument document : documents) {
      for (Statement statement : document.statements()) {
        if (statement.condition().isEmpty()) {
          continue;
        }
        for (OperatorBlock block : statement.condition().get().operators()) {
          ConditionOperator operator = block.operator();
          if (operator.base() == BaseOperator.NULL) {
            continue;
          }
          for (KeyCondition key : block.keys()) {
            String dim = Box.keyDim(key.key());
            if (operator.qualifier().isPresent()) {
              qualified.add(dim);
            }
            uses.computeIfAbsent(dim, k -> new ArrayList<>()).add(Map.entry(operator, key));
            variablesOf.merge(dim, document.variablesEnabled(), Boolean::logicalOr);
          }
        }
      }
    }
    for (String dim : qualified) {
      List<Map.Entry<ConditionOperator, KeyCondition>> keyUses = uses.get(dim);
      Set<BaseOperator.Family> kinds = new LinkedHashSet<>();
      for (Map.Entry<ConditionOperator, KeyCondition> use : keyUses) {
        kinds.add(kind(use.getKey().base()));
      }
      if (kinds.size() > 1) {
        continue;
      }
      DimSet universe =
          switch (kinds.iterator().next()) {
            case NUMERIC -> new RangeSet(ValueKind.NUMBER, false, true, List.of(Interval.ALL));
            case DATE -> new RangeSet(ValueKind.DATE, false, true, List.of(Interval.ALL));
            case IP_ADDRESS -> new RangeSet(ValueKind.IP, false, true, List.of(Interval.ALL));
            default -> StrSet.present();
          };
      List<DimSet> matching = new ArrayList<>();
      for (Map.Entry<ConditionOperator, KeyCondition> use : keyUses) {
        matching.add(matching(use.getKey().base(), use.getValue(), variablesOf.get(dim)));
      }
      Optional<KeyAtoms> atoms = KeyAtoms.partition(dim, universe, matching);
      if (atoms.isPresent()) {
        keyAtoms.put(dim, atoms.get());
      } else {
        unsplit.add(dim);
      }
    }
  }

  /** The kind of value an operator compares: strings, ARNs, booleans and base-64 text alike. */
  private static BaseOperator.Family kind(BaseOperator base) {
    return switch (base.family()) {
      case NUMERIC, DATE, IP_ADDRESS -> base.family();
      default -> BaseOperator.Family.STRING;
    };
  }

  private static Automaton valueLanguage(BaseOperator base, String value) {
    switch (base) {
      case STRING_EQUALS:
      case STRING_NOT_EQUALS:
        return Languages.literal(value);
      case BINARY_EQUALS:
        return binaryLanguage(value);
      case STRING_EQUALS_IGNORE_CASE:
      case STRING_NOT_EQUALS_IGNORE_CASE:
        return Languages.literalIgnoringCase(value);
      case BOOL:
        // A Bool value other than true or false, in any case, matches nothing.
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
          return Languages.literalIgnoringCase(value);
        }
        return Languages.none();
      case STRING_LIKE:
      case STRING_NOT_LIKE:
        return Languages.glob(value, false);
      default:
        // ArnEquals, ArnLike and their negations behave alike: component by component.
        return sharedResourceLanguage(value);
    }
  }

  /** The base-64 alphabet, in the order of the six-bit values. */
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /**
   * Returns the request strings that decode to the same bytes as a BinaryEquals policy value, by
   * the evaluator's decoder ({@link ConditionValues#binary}, standard base-64): the canonical text,
   * with or without its padding, and with any value of the bits that the last character carries
   * beyond the last byte, which the decoder ignores. A value that does not decode matches nothing.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals">Binary
   *     condition operators</a>
   */
  static Automaton binaryLanguage(String value) {
    byte[] bytes = ConditionValues.binary(value);
    if (bytes == null) {
      return Languages.none();
    }
    String canonical = java.util.Base64.getEncoder().encodeToString(bytes);
    int rest = bytes.length % 3;
    if (rest == 0) {
      return Languages.literal(canonical);
    }
    // One byte left: two characters of which the second keeps 2 of its 6 bits; two bytes: three
    // characters of which the third keeps 4.
    int last = rest == 1 ? 2 : 3;
    int ignored = rest == 1 ? 4 : 2;
    String head = canonical.substring(0, canonical.length() - 4 + last - 1);
    int kept = BASE64.indexOf(canonical.charAt(head.length())) >> ignored;
    List<Automaton> lasts = new ArrayList<>();
    for (int low = 0; low < 1 << ignored; low++) {
      lasts.add(Languages.literal(String.valueOf(BASE64.charAt(kept << ignored | low))));
    }
    Automaton padding = Languages.literal("=".repeat(4 - last)).optional();
    return Languages.minimal(
        Languages.literal(head).concatenate(Automaton.union(lasts)).concatenate(padding));
  }

  /** The values some policy value matches under the operator's positive comparison. */
  private static RangeSet range(ValueKind kind, BaseOperator base, List<String> values) {
    List<Interval> matching = new ArrayList<>();
    for (String value : values) {
      Optional<Interval> range = kind.parseRange(value);
      if (range.isEmpty()) {
        continue;
      }
      Interval r = range.get();
      switch (comparison(base)) {
        case "<":
          matching.add(new Interval(null, false, r.lo(), false));
          break;
        case "<=":
          matching.add(new Interval(null, false, r.hi(), true));
          break;
        case ">":
          matching.add(new Interval(r.hi(), false, null, false));
          break;
        case ">=":
          matching.add(new Interval(r.lo(), true, null, false));
          break;
        default:
          matching.add(r);
      }
    }
    return new RangeSet(kind, false, false, matching);
  }

  private static String comparison(BaseOperator base) {
    String name = base.operatorName();
    if (name.endsWith("LessThanEquals")) {
      return "<=";
    }
    if (name.endsWith("LessThan")) {
      return "<";
    }
    if (name.endsWith("GreaterThanEquals")) {
      return ">=";
    }
    if (name.endsWith("GreaterThan")) {
      return ">";
    }
    return "=";
  }

  private void family(String dim, String family) {
    keyFamilies.computeIfAbsent(dim, k -> new LinkedHashSet<>()).add(family);
  }

  private void checkKeyFamilies() {
    for (Map.Entry<String, Set<String>> e : keyFamilies.entrySet()) {
      if (e.getValue().size() > 1) {
        reasons.add(
            "condition key "
                + keyNames.getOrDefault(e.getKey(), e.getKey())
                + " is compared as "
                + String.join(" and ", e.getValue())
                + " values; only the kind first met is decided exactly");
      }
    }
  }

  /**
   * Replaces policy variables by {@code *}, a widening reported as inexact, where they are not
   * dimensions of their own: in the values of a set operator ({@code ForAnyValue:}, {@code
   * ForAllValues:}), which {@link #variableCondition} leaves to {@link #condition}.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
   *     policy elements: Variables and tags</a>
   */
  private String unvariable(String text, boolean variables, String where) {
    if (!variables || !text.contains("${")) {
      return text;
    }
    reasons.add("policy variable in " + where + " \"" + text + "\" is approximated by *");
    return VARIABLE.matcher(text).replaceAll("*");
  }
}
