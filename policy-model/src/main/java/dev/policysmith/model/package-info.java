/**
 * The immutable model of AWS IAM and KMS policy documents: {@link
 * dev.policysmith.model.PolicyDocument}, {@link dev.policysmith.model.Statement} and the clauses a
 * statement is built from, plus the exception root {@link
 * dev.policysmith.model.PolicysmithException}.
 *
 * <p>Values compare by their content ({@code equals} is structural on the exact text); how a value
 * was laid out in JSON (a single string versus an array, key order) is kept as auxiliary hints that
 * the lossless writer honours and {@code equals} ignores. Reading and writing JSON lives in {@code
 * dev.policysmith.model.json}, condition operators in {@code dev.policysmith.model.condition}, ARNs
 * in {@code dev.policysmith.model.arn}.
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
