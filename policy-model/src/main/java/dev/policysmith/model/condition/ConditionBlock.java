package dev.policysmith.model.condition;

import java.util.List;
import org.immutables.value.Value;

/**
 * A statement's {@code Condition} element in its JSON shape: operator blocks, each with its keys,
 * each key with its values, all in document order. Every operator block must hold (AND).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM
 *     JSON policy elements: Condition</a>
 */
@Value.Immutable
public interface ConditionBlock {
  /** Returns the operator blocks in document order. */
  List<OperatorBlock> operators();

  /** Returns a condition of the given operator blocks. */
  static ConditionBlock of(OperatorBlock... operators) {
    return builder().addOperators(operators).build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ConditionBlock}. */
  final class Builder extends ImmutableConditionBlock.Builder {}
}
