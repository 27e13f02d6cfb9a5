package dev.policysmith.model.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A hand-written catalogue of a few KMS and S3 actions, as the Service Authorization Reference
 * lists them
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html), for the
 * model's tests, which cannot use the bundled one. Only the abstract methods are written: every
 * other answer comes from {@link ActionCatalog}'s defaults.
 */
public final class TinyCatalog implements ActionCatalog {
  private static final List<String> KMS_KEY_KEYS =
      List.of("aws:ResourceTag/${TagKey}", "kms:KeyOrigin");

  /** The one instance; after the constants its constructor uses. */
  public static final TinyCatalog INSTANCE = new TinyCatalog();

  private static CatalogAction kms(String name, AccessLevel level, String... keys) {
    return CatalogAction.builder()
        .service("kms")
        .name(name)
        .accessLevel(level)
        .addResourceType("key")
        .addConditionKeys(keys)
        .build();
  }

  private final List<CatalogService> services =
      List.of(
          CatalogService.builder()
              .prefix("kms")
              .addActions(
                  kms(
                      "CreateGrant",
                      AccessLevel.PERMISSIONS_MANAGEMENT,
                      "kms:GrantIsForAWSResource",
                      "kms:ViaService"),
                  kms(
                      "Decrypt",
                      AccessLevel.WRITE,
                      "kms:EncryptionContext:${EncryptionContextKey}",
                      "kms:ViaService"),
                  kms("DescribeKey", AccessLevel.READ, "kms:ViaService"),
                  kms("Encrypt", AccessLevel.WRITE, "kms:ViaService"),
                  kms("ReEncryptFrom", AccessLevel.WRITE, "kms:ViaService"),
                  kms("ReEncryptTo", AccessLevel.WRITE, "kms:ViaService"),
                  kms("TagResource", AccessLevel.TAGGING, "aws:RequestTag/${TagKey}"))
              .addResourceType(
                  ResourceType.builder()
                      .name("key")
                      .addArnFormat("arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}")
                      .conditionKeys(KMS_KEY_KEYS)
                      .build())
              .addConditionKey(CatalogConditionKey.of("kms:ViaService", "String"))
              .build(),
          CatalogService.builder()
              .prefix("s3")
              .addActions(
                  CatalogAction.builder()
                      .service("s3")
                      .name("GetObject")
                      .accessLevel(AccessLevel.READ)
                      .addResourceType("object")
                      .addConditionKey("s3:ExistingObjectTag/<key>")
                      .build(),
                  CatalogAction.builder()
                      .service("s3")
                      .name("ListAllMyBuckets")
                      .accessLevel(AccessLevel.LIST)
                      .build())
              .addResourceType(
                  ResourceType.builder()
                      .name("object")
                      .addArnFormat("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
                      .build())
              .build());

  private TinyCatalog() {}

  @Override
  public LocalDate date() {
    return LocalDate.of(2026, 9, 26);
  }

  @Override
  public List<CatalogService> services() {
    return services;
  }

  @Override
  public Optional<CatalogService> service(String prefix) {
    return services.stream().filter(s -> s.prefix().equalsIgnoreCase(prefix)).findFirst();
  }

  @Override
  public Optional<CatalogAction> action(String qualifiedName) {
    String lower = qualifiedName.toLowerCase(Locale.ROOT);
    return services.stream()
        .flatMap(s -> s.actions().stream())
        .filter(a -> a.qualifiedName().toLowerCase(Locale.ROOT).equals(lower))
        .findFirst();
  }

  @Override
  public List<CatalogConditionKey> globalConditionKeys() {
    return List.of(
        CatalogConditionKey.of("aws:SourceIp", "IPAddress"),
        CatalogConditionKey.of("aws:PrincipalTag/${TagKey}", "String"),
        CatalogConditionKey.of("ec2:SourceInstanceArn", "ARN"));
  }
}
