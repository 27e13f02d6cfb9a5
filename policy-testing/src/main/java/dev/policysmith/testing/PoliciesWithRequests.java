package dev.policysmith.testing;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Request;
import java.util.List;

/**
 * One sample of {@link RequestGenerators#policiesWithRequests()}: one or more policy documents to
 * evaluate together and requests drawn from them. Holding both in one value lets a property draw
 * requests that depend on the policies, which QuickTheories' {@code forAll(a, b)}, drawing each
 * independently, cannot.
 *
 * @param policies the documents, at least one, in draw order
 * @param requests the requests, at least one, in draw order
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public record PoliciesWithRequests(List<PolicyDocument> policies, List<Request> requests) {
  /**
   * Creates a sample of copies of the given lists.
   *
   * @throws IllegalArgumentException if either list is empty
   */
  public PoliciesWithRequests {
    policies = List.copyOf(policies);
    requests = List.copyOf(requests);
    if (policies.isEmpty() || requests.isEmpty()) {
      throw new IllegalArgumentException(
          "A sample needs at least one policy and one request but had "
              + policies.size()
              + " and "
              + requests.size());
    }
  }

  /** Returns the first policy, the only one when the generator draws one policy a sample. */
  public PolicyDocument policy() {
    return policies.get(0);
  }
}
