package dev.policysmith.model.kms;

import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a request to use a KMS key by KMS's rules for a key policy together with the caller's IAM
 * identity policies (grants, SCPs, permission boundaries, session and VPC endpoint policies are not
 * modelled):
 *
 * <ul>
 *   <li>An explicit {@code Deny} in the key policy or in an identity policy wins.
 *   <li>The key policy must allow the request. IAM policies alone never give access to a KMS key:
 *       "unless the key policy explicitly allows it, you cannot use IAM policies to allow access to
 *       a KMS key".
 *   <li>For a principal of the key's own account, the key policy is enough when it names the
 *       principal itself (or {@code "*"}); when it allows only the account (its root ARN or id,
 *       which "lets the account delegate via IAM policies"), an identity policy must allow too.
 *   <li>For a principal of another account, both are required: the key policy must allow the
 *       principal or its account, and an identity policy in the principal's account must allow.
 *   <li>A principal without an account (a service principal such as {@code ec2.amazonaws.com}) has
 *       no identity policies: the key policy alone decides.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * KeyAccess access = KeyAccess.of(keyArn, keyPolicy, List.of(schedulerRolePolicy));
 * Decision decision = access.decide(request);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html">Key
 *     policies in AWS KMS</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html">Allowing
 *     users in other accounts to use a KMS key</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/kms/latest/developerguide/policy-evaluation.html">Troubleshooting
 *     key access</a>
 * @see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/control-access.html">KMS key
 *     access and permissions</a>
 */
public final class KeyAccess {
  private final Arn keyArn;
  private final PolicyEvaluator keyPolicy;
  private final PolicyEvaluator keyPolicyNamingPrincipals;
  private final PolicyEvaluator identityPolicies;

  private KeyAccess(Arn keyArn, PolicyDocument keyPolicy, List<PolicyDocument> identityPolicies) {
    this.keyArn = keyArn;
    this.keyPolicy = PolicyEvaluator.of(keyPolicy);
    this.keyPolicyNamingPrincipals = PolicyEvaluator.of(withoutAccountDelegation(keyPolicy));
    this.identityPolicies = PolicyEvaluator.of(identityPolicies);
  }

  /**
   * Returns the access to the key {@code keyArn} that {@code keyPolicy} and the caller's {@code
   * identityPolicies} give.
   *
   * @throws IllegalArgumentException if {@code keyArn} is not a KMS key ARN
   */
  public static KeyAccess of(
      Arn keyArn, PolicyDocument keyPolicy, List<PolicyDocument> identityPolicies) {
    if (!keyArn.isKmsKey()) {
      throw new IllegalArgumentException(
          "Key ARN must be arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID but was "
              + PolicyFormatException.quote(keyArn.toString()));
    }
    return new KeyAccess(keyArn, keyPolicy, List.copyOf(identityPolicies));
  }

  /** Returns the key's ARN. */
  public Arn keyArn() {
    return keyArn;
  }

  /**
   * Returns the decision for {@code request}, whose resource is the key (a request without a
   * resource is taken to be on the key).
   *
   * @throws IllegalArgumentException if the request names another resource than the key
   */
  public Decision decide(Request request) {
    return explain(request).decision();
  }

