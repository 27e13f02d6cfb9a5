package dev.policysmith.model.validate;

/**
 * How much a {@link Finding} matters, in the four levels IAM Access Analyzer uses for policy
 * validation, most severe first.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html">IAM
 *     Access Analyzer policy check reference</a>
 */
public enum Severity {
  /** The policy is invalid, or does not do what it says: fix it before using it. */
  ERROR,
  /** The policy grants more access than it seems to, or than is safe. */
  SECURITY_WARNING,
  /** The policy works but not as written (a statement without effect), or is fragile. */
  WARNING,
  /** The policy can be written more simply or more clearly. */
  SUGGESTION
}
