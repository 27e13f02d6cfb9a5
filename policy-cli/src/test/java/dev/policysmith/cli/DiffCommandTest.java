package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  @TempDir Path dir;

  private static final String OLD =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}
      ]}
      """;

  @Test
  void diff_reorderedAndSplit_isEquivalentExitZero() throws IOException {
    Path old = write("old.json", OLD);
    Path split =
        write(
            "new.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": ["*"]},
              {"Effect": "Allow", "Action": "S3:getobject", "Resource": "*"}
            ]}
            """);

    CliRun run = CliRun.of("diff", old.toString(), split.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("EQUIVALENT\n");
  }

  @Test
  void diff_wildcardReplacesTwoActions_isBroaderWithExample() throws IOException {
    Path old = write("old.json", OLD);
    Path wider =
        write(
            "new.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*"}
            ]}
            """);

    CliRun run = CliRun.of("diff", old.toString(), wider.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("BROADER\n")
        .contains("Access added")
        .contains("example: {")
        .contains("\"action\": \"s3:Get");
    assertThat(run.out())
        .contains("changed old Allow statement 0 \"Read\" -> new Allow statement 0 \"Read\"");
  }

  @Test
  void diff_json_hasTheContractShape() throws IOException {
    Path old = write("old.json", OLD);
    Path narrower =
        write(
            "new.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}
            ]}
            """);

    CliRun run = CliRun.of("diff", old.toString(), narrower.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("{\n  \"verdict\": \"NARROWER\",\n  \"exact\": true,\n")
        .contains("\"added\": []")
        .contains("\"removed\": [")
        .contains("\"effect\":", "\"principal\":", "\"action\":", "\"resource\":", "\"condition\":")
        .contains("\"summary\":", "\"example\": {")
        .contains("\"statements\": {")
        .contains("\"changed\": [");
  }

  @Test
  void diff_kmsStarAgainstRealActions_saysEquivalentOverTheCatalogue() throws IOException {
    Path star =
        write(
            "old.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "kms:Re*", "Resource": "*"}
            ]}
            """);
    Path listed =
        write(
            "new.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Resource": "*", "Action": [
                "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:ReplicateKey", "kms:RetireGrant",
                "kms:RevokeGrant"]}
            ]}
            """);

    CliRun run = CliRun.of("diff", star.toString(), listed.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith(
            "NARROWER\n  catalogue: equivalent for the 56 kms actions that exist on 2026-09-26;"
                + " narrower for actions added later\n");
  }

  @Test
  void diff_json_addsTheCatalogueAfterTheContractFields() throws IOException {
    Path old = write("old.json", OLD);
    Path wider =
        write(
            "new.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "kms:Get*"], "Resource": "*"}
            ]}
            """);

    CliRun run = CliRun.of("diff", old.toString(), wider.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("{\n  \"verdict\": \"BROADER\",\n  \"exact\": true,\n")
        .contains("\"action\": \"kms:GetKeyLastUsage\"")
        .contains(
            """
              "catalog": {
                "verdict": "BROADER",
                "date": "2026-09-26",
                "actions": 236,
                "services": [
                  "kms",
                  "s3"
                ],
                "summary": "broader for the 236 actions of kms and s3 that exist on 2026-09-26"
              }
            }""");
    assertThat(run.out().indexOf("\"statements\": {"))
        .isLessThan(run.out().indexOf("\"catalog\": {"));
  }

  @Test
  void diff_noCatalog_leavesTheCatalogueOut() throws IOException {
    Path old = write("old.json", OLD);
    Path wider =
        write(
            "new.json",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "kms:Get*"], "Resource": "*"}
            ]}
            """);

    CliRun text = CliRun.of("diff", "--no-catalog", old.toString(), wider.toString());
    CliRun json = CliRun.of("diff", "--no-catalog", old.toString(), wider.toString(), "--json");

    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.out()).doesNotContain("catalogue").contains("\"action\": \"kms:Get\"");
    assertThat(json.out()).doesNotContain("\"catalog\"");
  }

  @Test
  void diff_badNewFile_exitsTwoWithLocatedMessage() throws IOException {
    Path old = write("old.json", OLD);
    Path bad = write("bad.json", "{\"Statement\": {\"Effect\": \"Allow\"}}");

    CliRun run = CliRun.of("diff", old.toString(), bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(bad + ":1:15: ");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
