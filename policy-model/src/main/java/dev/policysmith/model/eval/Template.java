package dev.policysmith.model.eval;

import dev.policysmith.model.internal.Glob;
import dev.policysmith.model.internal.VariableSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A policy string split into text, literal characters and policy variables, parsed once when the
 * evaluator is built.
 *
 * <p>Syntax (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
 * {@code ${key}} is replaced by the request's value of the condition key {@code key} (key names
 * are case-insensitive); {@code ${key, 'default'}} uses {@code default} when the key has no value;
 * {@code ${*}}, {@code ${?}} and {@code ${$}} stand for a literal {@code *}, {@code ?} and {@code
 * $}. Substituted text is always literal: a {@code *} inside a user name is not a wildcard. A
 * {@code ${} without a closing brace, or with a default that is not single-quoted, stays text.
 *
 * <p>A variable whose key is absent from the request and which has no default leaves the value
 * "effectively null" (the variables page): it matches nothing. Because "you cannot use a
 * multivalued context key as a policy variable" (Single-valued vs. multivalued context keys), a key
 * with several values (or none) in the request is treated as absent too: the default applies, or
 * the value matches nothing. This is our documented choice for a case AWS leaves undefined.
 */
final class Template {
  private static final int TEXT = 0;
  private static final int LITERAL = 1;
  private static final int VARIABLE = 2;

  private final int[] kinds;
  private final String[] texts;
  private final @Nullable String[] defaults;
  private final boolean hasVariables;

  private Template(int[] kinds, String[] texts, @Nullable String[] defaults) {
    this.kinds = kinds;
    this.texts = texts;
    this.defaults = defaults;
    boolean variables = false;
    for (int kind : kinds) {
      variables |= kind == VARIABLE;
    }
    this.hasVariables = variables;
  }

  /** Returns the template of plain text: no variables, as under Version 2008-10-17. */
  static Template text(String value) {
    return new Template(new int[] {TEXT}, new String[] {value}, new String[1]);
  }

  /** Parses {@code value}; when {@code variablesEnabled} is false the whole value is text. */
  static Template parse(String value, boolean variablesEnabled) {
    if (!variablesEnabled || !value.contains("${")) {
      return text(value);
    }
    List<VariableSyntax.Part> parts = VariableSyntax.parse(value);
    int[] kinds = new int[parts.size()];
    String[] texts = new String[parts.size()];
    @Nullable String[] defaults = new String[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      VariableSyntax.Part part = parts.get(i);
      switch (part.kind()) {
        case TEXT -> kinds[i] = TEXT;
        case LITERAL -> kinds[i] = LITERAL;
        case VARIABLE -> kinds[i] = VARIABLE;
      }
      // Key names are compared ignoring case: folded once here.
      texts[i] =
          part.kind() == VariableSyntax.Kind.VARIABLE
              ? part.text().toLowerCase(Locale.ROOT)
              : part.text();
      defaults[i] = part.fallback();
    }
    return new Template(kinds, texts, defaults);
  }

  private static void flush(
      StringBuilder text,
      List<Integer> kinds,
      List<String> texts,
      List<@Nullable String> defaults) {
    if (text.length() > 0) {
      kinds.add(TEXT);
      texts.add(text.toString());
      defaults.add(null);
      text.setLength(0);
    }
  }

  /** Returns whether the template holds a variable that needs a request to resolve. */
  boolean hasVariables() {
    return hasVariables;
  }

  /**
   * Splits the template at the first {@code count} colons of its text parts (colons inside a
   * variable's key do not count), giving {@code count + 1} templates, or {@code null} when it has
   * fewer colons.
   */
  Template @Nullable [] splitAtColons(int count) {
    List<Template> out = new ArrayList<>();
    List<Integer> kinds = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<@Nullable String> defaults = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int part = 0; part < this.kinds.length; part++) {
      if (this.kinds[part] != TEXT) {
        flush(text, kinds, texts, defaults);
        kinds.add(this.kinds[part]);
        texts.add(this.texts[part]);
        defaults.add(this.defaults[part]);
        continue;
      }
      String value = this.texts[part];
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == ':' && out.size() < count) {
          flush(text, kinds, texts, defaults);
          out.add(of(kinds, texts, defaults));
          kinds.clear();
          texts.clear();
          defaults.clear();
        } else {
          text.append(c);
        }
      }
    }
    flush(text, kinds, texts, defaults);
    out.add(of(kinds, texts, defaults));
    return out.size() == count + 1 ? out.toArray(new Template[0]) : null;
  }

  private static Template of(
      List<Integer> kinds, List<String> texts, List<@Nullable String> defaults) {
    return new Template(
        kinds.stream().mapToInt(Integer::intValue).toArray(),
        texts.toArray(new String[0]),
        defaults.toArray(new String[0]));
  }

  /** Returns the glob of a template without variables; wildcards active in its text parts. */
  Glob glob(boolean ignoreCase) {
    Glob glob = glob(ignoreCase, null);
    if (glob == null) {
      throw new IllegalStateException("template has variables: " + this);
    }
    return glob;
  }

  /**
   * Returns the glob with variables resolved from {@code request}, or {@code null} when a variable
   * has no value and no default (the value then matches nothing).
   */
  @Nullable Glob glob(boolean ignoreCase, @Nullable RequestView request) {
    Glob.Builder builder = Glob.builder(ignoreCase);
    for (int part = 0; part < kinds.length; part++) {
      switch (kinds[part]) {
        case TEXT -> builder.pattern(texts[part]);
        case LITERAL -> builder.literal(texts[part]);
        default -> {
          String value = resolve(part, request);
          if (value == null) {
            return null;
          }
          builder.literal(value);
        }
      }
    }
    return builder.build();
  }

  /**
   * Returns the plain string with variables resolved (wildcard characters are just characters), or
   * {@code null} when a variable has no value and no default.
   */
  @Nullable String string(@Nullable RequestView request) {
    if (kinds.length == 1 && kinds[0] != VARIABLE) {
      return texts[0];
    }
    StringBuilder out = new StringBuilder();
    for (int part = 0; part < kinds.length; part++) {
      if (kinds[part] == VARIABLE) {
        String value = resolve(part, request);
        if (value == null) {
          return null;
        }
        out.append(value);
      } else {
        out.append(texts[part]);
      }
    }
    return out.toString();
  }

  private @Nullable String resolve(int part, @Nullable RequestView request) {
    String value = request == null ? null : request.variable(texts[part]);
    return value != null ? value : defaults[part];
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (int part = 0; part < kinds.length; part++) {
      switch (kinds[part]) {
        case TEXT -> out.append(texts[part]);
        case LITERAL -> out.append("${").append(texts[part]).append('}');
        default -> {
          out.append("${").append(texts[part]);
          if (defaults[part] != null) {
            out.append(", '").append(defaults[part]).append('\'');
          }
          out.append('}');
        }
      }
    }
    return out.toString();
  }
}
