package dev.policysmith.model;

/**
 * The root of every exception policysmith throws for bad policy input; unchecked, so callers catch
 * it where they can report it rather than where Java makes them.
 */
public abstract class PolicysmithException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the given message and cause (which may be {@code null}). */
  protected PolicysmithException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates an exception with the given message. */
  protected PolicysmithException(String message) {
    super(message);
  }
}
