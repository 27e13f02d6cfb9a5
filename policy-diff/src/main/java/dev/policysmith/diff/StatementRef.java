package dev.policysmith.diff;

import dev.policysmith.model.Effect;
import java.util.Optional;

/**
 * A statement of the old or the new policy, by position (0-based) and {@code Sid}: the statements a
 * {@link Change} is due to.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html">IAM
 *     JSON policy elements: Sid</a>
 */
public final class StatementRef {
  /** Which of the two policies a statement belongs to. */
  public enum Side {
    /** The old policy. */
    OLD,
    /** The new policy. */
    NEW
  }

  private final Side side;
  private final int index;
  private final Optional<String> sid;
  private final Effect effect;

  StatementRef(Side side, int index, Optional<String> sid, Effect effect) {
    this.side = side;
    this.index = index;
    this.sid = sid;
    this.effect = effect;
  }

  /** Returns which policy the statement is in. */
  public Side side() {
    return side;
  }

  /** Returns the statement's position in its document, from 0. */
  public int index() {
    return index;
  }

  /** Returns the statement's {@code Sid}, if any. */
  public Optional<String> sid() {
    return sid;
  }

  /** Returns the statement's effect. */
  public Effect effect() {
    return effect;
  }

  /** Returns e.g. {@code new Allow statement 2 "UseKey"}. */
  @Override
  public String toString() {
    return side.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + effect.value()
        + " statement "
        + index
        + sid.map(s -> " \"" + s + "\"").orElse("");
  }
}
