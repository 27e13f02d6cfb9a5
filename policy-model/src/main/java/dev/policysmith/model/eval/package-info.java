/**
 * What a policy decides: a {@link dev.policysmith.model.eval.Request} (principal, action, resource,
 * context) and the {@link dev.policysmith.model.eval.Decision} one or more documents give it.
 * Every other module (merge, diff, validation) agrees with the evaluator here.
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model.eval;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
