/**
 * Amazon Resource Names: {@link dev.policysmith.model.arn.Arn} parses and formats concrete ARNs and
 * tells what IAM and KMS resource one names (an account root, a role and its name and path, an
 * assumed-role session, a KMS key or alias); {@link dev.policysmith.model.arn.Partition} lists the
 * AWS partitions and their regions. Wildcard ARN patterns in {@code Resource} elements are matched
 * by the evaluator, not parsed here.
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model.arn;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
