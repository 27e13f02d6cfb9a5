package dev.policysmith.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.validate.Finding;
import dev.policysmith.model.validate.FindingCode;
import dev.policysmith.model.validate.PolicyKind;
import dev.policysmith.model.validate.PolicyValidator;
import dev.policysmith.model.validate.Severity;
import dev.policysmith.model.validate.ValidationOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PolicyValidator} with the bundled catalogue: the checks of {@code CatalogChecks}. */
class CatalogValidationTest {
  private static final ValidationOptions WITH_CATALOG =
      ValidationOptions.builder().kind(PolicyKind.IDENTITY).catalog(IamCatalog.bundled()).build();

  private static List<Finding> validate(String json) {
    return PolicyValidator.standard().validate(json, WITH_CATALOG);
  }

  private static List<Finding> validate(String json, ValidationOptions options) {
    return PolicyValidator.standard().validate(json, options);
  }

  @Test
  void validate_typoInAction_warnsWithDateAndSuggestion() {
    List<Finding> findings =
        validate(
            """
            {"Version": "2012-10-17",
             "Statement": {"Effect": "Allow", "Action": ["kms:Decript", "kms:GenerateDataKeys"], "Resource": "*"}}
            """);
    assertThat(findings)
        .containsExactly(
            Finding.of(
                Severity.WARNING,
                FindingCode.UNKNOWN_ACTION,
                "/Statement/Action/0",
                "Action \"kms:Decript\" is not in the action catalogue of 2026-09-26; did you mean \"kms:Decrypt\"?"),
            Finding.of(
                Severity.WARNING,
                FindingCode.UNKNOWN_ACTION,
                "/Statement/Action/1",
                "Action \"kms:GenerateDataKeys\" is not in the action catalogue of 2026-09-26; did you mean"
                    + " \"kms:GenerateDataKey\"?"));
  }

