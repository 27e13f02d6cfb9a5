/**
 * policysmith AWS SDK interop: converts policy documents to and from the AWS SDK for Java v2's
 * {@code IamPolicy}. The SDK's jars name themselves ({@code Automatic-Module-Name}), so its module
 * is required by a stable name; it is transitive because the API takes and returns {@code
 * IamPolicy}.
 */
module dev.policysmith.awssdk {
  requires transitive dev.policysmith.model;
  requires transitive software.amazon.awssdk.policybuilder.iam;
  requires static org.jspecify;

  exports dev.policysmith.awssdk;
}
