package dev.policysmith.model.eval;

import dev.policysmith.model.internal.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Matches a request's action against one statement's action patterns, ignoring case as IAM does. A
 * statement with many patterns (a managed policy may list thousands across hundreds of services)
 * keeps them by service prefix, so a request is tried only against the patterns of its own service
 * and those whose prefix has a wildcard; a short list is scanned as it stands, which is cheaper.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
 *     JSON policy elements: Action</a>
 */
final class ActionMatcher {
  /** The most patterns scanned one by one; longer lists are indexed by service. */
  private static final int SCANNED = 8;

  private static final Wildcard[] NONE = new Wildcard[0];

  /** Every pattern when scanned, else those whose service prefix has a wildcard or no colon. */
  private final Wildcard[] scanned;

  /** Patterns by folded service prefix, or null for a short list. */
  private final @Nullable Map<String, Wildcard[]> byService;

  ActionMatcher(List<String> patterns) {
    if (patterns.size() <= SCANNED) {
      this.scanned = compile(patterns);
      this.byService = null;
      return;
    }
    List<String> general = new ArrayList<>();
    Map<String, List<String>> services = new HashMap<>();
    for (String pattern : patterns) {
      int colon = pattern.indexOf(':');
      String prefix = colon < 0 ? null : pattern.substring(0, colon);
      if (prefix != null && prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
        services.computeIfAbsent(fold(prefix), k -> new ArrayList<>()).add(pattern);
      } else {
        general.add(pattern);
      }
    }
    this.scanned = compile(general);
    Map<String, Wildcard[]> index = new HashMap<>();
    services.forEach((service, list) -> index.put(service, compile(list)));
    this.byService = index;
  }

  /** Returns whether some pattern matches the request's action. */
  boolean matches(RequestView request) {
    String action = request.action();
    if (any(scanned, action)) {
      return true;
    }
    if (byService == null) {
      return false;
    }
    String service = request.foldedService();
    // A pattern with a literal prefix needs the action to have the same prefix and a colon.
    return service != null && any(byService.getOrDefault(service, NONE), action);
  }

  private static boolean any(Wildcard[] patterns, String action) {
    for (Wildcard pattern : patterns) {
      if (pattern.matches(action)) {
        return true;
      }
    }
    return false;
  }

  private static Wildcard[] compile(List<String> patterns) {
    Wildcard[] out = new Wildcard[patterns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Wildcard.ignoringCase(patterns.get(i));
    }
    return out;
  }

  /**
   * Folds text so that two strings fold alike exactly when {@link Wildcard#ignoringCase} calls them
   * equal: each character upper-cased, then lower-cased.
   */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(Character.toLowerCase(Character.toUpperCase(text.charAt(i))));
    }
    return out.toString();
  }
}
