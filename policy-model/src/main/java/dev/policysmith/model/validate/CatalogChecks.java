package dev.policysmith.model.validate;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.Statement;
import dev.policysmith.model.catalog.AccessLevel;
import dev.policysmith.model.catalog.ActionCatalog;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogConditionKey;
import dev.policysmith.model.catalog.CatalogService;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that need an {@link ActionCatalog}: names that do not exist, patterns that match
 * nothing, condition keys that never apply, and the access-level summary. Run per statement from
 * {@link Checks}, after its own checks, so findings stay in document order.
 */
final class CatalogChecks {
  /** Suggestions further than this many edits away are more confusing than helpful. */
  static final int MAX_SUGGESTION_DISTANCE = 2;

  private static final int SUMMARY_NAMES_PER_LEVEL = 5;

  private final ActionCatalog catalog;
  private final boolean summary;
  private final List<Finding> findings;

  CatalogChecks(ActionCatalog catalog, boolean summary, List<Finding> findings) {
    this.catalog = catalog;
    this.summary = summary;
    this.findings = findings;
  }

  void check(Statement statement, String at) {
    ActionClause clause = statement.actionClause();
    String base = at + "/" + clause.elementName();
    boolean spansServices = false;
    List<CatalogAction> matched = new ArrayList<>();
    for (int i = 0; i < clause.patterns().size(); i++) {
      ActionPattern pattern = clause.patterns().get(i);
      String value = pattern.value();
      String patternAt = Checks.index(base, clause.scalar(), clause.patterns().size(), i);
      if (value.equals("*")) {
        spansServices = true;
        continue;
      }
      if (!Checks.ACTION.matcher(value).matches()) {
        continue; // MALFORMED_ACTION already
      }
      int colon = value.indexOf(':');
      String servicePart = value.substring(0, colon);
      if (servicePart.indexOf('*') >= 0 || servicePart.indexOf('?') >= 0) {
        spansServices = true;
        List<CatalogAction> expanded = catalog.expand(pattern);
        if (expanded.isEmpty()) {
          noMatch(value, patternAt);
        }
        matched.addAll(expanded);
        continue;
      }
      Optional<CatalogService> service = catalog.service(servicePart);
      if (service.isEmpty()) {
        unknownService(servicePart, value.substring(colon + 1), patternAt);
        continue;
      }
      List<CatalogAction> expanded = catalog.expand(pattern);
      if (expanded.isEmpty()) {
        if (pattern.hasWildcard()) {
          noMatch(value, patternAt);
        } else {
          unknownAction(service.get(), value, patternAt);
        }
      }
      matched.addAll(expanded);
    }
    if (summary) {
      summarize(statement, clause, base);
    }
    // A NotAction statement, or one with a pattern across services, covers so many actions that
    // nearly every key applies to one of them: the check would say nothing true.
    if (!clause.negated() && !spansServices && !matched.isEmpty()) {
      statement
          .condition()
          .ifPresent(condition -> checkKeys(condition.operators(), matched, at + "/Condition"));
    }
  }

  // ---------------------------------------------------------------- names

  private void unknownService(String servicePart, String actionPart, String at) {
    // Prefer a near service that has the action, so "kmx:Decrypt" suggests "kms:Decrypt".
    String best = null;
    int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
    boolean bestHasAction = false;
    String lower = servicePart.toLowerCase(Locale.ROOT);
    for (CatalogService service : catalog.services()) {
      int distance =
          EditDistance.between(
              lower, service.prefix().toLowerCase(Locale.ROOT), MAX_SUGGESTION_DISTANCE);
      if (distance > MAX_SUGGESTION_DISTANCE) {
        continue;
      }
      Optional<CatalogAction> action = catalog.action(service.prefix() + ":" + actionPart);
      boolean hasAction = action.isPresent();
      if ((hasAction && !bestHasAction)
          || (hasAction == bestHasAction && distance < bestDistance)) {
        best = action.map(CatalogAction::qualifiedName).orElse(service.prefix());
        bestDistance = distance;
        bestHasAction = hasAction;
      }
    }
    add(
        FindingCode.UNKNOWN_SERVICE,
        at,
        "Service prefix "
            + PolicyFormatException.quote(servicePart)
            + " is not in the action catalogue of "
            + catalog.date()
            + (best == null
                ? "; check the spelling, or the service is newer than the catalogue"
                : "; did you mean " + PolicyFormatException.quote(best) + "?"));
  }

