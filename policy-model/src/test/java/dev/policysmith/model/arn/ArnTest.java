package dev.policysmith.model.arn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policysmith.model.PolicyFormatException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** ARN format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html */
class ArnTest {

  @ParameterizedTest
  @EnumSource(Partition.class)
  void parse_everyPartition_roundTripsAndNamesThePartition(Partition partition) {
    String region = partition.regions().get(0);
    String text = "arn:" + partition.id() + ":kms:" + region + ":111122223333:key/1234abcd";

    Arn arn = Arn.parse(text);

    assertThat(arn.partition()).isEqualTo(partition);
    assertThat(arn.region()).isEqualTo(region);
    assertThat(arn.isKmsKey()).isTrue();
    assertThat(arn.kmsKeyId()).isEqualTo("1234abcd");
    assertThat(arn).hasToString(text);
    assertThat(Partition.ofRegion(region)).contains(partition);
  }

  @Test
  void parse_roleWithPath_givesNameAndPath() {
    Arn role = Arn.parse("arn:aws:iam::111122223333:role/path/to/Scheduler");

    assertThat(role.isRole()).isTrue();
    assertThat(role.isUser()).isFalse();
    assertThat(role.roleName()).isEqualTo("Scheduler");
    assertThat(role.rolePath()).isEqualTo("/path/to/");
    assertThat(role.account()).isEqualTo("111122223333");
    assertThat(role.region()).isEmpty();
  }

  @Test
  void parse_roleWithoutPath_pathIsSlash() {
    Arn role = Arn.parse("arn:aws-cn:iam::111122223333:role/Scheduler");

    assertThat(role.roleName()).isEqualTo("Scheduler");
    assertThat(role.rolePath()).isEqualTo("/");
  }

  @Test
  void parse_user_isUserNotRole() {
    Arn user = Arn.parse("arn:aws-us-gov:iam::111122223333:user/division/Alice");

    assertThat(user.isUser()).isTrue();
    assertThat(user.isRole()).isFalse();
    assertThat(user.roleName()).isEqualTo("Alice");
  }

  @Test
  void parse_accountRoot_isAccountRoot() {
    Arn root = Arn.parse("arn:aws:iam::444455556666:root");

    assertThat(root.isAccountRoot()).isTrue();
    assertThat(root).isEqualTo(Arn.accountRoot(Partition.AWS, "444455556666"));
  }

  @Test
  void parse_assumedRoleSession_givesRoleAndSessionName() {
    Arn session = Arn.parse("arn:aws:sts::111122223333:assumed-role/Scheduler/i-0abc:1");

    assertThat(session.isAssumedRoleSession()).isTrue();
    assertThat(session.sessionRoleName()).isEqualTo("Scheduler");
    assertThat(session.sessionName()).isEqualTo("i-0abc:1");
  }

  @Test
  void parse_kmsAlias_isAlias() {
    Arn alias = Arn.parse("arn:aws:kms:ap-northeast-1:444455556666:alias/ebs");

    assertThat(alias.isKmsAlias()).isTrue();
    assertThat(alias.isKmsKey()).isFalse();
    assertThat(alias.kmsKeyId()).isEqualTo("alias/ebs");
  }

  @Test
  void parse_resourceWithColons_keepsThemInResource() {
    Arn arn = Arn.parse("arn:aws:logs:us-east-1:111122223333:log-group:/aws/x:*");

    assertThat(arn.resource()).isEqualTo("log-group:/aws/x:*");
  }

  @Test
  void parse_awsOwnedPolicy_acceptsAwsAccount() {
    assertThat(Arn.parse("arn:aws:iam::aws:policy/AdministratorAccess").account()).isEqualTo("aws");
  }

  @Test
  void roleName_onKeyArn_throwsIllegalState() {
    Arn key = Arn.parse("arn:aws:kms:us-east-1:111122223333:key/k");

    assertThatThrownBy(key::roleName).isInstanceOf(IllegalStateException.class);
  }

  static Stream<Arguments> badArns() {
    return Stream.of(
        Arguments.of("arn:aws:iam::111122223333", "must have six colon-separated parts"),
        Arguments.of(
            "ARN:aws:iam::111122223333:root", "must start with \"arn:\" but started with \"ARN:\""),
        Arguments.of(
            "arn:awz:iam::111122223333:root",
            "partition must be one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e,"
                + " aws-iso-f, aws-eusc but was \"awz\""),
        Arguments.of(
            "arn:aws:IAM::111122223333:root", "service must be a lower-case service namespace"),
        Arguments.of(
            "arn:aws:kms:Tokyo:111122223333:key/k", "region must be empty or a region name"),
        Arguments.of(
            "arn:aws:iam::11112222333:root",
            "account must be empty, \"aws\" or a 12-digit account id but was \"11112222333\""),
        Arguments.of("arn:aws:iam::111122223333:", "resource must not be empty"));
  }

  @ParameterizedTest
  @MethodSource("badArns")
  void parse_badArn_namesTheWrongPart(String text, String problem) {
    assertThatThrownBy(() -> Arn.parse(text))
        .isInstanceOf(PolicyFormatException.class)
        .hasMessageStartingWith("ARN \"" + text + "\" is invalid: ")
        .hasMessageContaining(problem);
    assertThat(Arn.tryParse(text)).isEmpty();
  }

  @Test
  void isAccountId_onlyTwelveDigits() {
    assertThat(Arn.isAccountId("111122223333")).isTrue();
    assertThat(Arn.isAccountId("11112222333a")).isFalse();
    assertThat(Arn.isAccountId("1111222233334")).isFalse();
  }

  @Test
  void accountRoot_badAccount_throwsIllegalArgument() {
    assertThatThrownBy(() -> Arn.accountRoot(Partition.AWS, "root"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Account id must be 12 digits but was \"root\"");
  }
}
