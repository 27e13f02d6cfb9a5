package dev.policysmith.merge;

import dev.policysmith.model.PolicyDocument;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The outcome of a merge: the canonical document that decides every request as the inputs did
 * together, and its size against each AWS {@link SizeLimit}.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM and
 *     AWS STS quotas</a>
 */
@Value.Immutable
public interface MergeResult {
  /** Returns the merged document in canonical form. */
  PolicyDocument document();

  /** Returns the document's size against every limit, in that limit's unit. */
  Map<SizeLimit, Integer> sizes();

  /** Returns the document's size as measured for {@code limit}. */
  default int size(SizeLimit limit) {
    Integer size = sizes().get(limit);
    return size != null ? size : limit.measure(document());
  }

  /** Returns whether the document fits {@code limit}. */
  default boolean fits(SizeLimit limit) {
    return size(limit) <= limit.maximum();
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MergeResult}. */
  final class Builder extends ImmutableMergeResult.Builder {}
}
