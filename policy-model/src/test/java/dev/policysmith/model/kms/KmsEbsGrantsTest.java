package dev.policysmith.model.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.arn.Partition;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The EC2/EBS statements of
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
 * and
 * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
 */
class KmsEbsGrantsTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/Scheduler";
  private static final String OTHER_ROLE = "arn:aws:iam::777788889999:role/path/Starter";
  private static final String KEY =
      "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  /** The content of ../shared/examples/ebs-cross-account-statements.json, copied here. */
  private static final String EXAMPLE =
      """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "Allow external account Cloud Automator use of the customer managed key",
              "Effect": "Allow",
              "Principal": {
                "AWS": [
                  "arn:aws:iam::111122223333:role/CloudAutomator-1a2b3c4d5e6f7g8h9i0j-CloudAutomator-1a2b3c4d5e6f"
                ]
              },
              "Action": [
                "kms:Encrypt",
                "kms:Decrypt",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:DescribeKey"
              ],
              "Resource": "*",
              "Condition": {
                "StringEquals": {
                  "kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"
                }
              }
            },
            {
              "Sid": "Allow attachment of persistent resources in external account Cloud Automator",
              "Effect": "Allow",
              "Principal": {
                "AWS": [
                  "arn:aws:iam::111122223333:role/CloudAutomator-1a2b3c4d5e6f7g8h9i0j-CloudAutomator-1a2b3c4d5e6f"
                ]
              },
              "Action": [
                "kms:CreateGrant"
              ],
              "Resource": "*",
              "Condition": {
                "Bool": {
                  "kms:GrantIsForAWSResource": "true"
                }
              }
            }
          ]
        }
        """;

  @Test
  void toDocument_exampleRoleRegionAndSids_writesTheExampleExactly() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal(
                "arn:aws:iam::111122223333:role/CloudAutomator-1a2b3c4d5e6f7g8h9i0j-CloudAutomator-1a2b3c4d5e6f")
            .addRegion("ap-northeast-1")
            .useSid("Allow external account Cloud Automator use of the customer managed key")
            .attachmentSid(
                "Allow attachment of persistent resources in external account Cloud Automator")
            .build();

    assertThat(PolicyWriter.lossless().writeToString(grants.toDocument())).isEqualTo(EXAMPLE);
  }

  @Test
  void toDocument_writtenAndReadBack_isEqual() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal(ROLE)
            .addPrincipal(OTHER_ROLE)
            .addRegion("us-east-1")
            .addRegion("us-west-2")
            .build();
    PolicyDocument document = grants.toDocument();

    assertThat(PolicyReader.strict().read(PolicyWriter.lossless().writeToString(document)))
        .isEqualTo(document);
  }

  @Test
  void build_oneRoleOneRegion_givesUseAndAttachmentStatements() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder().addPrincipal(ROLE).addRegion("ap-northeast-1").build();

    Statement use = grants.useStatement();
    assertThat(use.sid()).contains(KmsEbsGrants.DEFAULT_USE_SID);
    assertThat(use.effect()).isEqualTo(Effect.ALLOW);
    assertThat(use.principal().orElseThrow().valuesOf(PrincipalType.AWS)).containsExactly(ROLE);
    assertThat(use.principal().orElseThrow().entries().get(0).scalar()).isFalse();
    assertThat(use.actionClause().patterns())
        .extracting(ActionPattern::value)
        .containsExactly(
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:DescribeKey");
    assertThat(use.actionClause().scalar()).isFalse();
    assertThat(use.resource().orElseThrow().patterns()).containsExactly(ResourcePattern.ALL);
    assertThat(use.resource().orElseThrow().scalar()).isTrue();
    OperatorBlock via = use.condition().orElseThrow().operators().get(0);
    assertThat(via.operator().base()).isEqualTo(BaseOperator.STRING_EQUALS);
    assertThat(via.keys())
        .containsExactly(KeyCondition.of("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com"));
    assertThat(via.keys().get(0).scalar()).isTrue();

    Statement attachment = grants.attachmentStatement();
    assertThat(attachment.sid()).contains(KmsEbsGrants.DEFAULT_ATTACHMENT_SID);
    assertThat(attachment.actionClause().patterns())
        .containsExactly(ActionPattern.of("kms:CreateGrant"));
    assertThat(attachment.actionClause().scalar()).isFalse();
    assertThat(attachment.resource().orElseThrow().scalar()).isTrue();
    OperatorBlock bool = attachment.condition().orElseThrow().operators().get(0);
    assertThat(bool.operator().base()).isEqualTo(BaseOperator.BOOL);
    assertThat(bool.keys().get(0).key()).isEqualTo("kms:GrantIsForAWSResource");
    assertThat(bool.keys().get(0).values()).containsExactly(ConditionValue.of("true"));

    assertThat(grants.statements()).containsExactly(use, attachment);
  }

  @Test
  void toDocument_default_isVersion2012WithTheTwoStatements() {
    KmsEbsGrants grants = KmsEbsGrants.builder().addPrincipal(ROLE).addRegion("us-east-1").build();

    PolicyDocument document = grants.toDocument();

    assertThat(document.version()).contains(PolicyVersion.V2012_10_17);
    assertThat(document.id()).isEmpty();
    assertThat(document.statements()).isEqualTo(grants.statements());
  }

  @Test
  void build_severalRolesAndRegions_listsThemInOrder() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal(ROLE)
            .addPrincipal(OTHER_ROLE)
            .addRegion("ap-northeast-1")
            .addRegion("us-west-2")
            .useSid("Use")
            .attachmentSid("Attach")
            .build();

    for (Statement statement : grants.statements()) {
      assertThat(statement.principal().orElseThrow().valuesOf(PrincipalType.AWS))
          .containsExactly(ROLE, OTHER_ROLE);
    }
    KeyCondition via =
        grants.useStatement().condition().orElseThrow().operators().get(0).keys().get(0);
    assertThat(via.values())
        .extracting(ConditionValue::text)
        .containsExactly("ec2.ap-northeast-1.amazonaws.com", "ec2.us-west-2.amazonaws.com");
    assertThat(via.scalar()).isFalse();
    assertThat(grants.useStatement().sid()).contains("Use");
    assertThat(grants.attachmentStatement().sid()).contains("Attach");
  }

  @Test
  void build_accountIdAndDuplicates_normalisesToRootArnAndDedupes() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal("111122223333")
            .addPrincipal(ROLE)
            .addPrincipal("arn:aws:iam::111122223333:root")
            .addPrincipal(ROLE)
            .addRegion("eu-west-1")
            .addRegion("eu-west-1")
            .build();

    assertThat(grants.principals())
        .extracting(Arn::toString)
        .containsExactly("arn:aws:iam::111122223333:root", ROLE);
    assertThat(grants.regions()).containsExactly("eu-west-1");
  }

  @Test
  void build_chinaRole_usesAmazonawsComSuffixAndChinaPartition() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal("arn:aws-cn:iam::111122223333:role/Scheduler")
            .addRegion("cn-north-1")
            .build();

    assertThat(grants.partition()).isEqualTo(Partition.AWS_CN);
    assertThat(grants.viaServiceValues()).containsExactly("ec2.cn-north-1.amazonaws.com");
  }

  @Test
  void build_onlyAccountIdsInChinaRegion_takesPartitionFromRegion() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder().addPrincipal("111122223333").addRegion("cn-northwest-1").build();

    assertThat(grants.principals())
        .extracting(Arn::toString)
        .containsExactly("arn:aws-cn:iam::111122223333:root");
  }

  @Test
  void build_userPrincipal_isAccepted() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal("arn:aws:iam::111122223333:user/ops/Alice")
            .addRegion("us-east-1")
            .partition(Partition.AWS)
            .build();

    assertThat(grants.principals()).extracting(Arn::isUser).containsExactly(true);
  }

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            List.of(),
            List.of("us-east-1"),
            null,
            IllegalArgumentException.class,
            "Principals must name at least one IAM role, user or account but none was given"),
        Arguments.of(
            List.of(ROLE),
            List.of(),
            null,
            IllegalArgumentException.class,
            "Regions must name at least one region but none was given"),
        Arguments.of(
            List.of("arn:aws:iam::111122223333:role/*"),
            List.of("us-east-1"),
            null,
            IllegalArgumentException.class,
            "Principal must not contain a wildcard but was \"arn:aws:iam::111122223333:role/*\""),
        Arguments.of(
            List.of("*"),
            List.of("us-east-1"),
            null,
            IllegalArgumentException.class,
            "Principal must not contain a wildcard but was \"*\""),
        Arguments.of(
            List.of("arn:aws:iam:111122223333:role/Scheduler"),
            List.of("us-east-1"),
            null,
            PolicyFormatException.class,
            "ARN \"arn:aws:iam:111122223333:role/Scheduler\" is invalid: must have six colon-separated"
                + " parts, arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE"),
        Arguments.of(
            List.of("Scheduler"),
            List.of("us-east-1"),
            null,
            PolicyFormatException.class,
            "ARN \"Scheduler\" is invalid: must have six colon-separated parts,"
                + " arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE"),
        Arguments.of(
            List.of("arn:aws:sts::111122223333:assumed-role/Scheduler/session"),
            List.of("us-east-1"),
            null,
            IllegalArgumentException.class,
            "Principal must be an IAM role, an IAM user or an account root"
                + " (arn:PARTITION:iam::ACCOUNT:root) but was"
                + " \"arn:aws:sts::111122223333:assumed-role/Scheduler/session\""),
        Arguments.of(
            List.of(ROLE),
            List.of("ap-northeast-9"),
            null,
            IllegalArgumentException.class,
            "Region must be a region of partition \"aws\" but was \"ap-northeast-9\""),
        Arguments.of(
            List.of(ROLE),
            List.of("cn-north-1"),
            null,
            IllegalArgumentException.class,
            "Region must be a region of partition \"aws\" but was \"cn-north-1\", a region of \"aws-cn\""),
        Arguments.of(
            List.of(ROLE, "arn:aws-cn:iam::111122223333:role/Scheduler"),
            List.of("us-east-1"),
            null,
            IllegalArgumentException.class,
            "Principals must all be in one partition but \"arn:aws:iam::111122223333:role/Scheduler\""
                + " and \"arn:aws-cn:iam::111122223333:role/Scheduler\" are not"),
        Arguments.of(
            List.of(ROLE),
            List.of("us-gov-west-1"),
            Partition.AWS_US_GOV,
            IllegalArgumentException.class,
            "Principals must be in the given partition \"aws-us-gov\" but"
                + " \"arn:aws:iam::111122223333:role/Scheduler\" is not"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void build_badInput_isRejectedNamingTheValue(
      List<String> principals,
      List<String> regions,
      Partition partition,
      Class<? extends Exception> type,
      String message) {
    KmsEbsGrants.Builder builder =
        KmsEbsGrants.builder().addPrincipals(principals).addRegions(regions);
    if (partition != null) {
      builder.partition(partition);
    }

    assertThatThrownBy(builder::build).isExactlyInstanceOf(type).hasMessage(message);
  }

  @Test
  void build_equalSids_isRejected() {
    KmsEbsGrants.Builder builder =
        KmsEbsGrants.builder()
            .addPrincipal(ROLE)
            .addRegion("us-east-1")
            .useSid("Same")
            .attachmentSid("Same");

    assertThatThrownBy(builder::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Use Sid and attachment Sid must differ but both were \"Same\"");
  }

  @Test
  void build_blankSid_isRejected() {
    KmsEbsGrants.Builder builder =
        KmsEbsGrants.builder().addPrincipal(ROLE).addRegion("us-east-1").useSid(" ");

    assertThatThrownBy(builder::build)
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Use Sid must not be blank but was \" \"");
  }

  @Test
  void identityPolicy_keyArn_allowsSameActionsOnTheKeyUnderSameConditions() {
    KmsEbsGrants grants =
        KmsEbsGrants.builder().addPrincipal(ROLE).addRegion("ap-northeast-1").build();

    PolicyDocument identity = grants.identityPolicy(Arn.parse(KEY));

    assertThat(identity.version()).contains(PolicyVersion.V2012_10_17);
    assertThat(identity.statements()).hasSize(2);
    Statement use = identity.statements().get(0);
    Statement attachment = identity.statements().get(1);
    assertThat(use.sid()).contains("AllowUseOfTheKeyForEBSThroughEC2");
    assertThat(attachment.sid()).contains("AllowAttachmentOfPersistentResourcesForEBS");
    for (Statement statement : identity.statements()) {
      assertThat(statement.principal()).isEmpty();
      assertThat(statement.resource().orElseThrow().patterns())
          .containsExactly(ResourcePattern.of(KEY));
    }
    assertThat(use.actionClause()).isEqualTo(grants.useStatement().actionClause());
    assertThat(use.condition()).isEqualTo(grants.useStatement().condition());
    assertThat(attachment.actionClause()).isEqualTo(grants.attachmentStatement().actionClause());
    assertThat(attachment.condition()).isEqualTo(grants.attachmentStatement().condition());
  }

  @Test
  void identityPolicy_keyInAnotherRegion_isRejected() {
    KmsEbsGrants grants = KmsEbsGrants.builder().addPrincipal(ROLE).addRegion("us-east-1").build();

    assertThatThrownBy(() -> grants.identityPolicy(Arn.parse(KEY)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Key ARN must be in one of the regions [us-east-1] but was \"" + KEY + "\"");
  }

  @Test
  void identityPolicy_aliasArn_isRejected() {
    KmsEbsGrants grants = KmsEbsGrants.builder().addPrincipal(ROLE).addRegion("us-east-1").build();
    String alias = "arn:aws:kms:us-east-1:444455556666:alias/ebs";

    assertThatThrownBy(() -> grants.identityPolicy(Arn.parse(alias)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Key ARN must be arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID but was \""
                + alias
                + "\"");
  }

  @Test
  void identitySid_spacesAndPunctuation_becomeCamelCase() {
    assertThat(KmsEbsGrants.identitySid("Allow use of the key")).isEqualTo("AllowUseOfTheKey");
    assertThat(KmsEbsGrants.identitySid("--")).isEqualTo("Statement");
  }
}
