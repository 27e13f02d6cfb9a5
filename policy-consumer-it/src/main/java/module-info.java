/** A user's application module: requires the policysmith modules it uses, by their module names. */
module org.example.consumer {
  requires dev.policysmith.model;
  requires dev.policysmith.catalog;
  requires dev.policysmith.merge;
  requires dev.policysmith.diff;
}
