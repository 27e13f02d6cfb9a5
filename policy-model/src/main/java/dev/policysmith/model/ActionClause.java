package dev.policysmith.model;

import java.util.List;
import org.immutables.value.Value;

/**
 * A statement's {@code Action} or, when {@link #negated()}, {@code NotAction} element: the list of
 * action patterns in document order, duplicates included.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
 *     JSON policy elements: Action</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html">IAM
 *     JSON policy elements: NotAction</a>
 */
@Value.Immutable
public interface ActionClause {
  /** Returns whether this is {@code NotAction}. */
  @Value.Default
  default boolean negated() {
    return false;
  }

  /** Returns the patterns in document order. */
  List<ActionPattern> patterns();

  /**
   * Returns whether the one pattern was written as a bare string rather than a one-element array. A
   * layout hint: ignored by {@code equals} and by canonical writing.
   */
  @Value.Default
  @Value.Auxiliary
  default boolean scalar() {
    return false;
  }

  /** Returns the JSON element name, {@code Action} or {@code NotAction}. */
  default String elementName() {
    return negated() ? "NotAction" : "Action";
  }

  /**
   * Returns whether the action name {@code action} is matched by this clause, honouring negation.
   */
  default boolean matches(String action) {
    boolean any = false;
    for (ActionPattern pattern : patterns()) {
      if (pattern.matches(action)) {
        any = true;
        break;
      }
    }
    return any != negated();
  }

  /** Returns an {@code Action} clause of the given patterns, written as an array. */
  static ActionClause of(String... patterns) {
    Builder builder = builder();
    for (String pattern : patterns) {
      builder.addPattern(ActionPattern.of(pattern));
    }
    return builder.build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ActionClause}. */
  final class Builder extends ImmutableActionClause.Builder {}
}
