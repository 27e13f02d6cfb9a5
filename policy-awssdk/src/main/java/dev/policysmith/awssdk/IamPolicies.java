package dev.policysmith.awssdk;

import dev.policysmith.awssdk.UnrepresentablePolicyException.Reason;
import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamConditionKey;
import software.amazon.awssdk.policybuilder.iam.IamConditionOperator;
import software.amazon.awssdk.policybuilder.iam.IamEffect;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamPrincipalType;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;
import software.amazon.awssdk.policybuilder.iam.IamValue;

/**
 * Converts a policy document to and from the AWS SDK for Java v2's {@code IamPolicy}, so that a
 * document built or checked with policysmith can be handed to an SDK call that takes a policy
 * ({@code KmsClient.putKeyPolicy(r -> r.policy(IamPolicies.toIamPolicy(doc).toJson()))}) and one
 * the SDK returns can be evaluated, merged or diffed.
 *
 * <p>Both conversions are exact or throw {@link UnrepresentablePolicyException}, whose {@link
 * UnrepresentablePolicyException.Reason} names every case one side cannot hold: no {@code Version},
 * condition values that are JSON booleans or numbers, empty elements and repeated conditions
 * towards the SDK; unknown versions, effects, principal types and operators, missing or doubled
 * elements from it. Layout is not kept: the SDK writes one-element lists as single strings and a
 * single statement as an object, which IAM reads alike and policysmith's {@code equals} ignores.
 * For every document that converts, {@code toPolicyDocument(toIamPolicy(d)).equals(d)}.
 *
 * <p>Stateless and thread-safe.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/feature-iam-policy-builder.html">Create
 *     IAM policies with the AWS SDK for Java 2.x</a>
 */
public final class IamPolicies {
  private static final String ANY = "*";

  private IamPolicies() {}

  /**
   * Returns the SDK's {@code IamPolicy} holding exactly what {@code document} says.
   *
   * @throws UnrepresentablePolicyException if {@code IamPolicy} cannot hold the document
   */
  public static IamPolicy toIamPolicy(PolicyDocument document) {
    PolicyVersion version =
        document
            .version()
            .orElseThrow(
                () ->
                    new UnrepresentablePolicyException(
                        Reason.MISSING_VERSION,
                        -1,
                        "The document has no Version; IamPolicy would write 2012-10-17, which"
                            + " turns on policy variables"));
    IamPolicy.Builder policy = IamPolicy.builder().version(version.value());
    document.id().ifPresent(policy::id);
    List<Statement> statements = document.statements();
    for (int i = 0; i < statements.size(); i++) {
      policy.addStatement(toIamStatement(statements.get(i), i));
    }
    return policy.build();
  }

  /**
   * Returns the policy document holding exactly what {@code policy} says.
   *
   * @throws UnrepresentablePolicyException if the policy is not one IAM accepts in a way the model
   *     holds (see {@link UnrepresentablePolicyException.Reason})
   */
  public static PolicyDocument toPolicyDocument(IamPolicy policy) {
    PolicyDocument.Builder document = PolicyDocument.builder();
    String versionText = policy.version();
    if (versionText != null) {
      document.version(
          PolicyVersion.fromValue(versionText)
              .orElseThrow(
                  () ->
                      new UnrepresentablePolicyException(
                          Reason.UNKNOWN_VERSION, -1, "Unknown policy Version " + versionText)));
    }
    if (policy.id() != null) {
      document.id(policy.id());
    }
    List<IamStatement> statements = policy.statements();
    for (int i = 0; i < statements.size(); i++) {
      document.addStatement(toStatement(statements.get(i), i));
    }
    return document.build();
  }

