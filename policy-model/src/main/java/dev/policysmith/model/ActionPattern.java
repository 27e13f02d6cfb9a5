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
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
 *     JSON policy elements: Action</a>
 */
@Value.Immutable
public abstract class ActionPattern {
  /** {@code *}: every action of every service. */
  public static final ActionPattern ALL = of("*");

  ActionPattern() {}

  /** Returns the pattern as written. */
  @Value.Parameter
  public abstract String value();

  /** Returns a pattern of the given text. Never fails: validation reports odd text later. */
  public static ActionPattern of(String value) {
    return ImmutableActionPattern.of(value);
  }

  /** Returns whether this pattern holds a {@code *} or {@code ?}. */
  public boolean hasWildcard() {
    return value().indexOf('*') >= 0 || value().indexOf('?') >= 0;
  }

  /**
   * Returns whether the action name {@code action} (e.g. {@code kms:Decrypt}) matches, ignoring
   * case.
   */
  public boolean matches(String action) {
    return matcher().matches(action);
  }

  /** The compiled matcher, built once per value and kept out of the API. */
  @Value.Lazy
  @Value.Auxiliary
  Wildcard matcher() {
    return Wildcard.ignoringCase(value());
  }
}
