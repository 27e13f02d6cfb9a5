package dev.policysmith.testing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts named features over the samples of a property, to check that each one turned up. */
final class Tally {
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();

  /** Counts each feature once. */
  void addAll(Collection<String> features) {
    features.forEach(feature -> counts.merge(feature, 1, Integer::sum));
  }

  /** Returns how many samples showed the feature. */
  int count(String feature) {
    return counts.getOrDefault(feature, 0);
  }

  /** Returns the expected features that no sample showed, in the order given. */
  List<String> missing(List<String> expected) {
    return expected.stream().filter(feature -> count(feature) == 0).toList();
  }
}
