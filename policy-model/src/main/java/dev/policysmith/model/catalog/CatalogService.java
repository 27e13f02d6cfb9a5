package dev.policysmith.model.catalog;

import java.util.List;
import org.immutables.value.Value;

/**
 * One AWS service as the Service Authorization Reference lists it: its prefix (the part before the
 * colon in an action), its actions, its resource types and its condition keys. Immutable.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
@Value.Immutable
public interface CatalogService {
  /** Returns the service prefix, e.g. {@code kms}. */
  String prefix();

  /** Returns the service's actions, ordered by name ignoring case. */
  List<CatalogAction> actions();

  /** Returns the service's resource types, ordered by name. */
  List<ResourceType> resourceTypes();

  /** Returns the service's condition keys with their types, ordered by name. */
  List<CatalogConditionKey> conditionKeys();

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CatalogService}s. */
  final class Builder extends ImmutableCatalogService.Builder {}
}
