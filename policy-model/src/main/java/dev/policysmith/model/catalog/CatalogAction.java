package dev.policysmith.model.catalog;

import java.util.List;
import org.immutables.value.Value;

/**
 * One IAM action as the Service Authorization Reference lists it: its service prefix, its name in
 * AWS's casing, its access level, the resource types it acts on and the condition keys it supports
 * (its own and those of its resource-type rows). Immutable; equal when all parts are.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
@Value.Immutable
public interface CatalogAction {
  /** Returns the service prefix, e.g. {@code kms}. */
  String service();

  /** Returns the action name in AWS's casing, e.g. {@code ReEncryptFrom}. */
  String name();

  /** Returns the action's access level. */
  AccessLevel accessLevel();

  /** Returns the names of the resource types the action acts on; empty when only {@code "*"}. */
  List<String> resourceTypes();

  /**
   * Returns the condition keys listed for the action, as AWS writes them; a key may be a template
   * such as {@code aws:RequestTag/${TagKey}}.
   */
  List<String> conditionKeys();

  /**
   * Returns {@code service:Name} as it appears in a policy, e.g. {@code kms:ReEncryptFrom}.
   * Computed once: expanding a pattern matches it against every action.
   */
  @Value.Derived
  @Value.Auxiliary
  default String qualifiedName() {
    return service() + ":" + name();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CatalogAction}s. */
  final class Builder extends ImmutableCatalogAction.Builder {}
}
