package dev.policysmith.model;

import java.util.Optional;

/**
 * The policy language version named by a document's {@code Version} element. Policy variables such
 * as {@code ${aws:username}} are variables only in {@link #V2012_10_17}; in {@link #V2008_10_17},
 * and when the element is absent, they are literal text.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html">IAM
 *     JSON policy elements: Version</a>
 */
public enum PolicyVersion {
  /** {@code "2008-10-17"}, the original language without policy variables. */
  V2008_10_17("2008-10-17"),
  /** {@code "2012-10-17"}, the current language. */
  V2012_10_17("2012-10-17");

  private final String value;

  PolicyVersion(String value) {
    this.value = value;
  }

  /** Returns the JSON text of this version, e.g. {@code "2012-10-17"}. */
  public String value() {
    return value;
  }

  /** Returns whether {@code ${...}} in this version is a policy variable. */
  public boolean supportsVariables() {
    return this == V2012_10_17;
  }

  /** Returns the version whose JSON text is exactly {@code text}. */
  public static Optional<PolicyVersion> fromValue(String text) {
    for (PolicyVersion version : values()) {
      if (version.value.equals(text)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }
}
