package dev.policysmith.testing;

import dev.policysmith.model.PolicyDocument;
import java.util.List;

/**
 * Entry point of the AssertJ assertions on IAM and KMS policies: what one or more policy documents,
 * evaluated together, decide for a request. A failure shows the request, the decision expected and
 * the one made, and every statement that matched, with its JSON.
 *
 * <pre>{@code
 * import static dev.policysmith.model.eval.Decision.ALLOW;
 * import static dev.policysmith.testing.PolicyAssertions.assertThat;
 *
 * Request decrypt = Request.builder()
 *     .principal("arn:aws:iam::111122223333:role/Scheduler")
 *     .action("kms:Decrypt")
 *     .resource("arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab")
 *     .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
 *     .build();
 * assertThat(keyPolicy).allows(decrypt);
 * assertThat(keyPolicy, identityPolicy).decides(decrypt).isEqualTo(ALLOW);
 * }</pre>
 *
 * <p>The name {@code assertThat} overloads AssertJ's own; import this class's method statically
 * beside {@code org.assertj.core.api.Assertions.assertThat} and Java picks this one for policy
 * documents.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class PolicyAssertions {
  private PolicyAssertions() {}

  /**
   * Returns assertions on what the given document decides. This overload exists so that, with
   * AssertJ's {@code assertThat} imported too, Java picks it over AssertJ's {@code assertThat(T)}
   * (varargs methods are tried last).
   *
   * @throws NullPointerException if {@code document} is null
   */
  public static PolicyAssert assertThat(PolicyDocument document) {
    return new PolicyAssert(List.of(document));
  }

  /**
   * Returns assertions on what the given documents, evaluated together, decide.
   *
   * @throws NullPointerException if {@code documents} or one of them is null
   */
  public static PolicyAssert assertThat(PolicyDocument... documents) {
    return new PolicyAssert(List.of(documents));
  }

  /**
   * Returns assertions on what the given documents, evaluated together, decide.
   *
   * @throws NullPointerException if {@code documents} or one of them is null
   */
  public static PolicyAssert assertThat(List<PolicyDocument> documents) {
    return new PolicyAssert(List.copyOf(documents));
  }
}
