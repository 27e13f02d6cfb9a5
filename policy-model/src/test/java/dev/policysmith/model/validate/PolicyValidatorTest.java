package dev.policysmith.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.catalog.TinyCatalog;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.kms.KmsEbsGrants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One positive and one negative example per {@link FindingCode}. Checks after
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html and
 * https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
 */
class PolicyValidatorTest {
  private static final Arn KEY =
      Arn.parse("arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab");
  private static final ValidationOptions KEY_OPTIONS = ValidationOptions.forKey(KEY);
  private static final ValidationOptions KEY_NO_ARN = ValidationOptions.of(PolicyKind.KEY);
  private static final ValidationOptions IDENTITY = ValidationOptions.of(PolicyKind.IDENTITY);
  private static final ValidationOptions RESOURCE = ValidationOptions.of(PolicyKind.RESOURCE);
  private static final ValidationOptions CATALOG =
      ValidationOptions.builder().kind(PolicyKind.IDENTITY).catalog(TinyCatalog.INSTANCE).build();
  private static final ValidationOptions CATALOG_SUMMARY =
      ValidationOptions.builder()
          .kind(PolicyKind.IDENTITY)
          .catalog(TinyCatalog.INSTANCE)
          .accessLevelSummary(true)
          .build();

  /** A row: the code, the options, a document that has it at the pointer, one that has not. */
  record Row(
      FindingCode code,
      ValidationOptions options,
      String positive,
      String pointer,
      String negative) {
    @Override
    public String toString() {
      return code.name();
    }
  }

  static List<Row> rows() {
    return java.util.stream.Stream.concat(rowsWithoutCatalog().stream(), catalogRows().stream())
        .toList();
  }

