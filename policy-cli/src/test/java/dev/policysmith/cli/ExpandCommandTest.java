package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpandCommandTest {
  @Test
  void expand_reEncryptStar_printsFromAndToOneALine() {
    CliRun run = CliRun.of("expand", "kms:ReEncrypt*");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("kms:ReEncryptFrom\nkms:ReEncryptTo\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void expand_overlappingPatterns_printEachActionOnceInAwsCasing() {
    CliRun run = CliRun.of("expand", "KMS:reencryptto", "kms:ReEncrypt*");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("kms:ReEncryptTo\nkms:ReEncryptFrom\n");
  }

  @Test
  void expand_patternMatchingNothing_namesItOnStderrAndExitsOne() {
    CliRun run = CliRun.of("expand", "kms:Decript", "kms:Decrypt");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("kms:Decrypt\n");
    assertThat(run.err())
        .isEqualTo(
            "policysmith expand: \"kms:Decript\" matches no action in the catalogue of 2026-09-26\n");
  }

  @Test
  void expand_notInService_printsTheComplementWithinIt() {
    CliRun run = CliRun.of("expand", "--not-in", "kms", "kms:*");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    CliRun rest = CliRun.of("expand", "--not-in", "kms", "kms:*Key*", "kms:*Grant*", "kms:*Alias*");
    assertThat(rest.out())
        .contains("kms:Decrypt\n", "kms:Encrypt\n")
        .doesNotContain("kms:DescribeKey", "kms:CreateGrant");
  }

  @Test
  void expand_notInUnknownService_exitsTwo() {
    CliRun run = CliRun.of("expand", "--not-in", "kmz", "kms:*");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--not-in must name a service");
  }

  @Test
  void expand_noPattern_exitsTwoWithUsage() {
    CliRun run = CliRun.of("expand");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("PATTERN");
  }
}
