package dev.policysmith.model.arn;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An AWS partition, the first component of an ARN after {@code arn:}, with the regions it holds.
 *
 * <p>The region lists are those published by AWS when this release was made; a region AWS opens
 * later is unknown here until the list is updated. Only {@link #hasRegion(String)} depends on them.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html">Identify AWS
 *     resources with Amazon Resource Names (ARNs)</a>
 */
public enum Partition {
  /** {@code aws}: the commercial regions. */
  AWS(
      "aws",
      "us-east-1",
      "us-east-2",
      "us-west-1",
      "us-west-2",
      "af-south-1",
      "ap-east-1",
      "ap-east-2",
      "ap-south-1",
      "ap-south-2",
      "ap-southeast-1",
      "ap-southeast-2",
      "ap-southeast-3",
      "ap-southeast-4",
      "ap-southeast-5",
      "ap-southeast-6",
      "ap-southeast-7",
      "ap-northeast-1",
      "ap-northeast-2",
      "ap-northeast-3",
      "ca-central-1",
      "ca-west-1",
      "eu-central-1",
      "eu-central-2",
      "eu-west-1",
      "eu-west-2",
      "eu-west-3",
      "eu-south-1",
      "eu-south-2",
      "eu-north-1",
      "il-central-1",
      "me-south-1",
      "me-central-1",
      "mx-central-1",
      "sa-east-1"),
  /** {@code aws-cn}: the China regions. */
  AWS_CN("aws-cn", "cn-north-1", "cn-northwest-1"),
  /** {@code aws-us-gov}: AWS GovCloud (US). */
  AWS_US_GOV("aws-us-gov", "us-gov-west-1", "us-gov-east-1"),
  /** {@code aws-iso}: AWS ISO (US). */
  AWS_ISO("aws-iso", "us-iso-east-1", "us-iso-west-1"),
  /** {@code aws-iso-b}: AWS ISOB (US). */
  AWS_ISO_B("aws-iso-b", "us-isob-east-1", "us-isob-west-1"),
  /** {@code aws-iso-e}: AWS ISOE (Europe). */
  AWS_ISO_E("aws-iso-e", "eu-isoe-west-1"),
  /** {@code aws-iso-f}: AWS ISOF. */
  AWS_ISO_F("aws-iso-f", "us-isof-south-1", "us-isof-east-1"),
  /** {@code aws-eusc}: the AWS European Sovereign Cloud. */
  AWS_EUSC("aws-eusc", "eusc-de-east-1");

  private final String id;
  private final List<String> regions;

  Partition(String id, String... regions) {
    this.id = id;
    this.regions = List.of(regions);
  }

  /** Returns the partition id as written in an ARN, e.g. {@code aws-cn}. */
  public String id() {
    return id;
  }

  /** Returns the partition's known regions. */
  public List<String> regions() {
    return regions;
  }

  /** Returns whether {@code region} is a known region of this partition. */
  public boolean hasRegion(String region) {
    return regions.contains(region);
  }

  /** Returns the partition whose id is exactly {@code id}. */
  public static Optional<Partition> fromId(String id) {
    for (Partition partition : values()) {
      if (partition.id.equals(id)) {
        return Optional.of(partition);
      }
    }
    return Optional.empty();
  }

  /** Returns the partition that holds the known region {@code region}. */
  public static Optional<Partition> ofRegion(String region) {
    for (Partition partition : values()) {
      if (partition.hasRegion(region)) {
        return Optional.of(partition);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the partition a policy document lives in, as far as the document itself tells: the one
   * partition that its principal and resource ARNs name (in {@code Principal}, {@code
   * NotPrincipal}, {@code Resource} and {@code NotResource}), or {@link #AWS} when they name none
   * or more than one. ARN patterns whose partition is a wildcard name none.
   *
   * <p>This is what a bare account id in the document means. IAM treats {@code "AWS":
   * "111122223333"} and {@code "AWS": "arn:aws:iam::111122223333:root"} the same way ("The account
   * ARN and the shortened account ID behave the same way") and stores the ARN form: the root of
   * that account in the partition the policy is attached in. Offline, the document's own ARNs are
   * the only witness of that partition, so the evaluator, the canonical form and the diff all read
   * a bare account id as {@code arn:PARTITION:iam::ID:root} with {@code PARTITION} this value.
   *
   * <pre>{@code
   * Partition partition = Partition.ofDocument(keyPolicy);
   * Arn root = Arn.accountRoot(partition, "111122223333");
   * }</pre>
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts">IAM
   *     JSON policy elements: Principal, AWS account principals</a>
   */
  public static Partition ofDocument(PolicyDocument document) {
    Set<Partition> named = EnumSet.noneOf(Partition.class);
    for (Statement statement : document.statements()) {
      statement
          .principal()
          .ifPresent(
              clause ->
                  clause
                      .entries()
                      .forEach(entry -> entry.values().forEach(v -> addNamed(v, named))));
      statement
          .resource()
          .ifPresent(clause -> clause.patterns().forEach(p -> addNamed(p.value(), named)));
    }
    return named.size() == 1 ? named.iterator().next() : AWS;
  }

  private static void addNamed(String text, Set<Partition> named) {
    if (text.startsWith("arn:")) {
      int end = text.indexOf(':', 4);
      if (end > 4) {
        fromId(text.substring(4, end)).ifPresent(named::add);
      }
    }
  }

  /** Returns the partition ids, comma-separated, for messages. */
  static String ids() {
    return Arrays.stream(values()).map(Partition::id).collect(Collectors.joining(", "));
  }
}
