package dev.policysmith.cli;

/**
 * A failure to report to the user in one line on standard error, already phrased, e.g. {@code
 * policy.json:3:14: Effect must be "Allow" or "Deny" but was "allow" (at /Statement/0/Effect)}.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(message, null, false, false);
  }
}
