/**
 * The semantic diff of policies: {@link dev.policysmith.diff.PolicyDiffer} says which requests a
 * new policy allows that the old did not ({@link dev.policysmith.diff.DiffResult#added()}) and
 * which it no longer allows ({@link dev.policysmith.diff.DiffResult#removed()}), each as a readable
 * {@link dev.policysmith.diff.Change} with an example request, plus the containment checks of IAM
 * Access Analyzer ({@code CheckNoNewAccess}, {@code CheckAccessNotGranted}) and {@link
 * dev.policysmith.diff.StructuralDiff}, the statement-level diff for a human reading a pull
 * request. The symbolic engine behind it lives in {@code dev.policysmith.diff.engine} and is not
 * API.
 */
@NullMarked
package dev.policysmith.diff;

import org.jspecify.annotations.NullMarked;
