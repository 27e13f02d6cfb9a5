package dev.policysmith.merge;

import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PolicysmithException;

/**
 * Thrown when two statements carry the same {@code Sid} but grant different things: two input
 * documents of a merge, or a statement to add and the document's statement of that Sid. A merge can
 * instead let the later document win ({@link MergeOptions#overrideSids()}), as Terraform's {@code
 * override_policy_documents} does; {@link PolicyMerger#addStatements} can replace ({@link
 * AddMode#REPLACE}).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html">IAM
 *     JSON policy elements: Sid</a>
 */
public final class SidConflictException extends PolicysmithException {
  private static final long serialVersionUID = 1L;

  private final String sid;

  /**
   * Creates an exception for the Sid {@code sid}, explaining where it conflicts in {@code place}.
   */
  public SidConflictException(String sid, String place) {
    super(
        "Sid "
            + PolicyFormatException.quote(sid)
            + " must name one statement but names different statements "
            + place);
    this.sid = sid;
  }

  /** Returns the Sid that names different statements. */
  public String sid() {
    return sid;
  }
}
