package dev.policysmith.model.catalog;

import java.util.List;
import org.immutables.value.Value;

/**
 * One resource type of a service, as the Service Authorization Reference lists it: its name, its
 * ARN formats (a type may have several, e.g. API Gateway's authorizers under {@code /apis/} and
 * {@code /restapis/}) and the condition keys that apply to it. Immutable.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
@Value.Immutable
public interface ResourceType {
  /** Returns the resource type's name, e.g. {@code key}. */
  String name();

  /**
   * Returns its ARN formats, e.g. {@code arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}}.
   */
  List<String> arnFormats();

  /** Returns the condition keys that apply to resources of this type, as AWS writes them. */
  List<String> conditionKeys();

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResourceType}s. */
  final class Builder extends ImmutableResourceType.Builder {}
}
