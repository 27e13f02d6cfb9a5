package dev.policysmith.merge;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyWriter;
import java.nio.charset.StandardCharsets;

/**
 * The AWS size limits a policy document must fit, each measured the way AWS measures it: a KMS key
 * policy in bytes of its JSON, IAM policies in characters not counting white space.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html">IAM and
 *     AWS STS quotas</a>
 * @see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html">AWS KMS
 *     resource quotas</a>
 */
public enum SizeLimit {
  /** A KMS key policy: 32,768 bytes of its canonical JSON (UTF-8). */
  KEY_POLICY("KMS key policy", 32_768, true),
  /** A customer managed IAM policy: 6,144 characters without white space. */
  MANAGED("managed policy", 6_144, false),
  /** The inline policies of one IAM role together: 10,240 characters without white space. */
  ROLE_INLINE("role inline policy", 10_240, false),
  /** The inline policies of one IAM user together: 2,048 characters without white space. */
  USER_INLINE("user inline policy", 2_048, false),
  /** The inline policies of one IAM group together: 5,120 characters without white space. */
  GROUP_INLINE("group inline policy", 5_120, false);

  private final String description;
  private final int maximum;
  private final boolean bytes;

  SizeLimit(String description, int maximum, boolean bytes) {
    this.description = description;
    this.maximum = maximum;
    this.bytes = bytes;
  }

  /** Returns the largest size allowed, in {@link #unit()}. */
  public int maximum() {
    return maximum;
  }

  /** Returns the unit sizes are measured in: {@code bytes} or {@code characters}. */
  public String unit() {
    return bytes ? "bytes" : "characters";
  }

  /** Returns what the limit applies to, in words, e.g. {@code managed policy}. */
  public String description() {
    return description;
  }

  /**
   * Returns the size of {@code document} as AWS counts it for this limit: bytes of the canonical
   * JSON for a key policy, characters other than white space (outside and inside strings) for IAM
   * policies.
   */
  public int measure(PolicyDocument document) {
    byte[] canonical = PolicyWriter.canonical().toBytes(document);
    if (bytes) {
      return canonical.length;
    }
    String json = new String(canonical, StandardCharsets.UTF_8);
    // "IAM doesn't count white space when calculating the size of a policy against these limits."
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
    int count = 0;
    for (int i = 0; i < json.length(); i++) {
      if (!Character.isWhitespace(json.charAt(i))) {
        count++;
      }
    }
    return count;
  }
}
