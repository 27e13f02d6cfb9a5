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
}
