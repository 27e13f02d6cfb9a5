package dev.policysmith.model.eval;

import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.arn.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code Principal} or {@code NotPrincipal} clause. Rules, from "IAM JSON policy
 * elements: Principal"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 *
 * <ul>
 *   <li>{@code "*"} and {@code {"AWS": "*"}} are "all principals" and match every request, service
 *       principals and anonymous requests (no principal) included; they stay distinct in the model,
 *       only the decision is the same.
 *   <li>An account id and the account's root ARN "behave the same way" and do "not limit
 *       permissions to only the root user": they match every IAM/STS identity of that account, in
 *       the root ARN's partition only. A bare account id is read as the root ARN in the partition
 *       of its document ({@link Partition#ofDocument}), so it matches exactly what that ARN
 *       matches.
 *   <li>A role ARN matches that ARN and every assumed-role session of the role ({@code
 *       arn:P:sts::A:assumed-role/NAME/SESSION}: the session ARN carries the role's name, not its
 *       path, so the name is compared).
 *   <li>Everything else (users, sessions, federated users, services, {@code Federated}, {@code
 *       CanonicalUser}) matches by exact, case-sensitive string: "You cannot use a wildcard to
 *       match part of a principal name or ARN".
 *   <li>{@code NotPrincipal} matches the principals none of its entries match.
 * </ul>
 */
final class PrincipalMatcher {
  private final boolean negated;
  private final Entry[] entries;

  private PrincipalMatcher(boolean negated, Entry[] entries) {
    this.negated = negated;
    this.entries = entries;
  }

  /**
   * Compiles a clause of a document in {@code partition}, the partition its bare account ids are
   * roots of.
   */
  static PrincipalMatcher compile(PrincipalClause clause, Partition partition) {
    List<Entry> entries = new ArrayList<>();
    if (clause.anyone()) {
      entries.add(Entry.ANY);
    }
    for (PrincipalEntry entry : clause.entries()) {
      for (String value : entry.values()) {
        entries.add(Entry.of(entry.type(), value, partition));
      }
    }
    return new PrincipalMatcher(clause.negated(), entries.toArray(new Entry[0]));
  }

  boolean matches(RequestView request) {
    boolean any = false;
    for (Entry entry : entries) {
      if (entry.matches(request)) {
        any = true;
        break;
      }
    }
    return any != negated;
  }

  /** One principal identifier of a clause, classified once with {@link Arn}. */
  private static final class Entry {
    static final Entry ANY = new Entry(Mode.ANY, "*", null, null, null);

    enum Mode {
      ANY,
      ACCOUNT,
      ROLE,
      EXACT
    }

    private final Mode mode;
    private final String text;
    private final @Nullable String partition;
    private final @Nullable String account;
    private final @Nullable String roleName;

    private Entry(
        Mode mode,
        String text,
        @Nullable String partition,
        @Nullable String account,
        @Nullable String roleName) {
      this.mode = mode;
      this.text = text;
      this.partition = partition;
      this.account = account;
      this.roleName = roleName;
    }

    static Entry of(PrincipalType type, String value, Partition partition) {
      if (type != PrincipalType.AWS) {
        return new Entry(Mode.EXACT, value, null, null, null);
      }
      if (value.equals("*")) {
        return ANY;
      }
      if (Arn.isAccountId(value)) {
        // IAM stores "AWS": "ID" as arn:PARTITION:iam::ID:root, PARTITION being where the policy
        // lives:
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts
        return of(type, Arn.accountRoot(partition, value).toString(), partition);
      }
      Arn arn = Arn.tryParse(value).orElse(null);
      if (arn != null && arn.isAccountRoot()) {
        return new Entry(Mode.ACCOUNT, value, arn.partition().id(), arn.account(), null);
      }
      if (arn != null && arn.isRole() && Arn.isAccountId(arn.account())) {
        return new Entry(Mode.ROLE, value, arn.partition().id(), arn.account(), arn.roleName());
      }
      return new Entry(Mode.EXACT, value, null, null, null);
    }

    boolean matches(RequestView request) {
      if (mode == Mode.ANY) {
        return true;
      }
      String principal = request.principal();
      if (principal == null) {
        return false;
      }
      if (mode == Mode.EXACT || principal.equals(text)) {
        return principal.equals(text);
      }
      PrincipalName caller = Objects.requireNonNull(request.principalName());
      if (mode == Mode.ACCOUNT) {
        // A caller given as a bare account id names no partition: any root ARN of it matches.
        return caller.isAccountIdentity()
            && caller.accountIs(account)
            && (!caller.hasPartition() || caller.partitionIs(partition));
      }
      // A role session always has an account, a partition and a role name, so "is" (false for
      // an absent part) agrees with Objects.equals for it.
      return caller.kind == PrincipalName.Kind.ROLE_SESSION
          && caller.accountIs(account)
          && caller.partitionIs(partition)
          && caller.roleNameIs(roleName);
    }
  }
}