  private static IamStatement toIamStatement(Statement statement, int index) {
    IamStatement.Builder out = IamStatement.builder();
    statement.sid().ifPresent(out::sid);
    out.effect(statement.effect() == Effect.ALLOW ? IamEffect.ALLOW : IamEffect.DENY);
    statement
        .principal()
        .ifPresent(
            clause -> {
              List<IamPrincipal> principals = toIamPrincipals(clause, index);
              if (clause.negated()) {
                out.notPrincipals(principals);
              } else {
                out.principals(principals);
              }
            });
    ActionClause action = statement.actionClause();
    List<IamAction> actions = new ArrayList<>();
    for (ActionPattern pattern : nonEmpty(action.patterns(), action.elementName(), index)) {
      actions.add(IamAction.create(pattern.value()));
    }
    if (action.negated()) {
      out.notActions(actions);
    } else {
      out.actions(actions);
    }
    statement
        .resource()
        .ifPresent(
            clause -> {
              List<IamResource> resources = new ArrayList<>();
              for (ResourcePattern pattern :
                  nonEmpty(clause.patterns(), clause.elementName(), index)) {
                resources.add(IamResource.create(pattern.value()));
              }
              if (clause.negated()) {
                out.notResources(resources);
              } else {
                out.resources(resources);
              }
            });
    statement.condition().ifPresent(block -> out.conditions(toIamConditions(block, index)));
    return out.build();
  }

  private static List<IamPrincipal> toIamPrincipals(PrincipalClause clause, int index) {
    if (clause.anyone()) {
      return List.of(IamPrincipal.ALL);
    }
    List<IamPrincipal> principals = new ArrayList<>();
    for (PrincipalEntry entry : nonEmpty(clause.entries(), clause.elementName(), index)) {
      IamPrincipalType type = IamPrincipalType.create(entry.type().key());
      for (String value :
          nonEmpty(entry.values(), clause.elementName() + "." + entry.type().key(), index)) {
        principals.add(IamPrincipal.create(type, value));
      }
    }
    return principals;
  }

  private static List<IamCondition> toIamConditions(ConditionBlock block, int index) {
    List<IamCondition> conditions = new ArrayList<>();
    Set<String> operators = new HashSet<>();
    for (OperatorBlock operatorBlock : nonEmpty(block.operators(), "Condition", index)) {
      String operator = operatorBlock.operator().toString();
      if (!operators.add(operator)) {
        throw new UnrepresentablePolicyException(
            Reason.REPEATED_CONDITION,
            index,
            "Statement " + index + " names the condition operator " + operator + " twice");
      }
      Set<String> keys = new HashSet<>();
      for (KeyCondition key : nonEmpty(operatorBlock.keys(), "Condition." + operator, index)) {
        if (!keys.add(key.key())) {
          throw new UnrepresentablePolicyException(
              Reason.REPEATED_CONDITION,
              index,
              "Statement " + index + " names " + operator + " " + key.key() + " twice");
        }
        String where = "Condition." + operator + "." + key.key();
        for (ConditionValue value : nonEmpty(key.values(), where, index)) {
          if (value.kind() != ConditionValue.Kind.STRING) {
            throw new UnrepresentablePolicyException(
                Reason.NON_STRING_CONDITION_VALUE,
                index,
                "Statement "
                    + index
                    + " compares "
                    + key.key()
                    + " with the JSON "
                    + value.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " "
                    + value.text()
                    + "; IamCondition holds strings only (write \""
                    + value.text()
                    + "\")");
          }
          conditions.add(
              IamCondition.create(
                  IamConditionOperator.create(operator),
                  IamConditionKey.create(key.key()),
                  value.text()));
        }
      }
    }
    return conditions;
  }

  private static <T> List<T> nonEmpty(List<T> list, String element, int index) {
    if (list.isEmpty()) {
      throw new UnrepresentablePolicyException(
          Reason.EMPTY_ELEMENT,
          index,
          "Statement " + index + " has an empty " + element + ", which IamPolicy leaves out");
    }
    return list;
  }

