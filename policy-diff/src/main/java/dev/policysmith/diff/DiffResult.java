package dev.policysmith.diff;

import java.util.List;
import java.util.Optional;

/**
 * The semantic difference between an old and a new policy: the {@link Verdict}, the access
 * {@linkplain #added() added} and {@linkplain #removed() removed}, and whether all of it was
 * decided exactly.
 *
 * <p>When {@link #exact()} is false, {@link #inexactReasons()} names each construct that was
 * approximated, and the verdict is never {@link Verdict#EQUIVALENT}: where no difference was found
 * but none could be ruled out, it is {@link Verdict#INCOMPARABLE}.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoNewAccess.html">IAM
 *     Access Analyzer: CheckNoNewAccess</a>
 */
public final class DiffResult {
  private final Verdict verdict;
  private final List<String> inexactReasons;
  private final List<Change> added;
  private final List<Change> removed;
  private final Optional<CatalogVerdict> catalogVerdict;

  DiffResult(
      Verdict verdict, List<String> inexactReasons, List<Change> added, List<Change> removed) {
    this(verdict, inexactReasons, added, removed, Optional.empty());
  }

  DiffResult(
      Verdict verdict,
      List<String> inexactReasons,
      List<Change> added,
      List<Change> removed,
      Optional<CatalogVerdict> catalogVerdict) {
    this.verdict = verdict;
    this.inexactReasons = List.copyOf(inexactReasons);
    this.added = List.copyOf(added);
    this.removed = List.copyOf(removed);
    this.catalogVerdict = catalogVerdict;
  }

  /** Returns how the new policy's access compares with the old one's. */
  public Verdict verdict() {
    return verdict;
  }

  /** Returns whether every construct was decided exactly. */
  public boolean exact() {
    return inexactReasons.isEmpty();
  }

  /** Returns why the result is not exact, one reason per construct; empty when exact. */
  public List<String> inexactReasons() {
    return inexactReasons;
  }

  /** Returns the requests the new policy allows and the old did not, as regions. */
  public List<Change> added() {
    return added;
  }

  /** Returns the requests the old policy allowed and the new no longer does, as regions. */
  public List<Change> removed() {
    return removed;
  }

  /**
   * Returns how the two compare over the actions of the differ's catalogue on its date, when the
   * differ has one ({@link PolicyDiffer#withCatalog}); the {@link #verdict()} stays the one over
   * every action name.
   */
  public Optional<CatalogVerdict> catalogVerdict() {
    return catalogVerdict;
  }

  /** Returns the verdict, the catalogue's verdict if any, and the summaries, additions first. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(verdict.name());
    if (!exact()) {
      out.append(" (not exact: ").append(String.join("; ", inexactReasons)).append(')');
    }
    catalogVerdict.ifPresent(c -> out.append("\n  catalogue: ").append(c.summary()));
    added.forEach(c -> out.append("\n+ ").append(c.summary()));
    removed.forEach(c -> out.append("\n- ").append(c.summary()));
    return out.toString();
  }
}
