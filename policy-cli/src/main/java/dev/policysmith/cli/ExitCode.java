package dev.policysmith.cli;

/** The exit codes of the {@code policysmith} command, the contract scripts rely on. */
public enum ExitCode {
  /** Success; for {@code diff}, the documents are equivalent; for {@code validate}, no error. */
  OK(0),
  /** A negative answer: {@code diff} found a difference, {@code validate} found errors. */
  DIFFERENT(1),
  /** The input could not be read or used: a missing file, bad JSON, a bad option. */
  BAD_INPUT(2);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** Returns the numeric process exit code. */
  public int code() {
    return code;
  }
}
