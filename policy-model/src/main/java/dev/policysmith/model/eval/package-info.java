/**
 * What a policy decides: a {@link dev.policysmith.model.eval.Request} (principal, action, resource,
 * context) and the {@link dev.policysmith.model.eval.Decision} one or more documents give it,
 * computed by {@link dev.policysmith.model.eval.PolicyEvaluator}, which can also {@link
 * dev.policysmith.model.eval.Evaluation explain} a decision by the statements that matched. Every
 * other module (merge, diff, validation) agrees with the evaluator here. Condition matching, policy
 * variables and principal parsing are package-private implementation details.
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model.eval;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
