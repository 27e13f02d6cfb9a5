/**
 * The cross-account EC2/EBS key-policy statements: {@link dev.policysmith.model.kms.KmsEbsGrants}
 * builds the two key-policy statements that let a principal use a customer managed key through EC2
 * and create grants for EBS volumes, plus the companion identity policy the principal's own account
 * needs, and {@link dev.policysmith.model.kms.KeyAccess} decides a request against a key policy
 * together with the caller's identity policies by KMS's rules.
 *
 * <p>Editing an existing key policy lives in {@code policy-merge}; checking one lives in {@code
 * dev.policysmith.model.validate}.
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model.kms;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
