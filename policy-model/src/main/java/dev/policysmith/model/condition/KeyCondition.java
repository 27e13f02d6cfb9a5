package dev.policysmith.model.condition;

import java.util.List;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * One condition key with its values inside an operator block, e.g. {@code "kms:ViaService":
 * "ec2.ap-northeast-1.amazonaws.com"}. The key name is kept as written; IAM compares key names
 * case-insensitively ({@link #normalizedKey()}). Several values are alternatives (OR), except under
 * a negated operator, where the request value must match none of them.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM
 *     JSON policy elements: Condition</a>
 */
@Value.Immutable
public interface KeyCondition {
  /** Returns the key name as written. */
  String key();

  /** Returns the values in document order. */
  List<ConditionValue> values();

  /**
   * Returns whether the one value was written as a bare scalar rather than a one-element array. A
   * layout hint: ignored by {@code equals} and by canonical writing.
   */
  @Value.Default
  @Value.Auxiliary
  default boolean scalar() {
    return false;
  }

  /** Returns the key name folded to lower case with {@link Locale#ROOT}, for comparisons. */
  @Value.Lazy
  @Value.Auxiliary
  default String normalizedKey() {
    return key().toLowerCase(Locale.ROOT);
  }

  /** Returns a key with string values, written as a scalar when there is exactly one. */
  static KeyCondition of(String key, String... values) {
    Builder builder = builder().key(key).scalar(values.length == 1);
    for (String value : values) {
      builder.addValue(ConditionValue.of(value));
    }
    return builder.build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link KeyCondition}. */
  final class Builder extends ImmutableKeyCondition.Builder {}
}
