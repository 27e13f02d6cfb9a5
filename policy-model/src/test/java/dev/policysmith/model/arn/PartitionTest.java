package dev.policysmith.model.arn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.json.PolicyReader;
import org.junit.jupiter.api.Test;

/**
 * The partition a document lives in, which gives its bare account ids their root ARN.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts">AWS
 *     account principals</a>
 */
class PartitionTest {
  private static Partition of(String json) {
    return Partition.ofDocument(PolicyReader.strict().read(json));
  }

  @Test
  void ofDocument_noArn_isAws() {
    assertThat(
            of(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*", "Resource": "*"}]}
                """))
        .isEqualTo(Partition.AWS);
  }

  @Test
  void ofDocument_resourceArnsOfOnePartition_isThatPartition() {
    assertThat(
            of(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "kms:*",
                   "Resource": "arn:aws-cn:kms:cn-north-1:111122223333:key/k"}]}
                """))
        .isEqualTo(Partition.AWS_CN);
  }

  @Test
  void ofDocument_principalArnAndNotResource_count() {
    assertThat(
            of(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws-us-gov:iam::444455556666:role/R"},
                   "Action": "kms:*", "Resource": "*"},
                  {"Effect": "Deny", "Action": "kms:*",
                   "NotResource": "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/k"}]}
                """))
        .isEqualTo(Partition.AWS_US_GOV);
  }

  @Test
  void ofDocument_severalPartitions_isAws() {
    assertThat(
            of(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws-cn:iam::444455556666:root"},
                   "Action": "kms:*", "Resource": "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/k"}]}
                """))
        .isEqualTo(Partition.AWS);
  }

  @Test
  void ofDocument_wildcardOrUnknownPartition_namesNone() {
    assertThat(
            of(
                """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "kms:*",
                   "Resource": ["arn:*:kms:*:111122223333:key/k", "arn:aws-cn:kms:cn-north-1:111122223333:key/k",
                                "arn:awz:kms:x:111122223333:key/k"]}]}
                """))
        .isEqualTo(Partition.AWS_CN);
  }
}
