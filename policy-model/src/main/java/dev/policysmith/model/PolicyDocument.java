package dev.policysmith.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An IAM or KMS policy document: an optional {@code Version}, an optional {@code Id} and its
 * statements in document order.
 *
 * <p>{@code equals} compares content. How the document was laid out ({@code Statement} as a single
 * object, key order) is kept in auxiliary hints that {@code equals} ignores and the lossless writer
 * honours. Instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * PolicyDocument policy = PolicyDocument.builder()
 *     .version(PolicyVersion.V2012_10_17)
 *     .addStatement(statement)
 *     .build();
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
@Value.Immutable
public interface PolicyDocument {
  /** Returns the {@code Version}, if the document names one. */
  Optional<PolicyVersion> version();

  /** Returns the {@code Id}, if any. */
  Optional<String> id();

  /** Returns the statements in document order. */
  List<Statement> statements();

  /**
   * Returns whether {@code Statement} was written as a single object rather than an array (only
   * meaningful with exactly one statement). A layout hint: ignored by {@code equals}.
   */
  @Value.Default
  @Value.Auxiliary
  default boolean statementObject() {
    return false;
  }

  /**
   * Returns the top-level element names in the order they were read; empty for a document built in
   * code, which is written as Version, Id, Statement. A layout hint: ignored by {@code equals}.
   */
  @Value.Auxiliary
  List<String> elementOrder();

  /**
   * Returns whether {@code ${...}} in this document is a policy variable: only under Version
   * 2012-10-17, never when the Version is absent.
   */
  default boolean variablesEnabled() {
    return version().map(PolicyVersion::supportsVariables).orElse(false);
  }

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this document's attributes. */
  default Builder toBuilder() {
    Builder builder = builder();
    builder.from(this);
    return builder;
  }

  /** Builds a {@link PolicyDocument}. */
  final class Builder extends ImmutablePolicyDocument.Builder {}
}
