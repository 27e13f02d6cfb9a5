package dev.policysmith.model.catalog;

import org.immutables.value.Value;

/**
 * One condition key the Service Authorization Reference lists, with its type as AWS writes it
 * ({@code String}, {@code ArrayOfString}, {@code ARN}, {@code Bool}, {@code Numeric}, {@code Date},
 * {@code IPAddress}, ...). A key may be a template: {@code aws:ResourceTag/${TagKey}} stands for
 * every tag key, and {@link #matches(String)} treats each {@code ${...}} or {@code <...>} part as
 * any non-empty text.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html">AWS
 *     global condition context keys</a>
 */
@Value.Immutable
public interface CatalogConditionKey {
  /**
   * Returns the key as AWS writes it, e.g. {@code kms:ViaService} or {@code
   * aws:ResourceTag/${TagKey}}.
   */
  @Value.Parameter
  String name();

  /** Returns the key's type as AWS writes it, e.g. {@code ArrayOfString}. */
  @Value.Parameter
  String type();

  /** Returns a key of the given name and type. */
  static CatalogConditionKey of(String name, String type) {
    return ImmutableCatalogConditionKey.of(name, type);
  }

  /** Returns whether the key {@code key} of a policy is this key or an instance of its template. */
  default boolean matches(String key) {
    return templateMatches(name(), key);
  }

  /**
   * Returns whether the condition key {@code key}, as written in a policy, is {@code template} or
   * an instance of it, ignoring case as IAM does for key names. In a template each {@code ${...}}
   * or {@code <...>} part matches any non-empty text, so {@code aws:ResourceTag/${TagKey}} matches
   * {@code aws:ResourceTag/Project}.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM
   *     JSON policy elements: Condition</a> (key names are case-insensitive)
   */
  static boolean templateMatches(String template, String key) {
    if (template.indexOf('$') < 0 && template.indexOf('<') < 0) {
      return template.equalsIgnoreCase(key);
    }
    return KeyTemplates.compile(template).matcher(key).matches();
  }
}