  private static Statement toStatement(IamStatement statement, int index) {
    Statement.Builder out = Statement.builder();
    if (statement.sid() != null) {
      out.sid(statement.sid());
    }
    IamEffect effect = statement.effect();
    out.effect(
        Effect.fromValue(effect == null ? "" : effect.value())
            .orElseThrow(
                () ->
                    new UnrepresentablePolicyException(
                        Reason.BAD_EFFECT,
                        index,
                        "Statement " + index + " has the effect " + value(effect))));

    List<IamPrincipal> principals = one(statement.principals(), statement.notPrincipals(), index);
    if (!principals.isEmpty()) {
      out.principal(toPrincipalClause(principals, !statement.notPrincipals().isEmpty(), index));
    }

    List<IamAction> actions = one(statement.actions(), statement.notActions(), index);
    if (actions.isEmpty()) {
      throw new UnrepresentablePolicyException(
          Reason.MISSING_ACTION, index, "Statement " + index + " has neither Action nor NotAction");
    }
    ActionClause.Builder action = ActionClause.builder().negated(!statement.notActions().isEmpty());
    actions.forEach(a -> action.addPattern(ActionPattern.of(a.value())));
    out.action(action.build());

    List<IamResource> resources = one(statement.resources(), statement.notResources(), index);
    if (!resources.isEmpty()) {
      ResourceClause.Builder resource =
          ResourceClause.builder().negated(!statement.notResources().isEmpty());
      resources.forEach(r -> resource.addPattern(ResourcePattern.of(r.value())));
      out.resource(resource.build());
    }

    if (!statement.conditions().isEmpty()) {
      out.condition(toConditionBlock(statement.conditions(), index));
    }
    return out.build();
  }

  /** Returns whichever of an element and its Not form is given, failing if both are. */
  private static <T> List<T> one(List<T> element, List<T> notElement, int index) {
    if (!element.isEmpty() && !notElement.isEmpty()) {
      throw new UnrepresentablePolicyException(
          Reason.ELEMENT_AND_NOT_ELEMENT,
          index,
          "Statement " + index + " has an element and its Not form, which IAM rejects");
    }
    return notElement.isEmpty() ? element : notElement;
  }

  private static PrincipalClause toPrincipalClause(
      List<IamPrincipal> principals, boolean negated, int index) {
    PrincipalClause.Builder clause = PrincipalClause.builder().negated(negated);
    if (principals.size() == 1 && ANY.equals(principals.get(0).type().value())) {
      return clause.anyone(true).build();
    }
    // IamPrincipal is one (type, id) pair; the model groups ids by type in first-seen order, as
    // the SDK's writer does.
    Map<PrincipalType, List<String>> byType = new LinkedHashMap<>();
    for (IamPrincipal principal : principals) {
      String typeName = principal.type().value();
      PrincipalType type =
          PrincipalType.fromKey(typeName)
              .orElseThrow(
                  () ->
                      new UnrepresentablePolicyException(
                          Reason.UNKNOWN_PRINCIPAL_TYPE,
                          index,
                          "Statement " + index + " has a principal of type " + typeName));
      byType.computeIfAbsent(type, t -> new ArrayList<>()).add(principal.id());
    }
    byType.forEach(
        (type, ids) -> clause.addEntry(PrincipalEntry.of(type, ids.toArray(String[]::new))));
    return clause.build();
  }

  private static ConditionBlock toConditionBlock(List<IamCondition> conditions, int index) {
    // Grouped by operator, then key, each in first-seen order, as the SDK's writer groups them.
    Map<String, Map<String, List<ConditionValue>>> grouped = new LinkedHashMap<>();
    for (IamCondition condition : conditions) {
      grouped
          .computeIfAbsent(condition.operator().value(), o -> new LinkedHashMap<>())
          .computeIfAbsent(condition.key().value(), k -> new ArrayList<>())
          .add(ConditionValue.of(condition.value()));
    }
    ConditionBlock.Builder block = ConditionBlock.builder();
    grouped.forEach(
        (operatorName, keys) -> {
          ConditionOperator operator;
          try {
            operator = ConditionOperator.parse(operatorName);
          } catch (PolicyFormatException e) {
            throw new UnrepresentablePolicyException(
                Reason.UNKNOWN_CONDITION_OPERATOR,
                index,
                "Statement " + index + " has the condition operator " + operatorName);
          }
          OperatorBlock.Builder operatorBlock = OperatorBlock.builder().operator(operator);
          keys.forEach(
              (key, values) ->
                  operatorBlock.addKey(KeyCondition.builder().key(key).values(values).build()));
          block.addOperator(operatorBlock.build());
        });
    return block.build();
  }

  private static String value(IamValue value) {
    return value == null ? "(none)" : value.value();
  }
}
