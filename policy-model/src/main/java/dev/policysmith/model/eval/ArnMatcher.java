package dev.policysmith.model.eval;

import dev.policysmith.model.internal.Glob;
import org.jspecify.annotations.Nullable;

/**
 * A compiled ARN pattern, matched component by component, case-sensitively: the text is split at
 * its first five colons into {@code arn}, partition, service, region, account and the resource,
 * which is one component that may itself hold colons and slashes. Within each component {@code *}
 * matches any run of characters ({@code /} and, in the last component, {@code :} included) and
 * {@code ?} one character; neither crosses into another component.
 *
 * <p>Used for {@code Resource}/{@code NotResource} ("IAM JSON policy elements: Resource",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html) and
 * for {@code ArnEquals}/{@code ArnLike}, which "behave identically": "Each of the six
 * colon-delimited components of the ARN is checked separately and each can include multi-character
 * match wildcards (*) or single-character match wildcards (?)"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN).
 *
 * <p>A pattern with fewer than five colons ({@code *}, {@code arn:*}) is not split: it is one
 * wildcard pattern over the whole value. A value with fewer than five colons matches only such a
 * whole-value pattern.
 */
final class ArnMatcher {
  private static final int COMPONENTS = 6;

  private final Template @Nullable [] templates;
  private final @Nullable Template whole;
  private final Glob @Nullable [] globs;
  private final @Nullable Glob wholeGlob;

  private ArnMatcher(Template @Nullable [] templates, @Nullable Template whole) {
    this.templates = templates;
    this.whole = whole;
    if (templates != null) {
      boolean variables = false;
      for (Template template : templates) {
        variables |= template.hasVariables();
      }
      Glob[] compiled = null;
      if (!variables) {
        compiled = new Glob[COMPONENTS];
        for (int i = 0; i < COMPONENTS; i++) {
          compiled[i] = templates[i].glob(false);
        }
      }
      this.globs = compiled;
      this.wholeGlob = null;
    } else {
      this.globs = null;
      this.wholeGlob = whole != null && !whole.hasVariables() ? whole.glob(false) : null;
    }
  }

  static ArnMatcher compile(Template pattern) {
    Template[] parts = pattern.splitAtColons(COMPONENTS - 1);
    return parts != null ? new ArnMatcher(parts, null) : new ArnMatcher(null, pattern);
  }

  /** Returns whether the pattern is a whole-value pattern made of stars only ({@code *}). */
  boolean matchesEverything() {
    return wholeGlob != null && wholeGlob.matchesEverything();
  }

  boolean matches(String value, RequestView request) {
    if (templates == null) {
      Glob glob = wholeGlob != null ? wholeGlob : whole.glob(false, request);
      return glob != null && glob.matches(value);
    }
    int start = 0;
    for (int i = 0; i < COMPONENTS; i++) {
      int end = i < COMPONENTS - 1 ? value.indexOf(':', start) : value.length();
      if (end < 0) {
        return false;
      }
      Glob glob = globs != null ? globs[i] : templates[i].glob(false, request);
      if (glob == null || !glob.matches(value, start, end)) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }
}
