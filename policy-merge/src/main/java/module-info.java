/**
 * policysmith merge: the canonical form of policy documents, merging them into one that decides
 * every request as they did together, and the minimal key-policy edit.
 */
module dev.policysmith.merge {
  requires transitive dev.policysmith.model;
  requires static org.immutables.value.annotations;
  requires static org.jspecify;

  exports dev.policysmith.merge;
}
