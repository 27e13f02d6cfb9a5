package dev.policysmith.model.eval;

import dev.policysmith.model.arn.Arn;
import org.jspecify.annotations.Nullable;

/**
 * A principal identifier split into the parts principal matching needs: for an IAM or STS ARN
 * ({@code arn:PARTITION:iam::ACCOUNT:...}, {@code arn:PARTITION:sts::ACCOUNT:...}) its partition,
 * account and, for a role or an assumed-role session, the role's name. Anything else (a service
 * principal, a bare account id, a canonical user) keeps only its text, plus the account when it is
 * a 12-digit account id.
 *
 * <p>This parses the request's principal once per decision without validating it: {@link
 * dev.policysmith.model.arn.Arn#parse} checks every component with regular expressions and throws
 * on a service principal, which is too slow for the evaluator's hot path. Policy principals are
 * classified with {@code Arn} when the evaluator is built. The parts are kept as offsets into the
 * text and compared in place, so parsing allocates this one object and no substrings.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
 *     JSON policy elements: Principal</a>
 */
final class PrincipalName {
  enum Kind {
    /** {@code arn:P:iam::A:root} or a bare 12-digit account id. */
    ACCOUNT,
    /** {@code arn:P:iam::A:role/PATH/NAME}. */
    ROLE,
    /** {@code arn:P:sts::A:assumed-role/NAME/SESSION}. */
    ROLE_SESSION,
    /** Any other IAM or STS ARN: users, federated users, ... */
    OTHER_IDENTITY,
    /** Not an IAM or STS identity: services, canonical users, federated providers, text. */
    OTHER
  }

  private static final int ABSENT = -1;
  private static final String ASSUMED_ROLE = "assumed-role/";

  final String text;
  final Kind kind;

  /** Start and end of the partition in {@link #text}, or {@link #ABSENT}. */
  private final int partitionStart;

  private final int partitionEnd;

  /** Start and end of the account in {@link #text}, or {@link #ABSENT}. */
  private final int accountStart;

  private final int accountEnd;

  /** Start and end of the role's name in {@link #text}, or {@link #ABSENT}. */
  private final int roleStart;

  private final int roleEnd;

  private PrincipalName(
      String text,
      Kind kind,
      int partitionStart,
      int partitionEnd,
      int accountStart,
      int accountEnd,
      int roleStart,
      int roleEnd) {
    this.text = text;
    this.kind = kind;
    this.partitionStart = partitionStart;
    this.partitionEnd = partitionEnd;
    this.accountStart = accountStart;
    this.accountEnd = accountEnd;
    this.roleStart = roleStart;
    this.roleEnd = roleEnd;
  }

  private static PrincipalName other(String text) {
    return new PrincipalName(text, Kind.OTHER, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);
  }

  static PrincipalName parse(String text) {
    if (Arn.isAccountId(text)) {
      return new PrincipalName(
          text, Kind.ACCOUNT, ABSENT, ABSENT, 0, text.length(), ABSENT, ABSENT);
    }
    if (!text.startsWith("arn:")) {
      return other(text);
    }
    int c1 = 3;
    int c2 = text.indexOf(':', c1 + 1);
    int c3 = c2 < 0 ? -1 : text.indexOf(':', c2 + 1);
    int c4 = c3 < 0 ? -1 : text.indexOf(':', c3 + 1);
    int c5 = c4 < 0 ? -1 : text.indexOf(':', c4 + 1);
    if (c5 < 0) {
      return other(text);
    }
    // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, with the colons at c1..c5.
    boolean iam = regionIs(text, c2 + 1, c3, "iam");
    if (!(iam || regionIs(text, c2 + 1, c3, "sts"))
        || c4 != c3 + 1
        || !isAccountId(text, c4 + 1, c5)) {
      return other(text);
    }
    int resource = c5 + 1;
    if (iam && regionIs(text, resource, text.length(), "root")) {
      return new PrincipalName(text, Kind.ACCOUNT, c1 + 1, c2, c4 + 1, c5, ABSENT, ABSENT);
    }
    if (iam && text.startsWith("role/", resource)) {
      // The resource starts with "role/", so the text's last '/' is the resource's last '/'.
      int name = text.lastIndexOf('/') + 1;
      return new PrincipalName(text, Kind.ROLE, c1 + 1, c2, c4 + 1, c5, name, text.length());
    }
    if (!iam && text.startsWith(ASSUMED_ROLE, resource)) {
      int name = resource + ASSUMED_ROLE.length();
      int slash = text.indexOf('/', name);
      if (slash > name) {
        return new PrincipalName(text, Kind.ROLE_SESSION, c1 + 1, c2, c4 + 1, c5, name, slash);
      }
    }
    return new PrincipalName(text, Kind.OTHER_IDENTITY, c1 + 1, c2, c4 + 1, c5, ABSENT, ABSENT);
  }

  /** Returns whether this is an identity of an AWS account (root, user, role, session...). */
  boolean isAccountIdentity() {
    return kind != Kind.OTHER;
  }

  /** Returns whether the principal names a partition (a bare account id does not). */
  boolean hasPartition() {
    return partitionStart != ABSENT;
  }

  /**
   * Returns whether the principal's partition is exactly {@code partition}; false when it has none.
   */
  boolean partitionIs(@Nullable String partition) {
    return partitionStart != ABSENT && regionIs(text, partitionStart, partitionEnd, partition);
  }

  /** Returns whether the principal's account is exactly {@code account}; false when it has none. */
  boolean accountIs(@Nullable String account) {
    return accountStart != ABSENT && regionIs(text, accountStart, accountEnd, account);
  }

  /**
   * Returns whether the principal's role name is exactly {@code roleName}; false when it has none.
   */
  boolean roleNameIs(@Nullable String roleName) {
    return roleStart != ABSENT && regionIs(text, roleStart, roleEnd, roleName);
  }

  private static boolean regionIs(String text, int start, int end, @Nullable String expected) {
    return expected != null
        && end - start == expected.length()
        && text.regionMatches(start, expected, 0, expected.length());
  }

  /** {@link Arn#isAccountId} on {@code text[start, end)}, without cutting it out. */
  private static boolean isAccountId(String text, int start, int end) {
    if (end - start != 12) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