  private void unknownAction(CatalogService service, String value, String at) {
    String lower = value.toLowerCase(Locale.ROOT);
    int colon = value.indexOf(':');
    String best = null;
    int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
    for (CatalogAction action : service.actions()) {
      int distance =
          EditDistance.between(
              lower, action.qualifiedName().toLowerCase(Locale.ROOT), bestDistance - 1);
      if (distance < bestDistance) {
        best = action.qualifiedName();
        bestDistance = distance;
      }
    }
    // The typo may be in the prefix and still name a service: "ecs:RunInstances" for ec2's.
    String servicePart = lower.substring(0, colon);
    for (CatalogService other : catalog.services()) {
      int distance =
          EditDistance.between(
              servicePart, other.prefix().toLowerCase(Locale.ROOT), bestDistance - 1);
      if (distance < bestDistance) {
        Optional<CatalogAction> action = catalog.action(other.prefix() + value.substring(colon));
        if (action.isPresent()) {
          best = action.get().qualifiedName();
          bestDistance = distance;
        }
      }
    }
    add(
        FindingCode.UNKNOWN_ACTION,
        at,
        "Action "
            + PolicyFormatException.quote(value)
            + " is not in the action catalogue of "
            + catalog.date()
            + (best == null
                ? "; check the spelling, or the action is newer than the catalogue"
                : "; did you mean " + PolicyFormatException.quote(best) + "?"));
  }

  private void noMatch(String value, String at) {
    add(
        FindingCode.PATTERN_MATCHES_NO_ACTION,
        at,
        "Action pattern "
            + PolicyFormatException.quote(value)
            + " matches no action in the action catalogue of "
            + catalog.date()
            + "; check the spelling");
  }

  // ---------------------------------------------------------------- condition keys

  private void checkKeys(List<OperatorBlock> operators, List<CatalogAction> actions, String at) {
    Set<String> seen = new HashSet<>();
    for (OperatorBlock block : operators) {
      for (KeyCondition key : block.keys()) {
        String name = key.key();
        // Global aws: keys may be present in any request; their presence depends on the caller.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
        if (key.normalizedKey().startsWith("aws:") || !seen.add(key.normalizedKey())) {
          continue;
        }
        if (catalog.isGlobalConditionKey(name)) {
          continue;
        }
        boolean applies = false;
        for (CatalogAction action : actions) {
          if (catalog.conditionKeyApplies(name, action.qualifiedName())) {
            applies = true;
            break;
          }
        }
        if (!applies && !declaredWithoutActions(name, actions)) {
          add(
              FindingCode.CONDITION_KEY_NOT_APPLICABLE,
              at + "/" + Checks.escape(block.operator().toString()) + "/" + Checks.escape(name),
              "Condition key "
                  + PolicyFormatException.quote(name)
                  + " applies to none of the statement's actions ("
                  + names(actions)
                  + ") in the action catalogue of "
                  + catalog.date()
                  + ", so requests for them never carry it; use a key these actions support");
        }
      }
    }
  }

  /**
   * Returns whether a service of the actions declares the key but lists it for none of its actions
   * or resource types: the reference then does not say where it applies (AWS's own managed policies
   * use such keys, e.g. iottwinmaker:linkedServices), so silence beats a guess.
   */
  private boolean declaredWithoutActions(String key, List<CatalogAction> actions) {
    Set<String> prefixes = new HashSet<>();
    for (CatalogAction action : actions) {
      if (!prefixes.add(action.service())) {
        continue;
      }
      CatalogService service = catalog.service(action.service()).orElseThrow();
      if (service.conditionKeys().stream().noneMatch(declared -> declared.matches(key))) {
        continue;
      }
      boolean listed =
          service.actions().stream().anyMatch(a -> listsKey(a.conditionKeys(), key))
              || service.resourceTypes().stream().anyMatch(t -> listsKey(t.conditionKeys(), key));
      if (!listed) {
        return true;
      }
    }
    return false;
  }

  private static boolean listsKey(List<String> templates, String key) {
    return templates.stream()
        .anyMatch(template -> CatalogConditionKey.templateMatches(template, key));
  }

  // ---------------------------------------------------------------- summary

  private void summarize(Statement statement, ActionClause clause, String at) {
    Map<AccessLevel, List<CatalogAction>> levels = catalog.accessLevels(clause);
    String verb = statement.effect() == Effect.ALLOW ? "Allows" : "Denies";
    String text =
        levels.isEmpty()
            ? "no catalogued action"
            : levels.entrySet().stream()
                .map(
                    e ->
                        e.getKey().value()
                            + " "
                            + e.getValue().size()
                            + " ("
                            + names(e.getValue())
                            + ")")
                .collect(Collectors.joining("; "));
    add(FindingCode.ACCESS_LEVEL_SUMMARY, at, verb + " on " + catalog.date() + ": " + text);
  }

  private static String names(List<CatalogAction> actions) {
    String shown =
        actions.stream()
            .limit(SUMMARY_NAMES_PER_LEVEL)
            .map(CatalogAction::qualifiedName)
            .collect(Collectors.joining(", "));
    return actions.size() > SUMMARY_NAMES_PER_LEVEL ? shown + ", ..." : shown;
  }

  private void add(FindingCode code, String pointer, String message) {
    findings.add(Finding.of(code, pointer, message));
  }
}
