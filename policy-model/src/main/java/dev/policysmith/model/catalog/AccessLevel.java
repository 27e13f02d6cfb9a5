package dev.policysmith.model.catalog;

/**
 * The access level AWS assigns an action in the Service Authorization Reference: what kind of
 * access the action gives.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html">Access
 *     level classifications</a>
 */
public enum AccessLevel {
  /** Reads data or metadata, without listing. */
  READ("Read"),
  /** Creates, deletes or changes resources. */
  WRITE("Write"),
  /** Lists resources or what they contain. */
  LIST("List"),
  /** Changes tags only. */
  TAGGING("Tagging"),
  /** Grants or changes permissions: policies, grants, access control lists. */
  PERMISSIONS_MANAGEMENT("Permissions management");

  private final String value;

  AccessLevel(String value) {
    this.value = value;
  }

  /** Returns the level as AWS writes it, e.g. {@code Permissions management}. */
  public String value() {
    return value;
  }
}
