package dev.policysmith.model.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request prepared for evaluation, once per {@code decide} call: context key names folded to
 * lower case with {@link Locale#ROOT} (IAM compares key names case-insensitively, and a Turkish
 * default locale must not turn {@code I} into a dotless {@code ı}), the principal parsed lazily.
 * Not thread-safe; never shared.
 */
final class RequestView {
  private final String action;
  private final @Nullable String resource;
  private final @Nullable String principal;
  private final Map<String, List<String>> context;
  private @Nullable PrincipalName parsedPrincipal;

  RequestView(Request request) {
    this.action = request.action();
    this.resource = request.resource().orElse(null);
    this.principal = request.principal().orElse(null);
    this.context = fold(request.context());
  }

  /**
   * Folds key names; when every key is already lower case (the common case), the request's own
   * map is used without copying. Keys that differ only in case are merged, their values
   * concatenated in insertion order.
   */
  private static Map<String, List<String>> fold(Map<String, List<String>> context) {
    boolean folded = true;
    for (String key : context.keySet()) {
      // toLowerCase returns the same instance when nothing changes.
      if (key.toLowerCase(Locale.ROOT) != key) {
        folded = false;
        break;
      }
    }
    if (folded) {
      return context;
    }
    Map<String, List<String>> out = new HashMap<>(context.size() * 2);
    for (Map.Entry<String, List<String>> entry : context.entrySet()) {
      out.merge(
          entry.getKey().toLowerCase(Locale.ROOT),
          entry.getValue(),
          (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
          });
    }
    return out;
  }

  String action() {
    return action;
  }

  @Nullable String resource() {
    return resource;
  }

  @Nullable String principal() {
    return principal;
  }

  /** Returns the principal parsed into its parts, or null for a request without a principal. */
  @Nullable PrincipalName principalName() {
    if (parsedPrincipal == null && principal != null) {
      parsedPrincipal = PrincipalName.parse(principal);
    }
    return parsedPrincipal;
  }

  /** Returns the values of the key with the given lower-case name, or null when it is absent. */
  @Nullable List<String> values(String foldedKey) {
    return context.get(foldedKey);
  }

  /** Returns the one value of a key for a policy variable, or null when it has not exactly one. */
  @Nullable String variable(String foldedKey) {
    List<String> values = context.get(foldedKey);
    return values != null && values.size() == 1 ? values.get(0) : null;
  }
}
