/**
 * Reading and writing policy documents as JSON: {@link dev.policysmith.model.json.PolicyReader}
 * reads strictly (every malformed shape is a {@link
 * dev.policysmith.model.json.PolicyParseException} naming its JSON pointer, line and column) and
 * losslessly (layout is kept as hints on the model), and {@link
 * dev.policysmith.model.json.PolicyWriter} writes either that layout back or one canonical layout.
 * Jackson is an implementation detail of this package: no Jackson type appears in its API.
 * Canonical content (sorting, deduplication) is not done here but by {@code policy-merge}.
 */
@NullMarked
package dev.policysmith.model.json;

import org.jspecify.annotations.NullMarked;
