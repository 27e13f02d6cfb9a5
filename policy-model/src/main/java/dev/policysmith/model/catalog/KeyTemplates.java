package dev.policysmith.model.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiled condition-key templates, shared by every catalogue: there are a few hundred at most. */
final class KeyTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*\\}|<[^>]*>");
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

  private KeyTemplates() {}

  static Pattern compile(String template) {
    return CACHE.computeIfAbsent(template.toLowerCase(Locale.ROOT), t -> build(template));
  }

  private static Pattern build(String template) {
    StringBuilder regex = new StringBuilder();
    Matcher matcher = PLACEHOLDER.matcher(template);
    int last = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(template.substring(last, matcher.start()))).append(".+");
      last = matcher.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    // CASE_INSENSITIVE without UNICODE_CASE folds ASCII only, whatever the default locale.
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }
}
