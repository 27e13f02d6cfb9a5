package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed scenario through the command line: the two EBS statements of the cross-account role. */
class EvaluateCommandTest {
  @TempDir Path dir;

  private static final String ROLE = "arn:aws:iam::111122223333:role/Scheduler";
  private static final String KEY =
      "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private static final String KEY_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "Use",
            "Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Scheduler"]},
            "Action": ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            "Resource": "*",
            "Condition": {"StringEquals": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com"}}
          },
          {
            "Sid": "Attach",
            "Effect": "Allow",
            "Principal": {"AWS": ["arn:aws:iam::111122223333:role/Scheduler"]},
            "Action": ["kms:CreateGrant"],
            "Resource": "*",
            "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}
          },
          {
            "Sid": "NoDeletion",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "kms:ScheduleKeyDeletion",
            "Resource": "*"
          }
        ]
      }
      """;

  @Test
  void evaluate_seedRequests_oneDecisionPerLineInOrder() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), KEY_POLICY);
    Path requests =
        Files.writeString(
            dir.resolve("requests.jsonl"),
            line("kms:Decrypt", "{\"kms:ViaService\": \"ec2.ap-northeast-1.amazonaws.com\"}")
                + line("kms:Decrypt", "{\"kms:ViaService\": \"ec2.us-east-1.amazonaws.com\"}")
                + "\n"
                + line("kms:CreateGrant", "{\"kms:GrantIsForAWSResource\": true}")
                + line("kms:CreateGrant", "{\"kms:GrantIsForAWSResource\": false}")
                + line("kms:ScheduleKeyDeletion", "{}"));

    CliRun run = CliRun.of("evaluate", policy.toString(), "--requests", requests.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("ALLOW\nIMPLICIT_DENY\nALLOW\nIMPLICIT_DENY\nEXPLICIT_DENY\n");
  }

  @Test
  void evaluate_explain_namesMatchingStatements() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), KEY_POLICY);

    CliRun run =
        CliRun.withStdin(
            line("kms:Decrypt", "{\"kms:ViaService\": [\"ec2.ap-northeast-1.amazonaws.com\"]}"),
            "evaluate",
            policy.toString(),
            "--requests",
            "-",
            "--explain");

    assertThat(run.out()).isEqualTo("ALLOW\t/Statement/0 Allow \"Use\"\n");
  }

  @Test
  void evaluate_badRequestLine_exitsTwoNamingTheLine() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), KEY_POLICY);
    Path requests =
        Files.writeString(
            dir.resolve("requests.jsonl"),
            line("kms:Decrypt", "{}")
                + "{\"action\": \"kms:Decrypt\", \"context\": {\"k\": null}}\n");

    CliRun run = CliRun.of("evaluate", policy.toString(), "--requests", requests.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            requests
                + ":2:44: Context value of \"k\" must be a string, a boolean, a number or an array"
                + " of them but was null (at /context/k)\n");
  }

  @Test
  void evaluate_requestWithoutAction_exitsTwo() throws IOException {
    Path policy = Files.writeString(dir.resolve("key.json"), KEY_POLICY);

    CliRun run =
        CliRun.withStdin(
            "{\"principal\": \"x\"}\n", "evaluate", policy.toString(), "--requests", "-");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("<stdin>:1:1: Request must have action but had none (at /)\n");
  }

  private static String line(String action, String context) {
    return "{\"principal\": \""
        + ROLE
        + "\", \"action\": \""
        + action
        + "\", \"resource\": \""
        + KEY
        + "\", \"context\": "
        + context
        + "}\n";
  }
}
