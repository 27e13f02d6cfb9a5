package dev.policysmith.merge;

/**
 * What {@link PolicyMerger#addStatements} does when a statement to add has the {@code Sid} of a
 * statement already in the document and differs from it in more than one joinable dimension.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html">IAM
 *     JSON policy elements: Sid</a>
 */
public enum AddMode {
  /** Throw {@link SidConflictException} naming the Sid. */
  FAIL_ON_CONFLICT,
  /** Replace the existing statement in place with the new one. */
  REPLACE
}
