/**
 * The catalogue of IAM actions as AWS's Service Authorization Reference lists them: {@link
 * dev.policysmith.model.catalog.ActionCatalog} answers which services, actions, access levels,
 * resource types and condition keys exist on the catalogue's date, and expands action patterns to
 * the actions they match today. Only the interface and its value types live here, so that
 * validation and diff take any catalogue; the bundled data lives in the {@code policy-catalog}
 * module ({@code dev.policysmith.catalog.IamCatalog}).
 */
@NullMarked
@PolicysmithStyle
package dev.policysmith.model.catalog;

import dev.policysmith.model.internal.PolicysmithStyle;
import org.jspecify.annotations.NullMarked;
