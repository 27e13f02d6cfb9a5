package org.example.consumer;

import dev.policysmith.catalog.IamCatalog;
import dev.policysmith.diff.DiffResult;
import dev.policysmith.diff.PolicyDiffer;
import dev.policysmith.merge.Canonicalizer;
import dev.policysmith.merge.PolicyMerger;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import java.util.Optional;

/**
 * What a user's code does with policysmith, through the exported packages only: read a key policy,
 * decide a request, canonicalize and merge, diff two versions, and look an action up in the bundled
 * catalogue.
 */
public final class KeyPolicyReview {
  private KeyPolicyReview() {}

  /** Reads a policy document strictly. */
  public static PolicyDocument read(String json) {
    return PolicyReader.strict().read(json);
  }

  /** Decides a request against one policy. */
  public static Decision decide(PolicyDocument policy, Request request) {
    return PolicyEvaluator.of(policy).decide(request);
  }

  /** Writes the canonical form of the merge of two policies. */
  public static String mergedCanonical(PolicyDocument first, PolicyDocument second) {
    PolicyDocument merged = PolicyMerger.merge(first, second).document();
    return PolicyWriter.canonical().writeToString(Canonicalizer.canonicalize(merged));
  }

  /** Diffs two versions of a policy. */
  public static DiffResult diff(PolicyDocument before, PolicyDocument after) {
    return PolicyDiffer.standard().diff(before, after);
  }

  /** Looks an action up in the bundled catalogue. */
  public static Optional<CatalogAction> action(String qualifiedName) {
    return IamCatalog.bundled().action(qualifiedName);
  }

  /**
   * Reads the policy in the first argument and says what it decides for {@code kms:Decrypt} by the
   * principal in the second.
   */
  public static void main(String[] args) {
    PolicyDocument policy = read(args[0]);
    Request request = Request.builder().principal(args[1]).action("kms:Decrypt").build();
    System.out.println(decide(policy, request));
  }
}
