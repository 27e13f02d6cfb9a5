/**
 * The {@code Condition} element: {@link dev.policysmith.model.condition.ConditionBlock} keeps its
 * JSON shape (operator, then key, then values, each in document order), and {@link
 * dev.policysmith.model.condition.ConditionOperator} splits an operator name into its set
 * qualifier, base operator and {@code IfExists} suffix. Evaluation of conditions lives in {@code
 * dev.policysmith.model.eval}.
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model.condition;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
