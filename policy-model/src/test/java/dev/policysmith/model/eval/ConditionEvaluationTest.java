package dev.policysmith.model.eval;

import static dev.policysmith.model.eval.Fixtures.conditioned;
import static dev.policysmith.model.eval.Fixtures.holds;
import static dev.policysmith.model.eval.Fixtures.request;
import static dev.policysmith.model.eval.Fixtures.with;
import static dev.policysmith.model.eval.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.policysmith.model.PolicyDocument;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Condition operators, one test per rule.
 *
 * <p>Operators:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * <br>
 * Several keys and values:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html
 * <br>
 * Set operators:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
class ConditionEvaluationTest {

  // --- String operators -------------------------------------------------------------------

  @Test
  void condition_stringEquals_caseSensitiveExactMatch() {
    PolicyDocument policy = conditioned("StringEquals", "aws:PrincipalTag/team", "Blue");
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Blue"))).isTrue();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "blue"))).isFalse();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Blue2"))).isFalse();
  }

  @Test
  void condition_stringEqualsStar_isLiteralNotWildcard() {
    PolicyDocument policy = conditioned("StringEquals", "aws:PrincipalTag/team", "*");
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Blue"))).isFalse();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "*"))).isTrue();
  }

  @Test
  void condition_stringNotEquals_negatedMatch() {
    PolicyDocument policy = conditioned("StringNotEquals", "aws:PrincipalTag/team", "Blue");
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Red"))).isTrue();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Blue"))).isFalse();
  }

  @Test
  void condition_stringEqualsIgnoreCase_ignoresCase() {
    PolicyDocument policy = conditioned("StringEqualsIgnoreCase", "aws:PrincipalTag/team", "Blue");
    assertThat(holds(policy, with("aws:PrincipalTag/team", "bLUE"))).isTrue();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Red"))).isFalse();
  }

  @Test
  void condition_stringNotEqualsIgnoreCase_negatedIgnoringCase() {
    PolicyDocument policy =
        conditioned("StringNotEqualsIgnoreCase", "aws:PrincipalTag/team", "Blue");
    assertThat(holds(policy, with("aws:PrincipalTag/team", "BLUE"))).isFalse();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Red"))).isTrue();
  }

  @Test
  void condition_stringEqualsIgnoreCase_turkishDottedIUnaffectedByLocale() {
    assertThat(Locale.getDefault().getLanguage()).isEqualTo("tr");
    PolicyDocument policy = conditioned("StringEqualsIgnoreCase", "aws:PrincipalTag/x", "TITLE");
    assertThat(holds(policy, with("aws:PrincipalTag/x", "title"))).isTrue();
  }

  @Test
  void condition_stringLike_starAndQuestionMarkWildcards() {
    PolicyDocument policy = conditioned("StringLike", "s3:prefix", "home/*/doc?.txt");
    assertThat(holds(policy, with("s3:prefix", "home/alice/sub/doc1.txt"))).isTrue();
    assertThat(holds(policy, with("s3:prefix", "home/alice/doc12.txt"))).isFalse();
    assertThat(holds(policy, with("s3:prefix", "Home/alice/doc1.txt"))).isFalse();
  }

  @Test
  void condition_stringLikeWithoutWildcard_needsWholeString() {
    PolicyDocument policy = conditioned("StringLike", "s3:prefix", "home");
    assertThat(holds(policy, with("s3:prefix", "home/alice"))).isFalse();
    assertThat(holds(policy, with("s3:prefix", "home"))).isTrue();
  }

  @Test
  void condition_stringNotLike_negatedWildcardMatch() {
    PolicyDocument policy = conditioned("StringNotLike", "s3:prefix", "tmp/*");
    assertThat(holds(policy, with("s3:prefix", "tmp/x"))).isFalse();
    assertThat(holds(policy, with("s3:prefix", "home/x"))).isTrue();
  }

  // --- Several values -----------------------------------------------------------------------

  @Test
  void condition_severalPolicyValues_anyMatches() {
    PolicyDocument policy = conditioned("StringEquals", "aws:PrincipalTag/team", "Blue", "Red");
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Red"))).isTrue();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Green"))).isFalse();
  }

  @Test
  void condition_stringNotEqualsSeveralValues_mustMatchNone() {
    // "If a single negated matching condition operator includes multiple values for a context
    // key, those values are evaluated using a logical NOR."
    PolicyDocument policy = conditioned("StringNotEquals", "aws:PrincipalTag/team", "Blue", "Red");
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Red"))).isFalse();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Blue"))).isFalse();
    assertThat(holds(policy, with("aws:PrincipalTag/team", "Green"))).isTrue();
  }

  @Test
  void condition_severalRequestValuesWithoutQualifier_positiveNeedsOneMatch() {
    PolicyDocument policy = conditioned("StringEquals", "aws:TagKeys", "env");
    assertThat(holds(policy, with("aws:TagKeys", "cost", "env"))).isTrue();
    assertThat(holds(policy, with("aws:TagKeys", "cost", "owner"))).isFalse();
  }

  @Test
  void condition_severalRequestValuesWithoutQualifier_negatedNeedsNoMatchAtAll() {
    PolicyDocument policy = conditioned("StringNotEquals", "aws:TagKeys", "env", "owner");
    assertThat(holds(policy, with("aws:TagKeys", "cost", "env"))).isFalse();
    assertThat(holds(policy, with("aws:TagKeys", "cost", "project"))).isTrue();
  }

  @Test
  void condition_severalKeysInOneBlock_allMustHold() {
    PolicyDocument policy =
        Fixtures.policy(
            Fixtures.allow("s3:GetObject")
                .condition(
                    dev.policysmith.model.condition.ConditionBlock.of(
                        dev.policysmith.model.condition.OperatorBlock.of(
                            dev.policysmith.model.condition.ConditionOperator.parse("StringEquals"),
                            dev.policysmith.model.condition.KeyCondition.of("a:x", "1"),
                            dev.policysmith.model.condition.KeyCondition.of("a:y", "2"))))
                .build());
    assertThat(holds(policy, request("s3:GetObject").putContext("a:x", "1").build())).isFalse();
    assertThat(
            holds(
                policy,
                request("s3:GetObject").putContext("a:x", "1").putContext("a:y", "2").build()))
        .isTrue();
  }

  // --- Missing keys, IfExists, Null ---------------------------------------------------------

  @Test
  void condition_positiveOperatorMissingKey_false() {
    assertThat(holds(conditioned("StringEquals", "aws:PrincipalTag/team", "Blue"), without()))
        .isFalse();
    assertThat(holds(conditioned("NumericLessThan", "s3:max-keys", "10"), without())).isFalse();
  }

  @Test
  void condition_negatedOperatorMissingKey_true() {
    assertThat(holds(conditioned("StringNotLike", "aws:PrincipalTag/team", "B*"), without()))
        .isTrue();
    assertThat(holds(conditioned("ArnNotLike", "aws:SourceArn", "arn:aws:sns:*:*:t"), without()))
        .isTrue();
    assertThat(holds(conditioned("NotIpAddress", "aws:SourceIp", "10.0.0.0/8"), without()))
        .isTrue();
    assertThat(holds(conditioned("NumericNotEquals", "s3:max-keys", "10"), without())).isTrue();
    assertThat(holds(conditioned("DateNotEquals", "aws:CurrentTime", "2020-01-01"), without()))
        .isTrue();
  }

  @Test
  void condition_ifExistsMissingKey_true() {
    assertThat(holds(conditioned("StringLikeIfExists", "ec2:InstanceType", "t2.*"), without()))
        .isTrue();
  }

  @Test
  void condition_ifExistsPresentKey_evaluatesOperator() {
    PolicyDocument policy = conditioned("StringLikeIfExists", "ec2:InstanceType", "t2.*");
    assertThat(holds(policy, with("ec2:InstanceType", "t2.micro"))).isTrue();
    assertThat(holds(policy, with("ec2:InstanceType", "m5.large"))).isFalse();
  }

  @Test
  void condition_negatedIfExistsMissingKey_true() {
    assertThat(holds(conditioned("StringNotEqualsIfExists", "aws:PrincipalTag/t", "x"), without()))
        .isTrue();
  }

  @Test
  void condition_nullTrue_meansKeyAbsent() {
    PolicyDocument policy = conditioned("Null", "aws:TokenIssueTime", "true");
    assertThat(holds(policy, without())).isTrue();
    assertThat(holds(policy, with("aws:TokenIssueTime", "2020-01-01T00:00:00Z"))).isFalse();
  }

  @Test
  void condition_nullFalse_meansKeyPresent() {
    PolicyDocument policy = conditioned("Null", "aws:TokenIssueTime", "false");
    assertThat(holds(policy, without())).isFalse();
    assertThat(holds(policy, with("aws:TokenIssueTime", "2020-01-01T00:00:00Z"))).isTrue();
  }

  // --- Set qualifiers -----------------------------------------------------------------------

  @Test
  void condition_forAllValuesMissingKey_true() {
    assertThat(holds(conditioned("ForAllValues:StringEquals", "aws:TagKeys", "env"), without()))
        .isTrue();
  }

  @Test
  void condition_forAllValuesEmptyKey_true() {
    assertThat(
            holds(
                conditioned("ForAllValues:StringEquals", "aws:TagKeys", "env"),
                with("aws:TagKeys")))
        .isTrue();
  }

  @Test
  void condition_forAllValues_everyRequestValueMustMatchSomePolicyValue() {
    PolicyDocument policy =
        conditioned(
            "ForAllValues:StringEquals", "dynamodb:Attributes", "PostDateTime", "Message", "Tags");
    assertThat(holds(policy, with("dynamodb:Attributes", "Message", "Tags"))).isTrue();
    assertThat(holds(policy, with("dynamodb:Attributes", "PostDateTime", "UserName"))).isFalse();
  }

  @Test
  void condition_forAnyValueMissingKey_false() {
    assertThat(holds(conditioned("ForAnyValue:StringEquals", "aws:TagKeys", "env"), without()))
        .isFalse();
  }

  @Test
  void condition_forAnyValueEmptyKey_false() {
    assertThat(
            holds(
                conditioned("ForAnyValue:StringEquals", "aws:TagKeys", "env"), with("aws:TagKeys")))
        .isFalse();
  }

  @Test
  void condition_forAnyValue_someRequestValueMatchesSomePolicyValue() {
    PolicyDocument policy =
        conditioned("ForAnyValue:StringEquals", "dynamodb:Attributes", "ID", "PostDateTime");
    assertThat(holds(policy, with("dynamodb:Attributes", "UserName", "Message", "PostDateTime")))
        .isTrue();
    assertThat(holds(policy, with("dynamodb:Attributes", "UserName"))).isFalse();
  }

  @Test
  void condition_forAllValuesStringNotLike_everyRequestValueMatchesNone() {
    // The docs' table for "ForAllValues:StringNotLike": {"aws:TagKeys": "key1*"}.
    PolicyDocument policy = conditioned("ForAllValues:StringNotLike", "aws:TagKeys", "key1*");
    assertThat(holds(policy, with("aws:TagKeys", "key1:legal"))).isFalse();
    assertThat(holds(policy, with("aws:TagKeys", "key1:hr", "key1:personnel"))).isFalse();
    assertThat(holds(policy, with("aws:TagKeys", "key2:audit"))).isTrue();
    assertThat(holds(policy, without())).isTrue();
  }

  @Test
  void condition_forAnyValueStringNotEquals_someRequestValueMatchesNone() {
    PolicyDocument policy =
        conditioned("ForAnyValue:StringNotEquals", "aws:TagKeys", "env", "cost");
    assertThat(holds(policy, with("aws:TagKeys", "env", "owner"))).isTrue();
    assertThat(holds(policy, with("aws:TagKeys", "env", "cost"))).isFalse();
    assertThat(holds(policy, without())).isFalse();
  }

  @Test
  void condition_forAnyValueIfExistsMissingKey_true() {
    assertThat(
            holds(conditioned("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "env"), without()))
        .isTrue();
  }

  // --- Key names ----------------------------------------------------------------------------

  @Test
  void condition_keyNameCaseInsensitive() {
    PolicyDocument policy = conditioned("StringEquals", "aws:SourceVpc", "vpc-1");
    assertThat(holds(policy, with("AWS:SOURCEVPC", "vpc-1"))).isTrue();
  }

  @Test
  void condition_keyNameTurkishLocale_dottedCapitalIStillMatches() {
    assertThat(Locale.getDefault().getLanguage()).isEqualTo("tr");
    PolicyDocument policy = conditioned("Bool", "kms:GrantIsForAWSResource", "true");
    assertThat(holds(policy, with("KMS:GRANTISFORAWSRESOURCE", "true"))).isTrue();
    assertThat(holds(policy, with("kms:grantisforawsresource", "true"))).isTrue();
    PolicyDocument upper = conditioned("Bool", "KMS:GRANTISFORAWSRESOURCE", "true");
    assertThat(holds(upper, with("kms:GrantIsForAWSResource", "true"))).isTrue();
  }

  // --- Numeric ------------------------------------------------------------------------------

  @Test
  void condition_numericEquals_comparesByValue() {
    PolicyDocument policy = conditioned("NumericEquals", "s3:max-keys", "10");
    assertThat(holds(policy, with("s3:max-keys", "10.0"))).isTrue();
    assertThat(holds(policy, with("s3:max-keys", "11"))).isFalse();
  }

  @Test
  void condition_numericNotEquals_negated() {
    PolicyDocument policy = conditioned("NumericNotEquals", "s3:max-keys", "10");
    assertThat(holds(policy, with("s3:max-keys", "11"))).isTrue();
    assertThat(holds(policy, with("s3:max-keys", "10"))).isFalse();
  }

  @Test
  void condition_numericOrderings_strictAndInclusive() {
    assertThat(holds(conditioned("NumericLessThan", "k:n", "10"), with("k:n", "9.5"))).isTrue();
    assertThat(holds(conditioned("NumericLessThan", "k:n", "10"), with("k:n", "10"))).isFalse();
    assertThat(holds(conditioned("NumericLessThanEquals", "k:n", "10"), with("k:n", "10")))
        .isTrue();
    assertThat(holds(conditioned("NumericLessThanEquals", "k:n", "10"), with("k:n", "11")))
        .isFalse();
    assertThat(holds(conditioned("NumericGreaterThan", "k:n", "10"), with("k:n", "11"))).isTrue();
    assertThat(holds(conditioned("NumericGreaterThan", "k:n", "10"), with("k:n", "10"))).isFalse();
    assertThat(holds(conditioned("NumericGreaterThanEquals", "k:n", "10"), with("k:n", "10")))
        .isTrue();
    assertThat(holds(conditioned("NumericGreaterThanEquals", "k:n", "10"), with("k:n", "-3")))
        .isFalse();
  }

  @Test
  void condition_malformedNumber_falseNotThrown() {
    assertThat(holds(conditioned("NumericEquals", "k:n", "ten"), with("k:n", "10"))).isFalse();
    assertThat(holds(conditioned("NumericEquals", "k:n", "10"), with("k:n", "ten"))).isFalse();
  }

  // --- Date ---------------------------------------------------------------------------------

  @Test
  void condition_dateEquals_isoFormsAndEpochAgree() {
    PolicyDocument policy =
        conditioned("DateEquals", "aws:CurrentTime", "2020-01-01T09:00:00+09:00");
    assertThat(holds(policy, with("aws:CurrentTime", "2020-01-01T00:00:00Z"))).isTrue();
    assertThat(holds(policy, with("aws:CurrentTime", "2020-01-01"))).isTrue();
    assertThat(holds(policy, with("aws:CurrentTime", "1577836800"))).isTrue();
    assertThat(holds(policy, with("aws:CurrentTime", "2020-01-01T00:00:01Z"))).isFalse();
  }

  @Test
  void condition_dateNotEquals_negated() {
    PolicyDocument policy = conditioned("DateNotEquals", "aws:CurrentTime", "2020-01-01");
    assertThat(holds(policy, with("aws:CurrentTime", "2020-01-02"))).isTrue();
    assertThat(holds(policy, with("aws:CurrentTime", "2020-01-01T00:00:00.000Z"))).isFalse();
  }

  @Test
  void condition_dateOrderings_strictAndInclusive() {
    String at = "2020-06-01T12:00:00Z";
    assertThat(
            holds(
                conditioned("DateLessThan", "aws:CurrentTime", at),
                with("aws:CurrentTime", "2020-06-01T11:59:59Z")))
        .isTrue();
    assertThat(
            holds(conditioned("DateLessThan", "aws:CurrentTime", at), with("aws:CurrentTime", at)))
        .isFalse();
    assertThat(
            holds(
                conditioned("DateLessThanEquals", "aws:CurrentTime", at),
                with("aws:CurrentTime", at)))
        .isTrue();
    assertThat(
            holds(
                conditioned("DateLessThanEquals", "aws:CurrentTime", at),
                with("aws:CurrentTime", "2021-01-01")))
        .isFalse();
    assertThat(
            holds(
                conditioned("DateGreaterThan", "aws:CurrentTime", at),
                with("aws:CurrentTime", "2020-06-01T12:00:01Z")))
        .isTrue();
    assertThat(
            holds(
                conditioned("DateGreaterThan", "aws:CurrentTime", at), with("aws:CurrentTime", at)))
        .isFalse();
    assertThat(
            holds(
                conditioned("DateGreaterThanEquals", "aws:CurrentTime", at),
                with("aws:CurrentTime", at)))
        .isTrue();
    assertThat(
            holds(
                conditioned("DateGreaterThanEquals", "aws:CurrentTime", at),
                with("aws:CurrentTime", "2019-12-31")))
        .isFalse();
  }

  @Test
  void condition_malformedDate_falseNotThrown() {
    assertThat(
            holds(
                conditioned("DateLessThan", "aws:CurrentTime", "tomorrow"),
                with("aws:CurrentTime", "2020-01-01")))
        .isFalse();
    assertThat(
            holds(
                conditioned("DateLessThan", "aws:CurrentTime", "2020-01-01"),
                with("aws:CurrentTime", "2019-13-45")))
        .isFalse();
  }

  // --- Bool, Binary -------------------------------------------------------------------------

  @Test
  void condition_bool_trueAndFalseIgnoringCase() {
    PolicyDocument policy = conditioned("Bool", "aws:SecureTransport", "false");
    assertThat(holds(policy, with("aws:SecureTransport", "false"))).isTrue();
    assertThat(holds(policy, with("aws:SecureTransport", "FALSE"))).isTrue();
    assertThat(holds(policy, with("aws:SecureTransport", "true"))).isFalse();
    assertThat(holds(policy, with("aws:SecureTransport", "no"))).isFalse();
  }

  @Test
  void condition_binaryEquals_comparesDecodedBytes() {
    PolicyDocument policy = conditioned("BinaryEquals", "k:b", "QmluYXJ5VmFsdWVJbkJhc2U2NA==");
    assertThat(holds(policy, with("k:b", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="))).isTrue();
    assertThat(holds(policy, with("k:b", "QmluYXJ5"))).isFalse();
    assertThat(holds(policy, with("k:b", "%%%"))).isFalse();
  }

  // --- IP address ---------------------------------------------------------------------------

  @Test
  void condition_ipAddress_ipv4Cidr() {
    PolicyDocument policy = conditioned("IpAddress", "aws:SourceIp", "203.0.113.0/24");
    assertThat(holds(policy, with("aws:SourceIp", "203.0.113.255"))).isTrue();
    assertThat(holds(policy, with("aws:SourceIp", "203.0.114.1"))).isFalse();
  }

  @Test
  void condition_ipAddress_ipv6Cidr() {
    PolicyDocument policy = conditioned("IpAddress", "aws:SourceIp", "2001:DB8:1234:5678::/64");
    assertThat(holds(policy, with("aws:SourceIp", "2001:db8:1234:5678:abcd::1"))).isTrue();
    assertThat(holds(policy, with("aws:SourceIp", "2001:db8:1234:5679::1"))).isFalse();
    assertThat(holds(policy, with("aws:SourceIp", "203.0.113.1"))).isFalse();
  }

  @Test
  void condition_ipAddressBareAddress_isSingleHost() {
    PolicyDocument policy = conditioned("IpAddress", "aws:SourceIp", "203.0.113.7");
    assertThat(holds(policy, with("aws:SourceIp", "203.0.113.7"))).isTrue();
    assertThat(holds(policy, with("aws:SourceIp", "203.0.113.8"))).isFalse();
  }

  @Test
  void condition_notIpAddress_outsideEveryRange() {
    PolicyDocument policy =
        conditioned("NotIpAddress", "aws:SourceIp", "10.0.0.0/8", "192.168.0.0/16");
    assertThat(holds(policy, with("aws:SourceIp", "203.0.113.7"))).isTrue();
    assertThat(holds(policy, with("aws:SourceIp", "192.168.1.1"))).isFalse();
  }

  @Test
  void condition_malformedCidr_falseNotThrown() {
    PolicyDocument policy = conditioned("IpAddress", "aws:SourceIp", "203.0.113.0/33");
    assertThatCode(() -> holds(policy, with("aws:SourceIp", "203.0.113.1")))
        .doesNotThrowAnyException();
    assertThat(holds(policy, with("aws:SourceIp", "203.0.113.1"))).isFalse();
    assertThat(
            holds(
                conditioned("IpAddress", "aws:SourceIp", "example.com"),
                with("aws:SourceIp", "1.2.3.4")))
        .isFalse();
    assertThat(
            holds(
                conditioned("IpAddress", "aws:SourceIp", "1.2.3.0/24"),
                with("aws:SourceIp", "1.2.3")))
        .isFalse();
  }

  // --- ARN ----------------------------------------------------------------------------------

  @Test
  void condition_arnLike_componentWiseWildcards() {
    PolicyDocument policy =
        conditioned("ArnLike", "aws:SourceArn", "arn:aws:someservice:*:111122223333:finance/*");
    assertThat(
            holds(
                policy,
                with(
                    "aws:SourceArn", "arn:aws:someservice:us-east-2:111122223333:finance/a/b.txt")))
        .isTrue();
    // The docs' example: StringLike would match, ArnLike does not (the star stays in the region).
    assertThat(
            holds(
                policy,
                with(
                    "aws:SourceArn",
                    "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt")))
        .isFalse();
  }

  @Test
  void condition_arnEquals_behavesLikeArnLike() {
    PolicyDocument policy =
        conditioned("ArnEquals", "aws:SourceArn", "arn:aws:sns:*:123456789012:TOPIC-?");
    assertThat(holds(policy, with("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:TOPIC-1")))
        .isTrue();
    assertThat(holds(policy, with("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:TOPIC-12")))
        .isFalse();
  }

  @Test
  void condition_arnNotEqualsAndArnNotLike_negated() {
    for (String operator : List.of("ArnNotEquals", "ArnNotLike")) {
      PolicyDocument policy =
          conditioned(operator, "aws:PrincipalArn", "arn:aws:iam::444455556666:user/*");
      assertThat(holds(policy, with("aws:PrincipalArn", "arn:aws:iam::444455556666:user/bob")))
          .isFalse();
      assertThat(holds(policy, with("aws:PrincipalArn", "arn:aws:iam::444455556666:role/bob")))
          .isTrue();
    }
  }

  @Test
  void condition_arnLike_caseSensitive() {
    PolicyDocument policy = conditioned("ArnLike", "aws:SourceArn", "arn:aws:sns:*:*:Topic");
    assertThat(holds(policy, with("aws:SourceArn", "arn:aws:sns:us-east-1:123456789012:topic")))
        .isFalse();
  }
}
