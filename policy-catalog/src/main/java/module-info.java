/**
 * policysmith catalog: the bundled offline catalogue of IAM services, actions, access levels,
 * resource types and condition keys, behind the model's {@code ActionCatalog} interface.
 */
module dev.policysmith.catalog {
  requires transitive dev.policysmith.model;
  requires static org.jspecify;

  exports dev.policysmith.catalog;
}
