package dev.policysmith.model.eval;

import dev.policysmith.model.Effect;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A statement that matched a request: where it is (the index of its document among those the
 * evaluator was built from, and its index in that document's {@code Statement} list, both from
 * zero), its {@code Sid} and its {@code Effect}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
@Value.Immutable
public interface StatementMatch {
  /** Returns the index of the document, from zero, in the order given to the evaluator. */
  int documentIndex();

  /** Returns the index of the statement in its document, from zero. */
  int statementIndex();

  /** Returns the statement's {@code Sid}, if it has one. */
  Optional<String> sid();

  /** Returns the statement's effect. */
  Effect effect();

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StatementMatch}. */
  final class Builder extends ImmutableStatementMatch.Builder {}
}
