package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {
  @TempDir Path dir;

  @Test
  void merge_twoDocumentsInEitherOrder_sameCanonicalBytes() throws IOException {
    Path a =
        write(
            "a.json",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}}");
    Path b =
        write(
            "b.json",
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"s3:PutObject\"], \"Resource\": [\"*\"]}]}");

    CliRun ab = CliRun.of("merge", a.toString(), b.toString());
    CliRun ba = CliRun.of("merge", b.toString(), a.toString());

    assertThat(ab.exitCode()).isZero();
    assertThat(ab.out()).isEqualTo(ba.out());
    assertThat(ab.out())
        .isEqualTo(
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": [
                    "s3:GetObject",
                    "s3:PutObject"
                  ],
                  "Resource": [
                    "*"
                  ]
                }
              ]
            }
            """);
  }

  @Test
  void merge_sidConflict_exitsTwoUnlessOverride() throws IOException {
    Path a =
        write(
            "a.json",
            "{\"Statement\": [{\"Sid\": \"S\", \"Effect\": \"Allow\", \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}");
    Path b =
        write(
            "b.json",
            "{\"Statement\": [{\"Sid\": \"S\", \"Effect\": \"Allow\", \"Action\": \"s3:PutObject\", \"Resource\": \"*\"}]}");

    CliRun conflict = CliRun.of("merge", a.toString(), b.toString());
    CliRun override = CliRun.of("merge", a.toString(), b.toString(), "--override");

    assertThat(conflict.exitCode()).isEqualTo(2);
    assertThat(conflict.out()).isEmpty();
    assertThat(conflict.err()).contains("\"S\"");
    assertThat(override.exitCode()).isZero();
    assertThat(override.out()).contains("s3:PutObject").doesNotContain("s3:GetObject");
  }

  @Test
  void merge_overLimit_exitsTwoNamingTheSize() throws IOException {
    StringBuilder actions = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      actions.append(i == 0 ? "" : ", ").append("\"s3:Action").append(i).append("\"");
    }
    Path a =
        write(
            "a.json",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": ["
                + actions
                + "], \"Resource\": \"*\"}]}");

    CliRun run = CliRun.of("merge", a.toString(), "--limit", "user-inline");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("2048");
  }

  @Test
  void merge_badLimit_exitsTwo() throws IOException {
    Path a =
        write("a.json", "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}]}");

    CliRun run = CliRun.of("merge", a.toString(), "--limit", "huge");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "--limit must be key, managed, role-inline, user-inline or group-inline but was \"huge\"\n");
  }

  @Test
  void canonicalize_accountId_becomesRootArn() throws IOException {
    Path a =
        write(
            "a.json",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}]}");

    CliRun run = CliRun.of("canonicalize", a.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"arn:aws:iam::111122223333:root\"")
        .doesNotContain("\"111122223333\"");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
