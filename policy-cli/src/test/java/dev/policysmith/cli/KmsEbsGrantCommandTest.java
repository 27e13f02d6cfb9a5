package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job: adding the cross-account EBS statements to a key policy. The expected
 * statements follow the EC2 Auto Scaling EBS guide,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
 */
class KmsEbsGrantCommandTest {
  @TempDir Path dir;

  private static final String ROLE = "arn:aws:iam::111122223333:role/Scheduler";
  private static final String KEY = "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd";

  private static final String DEFAULT_KEY_POLICY =
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
      """;

  @Test
  void kmsEbsGrant_noKeyPolicy_printsTheTwoStatements() {
    CliRun run = CliRun.of("kms-ebs-grant", "--role", ROLE, "--region", "ap-northeast-1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"kms:ViaService\": \"ec2.ap-northeast-1.amazonaws.com\"")
        .contains("\"kms:GrantIsForAWSResource\": \"true\"")
        .contains("\"" + ROLE + "\"");
  }

  @Test
  void kmsEbsGrant_existingKeyPolicy_keepsItAndAppendsTwoStatements() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), DEFAULT_KEY_POLICY);

    CliRun run =
        CliRun.of(
            "kms-ebs-grant",
            "--role",
            ROLE,
            "--region",
            "ap-northeast-1",
            "--key-policy",
            policy.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith(
            """
            {
              "Version": "2012-10-17",
              "Id": "key-default-1",
              "Statement": [
                {
                  "Sid": "Enable IAM User Permissions",
                  "Effect": "Allow",
                  "Principal": {
                    "AWS": "arn:aws:iam::444455556666:root"
                  },
                  "Action": "kms:*",
                  "Resource": "*"
                },
                {
                  "Sid": "Allow use of the key for EBS through EC2",
            """);
    assertThat(run.out()).contains("\"Sid\": \"Allow attachment of persistent resources for EBS\"");
    assertThat(Files.readString(policy)).isEqualTo(DEFAULT_KEY_POLICY);
  }

  @Test
  void kmsEbsGrant_onItsOwnOutput_changesNothing() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), DEFAULT_KEY_POLICY);
    String once =
        CliRun.of(
                "kms-ebs-grant",
                "--role",
                ROLE,
                "--region",
                "ap-northeast-1",
                "--key-policy",
                policy.toString())
            .out();

    CliRun twice =
        CliRun.withStdin(
            once,
            "kms-ebs-grant",
            "--role",
            ROLE,
            "--region",
            "ap-northeast-1",
            "--key-policy",
            "-");

    assertThat(twice.out()).isEqualTo(once);
  }

  @Test
  void kmsEbsGrant_secondRegion_extendsViaServiceInPlace() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), DEFAULT_KEY_POLICY);
    String once =
        CliRun.of(
                "kms-ebs-grant",
                "--role",
                ROLE,
                "--region",
                "ap-northeast-1",
                "--key-policy",
                policy.toString())
            .out();

    CliRun run =
        CliRun.withStdin(
            once,
            "kms-ebs-grant",
            "--role",
            ROLE,
            "--region",
            "ap-northeast-3",
            "--key-policy",
            "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsIgnoringWhitespaces(
            "\"kms:ViaService\": [\"ec2.ap-northeast-1.amazonaws.com\", \"ec2.ap-northeast-3.amazonaws.com\"]");
    assertThat(run.out().split("\"Sid\"", -1)).hasSize(4);
  }

  @Test
  void kmsEbsGrant_sidTakenByOtherStatement_failsUnlessReplace() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), DEFAULT_KEY_POLICY);
    String[] args = {
      "kms-ebs-grant",
      "--role",
      ROLE,
      "--region",
      "ap-northeast-1",
      "--key-policy",
      policy.toString(),
      "--use-sid",
      "Enable IAM User Permissions"
    };

    CliRun conflict = CliRun.of(args);
    CliRun replaced = CliRun.of(append(args, "--replace"));

    assertThat(conflict.exitCode()).isEqualTo(2);
    assertThat(conflict.out()).isEmpty();
    assertThat(conflict.err())
        .startsWith(policy + ": Sid \"Enable IAM User Permissions\"")
        .contains("--replace");
    assertThat(replaced.exitCode()).isZero();
    assertThat(replaced.out()).doesNotContain("\"kms:*\"");
  }

  @Test
  void kmsEbsGrant_badInputs_exitTwoNamingTheValue() {
    assertThat(
            CliRun.of(
                    "kms-ebs-grant",
                    "--role",
                    "arn:aws:iam::111122223333:role/*",
                    "--region",
                    "us-east-1")
                .err())
        .isEqualTo(
            "Principal must not contain a wildcard but was \"arn:aws:iam::111122223333:role/*\"\n");
    assertThat(CliRun.of("kms-ebs-grant", "--role", ROLE, "--region", "mars-north-1").exitCode())
        .isEqualTo(2);
    assertThat(
            CliRun.of(
                    "kms-ebs-grant",
                    "--role",
                    "arn:awz:iam::111122223333:role/S",
                    "--region",
                    "us-east-1")
                .err())
        .startsWith("ARN \"arn:awz:iam::111122223333:role/S\" is invalid: partition");
    assertThat(CliRun.of("kms-ebs-grant", "--region", "us-east-1").exitCode()).isEqualTo(2);
  }

  @Test
  void kmsEbsGrant_out_writesNewFileAndRefusesToOverwrite() throws IOException {
    Path out = dir.resolve("new-key-policy.json");

    CliRun first =
        CliRun.of(
            "kms-ebs-grant", "--role", ROLE, "--region", "ap-northeast-1", "--out", out.toString());
    String written = Files.readString(out);
    CliRun second =
        CliRun.of(
            "kms-ebs-grant", "--role", ROLE, "--region", "us-east-1", "--out", out.toString());

    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).isEmpty();
    assertThat(written).contains("ec2.ap-northeast-1.amazonaws.com");
    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.err())
        .isEqualTo(out + ": already exists; policysmith never overwrites a file\n");
    assertThat(Files.readString(out)).isEqualTo(written);
  }

  @Test
  void kmsEbsGrant_identityPolicy_namesTheKey() {
    CliRun run =
        CliRun.of(
            "kms-ebs-grant",
            "--role",
            ROLE,
            "--region",
            "ap-northeast-1",
            "--identity-policy",
            "--key-arn",
            KEY);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("\"Resource\": \"" + KEY + "\"").doesNotContain("Principal");
  }

  @Test
  void kmsEbsGrant_identityPolicyWithoutKeyArn_exitsTwo() {
    CliRun run =
        CliRun.of(
            "kms-ebs-grant", "--role", ROLE, "--region", "ap-northeast-1", "--identity-policy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("--identity-policy needs --key-arn: the policy names the key\n");
  }

  @Test
  void kmsEbsGrant_regionOutsideTheKeysRegion_warnsOnStandardError() {
    CliRun run =
        CliRun.of("kms-ebs-grant", "--role", ROLE, "--region", "us-east-1", "--key-arn", KEY);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("VIA_SERVICE_WRONG_REGION");
  }

  private static String[] append(String[] args, String extra) {
    String[] longer = java.util.Arrays.copyOf(args, args.length + 1);
    longer[args.length] = extra;
    return longer;
  }
}
