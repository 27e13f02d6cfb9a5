package dev.policysmith.diff;

import dev.policysmith.model.eval.Request;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a containment check ({@link PolicyDiffer#grantsNoMoreThan} or {@link
 * PolicyDiffer#grantsNone}): whether it holds, and when it does not, a witness request that shows
 * why.
 *
 * <p>When {@link #exact()} is false the check could not be decided exactly, and {@link #holds()} is
 * false unless proven: the answer errs on the side of caution.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckAccessNotGranted.html">IAM
 *     Access Analyzer: CheckAccessNotGranted</a>
 */
public final class ContainmentResult {
  private final boolean holds;
  private final Optional<Request> witness;
  private final List<Change> violations;
  private final List<String> inexactReasons;

  ContainmentResult(
      boolean holds, Optional<Request> witness, List<Change> violations, List<String> reasons) {
    this.holds = holds;
    this.witness = witness;
    this.violations = List.copyOf(violations);
    this.inexactReasons = List.copyOf(reasons);
  }

  /** Returns whether the check holds (proven, when {@link #exact()}). */
  public boolean holds() {
    return holds;
  }

  /** Returns a request that breaks the check, when it does not hold and one was found. */
  public Optional<Request> witness() {
    return witness;
  }

  /** Returns the regions of requests that break the check. */
  public List<Change> violations() {
    return violations;
  }

  /** Returns whether the check was decided exactly. */
  public boolean exact() {
    return inexactReasons.isEmpty();
  }

  /** Returns why the check is not exact; empty when exact. */
  public List<String> inexactReasons() {
    return inexactReasons;
  }

  @Override
  public String toString() {
    return (holds ? "holds" : "does not hold") + witness.map(w -> ": " + w).orElse("");
  }
}
