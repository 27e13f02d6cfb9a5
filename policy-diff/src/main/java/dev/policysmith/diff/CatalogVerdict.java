package dev.policysmith.diff;

import java.time.LocalDate;
import java.util.List;

/**
 * How two policies compare over the actions an {@linkplain
 * dev.policysmith.model.catalog.ActionCatalog action catalogue} lists on its date, beside the
 * {@linkplain DiffResult#verdict() verdict} over every {@code service:Name} string. A wildcard
 * stays broader than its expansion over every string, because AWS adds actions; over today's
 * catalogue the two may well be equivalent, and this says so: "equivalent for the 56 kms actions
 * that exist on 2026-09-26; narrower for actions added later".
 *
 * <p>The actions considered are every catalogued action of the services involved: those whose
 * actions the policies name, and those some changed region reaches. A change counts here when its
 * region holds at least one catalogued action. Like the main verdict, this one is never {@link
 * Verdict#EQUIVALENT} unless the diff is {@linkplain DiffResult#exact() exact}. Immutable.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
public final class CatalogVerdict {
  private final Verdict verdict;
  private final LocalDate date;
  private final int actions;
  private final List<String> services;
  private final String summary;

  CatalogVerdict(
      Verdict verdict, LocalDate date, int actions, List<String> services, String summary) {
    this.verdict = verdict;
    this.date = date;
    this.actions = actions;
    this.services = List.copyOf(services);
    this.summary = summary;
  }

  /** Returns how the new policy compares with the old one over the catalogued actions only. */
  public Verdict verdict() {
    return verdict;
  }

  /** Returns the catalogue's date: actions AWS added later are not among those considered. */
  public LocalDate date() {
    return date;
  }

  /** Returns how many catalogued actions were considered: every action of {@link #services()}. */
  public int actions() {
    return actions;
  }

  /** Returns the prefixes of the services whose actions were considered, in catalogue order. */
  public List<String> services() {
    return services;
  }

  /**
   * Returns the verdict in words, with the number of actions and the date, e.g. "equivalent for the
   * 56 kms actions that exist on 2026-09-26; narrower for actions added later".
   */
  public String summary() {
    return summary;
  }

  @Override
  public String toString() {
    return summary;
  }
}
