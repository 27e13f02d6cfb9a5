/**
 * Canonical form and merging of IAM and KMS policy documents: {@link
 * dev.policysmith.merge.Canonicalizer} rewrites one document into its canonical form, {@link
 * dev.policysmith.merge.PolicyMerger} joins several documents into one and edits key policies
 * minimally. Every operation here decides every request exactly as its inputs did; reading and
 * writing JSON lives in {@code dev.policysmith.model.json}, evaluation in {@code
 * dev.policysmith.model.eval}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.merge;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
