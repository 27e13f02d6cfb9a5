package dev.policysmith.model.eval;

/**
 * The outcome of evaluating policies for a request: an explicit deny wins over any allow, an allow
 * wins over the default implicit deny.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public enum Decision {
  /** A matching {@code Allow} statement and no matching {@code Deny}. */
  ALLOW,
  /** A matching {@code Deny} statement. */
  EXPLICIT_DENY,
  /** No matching statement at all: denied by default. */
  IMPLICIT_DENY
}
