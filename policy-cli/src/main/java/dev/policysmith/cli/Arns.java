package dev.policysmith.cli;

import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.arn.Arn;

/** Parses ARN options, reporting a bad one with the option's name. */
final class Arns {
  private Arns() {}

  static Arn parse(String option, String text) {
    try {
      return Arn.parse(text);
    } catch (PolicyFormatException e) {
      throw new CommandFailure(option + ": " + e.getMessage());
    }
  }

  /** Parses a KMS key ARN option, {@code arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID}. */
  static Arn kmsKey(String option, String text) {
    Arn arn = parse(option, text);
    if (!arn.isKmsKey()) {
      throw new CommandFailure(
          option
              + " must be a KMS key ARN, arn:PARTITION:kms:REGION:ACCOUNT:key/KEY-ID, but was "
              + dev.policysmith.model.PolicyFormatException.quote(text));
    }
    return arn;
  }
}
