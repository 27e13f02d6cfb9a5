/**
 * The canonical-form engine behind {@code dev.policysmith.merge}: atomic grants, exact glob
 * inclusion for action patterns, deterministic regrouping into statements, and size measurement.
 * Nothing here is API; it may change in any release.
 */
@NullMarked
package dev.policysmith.merge.internal;

import org.jspecify.annotations.NullMarked;
