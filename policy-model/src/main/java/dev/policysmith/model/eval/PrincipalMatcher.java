package dev.policysmith.model.eval;

import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
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
 *   <li>{@code "*"} and {@code {"AWS": "*"}} are "all principals" and match every request,
 *       service principals and anonymous requests (no principal) included; they stay distinct in
 *       the model, only the decision is the same.
 *   <li>An account id and the account's root ARN "behave the same way" and do "not limit
 *       permissions to only the root user": they match every IAM/STS identity of that account. A
 *       bare account id matches in any partition, a root ARN only in its own.
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

  static PrincipalMatcher compile(PrincipalClause clause) {
    List<Entry> entries = new ArrayList<>();
    if (clause.anyone()) {
      entries.add(Entry.ANY);
    }
    for (PrincipalEntry entry : clause.entries()) {
      for (String value : entry.values()) {
        entries.add(Entry.of(entry.type(), value));
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

  /** One principal identifier of a clause. */
  private static final class Entry {
    static final Entry ANY = new Entry(Mode.ANY, "*", null);

    enum Mode {
      ANY,
      ACCOUNT,
      ROLE,
      EXACT
    }

    private final Mode mode;
    private final String text;
    private final @Nullable PrincipalName name;

    private Entry(Mode mode, String text, @Nullable PrincipalName name) {
      this.mode = mode;
      this.text = text;
      this.name = name;
    }

    static Entry of(PrincipalType type, String value) {
      if (type != PrincipalType.AWS) {
        return new Entry(Mode.EXACT, value, null);
      }
      if (value.equals("*")) {
        return ANY;
      }
      PrincipalName name = PrincipalName.parse(value);
      return switch (name.kind) {
        case ACCOUNT -> new Entry(Mode.ACCOUNT, value, name);
        case ROLE -> new Entry(Mode.ROLE, value, name);
        default -> new Entry(Mode.EXACT, value, name);
      };
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
      PrincipalName own = Objects.requireNonNull(name);
      if (mode == Mode.ACCOUNT) {
        return caller.isAccountIdentity()
            && own.account.equals(caller.account)
            && (own.partition == null
                || caller.partition == null
                || own.partition.equals(caller.partition));
      }
      return caller.kind == PrincipalName.Kind.ROLE_SESSION
          && own.account.equals(caller.account)
          && Objects.equals(own.partition, caller.partition)
          && Objects.equals(own.roleName, caller.roleName);
    }
  }
}
