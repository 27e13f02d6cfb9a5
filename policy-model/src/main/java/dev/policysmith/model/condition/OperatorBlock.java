package dev.policysmith.model.condition;

import java.util.List;
import org.immutables.value.Value;

/**
 * One operator of a {@code Condition} element with its keys, e.g. {@code "StringEquals":
 * {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}. Every key must hold (AND).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM
 *     JSON policy elements: Condition</a>
 */
@Value.Immutable
public interface OperatorBlock {
  /** Returns the operator. */
  ConditionOperator operator();

  /** Returns the keys in document order. */
  List<KeyCondition> keys();

  /** Returns a block of one operator and the given keys. */
  static OperatorBlock of(ConditionOperator operator, KeyCondition... keys) {
    return builder().operator(operator).addKeys(keys).build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OperatorBlock}. */
  final class Builder extends ImmutableOperatorBlock.Builder {}
}
