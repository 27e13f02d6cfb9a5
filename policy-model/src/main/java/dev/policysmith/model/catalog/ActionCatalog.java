package dev.policysmith.model.catalog;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalogue of the IAM actions that exist on a given date, as AWS's Service Authorization
 * Reference lists them: services, actions with their access levels, resource types and condition
 * keys, and the global condition keys. It answers the questions a reviewer asks of an {@code
 * Action} element: does this action exist, what does {@code kms:ReEncrypt*} grant today, does this
 * condition key ever apply to these actions.
 *
 * <p>Lookups ignore case, as IAM does for service prefixes and action names, and answer in AWS's
 * casing. A catalogue is a snapshot: AWS adds actions, so an expansion is what a pattern matches on
 * {@link #date()}, not forever. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * ActionCatalog catalog = IamCatalog.bundled();
 * catalog.expand(ActionPattern.of("kms:ReEncrypt*"));   // kms:ReEncryptFrom, kms:ReEncryptTo
 * catalog.action("KMS:decrypt").map(CatalogAction::qualifiedName);   // kms:Decrypt
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
public interface ActionCatalog {
  /** Returns the date of the data: actions AWS added after it are unknown to this catalogue. */
  LocalDate date();

  /** Returns every service, ordered by prefix. */
  List<CatalogService> services();

  /**
   * Returns every service prefix, in the order of {@link #services()}. Cheaper than {@link
   * #services()} where an implementation reads each service's actions on first use.
   */
  default List<String> servicePrefixes() {
    List<String> prefixes = new ArrayList<>();
    for (CatalogService service : services()) {
      prefixes.add(service.prefix());
    }
    return List.copyOf(prefixes);
  }

  /** Returns the service of the given prefix, ignoring case. */
  Optional<CatalogService> service(String prefix);

  /** Returns the action {@code service:Name}, ignoring case; the answer is in AWS's casing. */
  Optional<CatalogAction> action(String qualifiedName);

  /** Returns the global condition keys ({@code aws:SourceIp}, ...) with their types. */
  List<CatalogConditionKey> globalConditionKeys();

  /** Returns the access level of the action {@code service:Name}, ignoring case. */
  default Optional<AccessLevel> accessLevel(String qualifiedName) {
    return action(qualifiedName).map(CatalogAction::accessLevel);
  }

  /**
   * Returns the resource types of the action {@code service:Name}, or an empty list when the action
   * is unknown or acts on {@code "*"} only.
   */
  default List<ResourceType> resourceTypes(String qualifiedName) {
    Optional<CatalogAction> action = action(qualifiedName);
    if (action.isEmpty()) {
      return List.of();
    }
    List<ResourceType> types = new ArrayList<>();
    CatalogService service = service(action.get().service()).orElseThrow();
    for (String name : action.get().resourceTypes()) {
      for (ResourceType type : service.resourceTypes()) {
        if (type.name().equals(name)) {
          types.add(type);
        }
      }
    }
    return List.copyOf(types);
  }

  /**
   * Returns the actions {@code pattern} matches today, ordered by service prefix then name, as
   * {@link ActionPattern#matches(String)} decides ({@code *} and {@code ?}, ignoring case).
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
   *     JSON policy elements: Action</a>
   */
  default List<CatalogAction> expand(ActionPattern pattern) {
    String value = pattern.value();
    int colon = value.indexOf(':');
    String servicePart = colon < 0 ? value : value.substring(0, colon);
    boolean literalService = servicePart.indexOf('*') < 0 && servicePart.indexOf('?') < 0;
    List<CatalogAction> matched = new ArrayList<>();
    Collection<CatalogService> services =
        literalService ? service(servicePart).map(List::of).orElse(List.of()) : services();
    for (CatalogService service : services) {
      for (CatalogAction action : service.actions()) {
        if (pattern.matches(action.qualifiedName())) {
          matched.add(action);
        }
      }
    }
    return List.copyOf(matched);
  }

  /**
   * Returns the actions of one service that match none of {@code patterns}: what a {@code
   * NotAction} of those patterns grants within that service today, ordered by name. Empty when the
   * service is unknown.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html">IAM
   *     JSON policy elements: NotAction</a>
   */
  default List<CatalogAction> expandNot(String servicePrefix, Collection<ActionPattern> patterns) {
    List<CatalogAction> matched = new ArrayList<>();
    for (CatalogAction action :
        service(servicePrefix).map(CatalogService::actions).orElse(List.of())) {
      if (patterns.stream().noneMatch(p -> p.matches(action.qualifiedName()))) {
        matched.add(action);
      }
    }
    return List.copyOf(matched);
  }

  /**
   * Returns the actions an {@code Action} or {@code NotAction} element matches today, each once,
   * ordered by service prefix then name. A {@code NotAction} gives every catalogued action of every
   * service that matches none of its patterns.
   */
  default List<CatalogAction> expand(ActionClause clause) {
    Map<String, CatalogAction> matched = new LinkedHashMap<>();
    if (clause.negated()) {
      for (CatalogService service : services()) {
        for (CatalogAction action : expandNot(service.prefix(), clause.patterns())) {
          matched.put(action.qualifiedName(), action);
        }
      }
      return List.copyOf(matched.values());
    }
    List<CatalogAction> all = new ArrayList<>();
    for (ActionPattern pattern : clause.patterns()) {
      all.addAll(expand(pattern));
    }
    all.sort(
        (a, b) -> {
          int byService = a.service().compareToIgnoreCase(b.service());
          return byService != 0 ? byService : a.name().compareToIgnoreCase(b.name());
        });
    for (CatalogAction action : all) {
      matched.putIfAbsent(action.qualifiedName(), action);
    }
    return List.copyOf(matched.values());
  }

  /**
   * Returns the actions an element matches today grouped by access level, levels in {@link
   * AccessLevel} order and actions in {@link #expand(ActionClause)} order; levels without actions
   * are left out.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html">Access
   *     level classifications</a>
   */
  default Map<AccessLevel, List<CatalogAction>> accessLevels(ActionClause clause) {
    Map<AccessLevel, List<CatalogAction>> levels = new EnumMap<>(AccessLevel.class);
    for (CatalogAction action : expand(clause)) {
      levels.computeIfAbsent(action.accessLevel(), level -> new ArrayList<>()).add(action);
    }
    levels.replaceAll((level, actions) -> List.copyOf(actions));
    return levels;
  }

  /** Returns whether {@code key} is a global condition key, or an instance of a global template. */
  default boolean isGlobalConditionKey(String key) {
    return globalConditionKeys().stream().anyMatch(global -> global.matches(key));
  }

  /**
   * Returns whether the condition key {@code key} can be present in a request for the action {@code
   * service:Name}: it is one of the action's own keys, a key of one of its resource types, or a
   * global key. Templates match any text in their placeholders, so {@code aws:ResourceTag/Project}
   * applies wherever {@code aws:ResourceTag/${TagKey}} does. False for an unknown action.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html">AWS
   *     global condition context keys</a>
   */
  default boolean conditionKeyApplies(String key, String qualifiedName) {
    Optional<CatalogAction> action = action(qualifiedName);
    if (action.isEmpty()) {
      return false;
    }
    for (String own : action.get().conditionKeys()) {
      if (CatalogConditionKey.templateMatches(own, key)) {
        return true;
      }
    }
    for (ResourceType type : resourceTypes(qualifiedName)) {
      for (String typeKey : type.conditionKeys()) {
        if (CatalogConditionKey.templateMatches(typeKey, key)) {
          return true;
        }
      }
    }
    return isGlobalConditionKey(key);
  }
}
