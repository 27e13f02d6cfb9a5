/**
 * Validation of IAM, resource and KMS key policies: {@link
 * dev.policysmith.model.validate.PolicyValidator} returns {@link
 * dev.policysmith.model.validate.Finding}s, each with a {@link
 * dev.policysmith.model.validate.Severity}, a stable {@link
 * dev.policysmith.model.validate.FindingCode}, the JSON pointer of the element as the lossless
 * writer writes it and a message that says how to fix it. Validation answers with findings, never
 * with exceptions; a document that does not parse is the reader's business.
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model.validate;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
