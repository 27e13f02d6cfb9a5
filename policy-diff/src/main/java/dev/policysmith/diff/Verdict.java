package dev.policysmith.diff;

/**
 * How the access a new policy grants compares with the old one's.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html">IAM
 *     Access Analyzer: CheckNoNewAccess</a>
 */
public enum Verdict {
  /** Proven to allow exactly the same requests. Never reported unless proven. */
  EQUIVALENT,
  /** Allows some requests the old policy did not, and no longer allows none. */
  BROADER,
  /** No longer allows some requests, and allows nothing new. */
  NARROWER,
  /** Both adds and removes access, or could not be compared exactly. */
  INCOMPARABLE
}
