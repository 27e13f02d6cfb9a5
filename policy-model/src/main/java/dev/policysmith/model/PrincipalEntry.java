package dev.policysmith.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * One key of a {@code Principal} map with its values, e.g. {@code "AWS": ["111122223333",
 * "arn:aws:iam::444455556666:role/Admin"]}, in document order.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
 *     JSON policy elements: Principal</a>
 */
@Value.Immutable
public interface PrincipalEntry {
  /** Returns the kind of principal, the map key. */
  PrincipalType type();

  /** Returns the principal identifiers in document order. */
  List<String> values();

  /**
   * Returns whether the one value was written as a bare string rather than a one-element array. A
   * layout hint: ignored by {@code equals} and by canonical writing.
   */
  @Value.Default
  @Value.Auxiliary
  default boolean scalar() {
    return false;
  }

  /** Returns an entry of the given type and values, written as an array. */
  static PrincipalEntry of(PrincipalType type, String... values) {
    return builder().type(type).addValues(values).build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PrincipalEntry}. */
  final class Builder extends ImmutablePrincipalEntry.Builder {}
}
