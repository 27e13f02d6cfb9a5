package dev.policysmith.merge;

import dev.policysmith.merge.internal.CanonicalEngine;
import dev.policysmith.model.PolicyDocument;
import java.util.List;

/**
 * Rewrites a policy document into its canonical form, which decides every request exactly as the
 * document does and is equal ({@code equals}) for any two documents that hold the same grants
 * however they are grouped, ordered, spelled or duplicated.
 *
 * <p>The canonical form has:
 *
 * <ul>
 *   <li>Version {@code 2012-10-17}; text that was literal because the document had Version {@code
 *       2008-10-17} or none has each <code>${</code> escaped as <code>${$}{</code> so that it stays
 *       literal;
 *   <li>the Id kept;
 *   <li>bare account ids written as root ARNs ({@code arn:aws:iam::111122223333:root}) in the
 *       partition of the document's other ARNs ({@code aws} if none or several), {@code "*"} and
 *       {@code {"AWS": "*"}} kept apart;
 *   <li>service prefixes of actions and condition keys in lower case ({@code SNS:Publish} becomes
 *       {@code sns:Publish}); other spellings of one action in a statement reduced to the one that
 *       sorts first; condition key names whose case collides in one operator kept as written;
 *   <li>every list written as an array, without duplicates, sorted; actions covered by a wildcard
 *       pattern of the same statement ({@code kms:Decrypt} beside {@code kms:*}) dropped, the
 *       coverage decided exactly over {@code *} and {@code ?} globs;
 *   <li>statements that differ in exactly one of actions, resources, principals or the values of
 *       one positive condition key without set qualifier joined; {@code NotAction}, {@code
 *       NotResource}, {@code NotPrincipal}, negated and set-qualified operators never joined;
 *       statements with different Sids never joined;
 *   <li>statements with an empty {@code Action}, {@code Resource} or {@code Principal} list (which
 *       match nothing) dropped;
 *   <li>statements, condition operators, keys and values in one total order.
 * </ul>
 *
 * <p>Laws, each a property test: {@code canonicalize(canonicalize(p)).equals(canonicalize(p))};
 * {@code decide(canonicalize(p), r) == decide(p, r)} for every request. This class is stateless and
 * thread-safe.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class Canonicalizer {
  private Canonicalizer() {}

  /**
   * Returns the canonical form of {@code document}.
   *
   * <pre>{@code
   * PolicyDocument canonical = Canonicalizer.canonicalize(document);
   * }</pre>
   */
  public static PolicyDocument canonicalize(PolicyDocument document) {
    return CanonicalEngine.merge(List.of(document), false, false);
  }
}
