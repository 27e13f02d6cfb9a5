package dev.policysmith.model;

import dev.policysmith.model.condition.ConditionBlock;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One statement of a policy: an optional {@code Sid}, an {@link Effect}, an optional principal
 * clause ({@code Principal}/{@code NotPrincipal}, present in resource-based policies), an action
 * clause ({@code Action}/{@code NotAction}, required), an optional resource clause ({@code
 * Resource}/{@code NotResource}; role trust policies have none) and an optional {@code Condition}.
 *
 * <p>Because each "X or NotX" pair is one optional clause, a statement with both {@code Action} and
 * {@code NotAction} cannot be built. {@code equals} compares content; {@link #elementOrder()} is a
 * layout hint it ignores.
 *
 * <pre>{@code
 * Statement statement = Statement.builder()
 *     .sid("AllowDecrypt")
 *     .effect(Effect.ALLOW)
 *     .principal(PrincipalClause.aws("arn:aws:iam::111122223333:role/Scheduler"))
 *     .action(ActionClause.of("kms:Decrypt"))
 *     .resource(ResourceClause.of("*"))
 *     .build();
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html">IAM
 *     JSON policy elements: Statement</a>
 */
@Value.Immutable
public interface Statement {
  /** Returns the statement id, if any. */
  Optional<String> sid();

  /** Returns the effect. */
  Effect effect();

  /** Returns the {@code Principal} or {@code NotPrincipal} clause, if any. */
  Optional<PrincipalClause> principal();

  /**
   * Returns the {@code Action} or {@code NotAction} clause. Always present in a built statement;
   * {@code Optional} only so that a builder can report its absence clearly.
   */
  Optional<ActionClause> action();

  /** Returns the {@code Resource} or {@code NotResource} clause, if any. */
  Optional<ResourceClause> resource();

  /** Returns the {@code Condition} element, if any; an empty {@code {}} is present but empty. */
  Optional<ConditionBlock> condition();

  /**
   * Returns the JSON element names in the order they were read, for the lossless writer; empty for
   * a statement built in code, which is written in the order Sid, Effect, Principal, Action,
   * Resource, Condition. A layout hint: ignored by {@code equals}.
   */
  @Value.Auxiliary
  List<String> elementOrder();

  /** Returns the action clause, which every statement has. */
  default ActionClause actionClause() {
    return action().orElseThrow();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this statement's attributes. */
  default Builder toBuilder() {
    Builder builder = builder();
    builder.from(this);
    return builder;
  }

  /** Checks that an action clause is present: IAM requires {@code Action} or {@code NotAction}. */
  @Value.Check
  default void check() {
    if (action().isEmpty()) {
      throw new IllegalStateException("A statement must have Action or NotAction");
    }
  }

  /** Builds a {@link Statement}. */
  final class Builder extends ImmutableStatement.Builder {}
}
