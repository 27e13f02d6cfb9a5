package dev.policysmith.merge.internal;

import dev.policysmith.merge.PolicyTooComplexException;
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
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits a document into its atomic grants: one box per (action, resource, principal, value of
 * each positive unqualified condition key), with {@code NotAction}, {@code NotResource}, {@code
 * NotPrincipal} and every other condition entry carried whole. A statement's elements are each a
 * union of alternatives and the statement their conjunction, so the product of the alternatives
 * decides exactly as the statement.
 *
 * <p>Values are normalised on the way in, each by a function of its own document only, so that
 * the canonical form of a merge does not depend on how the inputs were grouped: account ids become
 * root ARNs in the document's partition ({@link Partition#ofDocument}), service prefixes of actions and condition keys become
 * lower case, and text that was literal because the document had no 2012-10-17 Version gets its
 * {@code ${} escaped.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class Atomizer {
  private Atomizer() {}

  /**
   * Returns the atomic grants of every statement of {@code document}, dropping none.
   *
   * @throws PolicyTooComplexException if there would be more than {@code budget} of them; the count
   *     is taken before any grant is built, so a hostile document fails fast
   */
  public static List<Box> atomize(PolicyDocument document, long budget) {
    Partition partition = Partition.ofDocument(document);
    boolean escape = !document.variablesEnabled();
    List<Box> atoms = new ArrayList<>();
    for (Statement statement : document.statements()) {
      atomize(statement, partition, escape, atoms, budget);
    }
    return atoms;
  }

  private static void atomize(
      Statement statement, Partition partition, boolean escape, List<Box> out, long budget) {
    List<Clause> actions = actions(statement.actionClause());
    List<Clause> resources = resources(statement.resource(), escape);
    List<Clause> principals = principals(statement.principal(), partition);
    List<ConditionEntry> conditions = conditions(statement.condition(), escape);
    // Count the grants before building any: the product of a statement's elements can be huge.
    long product = (long) actions.size() * resources.size() * principals.size();
    for (ConditionEntry entry : conditions) {
      if (entry.splittable() && product <= budget) {
        product *= entry.values().size();
      }
    }
    if (out.size() + product > budget) {
      throw new PolicyTooComplexException(out.size() + product);
    }
    List<List<ConditionEntry>> conditionAtoms = new ArrayList<>();
    splitConditions(conditions, 0, new ArrayList<>(), conditionAtoms);
    for (Clause action : actions) {
      for (Clause resource : resources) {
        for (Clause principal : principals) {
          for (List<ConditionEntry> condition : conditionAtoms) {
            out.add(
                new Box(
                    statement.effect(),
                    statement.sid(),
                    action,
                    resource,
                    principal,
                    List.copyOf(condition)));
          }
        }
      }
    }
  }

  private static List<Clause> actions(ActionClause clause) {
    Set<String> patterns = new LinkedHashSet<>();
    for (ActionPattern pattern : clause.patterns()) {
      patterns.add(foldPrefix(pattern.value()));
    }
    if (clause.negated()) {
      // NotAction matches the actions none of its patterns match: a pattern covered by another
      // adds nothing to the union, so it may go, but the set is never split or joined.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
      return List.of(
          Clause.of(
              Clause.Kind.NEGATED, Clause.FOLD_THEN_EXACT, Dominance.maximalPatterns(patterns)));
    }
    return singletons(patterns, Clause.FOLD_THEN_EXACT);
  }

  private static List<Clause> resources(Optional<ResourceClause> resource, boolean escape) {
    if (resource.isEmpty()) {
      return List.of(Clause.ABSENT);
    }
    Set<String> patterns = new LinkedHashSet<>();
    for (ResourcePattern pattern : resource.get().patterns()) {
      patterns.add(escape ? escapeVariables(pattern.value()) : pattern.value());
    }
    if (resource.get().negated()) {
      return List.of(Clause.of(Clause.Kind.NEGATED, Comparator.naturalOrder(), patterns));
    }
    return singletons(patterns, Comparator.naturalOrder());
  }

  private static List<Clause> principals(Optional<PrincipalClause> principal, Partition partition) {
    if (principal.isEmpty()) {
      return List.of(Clause.ABSENT);
    }
    PrincipalClause clause = principal.get();
    if (clause.anyone()) {
      return List.of(
          new Clause(
              clause.negated() ? Clause.Kind.NEGATED_ANYONE : Clause.Kind.ANYONE, new TreeSet<>()));
    }
    Set<String> values = new LinkedHashSet<>();
    for (PrincipalEntry entry : clause.entries()) {
      for (String value : entry.values()) {
        values.add(
            encodePrincipal(entry.type(), normalizePrincipal(entry.type(), value, partition)));
      }
    }
    if (clause.negated()) {
      return List.of(Clause.of(Clause.Kind.NEGATED, Comparator.naturalOrder(), values));
    }
    return singletons(values, Comparator.naturalOrder());
  }

  /**
   * Returns a positive clause per value; none for an empty list, which matches nothing, so that a
   * statement with an empty {@code Action}, {@code Resource} or {@code Principal} contributes no
   * grant.
   */
  private static List<Clause> singletons(Set<String> values, Comparator<String> order) {
    List<Clause> out = new ArrayList<>(values.size());
    for (String value : values) {
      out.add(Clause.of(Clause.Kind.POSITIVE, order, List.of(value)));
    }
    return out;
  }

  private static List<ConditionEntry> conditions(
      Optional<ConditionBlock> condition, boolean escape) {
    List<ConditionEntry> entries = new ArrayList<>();
    if (condition.isEmpty()) {
      return entries;
    }
    // Key names are case-insensitive, so two keys of one operator that differ only in case are two
    // conditions on one key (both must hold). Folding their prefixes would make them one JSON key,
    // so such keys keep their spelling.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
    Map<String, Integer> spellings = new HashMap<>();
    for (OperatorBlock block : condition.get().operators()) {
      for (KeyCondition key : block.keys()) {
        spellings.merge(block.operator() + "\u0000" + key.normalizedKey(), 1, Integer::sum);
      }
    }
    Set<ConditionEntry> unique = new LinkedHashSet<>();
    for (OperatorBlock block : condition.get().operators()) {
      String operator = block.operator().toString();
      boolean variables = escape && takesVariables(block.operator().base());
      for (KeyCondition key : block.keys()) {
        boolean collides = spellings.get(block.operator() + "\u0000" + key.normalizedKey()) > 1;
        List<String> values = new ArrayList<>();
        for (ConditionValue value : key.values()) {
          values.add(encodeValue(value, variables));
        }
        // A positive operator without a set qualifier holds when any of its values matches, so its
        // values are alternatives; negated operators need every value to miss, and set operators
        // compare whole sets, so neither splits.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
        boolean splittable =
            !block.operator().negated()
                && block.operator().qualifier().isEmpty()
                && !values.isEmpty();
        unique.add(
            ConditionEntry.of(
                operator, collides ? key.key() : foldPrefix(key.key()), values, splittable));
      }
    }
    entries.addAll(unique);
    entries.sort(ConditionEntry.ORDER);
    return entries;
  }

  private static void splitConditions(
      List<ConditionEntry> entries,
      int index,
      List<ConditionEntry> chosen,
      List<List<ConditionEntry>> out) {
    if (index == entries.size()) {
      out.add(new ArrayList<>(chosen));
      return;
    }
    ConditionEntry entry = entries.get(index);
    if (!entry.splittable()) {
      chosen.add(entry);
      splitConditions(entries, index + 1, chosen, out);
      chosen.remove(chosen.size() - 1);
      return;
    }
    for (String value : entry.values()) {
      chosen.add(ConditionEntry.of(entry.operator(), entry.key(), List.of(value), true));
      splitConditions(entries, index + 1, chosen, out);
      chosen.remove(chosen.size() - 1);
    }
  }

  /**
   * Returns whether values of this operator may hold policy variables: the String, ARN and Bool
   * operators, as the condition operators page marks them (the evaluator agrees).
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
   *     policy elements: Variables and tags</a>
   */
  static boolean takesVariables(BaseOperator operator) {
    return switch (operator.family()) {
      case STRING, ARN, BOOLEAN -> true;
      default -> false;
    };
  }

  /**
   * Returns {@code text} with every {@code ${} written as {@code ${$}{}, so that text that was
   * literal in a 2008-10-17 document stays literal under 2012-10-17, where {@code ${$}} is a
   * literal dollar sign.
   *
   * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
   *     policy elements: Variables and tags</a>
   */
  static String escapeVariables(String text) {
    return text.replace("${", "${$}{");
  }

  /**
   * Returns {@code name} with its service prefix (up to the first colon) in lower case: AWS service
   * prefixes are lower case and compared case-insensitively, so {@code SNS:Publish} and {@code
   * sns:Publish} are one action.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
   *     JSON policy elements: Action</a>
   */
  static String foldPrefix(String name) {
    int colon = name.indexOf(':');
    if (colon <= 0) {
      return name;
    }
    return name.substring(0, colon).toLowerCase(Locale.ROOT) + name.substring(colon);
  }

  static String encodePrincipal(PrincipalType type, String value) {
    return type.key() + "\n" + value;
  }

  static String encodeValue(ConditionValue value, boolean escape) {
    String text =
        escape && value.kind() == ConditionValue.Kind.STRING
            ? escapeVariables(value.text())
            : value.text();
    return switch (value.kind()) {
      case STRING -> "S" + text;
      case BOOLEAN -> "B" + text;
      case NUMBER -> "N" + text;
    };
  }

  /**
   * Returns an {@code AWS} principal with a bare account id written as the account's root ARN,
   * which IAM treats as the same principal.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
   *     JSON policy elements: Principal</a>
   */
  static String normalizePrincipal(PrincipalType type, String value, Partition partition) {
    if (type == PrincipalType.AWS && Arn.isAccountId(value)) {
      return Arn.accountRoot(partition, value).toString();
    }
    return value;
  }
}
