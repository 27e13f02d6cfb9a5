package dev.policysmith.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * A statement's {@code Principal} or, when {@link #negated()}, {@code NotPrincipal} element: either
 * the bare {@code "*"} ({@link #anyone()}) or a map from principal type to identifiers.
 *
 * <p>{@code "*"} and {@code {"AWS": "*"}} are different values: they decide alike in most resource
 * policies but not in role trust policies, so the model never conflates them.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
 *     JSON policy elements: Principal</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html">IAM
 *     JSON policy elements: NotPrincipal</a>
 */
@Value.Immutable
public interface PrincipalClause {
  /** {@code "Principal": "*"}. */
  PrincipalClause ANYONE = builder().anyone(true).build();

  /** Returns whether this is {@code NotPrincipal}. */
  @Value.Default
  default boolean negated() {
    return false;
  }

  /** Returns whether the element is the bare string {@code "*"}. */
  @Value.Default
  default boolean anyone() {
    return false;
  }

  /** Returns the map entries in document order; empty when {@link #anyone()}. */
  List<PrincipalEntry> entries();

  /** Returns the JSON element name, {@code Principal} or {@code NotPrincipal}. */
  default String elementName() {
    return negated() ? "NotPrincipal" : "Principal";
  }

  /** Returns the values of every entry of the given type, in document order. */
  default List<String> valuesOf(PrincipalType type) {
    return entries().stream()
        .filter(entry -> entry.type() == type)
        .flatMap(entry -> entry.values().stream())
        .toList();
  }

  /** Returns a {@code Principal} clause naming the given {@code AWS} principals, as an array. */
  static PrincipalClause aws(String... principals) {
    return builder().addEntry(PrincipalEntry.of(PrincipalType.AWS, principals)).build();
  }

  /** Returns a {@code Principal} clause naming the given service principals, as an array. */
  static PrincipalClause service(String... services) {
    return builder().addEntry(PrincipalEntry.of(PrincipalType.SERVICE, services)).build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Checks that {@code "*"} and a map are not both given. */
  @Value.Check
  default void check() {
    if (anyone() && !entries().isEmpty()) {
      throw new IllegalStateException("A principal is either \"*\" or a map, not both");
    }
  }

  /** Builds a {@link PrincipalClause}. */
  final class Builder extends ImmutablePrincipalClause.Builder {}
}
