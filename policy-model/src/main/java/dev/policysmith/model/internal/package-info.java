/**
 * Implementation details shared by the model's packages: the Immutables style and the wildcard
 * matchers. Nothing here is API; it may change in any release.
 */
@NullMarked
package dev.policysmith.model.internal;

import org.jspecify.annotations.NullMarked;
