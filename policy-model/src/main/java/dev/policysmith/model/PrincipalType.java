package dev.policysmith.model;

import java.util.Optional;

/**
 * The kinds of principal a {@code Principal} map may name, by their JSON keys.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
 *     JSON policy elements: Principal</a>
 */
public enum PrincipalType {
  /** {@code AWS}: accounts, IAM users and roles, assumed-role sessions, or {@code *}. */
  AWS("AWS"),
  /** {@code Service}: service principals such as {@code ec2.amazonaws.com}. */
  SERVICE("Service"),
  /** {@code Federated}: identity providers, SAML provider ARNs or web identity providers. */
  FEDERATED("Federated"),
  /** {@code CanonicalUser}: Amazon S3 canonical user ids. */
  CANONICAL_USER("CanonicalUser");

  private final String key;

  PrincipalType(String key) {
    this.key = key;
  }

  /** Returns the JSON key, e.g. {@code "AWS"}. */
  public String key() {
    return key;
  }

  /** Returns the type whose JSON key is exactly {@code key}, compared case-sensitively. */
  public static Optional<PrincipalType> fromKey(String key) {
    for (PrincipalType type : values()) {
      if (type.key.equals(key)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
