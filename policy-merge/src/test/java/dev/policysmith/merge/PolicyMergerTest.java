package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyMergerTest {
  private static PolicyDocument read(String json) {
    return PolicyReader.strict().read(json);
  }

  private static final PolicyDocument KEY_POLICY =
      read(
          """
          {
            "Version": "2012-10-17",
            "Id": "key-default-1",
            "Statement": [
              {
                "Sid": "Enable IAM User Permissions",
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                "Action": "kms:*",
                "Resource": "*"
              }
            ]
          }
          """);

  private static final String USE_OF_THE_KEY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "Allow use of the key",
            "Effect": "Allow",
            "Principal": {"AWS": %s},
            "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            "Resource": "*",
            "Condition": {"StringEquals": {"kms:ViaService": %s}}
          }
        ]
      }
      """;

  private static List<Statement> useOfTheKey(String principals, String viaService) {
    return read(USE_OF_THE_KEY.formatted(principals, viaService)).statements();
  }

  // ------------------------------------------------------------------ merge

  @Test
  void merge_sameSidDifferentContent_throwsNamingTheSid() {
    PolicyDocument a =
        read(
            USE_OF_THE_KEY.formatted(
                "\"arn:aws:iam::111122223333:role/A\"", "\"ec2.us-east-1.amazonaws.com\""));
    PolicyDocument b =
        read(
            USE_OF_THE_KEY.formatted(
                "\"arn:aws:iam::111122223333:role/B\"", "\"ec2.us-east-1.amazonaws.com\""));
    assertThatThrownBy(() -> PolicyMerger.merge(a, b))
        .isInstanceOf(SidConflictException.class)
        .hasMessage(
            "Sid \"Allow use of the key\" must name one statement but names different statements in"
                + " documents 1 and 2 of the merge")
        .satisfies(
            e -> assertThat(((SidConflictException) e).sid()).isEqualTo("Allow use of the key"));
  }

  @Test
  void merge_sameSidSameGrantsDifferentlyWritten_isNoConflict() {
    PolicyDocument a =
        read(USE_OF_THE_KEY.formatted("\"111122223333\"", "\"ec2.us-east-1.amazonaws.com\""));
    PolicyDocument b =
        read(
            USE_OF_THE_KEY.formatted(
                "[\"arn:aws:iam::111122223333:root\"]", "[\"ec2.us-east-1.amazonaws.com\"]"));
    assertThat(PolicyMerger.merge(a, b).document()).isEqualTo(Canonicalizer.canonicalize(a));
  }

  @Test
  void merge_sidConflictWithOverride_laterDocumentWins() {
    PolicyDocument a =
        read(
            USE_OF_THE_KEY.formatted(
                "\"arn:aws:iam::111122223333:role/A\"", "\"ec2.us-east-1.amazonaws.com\""));
    PolicyDocument b =
        read(
            USE_OF_THE_KEY.formatted(
                "\"arn:aws:iam::111122223333:role/B\"", "\"ec2.us-east-1.amazonaws.com\""));
    MergeResult result =
        PolicyMerger.merge(List.of(a, b), MergeOptions.builder().overrideSids(true).build());
    assertThat(result.document()).isEqualTo(Canonicalizer.canonicalize(b));
  }

  @Test
  void merge_differentSidsWithJoinAcrossSids_joinsAndDropsSids() {
    PolicyDocument a =
        read(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
            """);
    PolicyDocument b =
        read(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Write", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}]}
            """);
    assertThat(PolicyMerger.merge(a, b).document().statements()).hasSize(2);
    PolicyDocument joined =
        PolicyMerger.merge(List.of(a, b), MergeOptions.builder().joinAcrossSids(true).build())
            .document();
    assertThat(joined.statements()).hasSize(1);
    assertThat(joined.statements().get(0).sid()).isEmpty();
  }

  @Test
  void merge_id_keptOnlyWhenEveryInputSharesIt() {
    PolicyDocument other =
        read(USE_OF_THE_KEY.formatted("\"111122223333\"", "\"ec2.us-east-1.amazonaws.com\""));
    assertThat(PolicyMerger.merge(KEY_POLICY, KEY_POLICY).document().id())
        .contains("key-default-1");
    assertThat(PolicyMerger.merge(KEY_POLICY, other).document().id()).isEmpty();
  }

  @Test
  void merge_result_reportsSizeAgainstEveryLimit() {
    MergeResult result = PolicyMerger.merge(KEY_POLICY);
    byte[] bytes = PolicyWriter.canonical().toBytes(result.document());
    assertThat(result.size(SizeLimit.KEY_POLICY)).isEqualTo(bytes.length);
    assertThat(result.sizes()).containsOnlyKeys(SizeLimit.values());
    assertThat(result.size(SizeLimit.MANAGED)).isLessThan(bytes.length);
    assertThat(result.fits(SizeLimit.USER_INLINE)).isTrue();
  }

  @Test
  void merge_overLimit_throwsNamingTheSizeReached() {
    StringBuilder actions = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      actions.append(i == 0 ? "" : ", ").append("\"s3:GetObjectVersion").append(i).append('"');
    }
    PolicyDocument big =
        read(
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [%s], "Resource": "*"}]}
            """
                .formatted(actions));
    int size = PolicyMerger.merge(big).size(SizeLimit.USER_INLINE);
    assertThatThrownBy(
            () ->
                PolicyMerger.merge(
                    List.of(big), MergeOptions.builder().limit(SizeLimit.USER_INLINE).build()))
        .isInstanceOf(PolicyLimitExceededException.class)
        .hasMessage(
            "Merged policy must fit the user inline policy limit of 2048 characters but reached "
                + size
                + " characters");
  }

  // ------------------------------------------------------------------ addStatements

  @Test
  void addStatements_newSid_isAppendedAndLayoutKept() {
    List<Statement> added =
        useOfTheKey(
            "\"arn:aws:iam::111122223333:role/Scheduler\"", "\"ec2.ap-northeast-1.amazonaws.com\"");
    PolicyDocument result = PolicyMerger.addStatements(KEY_POLICY, added, AddMode.FAIL_ON_CONFLICT);
    assertThat(result.statements()).containsExactly(KEY_POLICY.statements().get(0), added.get(0));
    assertThat(result.statements().get(0).actionClause().scalar()).isTrue();
    assertThat(result.id()).contains("key-default-1");
  }

  @Test
  void addStatements_identicalStatement_changesNothing() {
    PolicyDocument result =
        PolicyMerger.addStatements(KEY_POLICY, KEY_POLICY.statements(), AddMode.FAIL_ON_CONFLICT);
    assertThat(result).isSameAs(KEY_POLICY);
  }

  @Test
  void addStatements_sameSidOtherPrincipal_extendsPrincipals() {
    PolicyDocument once =
        PolicyMerger.addStatements(
            KEY_POLICY,
            useOfTheKey(
                "\"arn:aws:iam::111122223333:role/A\"", "\"ec2.ap-northeast-1.amazonaws.com\""),
            AddMode.FAIL_ON_CONFLICT);
    PolicyDocument twice =
        PolicyMerger.addStatements(
            once,
            useOfTheKey(
                "\"arn:aws:iam::111122223333:role/B\"", "\"ec2.ap-northeast-1.amazonaws.com\""),
            AddMode.FAIL_ON_CONFLICT);
    assertThat(twice.statements()).hasSize(2);
    assertThat(twice.statements().get(1).principal().orElseThrow().entries().get(0).values())
        .containsExactly("arn:aws:iam::111122223333:role/A", "arn:aws:iam::111122223333:role/B");
    assertThat(twice.statements().get(1).principal().orElseThrow().entries().get(0).scalar())
        .isFalse();
  }

  @Test
  void addStatements_sameSidOtherRegion_extendsViaServiceIntoArray() {
    PolicyDocument once =
        PolicyMerger.addStatements(
            KEY_POLICY,
            useOfTheKey(
                "\"arn:aws:iam::111122223333:role/A\"", "\"ec2.ap-northeast-1.amazonaws.com\""),
            AddMode.FAIL_ON_CONFLICT);
    PolicyDocument twice =
        PolicyMerger.addStatements(
            once,
            useOfTheKey("\"arn:aws:iam::111122223333:role/A\"", "\"ec2.us-east-1.amazonaws.com\""),
            AddMode.FAIL_ON_CONFLICT);
    var key = twice.statements().get(1).condition().orElseThrow().operators().get(0).keys().get(0);
    assertThat(key.values())
        .extracting(v -> v.text())
        .containsExactly("ec2.ap-northeast-1.amazonaws.com", "ec2.us-east-1.amazonaws.com");
    assertThat(key.scalar()).isFalse();
    assertThat(PolicyWriter.lossless().writeToString(twice).replaceAll("\\s", ""))
        .contains(
            "\"kms:ViaService\":[\"ec2.ap-northeast-1.amazonaws.com\",\"ec2.us-east-1.amazonaws.com\"]");
  }

  @Test
  void addStatements_sameSidDifferingInTwoDimensions_throwsNamingTheSid() {
    PolicyDocument once =
        PolicyMerger.addStatements(
            KEY_POLICY,
            useOfTheKey(
                "\"arn:aws:iam::111122223333:role/A\"", "\"ec2.ap-northeast-1.amazonaws.com\""),
            AddMode.FAIL_ON_CONFLICT);
    List<Statement> other =
        useOfTheKey("\"arn:aws:iam::111122223333:role/B\"", "\"ec2.us-east-1.amazonaws.com\"");
    assertThatThrownBy(() -> PolicyMerger.addStatements(once, other, AddMode.FAIL_ON_CONFLICT))
        .isInstanceOf(SidConflictException.class)
        .hasMessage(
            "Sid \"Allow use of the key\" must name one statement but names different statements in"
                + " the document and in the statements to add");
  }

  @Test
  void addStatements_conflictInReplaceMode_replacesInPlace() {
    PolicyDocument once =
        PolicyMerger.addStatements(
            KEY_POLICY,
            useOfTheKey(
                "\"arn:aws:iam::111122223333:role/A\"", "\"ec2.ap-northeast-1.amazonaws.com\""),
            AddMode.FAIL_ON_CONFLICT);
    List<Statement> other =
        useOfTheKey("\"arn:aws:iam::111122223333:role/B\"", "\"ec2.us-east-1.amazonaws.com\"");
    PolicyDocument replaced = PolicyMerger.addStatements(once, other, AddMode.REPLACE);
    assertThat(replaced.statements()).containsExactly(KEY_POLICY.statements().get(0), other.get(0));
  }

  @Test
  void addStatements_appliedTwice_equalsAppliedOnce() {
    List<Statement> added =
        useOfTheKey(
            "[\"arn:aws:iam::111122223333:role/A\"]", "\"ec2.ap-northeast-1.amazonaws.com\"");
    PolicyDocument once = PolicyMerger.addStatements(KEY_POLICY, added, AddMode.FAIL_ON_CONFLICT);
    PolicyDocument twice = PolicyMerger.addStatements(once, added, AddMode.FAIL_ON_CONFLICT);
    assertThat(twice).isEqualTo(once);
    assertThat(PolicyWriter.lossless().writeToString(twice))
        .isEqualTo(PolicyWriter.lossless().writeToString(once));
  }
}