  @Test
  void validate_actionFarFromAnyName_warnsWithoutSuggestion() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms:Frobnicate", "Resource": "*"}}
            """))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo(FindingCode.UNKNOWN_ACTION);
              assertThat(finding.message())
                  .endsWith("check the spelling, or the action is newer than the catalogue");
            });
  }

  @Test
  void validate_typoInService_suggestsTheServiceWithThatAction() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kmz:Decrypt", "Resource": "*"}}
            """))
        .containsExactly(
            Finding.of(
                FindingCode.UNKNOWN_SERVICE,
                "/Statement/Action",
                "Service prefix \"kmz\" is not in the action catalogue of 2026-09-26; did you mean \"kms:Decrypt\"?"));
  }

  @Test
  void validate_anyCase_isNotAFinding() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["KMS:decrypt", "iam:passrole"], "Resource": "*"}}
            """))
        .extracting(Finding::code)
        .doesNotContain(FindingCode.UNKNOWN_ACTION, FindingCode.UNKNOWN_SERVICE);
  }

  @Test
  void validate_patternMatchingNothing_warns() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["kms:Decrypt*Now", "zz*:Get*"], "Resource": "*"}}
            """))
        .extracting(Finding::code, Finding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                FindingCode.PATTERN_MATCHES_NO_ACTION, "/Statement/Action/0"),
            org.assertj.core.groups.Tuple.tuple(
                FindingCode.PATTERN_MATCHES_NO_ACTION, "/Statement/Action/1"));
  }

  @Test
  void validate_conditionKeyOfAnotherService_warnsAtTheKey() {
    List<Finding> findings =
        validate(
            """
            {"Version": "2012-10-17",
             "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {"StringEquals": {"kms:ViaService": "s3.eu-west-1.amazonaws.com", "aws:SourceVpce": "vpce-1"}}}}
            """);
    assertThat(findings)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo(FindingCode.CONDITION_KEY_NOT_APPLICABLE);
              assertThat(finding.pointer())
                  .isEqualTo("/Statement/Condition/StringEquals/kms:ViaService");
              assertThat(finding.message())
                  .startsWith(
                      "Condition key \"kms:ViaService\" applies to none of the statement's actions (s3:GetObject)")
                  .contains("2026-09-26");
            });
  }

  @Test
  void validate_ebsCrossAccountStatements_haveNoCatalogFindings() {
    // The two statements of examples/ebs-cross-account-statements.json, from
    // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html (cross-account use).
    List<Finding> findings =
        validate(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Use", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Scheduler"},
               "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
               "Resource": "*",
               "Condition": {"StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}},
              {"Sid": "Attach", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Scheduler"},
               "Action": "kms:CreateGrant", "Resource": "*",
               "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}}]}
            """,
            ValidationOptions.builder().catalog(IamCatalog.bundled()).build());
    assertThat(findings)
        .extracting(Finding::code)
        .doesNotContain(
            FindingCode.UNKNOWN_ACTION,
            FindingCode.UNKNOWN_SERVICE,
            FindingCode.PATTERN_MATCHES_NO_ACTION,
            FindingCode.CONDITION_KEY_NOT_APPLICABLE,
            FindingCode.ACCESS_LEVEL_SUMMARY);
  }

  @Test
  void validate_grantKeyOnDecrypt_warns() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
              "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}}}
            """))
        .extracting(Finding::code)
        .containsExactly(FindingCode.CONDITION_KEY_NOT_APPLICABLE);
  }

  @Test
  void validate_keysOfResourceTypesAndTemplates_apply() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["kms:Decrypt", "s3:GetObject"], "Resource": "*",
              "Condition": {"StringEquals": {"kms:EncryptionContext:Department": "x", "s3:ExistingObjectTag/c": "y",
                "kms:KeyOrigin": "AWS_KMS", "aws:ResourceTag/Project": "p"}}}}
            """))
        .isEmpty();
  }

  @Test
  void validate_wildcardAcrossServicesOrNotAction_skipsKeyCheck() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {"kms:ViaService": "x"}}},
              {"Effect": "Deny", "NotAction": "s3:GetObject", "Resource": "*", "Condition": {"StringEquals": {"kms:GrantIsForAWSResource": "x"}}}]}
            """))
        .extracting(Finding::code)
        .doesNotContain(FindingCode.CONDITION_KEY_NOT_APPLICABLE);
  }

  @Test
  void validate_withoutCatalog_keepsTodaysFindings() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms:Decript", "Resource": "*"}}
            """,
                ValidationOptions.of(PolicyKind.IDENTITY)))
        .isEmpty();
  }

  @Test
  void validate_accessLevelSummaryRequested_summarizesEachStatement() {
    List<Finding> findings =
        validate(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["kms:ReEncrypt*", "kms:DescribeKey", "kms:PutKeyPolicy"], "Resource": "*"},
              {"Effect": "Deny", "Action": "kms:TagResource", "Resource": "*"}]}
            """,
            ValidationOptions.builder()
                .kind(PolicyKind.IDENTITY)
                .catalog(IamCatalog.bundled())
                .accessLevelSummary(true)
                .build());
    assertThat(findings)
        .containsExactly(
            Finding.of(
                FindingCode.ACCESS_LEVEL_SUMMARY,
                "/Statement/0/Action",
                "Allows on 2026-09-26: Read 1 (kms:DescribeKey); Write 2 (kms:ReEncryptFrom, kms:ReEncryptTo);"
                    + " Permissions management 1 (kms:PutKeyPolicy)"),
            Finding.of(
                FindingCode.ACCESS_LEVEL_SUMMARY,
                "/Statement/1/Action",
                "Denies on 2026-09-26: Tagging 1 (kms:TagResource)"));
  }

  @Test
  void validate_hyphenatedActionName_isNotMalformed() {
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
              "Action": "vpc-lattice:AssociateViaAWSService-EventsAndStates", "Resource": "*"}}
            """))
        .isEmpty();
  }

  @Test
  void validate_keyDeclaredByServiceButListedForNoAction_isNotFlagged() {
    // As in the AWS managed policy AWSIoTTwinMakerServiceRolePolicy.
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "iottwinmaker:GetEntity", "Resource": "*",
              "Condition": {"ForAnyValue:StringEquals": {"iottwinmaker:linkedServices": "IOTSITEWISE"}}}}
            """))
        .isEmpty();
  }

  @Test
  void validate_tagKeyTemplateWrittenAsTagKey_matchesAnyTag() {
    // secretsmanager writes its template as ResourceTag/tag-key; AWSDataSyncFullAccess uses it.
    assertThat(
            validate(
                """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "secretsmanager:DeleteSecret", "Resource": "*",
              "Condition": {"StringEquals": {"secretsmanager:ResourceTag/aws:secretsmanager:owningService": "aws-datasync"}}}}
            """))
        .isEmpty();
  }
}
