package dev.policysmith.merge;

import dev.policysmith.merge.internal.CanonicalEngine;
import dev.policysmith.merge.internal.StatementEditor;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Merges policy documents into one canonical document that decides every request exactly as the
 * inputs decide it together, and edits a key policy minimally by adding statements.
 *
 * <p>{@code merge} is order-free: {@code merge(a, b).equals(merge(b, a))}, {@code merge(merge(a,
 * b), c).equals(merge(a, merge(b, c)))} and {@code merge(p,
 * p).equals(Canonicalizer.canonicalize(p))} (when Sids do not override each other). The result is
 * in the form {@link Canonicalizer} describes; its Id is the Id every input shares, and absent when
 * they do not all share one. This class is stateless and thread-safe.
 *
 * <pre>{@code
 * MergeResult result = PolicyMerger.merge(List.of(base, teamGrants),
 *     MergeOptions.builder().limit(SizeLimit.KEY_POLICY).build());
 * PolicyDocument keyPolicy = result.document();
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class PolicyMerger {
  private PolicyMerger() {}

  /**
   * Returns the canonical merge of {@code documents} with the {@linkplain MergeOptions#DEFAULTS
   * default options}.
   *
   * @throws SidConflictException if two documents have different statements of one Sid
   */
  public static MergeResult merge(PolicyDocument... documents) {
    return merge(List.of(documents), MergeOptions.DEFAULTS);
  }

  /**
   * Returns the canonical merge of {@code documents}, with its size against every {@link
   * SizeLimit}.
   *
   * @throws SidConflictException if two documents have different statements of one Sid and {@link
   *     MergeOptions#overrideSids()} is false
   * @throws PolicyLimitExceededException if {@link MergeOptions#limit()} is set and the merged
   *     document does not fit it
   */
  public static MergeResult merge(List<PolicyDocument> documents, MergeOptions options) {
    PolicyDocument merged =
        CanonicalEngine.merge(documents, options.joinAcrossSids(), options.overrideSids());
    Map<SizeLimit, Integer> sizes = new EnumMap<>(SizeLimit.class);
    for (SizeLimit limit : SizeLimit.values()) {
      sizes.put(limit, limit.measure(merged));
    }
    if (options.limit().isPresent()) {
      SizeLimit limit = options.limit().get();
      if (sizes.get(limit) > limit.maximum()) {
        throw new PolicyLimitExceededException(limit, sizes.get(limit));
      }
    }
    return MergeResult.builder().document(merged).sizes(sizes).build();
  }

  /**
   * Returns {@code document} with {@code statements} added as the smallest edit, leaving every
   * other statement and the document's layout as written: the flow that adds grants to a KMS key
   * policy. Each statement, in order:
   *
   * <ul>
   *   <li>without a Sid, is appended unless an equal statement is already there;
   *   <li>with a Sid the document does not have, is appended;
   *   <li>equal to the document's statement of its Sid, changes nothing;
   *   <li>differing from it only in its {@code Principal} values, adds the new values to that
   *       statement's principal, after the existing ones of their type;
   *   <li>differing from it only in the values of one positive condition key without set qualifier
   *       (for example {@code kms:ViaService} for another region), adds the new values to that key,
   *       turning a single value into an array;
   *   <li>otherwise throws {@link SidConflictException}, or with {@link AddMode#REPLACE} replaces
   *       the statement in place.
   * </ul>
   *
   * <p>Each of these decides as the document and the statement together, and adding the same
   * statements twice gives the same document as adding them once.
   *
   * @throws SidConflictException on a conflicting Sid in {@link AddMode#FAIL_ON_CONFLICT} mode
   * @see <a
   *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying.html">Change
   *     a key policy</a>
   */
  public static PolicyDocument addStatements(
      PolicyDocument document, List<Statement> statements, AddMode mode) {
    return StatementEditor.addStatements(document, statements, mode == AddMode.REPLACE);
  }
}
