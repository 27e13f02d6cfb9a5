package dev.policysmith.model.validate;

/**
 * What a {@link Finding} is about, as a stable code: constants are never renamed or reused, so
 * scripts may match on them. Each constant has its usual {@link #severity()}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html">IAM
 *     Access Analyzer policy check reference</a>
 */
public enum FindingCode {
  /** The text is not a policy document: not JSON, or not the shape of a policy. */
  MALFORMED_DOCUMENT(Severity.ERROR),
  /** {@code Version} is neither {@code "2012-10-17"} nor {@code "2008-10-17"}. */
  INVALID_VERSION(Severity.ERROR),
  /**
   * A condition operator IAM does not know (names are case-sensitive: {@code stringEquals} is not
   * one).
   */
  UNKNOWN_CONDITION_OPERATOR(Severity.ERROR),
  /**
   * An identity-based policy names a {@code Principal} or {@code NotPrincipal}, which IAM rejects.
   */
  PRINCIPAL_IN_IDENTITY_POLICY(Severity.ERROR),
  /** A statement of a key or resource-based policy names no principal, so it applies to no one. */
  MISSING_PRINCIPAL(Severity.ERROR),
  /** An action is neither {@code *} nor {@code service:ActionName}. */
  MALFORMED_ACTION(Severity.ERROR),
  /**
   * A resource is neither {@code *} nor an ARN {@code
   * arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}.
   */
  MALFORMED_RESOURCE(Severity.ERROR),
  /**
   * A principal is not an account id, an IAM or STS ARN, a unique id, a service name or {@code *}.
   */
  MALFORMED_PRINCIPAL(Severity.ERROR),
  /** A principal ARN holds a wildcard; IAM allows {@code *} alone, never part of a principal. */
  WILDCARD_IN_PRINCIPAL(Severity.ERROR),
  /**
   * A condition value is not of its operator's type (Bool, Null, Numeric, Date, IpAddress, Arn,
   * Binary).
   */
  CONDITION_VALUE_TYPE_MISMATCH(Severity.ERROR),
  /**
   * Two keys of one condition operator differ only in case; IAM compares key names ignoring case.
   */
  DUPLICATE_CONDITION_KEY(Severity.ERROR),
  /** Two statements have the same {@code Sid}. */
  DUPLICATE_SID(Severity.ERROR),
  /** The document is larger than its kind allows (a key policy: 32,768 bytes). */
  POLICY_TOO_LARGE(Severity.ERROR),
  /**
   * An {@code Allow} to {@code "*"} without a condition that limits who (account, organization,
   * source).
   */
  ALLOW_TO_ANYONE_WITHOUT_LIMITING_CONDITION(Severity.SECURITY_WARNING),
  /** An {@code Allow} with {@code NotPrincipal}: it allows everyone not listed. */
  ALLOW_WITH_NOT_PRINCIPAL(Severity.SECURITY_WARNING),
  /**
   * An {@code Allow} with {@code NotAction}: it allows every action not listed, today's and future
   * ones.
   */
  ALLOW_WITH_NOT_ACTION(Severity.SECURITY_WARNING),
  /** An {@code Allow} with {@code NotResource}: it allows every resource not listed. */
  ALLOW_WITH_NOT_RESOURCE(Severity.SECURITY_WARNING),
  /**
   * A key policy allows {@code kms:CreateGrant} (by name or wildcard) to another account without
   * {@code kms:GrantIsForAWSResource} true, so that account can give the key to anyone by grant.
   */
  CROSS_ACCOUNT_CREATE_GRANT_WITHOUT_AWS_RESOURCE(Severity.SECURITY_WARNING),
  /**
   * A key policy allows cryptographic use of the key to another account without {@code
   * kms:ViaService} or another condition that limits how the key is used.
   */
  CROSS_ACCOUNT_USE_WITHOUT_LIMITING_CONDITION(Severity.SECURITY_WARNING),
  /** A key policy allows every KMS action, key policy and deletion included, to another account. */
  CROSS_ACCOUNT_KMS_ALL(Severity.SECURITY_WARNING),
  /** A {@code kms:ViaService} value names another region than the key's, so it never matches. */
  VIA_SERVICE_WRONG_REGION(Severity.SECURITY_WARNING),
  /** A {@code kms:ViaService} value is not of the form {@code SERVICE.REGION.amazonaws.com}. */
  VIA_SERVICE_MALFORMED(Severity.SECURITY_WARNING),
  /** {@code iam:PassRole} is allowed on every role ({@code "*"} or {@code NotResource}). */
  PASS_ROLE_ON_ALL_RESOURCES(Severity.SECURITY_WARNING),
  /** A key-policy statement without {@code Resource}: KMS accepts it, but it has no effect. */
  KEY_STATEMENT_WITHOUT_RESOURCE(Severity.WARNING),
  /**
   * A key-policy {@code Resource} other than {@code "*"}, which in a key policy means "this key".
   */
  KEY_RESOURCE_NOT_STAR(Severity.WARNING),
  /**
   * A {@code ${...}} policy variable under Version 2008-10-17 or without Version: it is literal
   * text.
   */
  POLICY_VARIABLE_NOT_ENABLED(Severity.WARNING),
  /** The key's account is unknown, so the checks that need it were skipped. */
  KEY_OWNER_UNKNOWN(Severity.WARNING),
  /**
   * With a catalogue: an action's service prefix is not in it. The message names the catalogue's
   * date and suggests the nearest service (within two edits) when there is one.
   */
  UNKNOWN_SERVICE(Severity.WARNING),
  /**
   * With a catalogue: an action without wildcards is not in it (IAM's "Invalid action"). The
   * message names the catalogue's date and suggests the nearest action of the service (within two
   * edits) when there is one.
   */
  UNKNOWN_ACTION(Severity.WARNING),
  /** With a catalogue: an action pattern with wildcards matches no action in it today. */
  PATTERN_MATCHES_NO_ACTION(Severity.WARNING),
  /**
   * With a catalogue: a condition key that applies to none of the statement's actions (neither
   * their own keys, nor their resource types', nor a global key), so requests never carry it. Not
   * reported for {@code aws:} keys, for {@code NotAction}, when a pattern spans services, or for a
   * key its service declares without listing it for any action or resource type.
   */
  CONDITION_KEY_NOT_APPLICABLE(Severity.WARNING),
  /** The document has no {@code Version}, so IAM reads it as 2008-10-17. */
  MISSING_VERSION(Severity.SUGGESTION),
  /** An action already covered by a wildcard (or a duplicate) in the same statement. */
  REDUNDANT_ACTION(Severity.SUGGESTION),
  /** An empty list of actions, resources, principals or condition values, or an empty condition. */
  EMPTY_VALUE_LIST(Severity.SUGGESTION),
  /**
   * With a catalogue and {@link ValidationOptions#accessLevelSummary()}: not a problem but a
   * summary of what the statement's {@code Action} or {@code NotAction} covers today, by access
   * level (Read, Write, List, Tagging, Permissions management), for a reviewer.
   */
  ACCESS_LEVEL_SUMMARY(Severity.SUGGESTION);

  private final Severity severity;

  FindingCode(Severity severity) {
    this.severity = severity;
  }

  /** Returns the severity of findings of this code. */
  public Severity severity() {
    return severity;
  }
}
