package dev.policysmith.model.condition;

import java.util.Optional;

/**
 * The condition operators of the IAM policy language without qualifier or {@code IfExists} suffix.
 * Names are case-sensitive: {@code stringEquals} is not an operator.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
 *     JSON policy elements: Condition operators</a>
 */
public enum BaseOperator {
  /** {@code StringEquals}: exact, case-sensitive. */
  STRING_EQUALS("StringEquals", Family.STRING, false),
  /** {@code StringNotEquals}: negated exact match. */
  STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
  /** {@code StringEqualsIgnoreCase}. */
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
  /** {@code StringNotEqualsIgnoreCase}. */
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
  /** {@code StringLike}: case-sensitive, with {@code *} and {@code ?}. */
  STRING_LIKE("StringLike", Family.STRING, false),
  /** {@code StringNotLike}. */
  STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
  /** {@code NumericEquals}. */
  NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
  /** {@code NumericNotEquals}. */
  NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
  /** {@code NumericLessThan}. */
  NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
  /** {@code NumericLessThanEquals}. */
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
  /** {@code NumericGreaterThan}. */
  NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
  /** {@code NumericGreaterThanEquals}. */
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
  /** {@code DateEquals}. */
  DATE_EQUALS("DateEquals", Family.DATE, false),
  /** {@code DateNotEquals}. */
  DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
  /** {@code DateLessThan}. */
  DATE_LESS_THAN("DateLessThan", Family.DATE, false),
  /** {@code DateLessThanEquals}. */
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
  /** {@code DateGreaterThan}. */
  DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
  /** {@code DateGreaterThanEquals}. */
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
  /** {@code Bool}. */
  BOOL("Bool", Family.BOOLEAN, false),
  /** {@code BinaryEquals}: base-64 encoded bytes. */
  BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
  /** {@code IpAddress}: IPv4 or IPv6 address or CIDR range. */
  IP_ADDRESS("IpAddress", Family.IP_ADDRESS, false),
  /** {@code NotIpAddress}. */
  NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS, true),
  /** {@code ArnEquals}: behaves exactly like {@code ArnLike}. */
  ARN_EQUALS("ArnEquals", Family.ARN, false),
  /** {@code ArnLike}. */
  ARN_LIKE("ArnLike", Family.ARN, false),
  /** {@code ArnNotEquals}: behaves exactly like {@code ArnNotLike}. */
  ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
  /** {@code ArnNotLike}. */
  ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
  /** {@code Null}: {@code "true"} when the key is absent, {@code "false"} when present. */
  NULL("Null", Family.NULL, false);

  /** The kinds of value an operator compares. */
  public enum Family {
    /** Strings. */
    STRING,
    /** Numbers. */
    NUMERIC,
    /** Dates and times. */
    DATE,
    /** Booleans. */
    BOOLEAN,
    /** Base-64 encoded binary values. */
    BINARY,
    /** IP addresses and CIDR ranges. */
    IP_ADDRESS,
    /** ARNs. */
    ARN,
    /** Presence of a key. */
    NULL
  }

  private final String operatorName;
  private final Family family;
  private final boolean negated;

  BaseOperator(String operatorName, Family family, boolean negated) {
    this.operatorName = operatorName;
    this.family = family;
    this.negated = negated;
  }

  /** Returns the operator's name as written in a policy, e.g. {@code StringEquals}. */
  public String operatorName() {
    return operatorName;
  }

  /** Returns the kind of value the operator compares. */
  public Family family() {
    return family;
  }

  /**
   * Returns whether the operator is a negated matcher ({@code StringNotEquals}, {@code
   * NotIpAddress}, ...): true when the key is absent, and, with several values, true only when the
   * request value matches none of them.
   */
  public boolean negated() {
    return negated;
  }

  /** Returns the operator named exactly {@code name}, compared case-sensitively. */
  public static Optional<BaseOperator> fromName(String name) {
    return Optional.ofNullable(ByName.OPERATORS.get(name));
  }

  /** The operators by exact name, built once: every condition read looks one up. */
  private static final class ByName {
    static final java.util.Map<String, BaseOperator> OPERATORS = byName();

    private static java.util.Map<String, BaseOperator> byName() {
      java.util.Map<String, BaseOperator> out = new java.util.HashMap<>();
      for (BaseOperator operator : values()) {
        out.put(operator.operatorName, operator);
      }
      return java.util.Map.copyOf(out);
    }
  }
}
