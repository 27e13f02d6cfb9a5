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
 * dev.policysmith.model.arn.Arn#parse} checks every component with regular expressions and
 * throws on a service principal, which is too slow for the evaluator's hot path. Policy
 * principals are classified with {@code Arn} when the evaluator is built.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
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

  final String text;
  final Kind kind;
  final @Nullable String partition;
  final @Nullable String account;
  final @Nullable String roleName;

  private PrincipalName(
      String text, Kind kind, @Nullable String partition, @Nullable String account, @Nullable String roleName) {
    this.text = text;
    this.kind = kind;
    this.partition = partition;
    this.account = account;
    this.roleName = roleName;
  }

  static PrincipalName parse(String text) {
    if (Arn.isAccountId(text)) {
      return new PrincipalName(text, Kind.ACCOUNT, null, text, null);
    }
    if (!text.startsWith("arn:")) {
      return new PrincipalName(text, Kind.OTHER, null, null, null);
    }
    int c1 = 3;
    int c2 = text.indexOf(':', c1 + 1);
    int c3 = c2 < 0 ? -1 : text.indexOf(':', c2 + 1);
    int c4 = c3 < 0 ? -1 : text.indexOf(':', c3 + 1);
    int c5 = c4 < 0 ? -1 : text.indexOf(':', c4 + 1);
    if (c5 < 0) {
      return new PrincipalName(text, Kind.OTHER, null, null, null);
    }
    String partition = text.substring(c1 + 1, c2);
    String service = text.substring(c2 + 1, c3);
    String account = text.substring(c4 + 1, c5);
    String resource = text.substring(c5 + 1);
    boolean iam = service.equals("iam");
    if (!(iam || service.equals("sts")) || c4 != c3 + 1 || !Arn.isAccountId(account)) {
      return new PrincipalName(text, Kind.OTHER, null, null, null);
    }
    if (iam && resource.equals("root")) {
      return new PrincipalName(text, Kind.ACCOUNT, partition, account, null);
    }
    if (iam && resource.startsWith("role/")) {
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      return new PrincipalName(text, Kind.ROLE, partition, account, name);
    }
    if (!iam && resource.startsWith("assumed-role/")) {
      int slash = resource.indexOf('/', "assumed-role/".length());
      if (slash > "assumed-role/".length()) {
        String name = resource.substring("assumed-role/".length(), slash);
        return new PrincipalName(text, Kind.ROLE_SESSION, partition, account, name);
      }
    }
    return new PrincipalName(text, Kind.OTHER_IDENTITY, partition, account, null);
  }

  /** Returns whether this is an identity of an AWS account (root, user, role, session...). */
  boolean isAccountIdentity() {
    return kind != Kind.OTHER;
  }
}
