package dev.policysmith.model.eval;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Partition;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One statement compiled for evaluation: its parts are checked cheapest first (action, resource,
 * principal, condition), and it matches when all of them match.
 */
final class CompiledStatement {
  final int documentIndex;
  final int statementIndex;
  final Statement statement;
  final Effect effect;
  private final ActionMatcher actions;
  private final boolean actionsNegated;
  private final boolean hasResourceClause;
  private final boolean resourcesNegated;
  private final ArnMatcher[] resources;
  private final boolean resourceStar;
  private final @Nullable PrincipalMatcher principal;
  private final KeyTest[] conditions;

  /**
   * Compiles a statement of a document whose {@code Version} enables policy variables when {@code
   * variablesEnabled}, and whose bare account ids are roots in {@code partition} ({@link
   * Partition#ofDocument}).
   */
  CompiledStatement(
      int documentIndex,
      int statementIndex,
      Statement statement,
      boolean variablesEnabled,
      Partition partition) {
    this.documentIndex = documentIndex;
    this.statementIndex = statementIndex;
    this.statement = statement;
    this.effect = statement.effect();
    this.actions =
        new ActionMatcher(
            statement.actionClause().patterns().stream().map(ActionPattern::value).toList());
    this.actionsNegated = statement.actionClause().negated();
    ResourceClause resource = statement.resource().orElse(null);
    this.hasResourceClause = resource != null;
    this.resourcesNegated = resource != null && resource.negated();
    List<ArnMatcher> matchers = new ArrayList<>();
    boolean star = false;
    if (resource != null) {
      for (ResourcePattern pattern : resource.patterns()) {
        star |= pattern.value().equals("*");
        matchers.add(ArnMatcher.compile(Template.parse(pattern.value(), variablesEnabled)));
      }
    }
    this.resources = matchers.toArray(new ArnMatcher[0]);
    this.resourceStar = star;
    this.principal =
        statement
            .principal()
            .map(clause -> PrincipalMatcher.compile(clause, partition))
            .orElse(null);
    List<KeyTest> tests = new ArrayList<>();
    statement
        .condition()
        .ifPresent(
            condition -> {
              for (OperatorBlock block : condition.operators()) {
                for (KeyCondition key : block.keys()) {
                  tests.add(KeyTest.compile(block.operator(), key, variablesEnabled));
                }
              }
            });
    this.conditions = tests.toArray(new KeyTest[0]);
  }

  boolean matches(RequestView request) {
    return actions.matches(request) != actionsNegated
        && resourceMatches(request)
        && (principal == null || principal.matches(request))
        && conditionsHold(request);
  }

  /**
   * A statement without a resource clause (a role trust policy) applies to every resource. A
   * request without a resource is matched only by the pattern {@code *} ("every resource"): no ARN
   * pattern matches it, so {@code NotResource} with ARN patterns matches it too.
   */
  private boolean resourceMatches(RequestView request) {
    if (!hasResourceClause) {
      return true;
    }
    String resource = request.resource();
    boolean any = false;
    if (resource == null) {
      any = resourceStar;
    } else {
      for (ArnMatcher matcher : resources) {
        if (matcher.matches(resource, request)) {
          any = true;
          break;
        }
      }
    }
    return any != resourcesNegated;
  }

  private boolean conditionsHold(RequestView request) {
    for (KeyTest test : conditions) {
      if (!test.test(request)) {
        return false;
      }
    }
    return true;
  }
}
