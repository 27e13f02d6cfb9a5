package dev.policysmith.testing;

import java.util.List;
import java.util.Locale;

/**
 * The small vocabularies that {@link PolicyGenerators} and {@link RequestGenerators} draw from: a
 * handful of actions, two accounts, two regions, a few principals and condition keys, chosen so
 * that generated statements and requests collide (a wildcard in one statement covers a name in
 * another; an account id and its root ARN name the same principal) instead of missing each other.
 *
 * <p>Every list is immutable and ordered simplest first, because QuickTheories shrinks a pick
 * towards the first element. Tests in other modules reuse these lists to write example requests
 * that mean the same as generated ones.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
public final class PolicyVocabulary {
  private PolicyVocabulary() {}

  /** The two account ids: the key's owner and the account of the cross-account caller. */
  public static final List<String> ACCOUNTS = List.of("111122223333", "444455556666");

  /** The two regions. */
  public static final List<String> REGIONS = List.of("ap-northeast-1", "us-east-1");

  /**
   * Action patterns as written in policies: {@code *}, service wildcards, prefix and {@code ?}
   * wildcards, exact names and a case variant ({@code KMS:decrypt}), which IAM matches like {@code
   * kms:Decrypt}.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
   *     JSON policy elements: Action</a>
   */
  public static final List<String> ACTION_PATTERNS =
      List.of(
          "*",
          "kms:*",
          "kms:Re*",
          "kms:ReEncrypt*",
          "kms:ReEncrypt?rom",
          "kms:ReEncryptFrom",
          "kms:ReEncryptTo",
          "kms:Decrypt",
          "KMS:decrypt",
          "kms:Encrypt",
          "kms:CreateGrant",
          "kms:GenerateDataKey*",
          "kms:DescribeKey",
          "s3:GetObject",
          "s3:Get*",
          "iam:PassRole");

  /**
   * Concrete action names a request may carry: every exact name of {@link #ACTION_PATTERNS}, plus
   * names that only the wildcards cover.
   */
  public static final List<String> ACTION_NAMES =
      List.of(
          "kms:Decrypt",
          "kms:Encrypt",
          "kms:ReEncryptFrom",
          "kms:ReEncryptTo",
          "kms:CreateGrant",
          "kms:GenerateDataKey",
          "kms:GenerateDataKeyWithoutPlaintext",
          "kms:DescribeKey",
          "kms:PutKeyPolicy",
          "kms:RetireGrant",
          "s3:GetObject",
          "s3:GetObjectAcl",
          "s3:PutObject",
          "iam:PassRole",
          "ec2:RunInstances");

  /**
   * Resource patterns as written in policies: {@code *}, KMS key ARNs in both accounts and both
   * regions, wildcards in the region and key id, a {@code ?}, an S3 ARN whose {@code *} spans
   * {@code /}, and some with policy variables: {@code ${aws:username}} in two patterns one of which
   * covers the other whatever the user name, and a tag with a default value.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM
   *     JSON policy elements: Resource</a>
   */
  public static final List<String> RESOURCE_PATTERNS =
      List.of(
          "*",
          "arn:aws:kms:ap-northeast-1:111122223333:key/key-1",
          "arn:aws:kms:us-east-1:111122223333:key/key-2",
          "arn:aws:kms:ap-northeast-1:444455556666:key/key-1",
          "arn:aws:kms:us-east-1:444455556666:key/key-2",
          "arn:aws:kms:*:444455556666:key/*",
          "arn:aws:kms:ap-northeast-1:444455556666:key/k?y-1",
          "arn:aws:s3:::bucket/*",
          "arn:aws:s3:::bucket/*/report.txt",
          "arn:aws:s3:::bucket/${aws:username}/*",
          "arn:aws:s3:::bucket/${aws:username}/private/*",
          "arn:aws:s3:::bucket/home/${aws:PrincipalTag/team, 'shared'}/*");

  /** Concrete resource ARNs a request may carry. */
  public static final List<String> RESOURCE_ARNS =
      List.of(
          "arn:aws:kms:ap-northeast-1:111122223333:key/key-1",
          "arn:aws:kms:us-east-1:111122223333:key/key-2",
          "arn:aws:kms:ap-northeast-1:444455556666:key/key-1",
          "arn:aws:kms:us-east-1:444455556666:key/key-2",
          "arn:aws:kms:ap-northeast-1:444455556666:key/kay-1",
          "arn:aws:kms:ap-northeast-1:444455556666:alias/key-1",
          "arn:aws:s3:::bucket/report.txt",
          "arn:aws:s3:::bucket/a/b/report.txt",
          "arn:aws:s3:::bucket/alice/notes.txt",
          "arn:aws:s3:::other-bucket/alice/report.txt",
          "arn:aws:iam::111122223333:role/Scheduler");

  /**
   * Values of an {@code AWS} principal entry: {@code *}, bare account ids, their root ARNs (which
   * IAM treats alike), role ARNs with and without a path, and a user ARN.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
   *     JSON policy elements: Principal</a>
   */
  public static final List<String> AWS_PRINCIPALS =
      List.of(
          "*",
          "111122223333",
          "444455556666",
          "arn:aws:iam::111122223333:root",
          "arn:aws:iam::444455556666:root",
          "arn:aws:iam::111122223333:role/Scheduler",
          "arn:aws:iam::444455556666:role/service-role/Scheduler",
          "arn:aws:iam::444455556666:role/Admin",
          "arn:aws:iam::111122223333:user/alice");

  /** Values of a {@code Service} principal entry. */
  public static final List<String> SERVICE_PRINCIPALS =
      List.of("ec2.amazonaws.com", "kms.amazonaws.com");

  /** Values of a {@code Federated} principal entry: a SAML provider and a web identity provider. */
  public static final List<String> FEDERATED_PRINCIPALS =
      List.of(
          "arn:aws:iam::111122223333:saml-provider/ExampleIdP", "cognito-identity.amazonaws.com");

  /**
   * Concrete calling principals a request may carry: root ARNs, roles, sessions of those roles
   * (named by the role name without its path), a user, a principal of an account the policies do
   * not name, and service principals.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-role-session">Role
   *     session principals</a>
   */
  public static final List<String> REQUEST_PRINCIPALS =
      List.of(
          "arn:aws:iam::111122223333:root",
          "arn:aws:iam::444455556666:root",
          "arn:aws:iam::111122223333:role/Scheduler",
          "arn:aws:sts::111122223333:assumed-role/Scheduler/session",
          "arn:aws:iam::444455556666:role/service-role/Scheduler",
          "arn:aws:sts::444455556666:assumed-role/Scheduler/session",
          "arn:aws:iam::444455556666:role/Admin",
          "arn:aws:sts::444455556666:assumed-role/Admin/admin-session",
          "arn:aws:iam::111122223333:user/alice",
          "arn:aws:iam::444455556666:user/bob",
          "arn:aws:iam::999988887777:role/Scheduler",
          "ec2.amazonaws.com",
          "kms.amazonaws.com");

  /** Statement ids, few so that generated documents repeat them. */
  public static final List<String> SIDS =
      List.of("UseKey", "AllowAttachment", "EnableIamPolicies", "DenyAll");

  /** Document ids. */
  public static final List<String> DOCUMENT_IDS = List.of("key-default-1", "key-consolepolicy-3");

  /**
   * Condition keys, with case variants of {@code kms:ViaService} (IAM compares key names
   * case-insensitively).
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM
   *     JSON policy elements: Condition</a>
   */
  public static final List<String> CONDITION_KEYS =
      List.of(
          "kms:ViaService",
          "KMS:viaservice",
          "kms:GrantIsForAWSResource",
          "aws:SourceIp",
          "aws:CurrentTime",
          "aws:PrincipalTag/team",
          "aws:TagKeys",
          "aws:MultiFactorAuthAge",
          "aws:PrincipalArn",
          "aws:SecureTransport");

  /** Keys whose values are strings. */
  public static final List<String> STRING_KEYS =
      List.of("kms:ViaService", "KMS:viaservice", "aws:PrincipalTag/team", "aws:TagKeys");

  /** Keys whose values are numbers. */
  public static final List<String> NUMERIC_KEYS = List.of("aws:MultiFactorAuthAge");

  /** Keys whose values are dates. */
  public static final List<String> DATE_KEYS = List.of("aws:CurrentTime");

  /** Keys whose values are booleans, with a case variant. */
  public static final List<String> BOOLEAN_KEYS =
      List.of("kms:GrantIsForAWSResource", "aws:SecureTransport", "KMS:grantisforawsresource");

  /** Keys whose values are IP addresses. */
  public static final List<String> IP_KEYS = List.of("aws:SourceIp");

  /** Keys whose values are ARNs. */
  public static final List<String> ARN_KEYS = List.of("aws:PrincipalArn");

  /** Exact string values, with a case variant. */
  public static final List<String> STRINGS =
      List.of(
          "ec2.ap-northeast-1.amazonaws.com",
          "ec2.us-east-1.amazonaws.com",
          "EC2.ap-northeast-1.amazonaws.com",
          "rds.ap-northeast-1.amazonaws.com",
          "team-a",
          "Team-A",
          "");

  /** Values of {@code StringLike} operators, with {@code *} and {@code ?}. */
  public static final List<String> STRING_PATTERNS =
      List.of("ec2.*.amazonaws.com", "*", "team-?", "ec2.ap-northeast-?.amazonaws.com", "*-a");

  /**
   * String condition values with policy variables, resolved from the request in Version 2012-10-17
   * and plain text in 2008-10-17: a user name alone and as a prefix, a tag inside a value, a tag
   * with a default.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
   *     policy elements: Variables and tags</a>
   */
  public static final List<String> VARIABLE_STRINGS =
      List.of(
          "${aws:username}",
          "${aws:username}/*",
          "team-${aws:PrincipalTag/team}",
          "${aws:PrincipalTag/team, 'team-a'}");

  /** ARN condition values with a policy variable. */
  public static final List<String> VARIABLE_ARNS =
      List.of("arn:aws:iam::111122223333:user/${aws:username}");

  /** Numbers, written as text. */
  public static final List<String> NUMBERS = List.of("3600", "0", "-1", "1.5", "86400");

  /**
   * Dates: ISO 8601 instants and days, and epoch seconds, as IAM's date operators accept.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date">Date
   *     condition operators</a>
   */
  public static final List<String> DATES =
      List.of(
          "2020-01-01T00:00:00Z",
          "2030-06-15T12:00:00Z",
          "2020-01-01",
          "1577836800",
          "2020-01-01T09:00:00+09:00");

  /** IP addresses and CIDR ranges, IPv4 and IPv6. */
  public static final List<String> IP_RANGES =
      List.of("203.0.113.0/24", "203.0.113.7", "10.0.0.0/8", "2001:db8:1234:5678::/64", "::1");

  /** ARN values of {@code Arn*} operators, with wildcards in several components. */
  public static final List<String> ARN_PATTERNS =
      List.of(
          "arn:aws:iam::111122223333:role/Scheduler",
          "arn:aws:iam::111122223333:role/*",
          "arn:aws:iam::*:root",
          "arn:aws:sts::444455556666:assumed-role/Admin/*",
          "arn:aws:iam::4444555566??:role/Admin");

  /** Base-64 values of {@code BinaryEquals}. */
  public static final List<String> BASE64 = List.of("QmluYXJ5VmFsdWU=", "AAAA", "3q2+7w==");

  /**
   * Values an operator cannot read: a date that is none, a CIDR out of range, a non-number, a
   * boolean IAM does not spell. A policy may hold them (IAM Access Analyzer only warns), so code
   * under test must decide something for them, and generators produce them now and then.
   */
  public static final List<String> MALFORMED =
      List.of("2020-13-45T99:00:00Z", "300.1.2.3/33", "yesterday", "not-a-number", "yes");

  /**
   * Condition keys a request context may carry: {@link #CONDITION_KEYS} and {@code aws:username},
   * the policy variable of {@link #RESOURCE_PATTERNS}.
   */
  public static final List<String> CONTEXT_KEYS =
      List.of(
          "kms:ViaService",
          "kms:GrantIsForAWSResource",
          "aws:SourceIp",
          "aws:CurrentTime",
          "aws:PrincipalTag/team",
          "aws:TagKeys",
          "aws:MultiFactorAuthAge",
          "aws:PrincipalArn",
          "aws:SecureTransport",
          "aws:username");

  /** Source addresses a request may come from, inside and outside {@link #IP_RANGES}. */
  public static final List<String> SOURCE_IPS =
      List.of("203.0.113.7", "198.51.100.1", "10.1.2.3", "2001:db8:1234:5678::1", "::1");

  /** Request times, before, at and after the instants of {@link #DATES}. */
  public static final List<String> REQUEST_TIMES =
      List.of("2025-01-01T00:00:00Z", "2019-06-01T00:00:00Z", "2020-01-01T00:00:00Z");

  /**
   * Returns the values a request context may give the key {@code key}, compared case-insensitively
   * as IAM compares key names: service names for {@code kms:ViaService}, {@code "true"}/{@code
   * "false"} for boolean keys, addresses for {@code aws:SourceIp}, and so on; {@link #STRINGS} for
   * a key the vocabulary does not know.
   */
  public static List<String> contextValues(String key) {
    switch (key.toLowerCase(Locale.ROOT)) {
      case "kms:viaservice":
        return STRINGS.subList(0, 4);
      case "kms:grantisforawsresource":
      case "aws:securetransport":
        return List.of("true", "false");
      case "aws:sourceip":
        return SOURCE_IPS;
      case "aws:currenttime":
        return REQUEST_TIMES;
      case "aws:principaltag/team":
        return List.of("team-a", "Team-A", "team-b");
      case "aws:tagkeys":
        return List.of("team", "env", "Team");
      case "aws:multifactorauthage":
        return NUMBERS;
      case "aws:principalarn":
        return REQUEST_PRINCIPALS;
      case "aws:username":
        return USER_NAMES;
      default:
        return STRINGS;
    }
  }

  /** Values of {@code aws:username}, the user name of {@code ${aws:username}}. */
  public static final List<String> USER_NAMES = List.of("alice", "bob");
}
