package dev.policysmith.merge;

import dev.policysmith.model.PolicysmithException;

/**
 * Thrown when the canonical merge, the smallest document this library can make that decides as its
 * inputs, is still larger than the AWS size limit the caller asked for.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM and
 *     AWS STS quotas</a>
 * @see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html">AWS KMS
 *     resource quotas</a>
 */
public final class PolicyLimitExceededException extends PolicysmithException {
  private static final long serialVersionUID = 1L;

  private final SizeLimit limit;
  private final int size;

  /**
   * Creates an exception for a document of {@code size} (in the limit's unit) over {@code limit}.
   */
  public PolicyLimitExceededException(SizeLimit limit, int size) {
    super(
        "Merged policy must fit the "
            + limit.description()
            + " limit of "
            + limit.maximum()
            + " "
            + limit.unit()
            + " but reached "
            + size
            + " "
            + limit.unit());
    this.limit = limit;
    this.size = size;
  }

  /** Returns the limit that was exceeded. */
  public SizeLimit limit() {
    return limit;
  }

  /** Returns the size the merged document reached, in the limit's unit. */
  public int size() {
    return size;
  }
}
