package dev.policysmith.model.validate;

/**
 * The kind of policy a document is, which decides the rules it must follow: whether it names a
 * {@code Principal}, and its size limit.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html">Identity-based
 *     policies and resource-based policies</a>
 */
public enum PolicyKind {
  /**
   * A KMS key policy: a resource-based policy whose {@code Resource} is {@code "*"} ("this key"),
   * at most 32,768 bytes.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html">Key
   *     policy overview</a>
   */
  KEY,
  /**
   * An identity-based (IAM) policy: no {@code Principal}; a managed policy is at most 6,144
   * characters.
   */
  IDENTITY,
  /** Any other resource-based policy: it must name a {@code Principal}. */
  RESOURCE
}
