package dev.policysmith.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * A statement's {@code Resource} or, when {@link #negated()}, {@code NotResource} element: the list
 * of resource patterns in document order, duplicates included.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM
 *     JSON policy elements: Resource</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html">IAM
 *     JSON policy elements: NotResource</a>
 */
@Value.Immutable
public interface ResourceClause {
  /** Returns whether this is {@code NotResource}. */
  @Value.Default
  default boolean negated() {
    return false;
  }

  /** Returns the patterns in document order. */
  List<ResourcePattern> patterns();

  /**
   * Returns whether the one pattern was written as a bare string rather than a one-element array. A
   * layout hint: ignored by {@code equals} and by canonical writing.
   */
  @Value.Default
  @Value.Auxiliary
  default boolean scalar() {
    return false;
  }

  /** Returns the JSON element name, {@code Resource} or {@code NotResource}. */
  default String elementName() {
    return negated() ? "NotResource" : "Resource";
  }

  /** Returns a {@code Resource} clause of the given patterns, written as an array. */
  static ResourceClause of(String... patterns) {
    Builder builder = builder();
    for (String pattern : patterns) {
      builder.addPattern(ResourcePattern.of(pattern));
    }
    return builder.build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ResourceClause}. */
  final class Builder extends ImmutableResourceClause.Builder {}
}
