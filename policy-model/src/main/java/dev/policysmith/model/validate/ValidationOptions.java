package dev.policysmith.model.validate;

import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.catalog.ActionCatalog;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the validator needs to know beyond the document: the {@link PolicyKind} (a key policy by
 * default) and, for a key policy, the key's ARN, which gives the key's account and region. Without
 * the ARN the key's account is taken from the key policy's single statement that allows {@code
 * kms:*} to an account root, as in the default key policy.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html">Default
 *     key policy</a>
 */
@Value.Immutable
public interface ValidationOptions {
  /** Returns the kind of policy; {@link PolicyKind#KEY} unless set. */
  @Value.Default
  default PolicyKind kind() {
    return PolicyKind.KEY;
  }

  /** Returns the ARN of the KMS key the key policy belongs to, if known. */
  Optional<Arn> keyArn();

  /**
   * Returns the action catalogue that names and condition keys are checked against, if any. Without
   * one (the default) the validator checks only the shape of action names; with one it also reports
   * {@link FindingCode#UNKNOWN_SERVICE}, {@link FindingCode#UNKNOWN_ACTION}, {@link
   * FindingCode#PATTERN_MATCHES_NO_ACTION} and {@link FindingCode#CONDITION_KEY_NOT_APPLICABLE}.
   */
  Optional<ActionCatalog> catalog();

  /**
   * Returns whether to add one {@link FindingCode#ACCESS_LEVEL_SUMMARY} per statement, grouping the
   * actions it matches today by access level; false unless set, and ignored without a {@link
   * #catalog()}.
   */
  @Value.Default
  default boolean accessLevelSummary() {
    return false;
  }

  /** Returns options for a policy of the given kind and no key ARN. */
  static ValidationOptions of(PolicyKind kind) {
    return builder().kind(kind).build();
  }

  /** Returns options for the key policy of the given key. */
  static ValidationOptions forKey(Arn keyArn) {
    return builder().kind(PolicyKind.KEY).keyArn(keyArn).build();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Checks that a key ARN, when given, names a KMS key. */
  @Value.Check
  default void check() {
    if (keyArn().isPresent() && !keyArn().get().isKmsKey()) {
      throw new IllegalStateException(
          "Key ARN must be arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID but was " + keyArn().get());
    }
  }

  /** Builds {@link ValidationOptions}. */
  final class Builder extends ImmutableValidationOptions.Builder {}
}
