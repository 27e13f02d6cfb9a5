/**
 * The policysmith model: immutable IAM and KMS policy documents, strict and lossless JSON, ARNs,
 * the evaluator, validation and the KMS cross-account EBS builders. Jackson is used inside {@code
 * dev.policysmith.model.json} only; no Jackson type is part of the API.
 */
module dev.policysmith.model {
  requires tools.jackson.core;
  requires static org.immutables.value.annotations;
  requires static org.jspecify;

  exports dev.policysmith.model;
  exports dev.policysmith.model.arn;
  exports dev.policysmith.model.catalog;
  exports dev.policysmith.model.condition;
  exports dev.policysmith.model.eval;
  exports dev.policysmith.model.json;
  exports dev.policysmith.model.kms;
  exports dev.policysmith.model.validate;
  // The shared Immutables style annotation (class retention), for the other policysmith modules'
  // value types, and the policy-variable syntax that the diff must read as the evaluator does;
  // nothing else in the package is meant for them.
  exports dev.policysmith.model.internal to
      dev.policysmith.merge,
      dev.policysmith.diff;
}
