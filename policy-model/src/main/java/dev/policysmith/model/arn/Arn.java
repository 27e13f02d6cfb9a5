package dev.policysmith.model.arn;

import dev.policysmith.model.PolicyFormatException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Amazon Resource Name, {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, parsed into its
 * six components. The resource component may itself hold colons and slashes. {@code toString()}
 * gives back the ARN text; {@code equals} compares components exactly (ARNs are case-sensitive).
 *
 * <p>This type is for concrete ARNs, such as principals and key ARNs; wildcard patterns in a {@code
 * Resource} element are matched by the evaluator instead.
 *
 * <pre>{@code
 * Arn role = Arn.parse("arn:aws:iam::111122223333:role/path/Scheduler");
 * role.roleName();   // "Scheduler"
 * role.rolePath();   // "/path/"
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">Identify AWS
 *     resources with Amazon Resource Names (ARNs)</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html">IAM
 *     identifiers</a>
 */
@Value.Immutable
public abstract class Arn {
  Arn() {}

  /** Returns the partition. */
  public abstract Partition partition();

  /** Returns the service namespace, e.g. {@code iam} or {@code kms}. */
  public abstract String service();

  /** Returns the region, empty for global services such as IAM. */
  public abstract String region();

  /** Returns the account id, empty for resources such as S3 buckets, {@code aws} for AWS-owned. */
  public abstract String account();

  /** Returns everything after the fifth colon, e.g. {@code role/path/Scheduler}. */
  public abstract String resource();

  /**
   * Parses an ARN.
   *
   * @throws PolicyFormatException naming the component that is wrong: the {@code arn} prefix, the
   *     partition, the service, the region, the account or a missing resource
   */
  public static Arn parse(String text) {
    String[] parts = text.split(":", 6);
    if (parts.length < 6) {
      throw invalid(
          text,
          "must have six colon-separated parts, arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE");
    }
    if (!parts[0].equals("arn")) {
      throw invalid(
          text,
          "must start with \"arn:\" but started with "
              + PolicyFormatException.quote(parts[0] + ":"));
    }
    Partition partition =
        Partition.fromId(parts[1])
            .orElseThrow(
                () ->
                    invalid(
                        text,
                        "partition must be one of "
                            + Partition.ids()
                            + " but was "
                            + PolicyFormatException.quote(parts[1])));
    if (!parts[2].matches("[a-z0-9][a-z0-9-]*")) {
      throw invalid(
          text,
          "service must be a lower-case service namespace such as \"iam\" but was "
              + PolicyFormatException.quote(parts[2]));
    }
    if (!parts[3].isEmpty() && !parts[3].matches("[a-z]{2,4}(-[a-z]+)+-[0-9]+")) {
      throw invalid(
          text,
          "region must be empty or a region name such as \"us-east-1\" but was "
              + PolicyFormatException.quote(parts[3]));
    }
    if (!parts[4].isEmpty() && !isAccountId(parts[4]) && !parts[4].equals("aws")) {
      throw invalid(
          text,
          "account must be empty, \"aws\" or a 12-digit account id but was "
              + PolicyFormatException.quote(parts[4]));
    }
    if (parts[5].isEmpty()) {
      throw invalid(text, "resource must not be empty");
    }
    return ImmutableArn.builder()
        .partition(partition)
        .service(parts[2])
        .region(parts[3])
        .account(parts[4])
        .resource(parts[5])
        .build();
  }

  /** Returns the parsed ARN, or empty when {@code text} is not one. */
  public static Optional<Arn> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (PolicyFormatException e) {
      return Optional.empty();
    }
  }

  /** Returns the root ARN of an account, {@code arn:PARTITION:iam::ACCOUNT:root}. */
  public static Arn accountRoot(Partition partition, String accountId) {
    if (!isAccountId(accountId)) {
      throw new IllegalArgumentException(
          "Account id must be 12 digits but was " + PolicyFormatException.quote(accountId));
    }
    return ImmutableArn.builder()
        .partition(partition)
        .service("iam")
        .region("")
        .account(accountId)
        .resource("root")
        .build();
  }

  /** Returns whether {@code text} is a 12-digit AWS account id. */
  public static boolean isAccountId(String text) {
    if (text.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Returns whether this is an account principal, {@code arn:aws:iam::ACCOUNT:root}. */
  public boolean isAccountRoot() {
    return service().equals("iam") && resource().equals("root") && isAccountId(account());
  }

  /** Returns whether this is an IAM role, {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}. */
  public boolean isRole() {
    return service().equals("iam") && resource().startsWith("role/") && resource().length() > 5;
  }

  /** Returns whether this is an IAM user, {@code arn:aws:iam::ACCOUNT:user/PATH/NAME}. */
  public boolean isUser() {
    return service().equals("iam") && resource().startsWith("user/") && resource().length() > 5;
  }

  /**
   * Returns whether this is an assumed-role session, {@code
   * arn:aws:sts::ACCOUNT:assumed-role/ROLE-NAME/SESSION-NAME}.
   */
  public boolean isAssumedRoleSession() {
    if (!service().equals("sts") || !resource().startsWith("assumed-role/")) {
      return false;
    }
    int slash = resource().indexOf('/', "assumed-role/".length());
    return slash > "assumed-role/".length() && slash < resource().length() - 1;
  }

  /** Returns whether this is a KMS key, {@code arn:aws:kms:REGION:ACCOUNT:key/KEY-ID}. */
  public boolean isKmsKey() {
    return service().equals("kms") && resource().startsWith("key/") && resource().length() > 4;
  }

  /** Returns whether this is a KMS alias, {@code arn:aws:kms:REGION:ACCOUNT:alias/NAME}. */
  public boolean isKmsAlias() {
    return service().equals("kms") && resource().startsWith("alias/") && resource().length() > 6;
  }

  /**
   * Returns the role or user name: the last path segment, e.g. {@code Scheduler} for {@code
   * role/path/Scheduler}.
   *
   * @throws IllegalStateException if this is neither a role nor a user
   */
  public String roleName() {
    requireRoleOrUser();
    return resource().substring(resource().lastIndexOf('/') + 1);
  }

  /**
   * Returns the role or user path, {@code /} when there is none, e.g. {@code /path/} for {@code
   * role/path/Scheduler}.
   *
   * @throws IllegalStateException if this is neither a role nor a user
   */
  public String rolePath() {
    requireRoleOrUser();
    int firstSlash = resource().indexOf('/');
    int lastSlash = resource().lastIndexOf('/');
    return resource().substring(firstSlash, lastSlash + 1);
  }

  /**
   * Returns the name of the role an assumed-role session belongs to.
   *
   * @throws IllegalStateException if this is not an assumed-role session
   */
  public String sessionRoleName() {
    if (!isAssumedRoleSession()) {
      throw new IllegalStateException("Not an assumed-role session ARN: " + this);
    }
    String rest = resource().substring("assumed-role/".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  /**
   * Returns the session name of an assumed-role session.
   *
   * @throws IllegalStateException if this is not an assumed-role session
   */
  public String sessionName() {
    if (!isAssumedRoleSession()) {
      throw new IllegalStateException("Not an assumed-role session ARN: " + this);
    }
    String rest = resource().substring("assumed-role/".length());
    return rest.substring(rest.indexOf('/') + 1);
  }

  /**
   * Returns the key id of a KMS key ARN or the alias name (with {@code alias/}) of an alias ARN.
   *
   * @throws IllegalStateException if this is neither
   */
  public String kmsKeyId() {
    if (isKmsKey()) {
      return resource().substring("key/".length());
    }
    if (isKmsAlias()) {
      return resource();
    }
    throw new IllegalStateException("Not a KMS key or alias ARN: " + this);
  }

  private void requireRoleOrUser() {
    if (!isRole() && !isUser()) {
      throw new IllegalStateException("Not an IAM role or user ARN: " + this);
    }
  }

  private static PolicyFormatException invalid(String text, String problem) {
    return new PolicyFormatException(
        "ARN " + PolicyFormatException.quote(text) + " is invalid: " + problem);
  }

  /** Returns the ARN text. */
  @Override
  public String toString() {
    return "arn:"
        + partition().id()
        + ':'
        + service()
        + ':'
        + region()
        + ':'
        + account()
        + ':'
        + resource();
  }
}
