package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  private static final String CLEAN_KEY_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Sid": "Enable IAM policies",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
            "Action": "kms:*",
            "Resource": "*"
          }
        ]
      }
      """;

  private static final String OPEN_KEY_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Sid": "Open", "Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}
        ]
      }
      """;

  @Test
  void validate_cleanKeyPolicy_exitsZeroAndPrintsNothing() throws IOException {
    CliRun run = CliRun.of("validate", write(CLEAN_KEY_POLICY).toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validate_cleanKeyPolicyAsJson_printsEmptyArray() throws IOException {
    CliRun run = CliRun.of("validate", write(CLEAN_KEY_POLICY).toString(), "--json");

    assertThat(run.out()).isEqualTo("[]\n");
  }

  @Test
  void validate_allowToAnyone_reportsSecurityWarningWithPointer() throws IOException {
    Path file = write(OPEN_KEY_POLICY);

    CliRun run = CliRun.of("validate", file.toString(), "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"severity\": \"SECURITY_WARNING\"")
        .contains("\"code\": \"ALLOW_TO_ANYONE_WITHOUT_LIMITING_CONDITION\"")
        .contains("\"pointer\": \"/Statement/0/Principal\"");
  }

  @Test
  void validate_invalidVersion_isAnErrorFindingExitOne() throws IOException {
    Path file =
        write(
            "{\"Version\": \"2012-10-18\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\"}]}");

    CliRun run = CliRun.of("validate", file.toString(), "--kind", "identity");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            file
                + ": ERROR INVALID_VERSION at /Version: Version must be \"2012-10-17\" or"
                + " \"2008-10-17\" but was \"2012-10-18\"\n");
  }

  @Test
  void validate_notJson_exitsTwoWithLocatedMessage() throws IOException {
    Path file = write("{\"Statement\": [");

    CliRun run = CliRun.of("validate", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(file + ":1:16: Invalid JSON");
  }

  @Test
  void validate_badKind_exitsTwo() throws IOException {
    CliRun run = CliRun.of("validate", write(CLEAN_KEY_POLICY).toString(), "--kind", "trust");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("--kind must be key, identity or resource but was \"trust\"\n");
  }

  @Test
  void validate_keyArnNotAKey_exitsTwo() throws IOException {
    CliRun run =
        CliRun.of(
            "validate",
            write(CLEAN_KEY_POLICY).toString(),
            "--key-arn",
            "arn:aws:iam::444455556666:root");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("--key-arn must be a KMS key ARN");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("policy.json"), text);
  }

  private static final String TYPO_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "kms:Decript", "Resource": "*"}
        ]
      }
      """;

  @Test
  void validate_typoInAction_catalogueOnByDefaultWarnsWithSuggestion() throws IOException {
    Path file = dir.resolve("typo.json");
    Files.writeString(file, TYPO_POLICY);
    CliRun run = CliRun.of("validate", file.toString(), "--kind", "identity");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            file
                + ": WARNING UNKNOWN_ACTION at /Statement/0/Action: Action \"kms:Decript\" is not in the"
                + " action catalogue of 2026-09-26; did you mean \"kms:Decrypt\"?\n");
  }

  @Test
  void validate_noCatalog_skipsCatalogueChecks() throws IOException {
    Path file = dir.resolve("typo.json");
    Files.writeString(file, TYPO_POLICY);
    CliRun run = CliRun.of("validate", file.toString(), "--kind", "identity", "--no-catalog");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void validate_accessLevelsAsJson_includesTheSummary() throws IOException {
    CliRun run =
        CliRun.of("validate", write(CLEAN_KEY_POLICY).toString(), "--access-levels", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "\"ACCESS_LEVEL_SUMMARY\"",
            "\"/Statement/0/Action\"",
            "Allows on 2026-09-26: Read ",
            "Permissions management ");
  }

  @Test
  void validate_accessLevelsWithoutCatalog_exitsTwo() throws IOException {
    CliRun run =
        CliRun.of(
            "validate", write(CLEAN_KEY_POLICY).toString(), "--access-levels", "--no-catalog");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--access-levels needs the catalogue");
  }
}
