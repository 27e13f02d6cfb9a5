package dev.policysmith.merge;

import dev.policysmith.model.PolicysmithException;

/**
 * Thrown when canonicalizing or merging would split the documents into more atomic grants (one
 * action, resource, principal and condition value each) than {@link #MAX_GRANTS}. The canonical
 * form is computed from the set of grants, and a statement's grants are the product of its
 * elements, so a small hostile document (200 actions by 200 resources by 20 principals is 800,000
 * grants in 13 KB) would otherwise take minutes and most of a gigabyte of heap.
 */
public final class PolicyTooComplexException extends PolicysmithException {
  private static final long serialVersionUID = 1L;

  /**
   * The most atomic grants one canonicalization or merge takes: far above any policy AWS accepts (a
   * 32 KiB key policy, a 6,144-character managed policy) and above the 100,000-statement generated
   * documents of the benchmarks.
   */
  public static final int MAX_GRANTS = 500_000;

  private final long grants;

  /** Creates an exception for documents of at least {@code grants} atomic grants. */
  public PolicyTooComplexException(long grants) {
    super(
        "Policies must split into at most "
            + MAX_GRANTS
            + " atomic grants (actions x resources x principals x condition values per statement)"
            + " but reached "
            + grants);
    this.grants = grants;
  }

  /** Returns how many atomic grants the documents had reached when the count stopped. */
  public long grants() {
    return grants;
  }
}
