package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatCommandTest {
  @TempDir Path dir;

  private static final String COMPACT =
      """
      {"Version":"2012-10-17","Statement":{"Sid":"Use","Effect":"Allow","Principal":{"AWS":["111122223333"]},\
      "Action":"kms:Decrypt","Resource":"*","Condition":{"Bool":{"kms:GrantIsForAWSResource":true}}}}
      """;

  private static final String FORMATTED =
      """
      {
        "Version": "2012-10-17",
        "Statement": {
          "Sid": "Use",
          "Effect": "Allow",
          "Principal": {
            "AWS": [
              "111122223333"
            ]
          },
          "Action": "kms:Decrypt",
          "Resource": "*",
          "Condition": {
            "Bool": {
              "kms:GrantIsForAWSResource": true
            }
          }
        }
      }
      """;

  @Test
  void format_compactFile_printsTwoSpaceIndentedWithFormsKept() throws IOException {
    Path file = write("policy.json", COMPACT);

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(FORMATTED);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void format_standardInput_readsDash() {
    CliRun run = CliRun.withStdin(COMPACT, "format", "-");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(FORMATTED);
  }

  @Test
  void format_neverWritesTheInputFile() throws IOException {
    Path file = write("policy.json", COMPACT);

    CliRun.of("format", file.toString());

    assertThat(Files.readString(file)).isEqualTo(COMPACT);
  }

  static Stream<Arguments> badDocuments() {
    return Stream.of(
        Arguments.of(
            "{\"Statement\": [{\"Effect\": \"allow\", \"Action\": \"kms:*\"}]}",
            ":1:27: Effect must be \"Allow\" or \"Deny\" but was \"allow\" (at /Statement/0/Effect)"),
        Arguments.of(
            "{\"Statement\": []}",
            ":1:15: Statement must hold at least one statement but was empty (at /Statement)"),
        Arguments.of(
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"a\", \"Action\": \"b\"}]}",
            ":1:51: Object keys must be unique but \"Action\" was repeated (at /Statement/0/Action)"),
        Arguments.of(
            "{\"Statement\": [", ":1:16: Invalid JSON: unexpected end of input (at /Statement)"),
        Arguments.of("", ":1:1: Policy document must be a JSON object but was empty (at /)"));
  }

  @ParameterizedTest
  @MethodSource("badDocuments")
  void format_badDocument_exitsTwoWithLocatedMessageAndEmptyStdout(String json, String message)
      throws IOException {
    Path file = write("bad.json", json);

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(file + message);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void format_missingFile_exitsTwoNamingTheFile() {
    CliRun run = CliRun.of("format", dir.resolve("absent.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(dir.resolve("absent.json") + ": no such file\n");
  }

  @Test
  void format_fileLongerThanTheInputLimit_exitsTwoWithoutReadingItAll() throws IOException {
    Path file = dir.resolve("huge.json");
    try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(Inputs.MAX_INPUT_BYTES + 1L);
    }

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(file + ": longer than " + Inputs.MAX_INPUT_BYTES + " bytes, not read further\n");
  }

  @Test
  void format_fileLongerThanADocument_exitsTwoAtTheFirstByte() throws IOException {
    Path file = dir.resolve("long.json");
    Files.write(file, new byte[dev.policysmith.model.json.PolicyReader.MAX_DOCUMENT_BYTES + 1]);

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(file + ":1:1: ");
  }

  @Test
  void format_invalidUtf8_exitsTwoWithPosition() throws IOException {
    Path file = dir.resolve("latin1.json");
    Files.write(file, new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', ':', '1', '}'});

    CliRun run = CliRun.of("format", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(file + ":1:3: Document must be UTF-8 but had the malformed byte 0xC3");
  }

  @Test
  void help_and_version_exitZero() {
    assertThat(CliRun.of("--help").out()).contains("format", "evaluate");
    assertThat(CliRun.of("--version").out()).startsWith("policysmith ");
    assertThat(CliRun.of("format", "--help").exitCode()).isZero();
  }

  @Test
  void unknownCommand_exitsTwoWithUsageHint() {
    CliRun run = CliRun.of("frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched argument", "Try 'policysmith --help'");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