  static List<Row> catalogRows() {
    return List.of(
        new Row(
            FindingCode.UNKNOWN_SERVICE,
            CATALOG,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kmz:Decrypt", "Resource": "*"}]}
            """,
            "/Statement/0/Action",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.UNKNOWN_ACTION,
            CATALOG,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "kms:Decript"], "Resource": "*"}]}
            """,
            "/Statement/0/Action/1",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "KMS:decrypt"], "Resource": "*"}]}
            """),
        new Row(
            FindingCode.PATTERN_MATCHES_NO_ACTION,
            CATALOG,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Zap*", "Resource": "*"}]}
            """,
            "/Statement/0/Action",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:ReEncrypt*", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.CONDITION_KEY_NOT_APPLICABLE,
            CATALOG,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": "s3.ap-northeast-1.amazonaws.com"}}}]}
            """,
            "/Statement/0/Condition/StringEquals/kms:ViaService",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "kms:Decrypt"], "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": "s3.ap-northeast-1.amazonaws.com"}}}]}
            """),
        new Row(
            FindingCode.ACCESS_LEVEL_SUMMARY,
            CATALOG_SUMMARY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}
            """,
            "/Statement/0/Action",
            """
            {"Version": "2012-10-17", "Statement": []}
            """));
  }

  static List<Row> rowsWithoutCatalog() {
    return List.of(
        new Row(
            FindingCode.MALFORMED_DOCUMENT,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """,
            "/Statement/0/Effect",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.INVALID_VERSION,
            IDENTITY,
            """
            {"Version": "2012-10-18", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """,
            "/Version",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.UNKNOWN_CONDITION_OPERATOR,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"stringEquals": {"aws:PrincipalAccount": "111122223333"}}}]}
            """,
            "/Statement/0/Condition/stringEquals",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"StringEquals": {"aws:PrincipalAccount": "111122223333"}}}]}
            """),
        new Row(
            FindingCode.PRINCIPAL_IN_IDENTITY_POLICY,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}
            """,
            "/Statement/0/Principal",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.MISSING_PRINCIPAL,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:DescribeKey", "Resource": "*"}]}
            """,
            "/Statement/0",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:role/Reader"}, "Action": "kms:DescribeKey", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.MALFORMED_ACTION,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms Decrypt", "Resource": "*"}]}
            """,
            "/Statement/0/Action",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.MALFORMED_RESOURCE,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
              "Resource": ["arn:aws:s3:::bucket/*", "bucket/*"]}]}
            """,
            "/Statement/0/Resource/1",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
              "Resource": ["arn:aws:s3:::bucket/*", "arn:${aws:Partition}:s3:::other/*"]}]}
            """),
        new Row(
            FindingCode.MALFORMED_PRINCIPAL,
            RESOURCE,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:s3:::bucket"}, "Action": "s3:GetObject", "Resource": "*"}]}
            """,
            "/Statement/0/Principal/AWS",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["111122223333", "AROAEXAMPLEEXAMPLE12", "arn:aws:sts::111122223333:assumed-role/R/s"],
                            "Service": "ec2.amazonaws.com"},
              "Action": "s3:GetObject", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.WILDCARD_IN_PRINCIPAL,
            RESOURCE,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111122223333:role/*"]}, "Action": "s3:GetObject", "Resource": "*"}]}
            """,
            "/Statement/0/Principal/AWS/0",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Reader"]}, "Action": "s3:GetObject", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.CONDITION_VALUE_TYPE_MISMATCH,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"Bool": {"aws:SecureTransport": "yes"}}}]}
            """,
            "/Statement/0/Condition/Bool/aws:SecureTransport",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"Bool": {"aws:SecureTransport": true}}}]}
            """),
        new Row(
            FindingCode.DUPLICATE_CONDITION_KEY,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"StringEquals": {"aws:PrincipalTag/team": "a", "AWS:principaltag/Team": ["b"]}}}]}
            """,
            "/Statement/0/Condition/StringEquals/AWS:principaltag~1Team",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a", "b"]}}}]}
            """),
        new Row(
            FindingCode.DUPLICATE_SID,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
              {"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}
            """,
            "/Statement/1/Sid",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
              {"Sid": "List", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.ALLOW_TO_ANYONE_WITHOUT_LIMITING_CONDITION,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
              "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}}]}
            """,
            "/Statement/0/Principal/AWS",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
              "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com",
                                             "kms:CallerAccount": "444455556666"}}}]}
            """),
        new Row(
            FindingCode.ALLOW_WITH_NOT_PRINCIPAL,
            RESOURCE,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}
            """,
            "/Statement/0/NotPrincipal",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
              "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.ALLOW_WITH_NOT_ACTION,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}
            """,
            "/Statement/0/NotAction",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.ALLOW_WITH_NOT_RESOURCE,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
              "NotResource": "arn:aws:s3:::secret/*"}]}
            """,
            "/Statement/0/NotResource",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:GetObject",
              "NotResource": "arn:aws:s3:::secret/*"}]}
            """),
        new Row(
            FindingCode.CROSS_ACCOUNT_CREATE_GRANT_WITHOUT_AWS_RESOURCE,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Scheduler"]},
              "Action": ["kms:Create*"], "Resource": "*"}]}
            """,
            "/Statement/0/Action/0",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Scheduler"]},
              "Action": ["kms:Create*"], "Resource": "*",
              "Condition": {"Bool": {"kms:GrantIsForAWSResource": true}}}]}
            """),
        new Row(
            FindingCode.CROSS_ACCOUNT_USE_WITHOUT_LIMITING_CONDITION,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Scheduler"]},
              "Action": ["kms:DescribeKey", "kms:Decrypt"], "Resource": "*"}]}
            """,
            "/Statement/0/Action/1",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Scheduler"]},
              "Action": ["kms:DescribeKey", "kms:Decrypt"], "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}}]}
            """),
        new Row(
            FindingCode.CROSS_ACCOUNT_KMS_ALL,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}
            """,
            "/Statement/0/Action",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "444455556666"}, "Action": "kms:*", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.VIA_SERVICE_WRONG_REGION,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:role/Reader"}, "Action": "kms:Decrypt", "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": "ec2.us-east-1.amazonaws.com"}}}]}
            """,
            "/Statement/0/Condition/StringEquals/kms:ViaService",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:role/Reader"}, "Action": "kms:Decrypt", "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}}]}
            """),
        new Row(
            FindingCode.VIA_SERVICE_MALFORMED,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
              "Condition": {"StringEquals": {"kms:ViaService": ["ec2.cn-north-1.amazonaws.com", "ec2.cn-north-1.amazonaws.com.cn"]}}}]}
            """,
            "/Statement/0/Condition/StringEquals/kms:ViaService/1",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
              "Condition": {"StringLike": {"kms:ViaService": ["ec2.cn-north-1.amazonaws.com", "ec2.*.amazonaws.com"]}}}]}
            """),
        new Row(
            FindingCode.PASS_ROLE_ON_ALL_RESOURCES,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:Get*", "iam:Pass*"], "Resource": "*"}]}
            """,
            "/Statement/0/Resource",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:Get*", "iam:Pass*"],
              "Resource": "arn:aws:iam::111122223333:role/app/*"}]}
            """),
        new Row(
            FindingCode.KEY_STATEMENT_WITHOUT_RESOURCE,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:*"}]}
            """,
            "/Statement/0",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:*", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.KEY_RESOURCE_NOT_STAR,
            KEY_OPTIONS,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:*",
              "Resource": "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
            """,
            "/Statement/0/Resource",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:*", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.POLICY_VARIABLE_NOT_ENABLED,
            IDENTITY,
            """
            {"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}
            """,
            "/Statement/0/Resource",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
              "Resource": "arn:aws:s3:::home/${aws:username}/*"}]}
            """),
        new Row(
            FindingCode.KEY_OWNER_UNKNOWN,
            KEY_NO_ARN,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:role/Admin"}, "Action": "kms:*", "Resource": "*"}]}
            """,
            "",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:*", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.MISSING_VERSION,
            IDENTITY,
            """
            {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """,
            "",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
            """),
        new Row(
            FindingCode.REDUNDANT_ACTION,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Action": ["kms:Decrypt", "kms:*", "KMS:Get*"], "Resource": "*"}]}
            """,
            "/Statement/0/Action/0",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Action": ["kms:Decrypt", "kms:Get*", "kms:*Key"], "Resource": "*"}]}
            """),
        new Row(
            FindingCode.EMPTY_VALUE_LIST,
            IDENTITY,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"StringEquals": {"aws:PrincipalTag/team": []}}}]}
            """,
            "/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team",
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["a"]}}}]}
            """));
  }

  private static List<Finding> validate(String json, ValidationOptions options) {
    return PolicyValidator.standard().validate(json, options);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void validate_positiveExample_reportsCodeAtPointer(Row row) {
    List<Finding> findings = validate(row.positive(), row.options());

    assertThat(findings)
        .filteredOn(f -> f.code() == row.code())
        .extracting(Finding::pointer)
        .contains(row.pointer());
    assertThat(findings)
        .filteredOn(f -> f.code() == row.code())
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(row.code().severity());
              assertThat(f.message()).isNotBlank();
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void validate_negativeExample_doesNotReportCode(Row row) {
    assertThat(validate(row.negative(), row.options()))
        .extracting(Finding::code)
        .doesNotContain(row.code());
  }

  @Test
  void rows_everyCodeButSize_hasAnExample() {
    Set<FindingCode> covered = rows().stream().map(Row::code).collect(Collectors.toSet());
    Set<FindingCode> missing = EnumSet.allOf(FindingCode.class);
    missing.removeAll(covered);

    assertThat(missing).containsExactly(FindingCode.POLICY_TOO_LARGE);
  }

  @Test
  void validate_keyPolicyOver32768Bytes_reportsPolicyTooLarge() {
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      roles.add("arn:aws:iam::444455556666:role/Reader" + i);
    }
    PolicyDocument big = keyPolicyNaming(roles);

    assertThat(PolicyValidator.standard().validate(big, KEY_OPTIONS))
        .filteredOn(f -> f.code() == FindingCode.POLICY_TOO_LARGE)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.pointer()).isEmpty();
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message()).contains("over the KMS limit of 32768");
            });
  }

  @Test
  void validate_keyPolicyUnder32768Bytes_doesNotReportPolicyTooLarge() {
    PolicyDocument small = keyPolicyNaming(List.of("arn:aws:iam::444455556666:role/Reader"));

    assertThat(PolicyValidator.standard().validate(small, KEY_OPTIONS))
        .extracting(Finding::code)
        .doesNotContain(FindingCode.POLICY_TOO_LARGE);
  }

  private static PolicyDocument keyPolicyNaming(List<String> roles) {
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addStatement(
            Statement.builder()
                .effect(Effect.ALLOW)
                .principal(PrincipalClause.aws(roles.toArray(String[]::new)))
                .action(ActionClause.of("kms:DescribeKey"))
                .resource(ResourceClause.of("*"))
                .build())
        .build();
  }

  static Stream<Arguments> mistypedValues() {
    return Stream.of(
        Arguments.of(
            "NumericLessThan",
            "\"ten\"",
            "NumericLessThan needs a number but the value was \"ten\""),
        Arguments.of(
            "DateGreaterThan",
            "\"yesterday\"",
            "DateGreaterThan needs an ISO 8601 date or epoch seconds"),
        Arguments.of(
            "IpAddress",
            "\"10.0.0.256/8\"",
            "IpAddress needs an IPv4 or IPv6 address or CIDR range"),
        Arguments.of(
            "NotIpAddress", "\"2001:db8::/129\"", "NotIpAddress needs an IPv4 or IPv6 address"),
        Arguments.of("ArnLike", "\"role/Admin\"", "ArnLike needs an ARN"),
        Arguments.of("Null", "\"maybe\"", "Null needs true or false"));
  }

  @ParameterizedTest
  @MethodSource("mistypedValues")
  void validate_valueOfWrongType_reportsOperatorAndValue(
      String operator, String value, String message) {
    String json =
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
          "Condition": {"%s": {"aws:SomeKey": %s}}}]}
        """
            .formatted(operator, value);

    assertThat(validate(json, IDENTITY))
        .filteredOn(f -> f.code() == FindingCode.CONDITION_VALUE_TYPE_MISMATCH)
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith(message));
  }

  @Test
  void validate_wellTypedValues_reportNoMismatch() {
    String json =
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
          "Condition": {"NumericLessThan": {"s3:max-keys": [10, "2.5"]},
                        "DateGreaterThan": {"aws:CurrentTime": ["2026-01-01T00:00:00Z", "2026-01-01"]},
                        "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32", "192.0.2.1", "::1"]},
                        "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"},
                        "BinaryEquals": {"aws:SomeBlob": "QmluYXJ5"},
                        "Null": {"aws:TokenIssueTime": "true"}}}]}
        """;

    assertThat(validate(json, IDENTITY))
        .extracting(Finding::code)
        .doesNotContain(FindingCode.CONDITION_VALUE_TYPE_MISMATCH);
  }

  @Test
  void validate_statementAsSingleObject_pointsWithoutIndex() {
    String json =
        """
        {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "kms Decrypt", "Resource": "*"}}
        """;

    assertThat(validate(json, IDENTITY))
        .filteredOn(f -> f.code() == FindingCode.MALFORMED_ACTION)
        .extracting(Finding::pointer)
        .containsExactly("/Statement/Action");
  }

  @Test
  void validate_builtEbsGrants_haveNoErrorOrSecurityWarning() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal("arn:aws:iam::111122223333:role/Scheduler")
            .addRegion("ap-northeast-1")
            .build();

    assertThat(PolicyValidator.standard().validate(grants.toDocument(), KEY_OPTIONS))
        .extracting(Finding::severity)
        .doesNotContain(Severity.ERROR, Severity.SECURITY_WARNING);
    assertThat(PolicyValidator.standard().validate(grants.identityPolicy(KEY), IDENTITY))
        .extracting(Finding::severity)
        .doesNotContain(Severity.ERROR, Severity.SECURITY_WARNING);
  }

  @Test
  void validate_ownerFromRootStatement_findsCrossAccountUse() {
    String json =
        """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Enable IAM User Permissions", "Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "kms:*", "Resource": "*"},
          {"Sid": "Allow use of the key", "Effect": "Allow",
           "Principal": {"AWS": "arn:aws:iam::111122223333:role/Scheduler"},
           "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
           "Resource": "*"}]}
        """;

    assertThat(validate(json, KEY_NO_ARN))
        .extracting(Finding::code, Finding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                FindingCode.CROSS_ACCOUNT_USE_WITHOUT_LIMITING_CONDITION, "/Statement/1/Action/0"));
  }

  @Test
  void validate_builtDocumentWithCaseVariantKeys_reportsDuplicateConditionKey() {
    PolicyDocument built =
        PolicyDocument.builder()
            .version(PolicyVersion.V2012_10_17)
            .addStatement(
                Statement.builder()
                    .effect(Effect.ALLOW)
                    .action(ActionClause.of("s3:GetObject"))
                    .resource(ResourceClause.of("*"))
                    .condition(
                        ConditionBlock.of(
                            OperatorBlock.of(
                                ConditionOperator.of(BaseOperator.STRING_EQUALS),
                                KeyCondition.of("aws:PrincipalTag/team", "a"),
                                KeyCondition.of("AWS:principaltag/Team", "b"))))
                    .build())
            .build();

    assertThat(PolicyValidator.standard().validate(built, IDENTITY))
        .filteredOn(f -> f.code() == FindingCode.DUPLICATE_CONDITION_KEY)
        .extracting(Finding::pointer)
        .containsExactly("/Statement/0/Condition/StringEquals/AWS:principaltag~1Team");
  }

  @Test
  void validate_crossAccountUseLimitedByEncryptionContext_isNotReported() {
    String json =
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"}, "Action": "kms:Decrypt", "Resource": "*",
          "Condition": {"StringEquals": {"kms:EncryptionContext:tenant": "blue"}}}]}
        """;

    assertThat(validate(json, KEY_OPTIONS))
        .extracting(Finding::code)
        .doesNotContain(FindingCode.CROSS_ACCOUNT_USE_WITHOUT_LIMITING_CONDITION);
  }

  @Test
  void validate_viaServiceIfExists_doesNotLimitCrossAccountUse() {
    String json =
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::111122223333:role/App"}, "Action": "kms:Decrypt", "Resource": "*",
          "Condition": {"StringEqualsIfExists": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}}]}
        """;

    assertThat(validate(json, KEY_OPTIONS))
        .extracting(Finding::code)
        .contains(FindingCode.CROSS_ACCOUNT_USE_WITHOUT_LIMITING_CONDITION);
  }

  @Test
  void findingCode_everyConstant_hasASeverity() {
    assertThat(Arrays.stream(FindingCode.values()).map(FindingCode::severity)).doesNotContainNull();
  }
}
