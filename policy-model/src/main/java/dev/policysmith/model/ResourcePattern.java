package dev.policysmith.model;

import org.immutables.value.Value;

/**
 * One entry of a {@code Resource} or {@code NotResource} element: {@code *} for every resource (in
 * a key policy, "this KMS key"), or an ARN whose components may hold {@code *} and {@code ?} and,
 * in Version 2012-10-17, policy variables. Matching is case-sensitive and is done by the evaluator,
 * which knows the document's version.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM
 *     JSON policy elements: Resource</a>
 */
@Value.Immutable
public interface ResourcePattern {
  /** {@code *}: every resource. */
  ResourcePattern ALL = of("*");

  /** Returns the pattern as written. */
  @Value.Parameter
  String value();

  /** Returns a pattern of the given text. Never fails: validation reports odd text later. */
  static ResourcePattern of(String value) {
    return ImmutableResourcePattern.of(value);
  }
}
