package dev.policysmith.merge;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * How {@link PolicyMerger#merge(java.util.List, MergeOptions)} treats Sids and size: whether
 * statements with different Sids may be joined, whether a later document overrides an earlier
 * statement of the same Sid, and an optional AWS size limit the result must fit.
 *
 * <pre>{@code
 * MergeOptions options = MergeOptions.builder().overrideSids(true).limit(SizeLimit.KEY_POLICY).build();
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html">IAM
 *     JSON policy elements: Sid</a>
 */
@Value.Immutable
public interface MergeOptions {
  /** The defaults: keep Sids apart, fail on a Sid conflict, no size limit. */
  MergeOptions DEFAULTS = builder().build();

  /**
   * Returns whether statements with different Sids may be joined. When true, the result carries no
   * Sids at all: picking one Sid for a joined statement would make the result depend on which
   * statements happened to be joined.
   */
  @Value.Default
  default boolean joinAcrossSids() {
    return false;
  }

  /**
   * Returns whether, when two documents have statements of the same Sid that differ, the later
   * document's statements of that Sid replace the earlier ones (Terraform's {@code
   * override_policy_documents}) instead of failing with {@link SidConflictException}.
   */
  @Value.Default
  default boolean overrideSids() {
    return false;
  }

  /** Returns the size limit the result must fit, if any. */
  Optional<SizeLimit> limit();

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link MergeOptions}. */
  final class Builder extends ImmutableMergeOptions.Builder {}
}
