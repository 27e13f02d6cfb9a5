package dev.policysmith.model.condition;

/**
 * The set operators that prefix a condition operator for multivalued context keys.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued
 *     vs. multivalued context keys</a>
 */
public enum SetQualifier {
  /** {@code ForAnyValue:}: true when at least one request value matches; false for no values. */
  FOR_ANY_VALUE("ForAnyValue"),
  /** {@code ForAllValues:}: true when every request value matches; true for no values. */
  FOR_ALL_VALUES("ForAllValues");

  private final String prefix;

  SetQualifier(String prefix) {
    this.prefix = prefix;
  }

  /** Returns the prefix without its colon, e.g. {@code ForAnyValue}. */
  public String prefix() {
    return prefix;
  }
}