  /**
   * Returns the decision for {@code request} with the parts it was made of, and why.
   *
   * @throws IllegalArgumentException if the request names another resource than the key
   */
  public Outcome explain(Request request) {
    Request onKey = onKey(request);
    Decision key = keyPolicy.decide(onKey);
    Decision identity = identityPolicies.decide(onKey);
    Optional<String> account = onKey.principal().flatMap(KeyAccess::accountOf);
    boolean crossAccount = account.isPresent() && !account.get().equals(keyArn.account());
    if (key == Decision.EXPLICIT_DENY) {
      return new Outcome(
          Decision.EXPLICIT_DENY, key, identity, crossAccount, "the key policy denies it");
    }
    if (identity == Decision.EXPLICIT_DENY && account.isPresent()) {
      return new Outcome(
          Decision.EXPLICIT_DENY, key, identity, crossAccount, "an identity policy denies it");
    }
    if (key != Decision.ALLOW) {
      return new Outcome(
          Decision.IMPLICIT_DENY,
          key,
          identity,
          crossAccount,
          "the key policy does not allow it, and IAM policies alone never give access to a KMS key");
    }
    if (account.isEmpty()) {
      return new Outcome(Decision.ALLOW, key, identity, false, "the key policy allows it");
    }
    if (crossAccount) {
      return identity == Decision.ALLOW
          ? new Outcome(
              Decision.ALLOW,
              key,
              identity,
              true,
              "the key policy and an identity policy of the caller's account allow it")
          : new Outcome(
              Decision.IMPLICIT_DENY,
              key,
              identity,
              true,
              "the key policy allows it, but the caller is in another account and no identity policy"
                  + " there allows it");
    }
    if (keyPolicyNamingPrincipals.decide(onKey) == Decision.ALLOW) {
      return new Outcome(
          Decision.ALLOW, key, identity, false, "the key policy allows the principal itself");
    }
    return identity == Decision.ALLOW
        ? new Outcome(
            Decision.ALLOW,
            key,
            identity,
            false,
            "the key policy delegates to the account and an identity policy allows it")
        : new Outcome(
            Decision.IMPLICIT_DENY,
            key,
            identity,
            false,
            "the key policy allows only the account, so an identity policy must allow it, and none does");
  }

  private Request onKey(Request request) {
    if (request.resource().isPresent()) {
      if (!request.resource().get().equals(keyArn.toString())) {
        throw new IllegalArgumentException(
            "Request resource must be the key "
                + PolicyFormatException.quote(keyArn.toString())
                + " but was "
                + PolicyFormatException.quote(request.resource().get()));
      }
      return request;
    }
    return Request.builder().from(request).resource(keyArn.toString()).build();
  }

  /** Returns the account of an IAM or STS principal ARN (role, user, session, root). */
  static Optional<String> accountOf(String principal) {
    return Arn.tryParse(principal)
        .filter(arn -> arn.service().equals("iam") || arn.service().equals("sts"))
        .map(Arn::account)
        .filter(Arn::isAccountId);
  }

  /**
   * Returns the key policy with account principals (root ARNs and account ids) removed from its
   * {@code Allow} statements, so that what it still allows it allows to named principals. Deny
   * statements are kept whole: a deny of the account denies its principals too.
   */
  private static PolicyDocument withoutAccountDelegation(PolicyDocument keyPolicy) {
    List<Statement> statements = new ArrayList<>();
    for (Statement statement : keyPolicy.statements()) {
      Optional<PrincipalClause> principal = statement.principal();
      if (statement.effect() == Effect.DENY
          || principal.isEmpty()
          || principal.get().negated()
          || principal.get().anyone()) {
        statements.add(statement);
        continue;
      }
      PrincipalClause.Builder named = PrincipalClause.builder();
      boolean any = false;
      for (PrincipalEntry entry : principal.get().entries()) {
        List<String> values =
            entry.type() == PrincipalType.AWS
                ? entry.values().stream().filter(v -> !isAccountPrincipal(v)).toList()
                : entry.values();
        if (!values.isEmpty()) {
          named.addEntry(PrincipalEntry.builder().type(entry.type()).addAllValues(values).build());
          any = true;
        }
      }
      if (any) {
        statements.add(statement.toBuilder().principal(named.build()).build());
      }
    }
    return PolicyDocument.builder().from(keyPolicy).statements(statements).build();
  }

  private static boolean isAccountPrincipal(String value) {
    return Arn.isAccountId(value) || Arn.tryParse(value).map(Arn::isAccountRoot).orElse(false);
  }

  /**
   * A decision with its parts: what the key policy and the identity policies decided on their own,
   * whether the caller is of another account than the key, and the reason in words.
   *
   * @param decision the decision by KMS's rules
   * @param keyPolicy what the key policy alone decides
   * @param identityPolicies what the identity policies alone decide
   * @param crossAccount whether the caller's account differs from the key's
   * @param reason why, in words, e.g. "the key policy allows it, but the caller is in another
   *     account and no identity policy there allows it"
   */
  public record Outcome(
      Decision decision,
      Decision keyPolicy,
      Decision identityPolicies,
      boolean crossAccount,
      String reason) {}
}
