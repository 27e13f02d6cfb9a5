package dev.policysmith.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default methods of {@link ActionCatalog}, over {@link TinyCatalog}. */
class ActionCatalogTest {
  private static final ActionCatalog CATALOG = TinyCatalog.INSTANCE;

  private static List<String> names(List<CatalogAction> actions) {
    return actions.stream().map(CatalogAction::qualifiedName).toList();
  }

  @Test
  void expand_reEncryptStar_givesFromAndTo() {
    assertThat(names(CATALOG.expand(ActionPattern.of("kms:ReEncrypt*"))))
        .containsExactly("kms:ReEncryptFrom", "kms:ReEncryptTo");
  }

  @Test
  void expand_serviceWildcardAndCase_spansServices() {
    assertThat(names(CATALOG.expand(ActionPattern.of("*:*crypt*"))))
        .containsExactly("kms:Decrypt", "kms:Encrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo");
    assertThat(names(CATALOG.expand(ActionPattern.of("S3:getobject"))))
        .containsExactly("s3:GetObject");
    assertThat(CATALOG.expand(ActionPattern.of("sqs:*"))).isEmpty();
  }

  @Test
  void expandClause_notAction_isTheComplementOverEveryService() {
    assertThat(
            names(
                CATALOG.expand(
                    ActionClause.builder()
                        .negated(true)
                        .addPattern(ActionPattern.of("kms:*"))
                        .build())))
        .containsExactly("s3:GetObject", "s3:ListAllMyBuckets");
    assertThat(
            names(
                CATALOG.expandNot(
                    "kms", List.of(ActionPattern.of("kms:*crypt*"), ActionPattern.of("kms:*Key")))))
        .containsExactly("kms:CreateGrant", "kms:TagResource");
  }

  @Test
  void accessLevels_clause_groupsInEnumOrder() {
    assertThat(
            CATALOG.accessLevels(
                ActionClause.of("kms:TagResource", "kms:DescribeKey", "kms:CreateGrant")))
        .containsOnlyKeys(AccessLevel.READ, AccessLevel.TAGGING, AccessLevel.PERMISSIONS_MANAGEMENT)
        .extractingByKey(AccessLevel.READ)
        .satisfies(actions -> assertThat(names(actions)).containsExactly("kms:DescribeKey"));
  }

  @Test
  void conditionKeyApplies_ownResourceTypeGlobalAndTemplates() {
    assertThat(CATALOG.conditionKeyApplies("kms:viaservice", "KMS:Decrypt")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("kms:KeyOrigin", "kms:Decrypt")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("aws:ResourceTag/Team", "kms:Decrypt")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("kms:EncryptionContext:Dept", "kms:Decrypt")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("s3:ExistingObjectTag/x", "s3:GetObject")).isTrue();
    assertThat(CATALOG.conditionKeyApplies("aws:PrincipalTag/Team", "s3:ListAllMyBuckets"))
        .isTrue();
    assertThat(CATALOG.conditionKeyApplies("kms:GrantIsForAWSResource", "kms:Decrypt")).isFalse();
    assertThat(CATALOG.conditionKeyApplies("kms:ViaService", "s3:GetObject")).isFalse();
    assertThat(CATALOG.conditionKeyApplies("kms:ViaService", "kms:Nothing")).isFalse();
  }

  @Test
  void templateMatches_placeholders_needSomeText() {
    assertThat(
            CatalogConditionKey.templateMatches("aws:ResourceTag/${TagKey}", "AWS:RESOURCETAG/x"))
        .isTrue();
    assertThat(CatalogConditionKey.templateMatches("aws:ResourceTag/${TagKey}", "aws:ResourceTag/"))
        .isFalse();
    assertThat(CatalogConditionKey.templateMatches("a.b/${X}", "aXb/y")).isFalse();
    assertThat(CatalogConditionKey.templateMatches("kms:ViaService", "kms:VIASERVICE")).isTrue();
  }

  @Test
  void resourceTypes_action_areTheServicesTypes() {
    assertThat(CATALOG.resourceTypes("kms:Decrypt"))
        .extracting(ResourceType::name)
        .containsExactly("key");
    assertThat(CATALOG.resourceTypes("s3:ListAllMyBuckets")).isEmpty();
    assertThat(CATALOG.accessLevel("s3:listallmybuckets")).contains(AccessLevel.LIST);
  }
}
