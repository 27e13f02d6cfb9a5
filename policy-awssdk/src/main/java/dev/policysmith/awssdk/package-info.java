/**
 * Conversion between policysmith's {@link dev.policysmith.model.PolicyDocument} and the AWS SDK for
 * Java v2's {@code software.amazon.awssdk.policybuilder.iam.IamPolicy}: {@link
 * dev.policysmith.awssdk.IamPolicies} converts, and {@link
 * dev.policysmith.awssdk.UnrepresentablePolicyException} names what one side cannot hold.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/feature-iam-policy-builder.html">Create
 *     IAM policies with the AWS SDK for Java 2.x</a>
 */
@NullMarked
package dev.policysmith.awssdk;

import org.jspecify.annotations.NullMarked;
