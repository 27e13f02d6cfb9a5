package dev.policysmith.model.kms;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.arn.Partition;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The two KMS key-policy statements that let principals (usually an IAM role of another account)
 * start EC2 instances whose EBS volumes are encrypted with a customer managed key: "use of the key"
 * through EC2 in the given regions, and "attachment of persistent resources", which lets EC2 create
 * the grant it needs for the volume.
 *
 * <p>The use statement allows {@code kms:Encrypt}, {@code kms:Decrypt}, {@code kms:ReEncrypt*},
 * {@code kms:GenerateDataKey*} and {@code kms:DescribeKey} on {@code "Resource": "*"} (in a key
 * policy, "this key") only when {@code kms:ViaService} is {@code ec2.REGION.amazonaws.com}; the
 * attachment statement allows {@code kms:CreateGrant} only when {@code kms:GrantIsForAWSResource}
 * is {@code "true"}. A key policy naming a principal of another account is only half of the
 * permission: {@link #identityPolicy(Arn)} builds the other half for the principal's account.
 *
 * <pre>{@code
 * KmsEbsGrants grants = KmsEbsGrants.builder()
 *     .addPrincipal("arn:aws:iam::111122223333:role/Scheduler")
 *     .addRegion("ap-northeast-1")
 *     .build();
 * PolicyDocument keyPolicy = grants.toDocument();
 * }</pre>
 *
 * <p>Instances are immutable; two are equal when their normalised inputs are.
 *
 * @param principals the principals, normalised: account ids written as root ARNs, duplicates
 *     removed, in the order first given
 * @param regions the regions, duplicates removed, in the order first given
 * @param partition the partition of every principal and region
 * @param useSid the Sid of the use statement
 * @param attachmentSid the Sid of the attachment statement
 * @see <a
 *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html">Allowing
 *     users in other accounts to use a KMS key</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html">Required
 *     AWS KMS key policy for use with encrypted volumes</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service">kms:ViaService</a>
 */
public record KmsEbsGrants(
    List<Arn> principals,
    List<String> regions,
    Partition partition,
    String useSid,
    String attachmentSid) {

  /**
   * The default Sid of the use statement. It differs from the console's "Allow use of the key" on
   * purpose: in a console-made key policy that Sid already names the key's own users with other
   * actions, and adding a statement under the same Sid would be a conflict.
   */
  public static final String DEFAULT_USE_SID = "Allow use of the key for EBS through EC2";

  /**
   * The default Sid of the attachment statement; differs from the console's "Allow attachment of
   * persistent resources" for the same reason as {@link #DEFAULT_USE_SID}.
   */
  public static final String DEFAULT_ATTACHMENT_SID =
      "Allow attachment of persistent resources for EBS";

  /** The actions of the use statement, in the order the KMS console writes them. */
  public static final List<String> USE_ACTIONS =
      List.of(
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey");

  /** The action of the attachment statement. */
  public static final List<String> ATTACHMENT_ACTIONS = List.of("kms:CreateGrant");

  /** The condition key that names the AWS service a KMS request came through. */
  public static final String VIA_SERVICE = "kms:ViaService";

  /** The condition key that is true when an integrated AWS service creates the grant. */
  public static final String GRANT_IS_FOR_AWS_RESOURCE = "kms:GrantIsForAWSResource";

  /**
   * Checks the normalised inputs; {@link Builder#build()} is the friendlier way in.
   *
   * @throws IllegalArgumentException if a list is empty, a principal is not an IAM role, user or
   *     account root, principals or regions are of another partition, or the Sids are blank or
   *     equal
   */
  public KmsEbsGrants {
    principals = List.copyOf(principals);
    regions = List.copyOf(regions);
    if (principals.isEmpty()) {
      throw new IllegalArgumentException(
          "Principals must name at least one IAM role, user or account but none was given");
    }
    if (regions.isEmpty()) {
      throw new IllegalArgumentException(
          "Regions must name at least one region but none was given");
    }
    for (Arn principal : principals) {
      if (!principal.isRole() && !principal.isUser() && !principal.isAccountRoot()) {
        throw new IllegalArgumentException(
            "Principal must be an IAM role, an IAM user or an account root"
                + " (arn:PARTITION:iam::ACCOUNT:root) but was "
                + PolicyFormatException.quote(principal.toString()));
      }
      if (principal.partition() != partition) {
        throw new IllegalArgumentException(
            "Principals must all be in partition "
                + PolicyFormatException.quote(partition.id())
                + " but "
                + PolicyFormatException.quote(principal.toString())
                + " is in "
                + PolicyFormatException.quote(principal.partition().id()));
      }
    }
    for (String region : regions) {
      if (!partition.hasRegion(region)) {
        throw new IllegalArgumentException(
            "Region must be a region of partition "
                + PolicyFormatException.quote(partition.id())
                + " but was "
                + PolicyFormatException.quote(region)
                + Partition.ofRegion(region)
                    .map(p -> ", a region of " + PolicyFormatException.quote(p.id()))
                    .orElse(""));
      }
    }
    requireSid("Use Sid", useSid);
    requireSid("Attachment Sid", attachmentSid);
    if (useSid.equals(attachmentSid)) {
      throw new IllegalArgumentException(
          "Use Sid and attachment Sid must differ but both were "
              + PolicyFormatException.quote(useSid));
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the {@code kms:ViaService} values, {@code ec2.REGION.amazonaws.com} per region. The KMS
   * guide says to use the {@code .amazonaws.com} suffix in every partition, China included.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#viaService_table">Services
   *     that support the kms:ViaService condition key</a>
   */
  public List<String> viaServiceValues() {
    return regions.stream().map(KmsEbsGrants::ec2ViaService).toList();
  }

  /** Returns the {@code kms:ViaService} name of EC2 in {@code region}. */
  public static String ec2ViaService(String region) {
    return "ec2." + region + ".amazonaws.com";
  }

  /**
   * Returns the "use of the key" statement: the cryptographic actions EBS needs, on {@code
   * "Resource": "*"}, only through EC2 in the given regions.
   */
  public Statement useStatement() {
    return Statement.builder()
        .sid(useSid)
        .effect(Effect.ALLOW)
        .principal(principalClause())
        .action(actions(USE_ACTIONS))
        .resource(ResourceClause.builder().addPattern(ResourcePattern.ALL).scalar(true).build())
        .condition(viaServiceCondition())
        .build();
  }

  /**
   * Returns the "attachment of persistent resources" statement: {@code kms:CreateGrant} on {@code
   * "Resource": "*"}, only for grants an AWS service makes for its resources.
   */
  public Statement attachmentStatement() {
    return Statement.builder()
        .sid(attachmentSid)
        .effect(Effect.ALLOW)
        .principal(principalClause())
        .action(actions(ATTACHMENT_ACTIONS))
        .resource(ResourceClause.builder().addPattern(ResourcePattern.ALL).scalar(true).build())
        .condition(grantForAwsResourceCondition())
        .build();
  }

  /** Returns the use statement, then the attachment statement. */
  public List<Statement> statements() {
    return List.of(useStatement(), attachmentStatement());
  }

  /** Returns a new key-policy document, Version 2012-10-17, of the two statements. */
  public PolicyDocument toDocument() {
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addAllStatements(statements())
        .build();
  }

  /**
   * Returns the companion identity policy for the principals' account(s): the same actions, on the
   * key ARN instead of {@code "*"}, under the same conditions. Attach it to the role (or user) in
   * its own account: for a principal of another account KMS requires both the key policy and an IAM
   * policy to allow the request. The Sids are the key-policy Sids without spaces and other
   * characters, since IAM allows only letters and digits there.
   *
   * @param keyArn the ARN of the key, {@code arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID}
   * @throws IllegalArgumentException if {@code keyArn} is not a key ARN (an alias ARN does not
   *     control access to the key), is of another partition, or is in a region not among {@link
   *     #regions()}
   * @see <a
   *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html">Allowing
   *     users in other accounts to use a KMS key</a>
   */
  public PolicyDocument identityPolicy(Arn keyArn) {
    if (!keyArn.isKmsKey()) {
      throw new IllegalArgumentException(
          "Key ARN must be arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID but was "
              + PolicyFormatException.quote(keyArn.toString()));
    }
    if (keyArn.partition() != partition) {
      throw new IllegalArgumentException(
          "Key ARN must be in partition "
              + PolicyFormatException.quote(partition.id())
              + " but was "
              + PolicyFormatException.quote(keyArn.toString()));
    }
    if (!regions.contains(keyArn.region())) {
      // A KMS key is regional: EC2 calls it in its own region only, so a grant for other regions
      // would never allow this key.
      throw new IllegalArgumentException(
          "Key ARN must be in one of the regions "
              + regions
              + " but was "
              + PolicyFormatException.quote(keyArn.toString()));
    }
    ResourceClause key =
        ResourceClause.builder()
            .addPattern(ResourcePattern.of(keyArn.toString()))
            .scalar(true)
            .build();
    Statement use =
        Statement.builder()
            .sid(identitySid(useSid))
            .effect(Effect.ALLOW)
            .action(actions(USE_ACTIONS))
            .resource(key)
            .condition(viaServiceCondition())
            .build();
    Statement attachment =
        Statement.builder()
            .sid(identitySid(attachmentSid))
            .effect(Effect.ALLOW)
            .action(actions(ATTACHMENT_ACTIONS))
            .resource(key)
            .condition(grantForAwsResourceCondition())
            .build();
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addStatements(use, attachment)
        .build();
  }

  private PrincipalClause principalClause() {
    // Always an array, as the KMS console writes it, so that adding a principal later is a
    // one-line change.
    return PrincipalClause.builder()
        .addEntry(
            PrincipalEntry.builder()
                .type(PrincipalType.AWS)
                .addAllValues(principals.stream().map(Arn::toString).toList())
                .build())
        .build();
  }

  private static ActionClause actions(List<String> actions) {
    return ActionClause.of(actions.toArray(String[]::new));
  }

  private ConditionBlock viaServiceCondition() {
    // kms:ViaService is single-valued, so plain StringEquals (no ForAnyValue:) with the list of
    // services is right: https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
    return ConditionBlock.of(
        OperatorBlock.of(
            ConditionOperator.of(BaseOperator.STRING_EQUALS),
            KeyCondition.of(VIA_SERVICE, viaServiceValues().toArray(String[]::new))));
  }

  private static ConditionBlock grantForAwsResourceCondition() {
    // Written as the string "true", as the KMS and EC2 Auto Scaling guides write it.
    return ConditionBlock.of(
        OperatorBlock.of(
            ConditionOperator.of(BaseOperator.BOOL),
            KeyCondition.of(GRANT_IS_FOR_AWS_RESOURCE, "true")));
  }

  static String identitySid(String sid) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < sid.length(); i++) {
      char c = sid.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.length() == 0 ? "Statement" : out.toString();
  }

  private static void requireSid(String what, String sid) {
    if (sid.isBlank()) {
      throw new IllegalArgumentException(
          what + " must not be blank but was " + PolicyFormatException.quote(sid));
    }
  }

  /**
   * Builds {@link KmsEbsGrants} from principal and region text, checking each value as it is given
   * where it can be checked alone, and the rest in {@link #build()}.
   */
  public static final class Builder {
    private final List<String> principals = new ArrayList<>();
    private final List<String> regions = new ArrayList<>();
    private @Nullable Partition partition;
    private String useSid = DEFAULT_USE_SID;
    private String attachmentSid = DEFAULT_ATTACHMENT_SID;

    private Builder() {}

    /**
     * Adds a principal: an IAM role or user ARN, an account root ARN, or a bare 12-digit account
     * id, which is written as the account's root ARN (IAM treats the two alike). Checked by {@link
     * #build()}.
     */
    public Builder addPrincipal(String principal) {
      principals.add(principal);
      return this;
    }

    /** Adds each of the principals; see {@link #addPrincipal(String)}. */
    public Builder addPrincipals(Iterable<String> principals) {
      principals.forEach(this::addPrincipal);
      return this;
    }

    /** Adds a region, e.g. {@code ap-northeast-1}, in which EC2 may use the key. */
    public Builder addRegion(String region) {
      regions.add(region);
      return this;
    }

    /** Adds each of the regions. */
    public Builder addRegions(Iterable<String> regions) {
      regions.forEach(this::addRegion);
      return this;
    }

    /**
     * Sets the partition. Optional: by default it is the partition of the principal ARNs, else of
     * the first region, else {@code aws}.
     */
    public Builder partition(Partition partition) {
      this.partition = partition;
      return this;
    }

    /** Sets the Sid of the use statement; {@link #DEFAULT_USE_SID} by default. */
    public Builder useSid(String useSid) {
      this.useSid = useSid;
      return this;
    }

    /** Sets the Sid of the attachment statement; {@link #DEFAULT_ATTACHMENT_SID} by default. */
    public Builder attachmentSid(String attachmentSid) {
      this.attachmentSid = attachmentSid;
      return this;
    }

    /**
     * Checks the inputs and builds the grants. Duplicates (also an account id given beside its root
     * ARN) are dropped, keeping the first occurrence, since they mean nothing twice.
     *
     * @throws PolicyFormatException if a principal is neither an account id nor a well-formed ARN
     * @throws IllegalArgumentException if a principal holds a wildcard, no principal or no region
     *     was given, a principal is not an IAM role, user or account root, principals are of
     *     different partitions, a region is not in the partition, or the Sids are blank or equal
     */
    public KmsEbsGrants build() {
      List<Arn> arns = new ArrayList<>();
      List<String> accountIds = new ArrayList<>();
      Optional<Arn> first = Optional.empty();
      for (String principal : principals) {
        if (principal.indexOf('*') >= 0 || principal.indexOf('?') >= 0) {
          // "You cannot use a wildcard to match part of a principal name or ARN", and "*" alone
          // would hand the key to everyone:
          // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
          throw new IllegalArgumentException(
              "Principal must not contain a wildcard but was "
                  + PolicyFormatException.quote(principal));
        }
        if (Arn.isAccountId(principal)) {
          accountIds.add(principal);
          continue;
        }
        Arn arn = Arn.parse(principal);
        if (first.isPresent() && first.get().partition() != arn.partition()) {
          throw new IllegalArgumentException(
              "Principals must all be in one partition but "
                  + PolicyFormatException.quote(first.get().toString())
                  + " and "
                  + PolicyFormatException.quote(arn.toString())
                  + " are not");
        }
        first = first.isPresent() ? first : Optional.of(arn);
        arns.add(arn);
      }
      Partition resolved = resolvePartition(first);
      Set<Arn> normalized = new LinkedHashSet<>();
      int nextAccount = 0;
      int nextArn = 0;
      // Keep the caller's order across both forms.
      for (String principal : principals) {
        if (Arn.isAccountId(principal)) {
          normalized.add(Arn.accountRoot(resolved, accountIds.get(nextAccount++)));
        } else {
          normalized.add(arns.get(nextArn++));
        }
      }
      List<String> distinctRegions = List.copyOf(new LinkedHashSet<>(regions));
      return new KmsEbsGrants(
          List.copyOf(normalized), distinctRegions, resolved, useSid, attachmentSid);
    }

    private Partition resolvePartition(Optional<Arn> firstArn) {
      if (partition != null) {
        if (firstArn.isPresent() && firstArn.get().partition() != partition) {
          throw new IllegalArgumentException(
              "Principals must be in the given partition "
                  + PolicyFormatException.quote(partition.id())
                  + " but "
                  + PolicyFormatException.quote(firstArn.get().toString())
                  + " is not");
        }
        return partition;
      }
      if (firstArn.isPresent()) {
        return firstArn.get().partition();
      }
      if (!regions.isEmpty()) {
        return Partition.ofRegion(regions.get(0)).orElse(Partition.AWS);
      }
      return Partition.AWS;
    }
  }
}
