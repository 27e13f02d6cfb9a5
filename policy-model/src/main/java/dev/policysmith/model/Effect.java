package dev.policysmith.model;

import java.util.Optional;

/**
 * The {@code Effect} element of a statement: whether a match allows or explicitly denies. The JSON
 * value is case-sensitive: only {@code "Allow"} and {@code "Deny"} are effects.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html">IAM
 *     JSON policy elements: Effect</a>
 */
public enum Effect {
  /** {@code "Allow"}. */
  ALLOW("Allow"),
  /** {@code "Deny"}. */
  DENY("Deny");

  private final String value;

  Effect(String value) {
    this.value = value;
  }

  /** Returns the JSON text of this effect, {@code "Allow"} or {@code "Deny"}. */
  public String value() {
    return value;
  }

  /** Returns the effect whose JSON text is exactly {@code text}, compared case-sensitively. */
  public static Optional<Effect> fromValue(String text) {
    for (Effect effect : values()) {
      if (effect.value.equals(text)) {
        return Optional.of(effect);
      }
    }
    return Optional.empty();
  }
}
