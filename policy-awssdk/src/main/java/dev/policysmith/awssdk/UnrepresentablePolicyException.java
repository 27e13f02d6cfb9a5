package dev.policysmith.awssdk;

import dev.policysmith.model.PolicysmithException;

/**
 * Thrown when a policy cannot be converted without changing it: the AWS SDK's {@code IamPolicy}
 * cannot hold something the document says, or policysmith's model cannot hold something an {@code
 * IamPolicy} says. {@link #reason()} names the case and {@link #statementIndex()} the statement.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">IAM
 *     JSON policy grammar</a>
 */
public final class UnrepresentablePolicyException extends PolicysmithException {
  private static final long serialVersionUID = 1L;

  /** What one side of the conversion cannot hold. */
  public enum Reason {
    /**
     * The document has no {@code Version}. {@code IamPolicy} always writes one ({@code 2012-10-17}
     * when none is set), and a policy without a version is read by IAM as {@code 2008-10-17},
     * without policy variables, so adding one could change what it allows.
     */
    MISSING_VERSION,
    /**
     * A condition value is a JSON boolean or number ({@code "Bool": {"aws:SecureTransport":
     * false}}). {@code IamCondition} holds strings only and the SDK writes {@code "false"}.
     */
    NON_STRING_CONDITION_VALUE,
    /**
     * An element is an empty list or object ({@code "Action": []}, {@code "Principal": {"AWS":
     * []}}, {@code "Condition": {}}, a condition key with no values); the SDK leaves empty elements
     * out, and leaving out {@code Resource} or {@code Condition} changes a statement.
     */
    EMPTY_ELEMENT,
    /**
     * One statement names the same condition operator twice, or the same key twice under one
     * operator; {@code IamPolicy} keeps conditions as a flat list that the SDK writes grouped, so
     * the two would become one.
     */
    REPEATED_CONDITION,
    /**
     * An {@code IamPolicy} version other than {@code 2008-10-17} and {@code 2012-10-17}, the two
     * IAM knows.
     */
    UNKNOWN_VERSION,
    /** An {@code IamStatement} without an effect, or with one other than Allow and Deny. */
    BAD_EFFECT,
    /**
     * An {@code IamStatement} with neither actions nor not-actions; IAM requires {@code Action} or
     * {@code NotAction}.
     */
    MISSING_ACTION,
    /**
     * An {@code IamStatement} with both principals and not-principals, both actions and
     * not-actions, or both resources and not-resources: IAM allows one of each pair.
     */
    ELEMENT_AND_NOT_ELEMENT,
    /**
     * An {@code IamPrincipal} whose type is none of {@code AWS}, {@code Service}, {@code
     * Federated}, {@code CanonicalUser} (or {@code *} alone).
     */
    UNKNOWN_PRINCIPAL_TYPE,
    /** An {@code IamCondition} operator that is not an IAM condition operator. */
    UNKNOWN_CONDITION_OPERATOR
  }

  private final Reason reason;
  private final int statementIndex;

  UnrepresentablePolicyException(Reason reason, int statementIndex, String message) {
    super(message);
    this.reason = reason;
    this.statementIndex = statementIndex;
  }

  /** Returns what cannot be held. */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the index of the statement at fault, from 0, or -1 when the fault is in the policy's
   * top-level elements.
   */
  public int statementIndex() {
    return statementIndex;
  }
}
