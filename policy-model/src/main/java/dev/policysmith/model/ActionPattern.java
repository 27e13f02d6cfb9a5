package dev.policysmith.model;

import dev.policysmith.model.internal.Wildcard;
import org.immutables.value.Value;

/**
 * One entry of an {@code Action} or {@code NotAction} element: {@code service:ActionName}, where
 * both parts are case-insensitive and may hold the wildcards {@code *} and {@code ?}, or {@code *}
 * alone for every action.
 *
 * <p>{@code equals} compares the exact text, so {@code kms:Decrypt} and {@code KMS:decrypt} are
 * different values that {@link #matches(String) match} the same actions.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
 *     JSON policy elements: Action</a>
 */
@Value.Immutable
public interface ActionPattern {
  /** {@code *}: every action of every service. */
  ActionPattern ALL = of("*");

  /** Returns the pattern as written. */
  @Value.Parameter
  String value();

  /** Returns a pattern of the given text. Never fails: validation reports odd text later. */
  static ActionPattern of(String value) {
    return ImmutableActionPattern.of(value);
  }

  /** Returns whether this pattern holds a {@code *} or {@code ?}. */
  default boolean hasWildcard() {
    return value().indexOf('*') >= 0 || value().indexOf('?') >= 0;
  }

  /** Returns whether the action name {@code action} (e.g. {@code kms:Decrypt}) matches, ignoring case. */
  default boolean matches(String action) {
    return matcher().matches(action);
  }

  /** The compiled matcher, built once per value. */
  @Value.Lazy
  @Value.Auxiliary
  default Wildcard matcher() {
    return Wildcard.ignoringCase(value());
  }
}
