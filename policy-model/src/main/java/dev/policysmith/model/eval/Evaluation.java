package dev.policysmith.model.eval;

import java.util.List;
import org.immutables.value.Value;

/**
 * The decision for one request together with the statements that matched it, in document order: why
 * the request was allowed or explicitly denied. An implicit deny has no matching statement.
 * Immutable.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
@Value.Immutable
public interface Evaluation {
  /** Returns the decision. */
  Decision decision();

  /** Returns every statement that matched the request, by document then statement index. */
  List<StatementMatch> matchedStatements();

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Evaluation}. */
  final class Builder extends ImmutableEvaluation.Builder {}
}
