package dev.policysmith.model.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts the decisions a law was checked on, so that the law can show it held on a fair share of
 * allows and explicit denies, not only on implicit denies, where most laws hold trivially.
 */
final class DecisionCounts {
  /** The least share, in per cent, each decision must have among the decisions counted. */
  static final int FAIR_SHARE_PERCENT = 5;

  private final Map<Decision, Integer> counts = new EnumMap<>(Decision.class);

  /** Counts one decision. */
  synchronized void add(Decision decision) {
    counts.merge(decision, 1, Integer::sum);
  }

  /** Asserts that ALLOW, EXPLICIT_DENY and IMPLICIT_DENY each made at least the fair share. */
  synchronized void assertFairShares() {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    for (Decision decision : Decision.values()) {
      int count = counts.getOrDefault(decision, 0);
      assertThat(count * 100L)
          .as(
              "%s among the %d decisions checked (%s), in per cent times total",
              decision, total, counts)
          .isGreaterThanOrEqualTo((long) FAIR_SHARE_PERCENT * total);
    }
  }

  @Override
  public synchronized String toString() {
    return counts.toString();
  }
}
