package dev.policysmith.diff.engine;

import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.internal.VariableSyntax;
import dev.policysmith.model.internal.VariableSyntax.Kind;
import dev.policysmith.model.internal.VariableSyntax.Part;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A resource pattern or condition value of a Version 2012-10-17 policy split into text, literal
 * characters and policy variables, parsed by the evaluator's rules ({@link VariableSyntax}, which the evaluator uses too): {@code
 * ${key}} is the request's one value of {@code key} (key names compared ignoring case), {@code
 * ${key, 'default'}} falls back to {@code default}, {@code ${*}}, {@code ${?}} and {@code ${$}} are
 * a literal {@code *}, {@code ?} and {@code $}, and a {@code ${} without a closing brace or with a
 * default that is not single-quoted stays text. Substituted values are literal text: a {@code *} in
 * a user name is no wildcard.
 *
 * <p>Gives the language a pattern matches once its variables are resolved ({@link #language}), and
 * the language of every value it could match whatever they resolve to ({@link #widened}), a
 * superset the diff uses to prune requests no resolution reaches. Only completeness depends on the
 * parse agreeing with the evaluator's, which sharing one parser ensures; whether a request matches is always asked of the evaluator
 * ({@link Variables}).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
 *     policy elements: Variables and tags</a>
 */
final class VariablePattern {
  private final String written;
  private final List<Part> parts;

  private VariablePattern(String written, List<Part> parts) {
    this.written = written;
    this.parts = parts;
  }

  /** Parses a value of a document whose Version enables policy variables. */
  static VariablePattern parse(String value) {
    return new VariablePattern(value, VariableSyntax.parse(value));
  }

  private static void flush(StringBuilder text, List<Part> parts) {
    if (text.length() > 0) {
      parts.add(new Part(Kind.TEXT, text.toString(), null));
      text.setLength(0);
    }
  }

  /** Returns the pattern as written in the policy. */
  String written() {
    return written;
  }

  /** Returns whether a variable needs a request to resolve ({@code ${*}} alone does not). */
  boolean hasVariables() {
    return parts.stream().anyMatch(p -> p.kind() == Kind.VARIABLE);
  }

  /** Returns whether the pattern holds {@code ${...}} that the evaluator reads specially. */
  boolean special() {
    return parts.stream().anyMatch(p -> p.kind() != Kind.TEXT);
  }

  /** Returns the folded key of the pattern when it is one variable and nothing else, or null. */
  @Nullable String soleVariable() {
    return parts.size() == 1 && parts.get(0).kind() == Kind.VARIABLE
        ? parts.get(0).text().toLowerCase(Locale.ROOT)
        : null;
  }

  /** Returns the variables' keys folded to lower case, each with its name as first written. */
  Map<String, String> keys() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Part part : parts) {
      if (part.kind() == Kind.VARIABLE) {
        out.putIfAbsent(part.text().toLowerCase(Locale.ROOT), part.text());
      }
    }
    return out;
  }

  /**
   * Returns the value of each variable given the request's values ({@code values} by folded key; a
   * key not in it is absent), or null when one has no value and no default, so that the pattern
   * matches nothing.
   */
  private @Nullable List<String> resolve(Map<String, String> values) {
    List<String> out = new ArrayList<>();
    for (Part part : parts) {
      if (part.kind() == Kind.VARIABLE) {
        String value = values.get(part.text().toLowerCase(Locale.ROOT));
        value = value != null ? value : part.fallback();
        if (value == null) {
          return null;
        }
        out.add(value);
      }
    }
    return out;
  }

  /**
   * Returns the text with the variables resolved and the wildcards of the text filled with {@code
   * example}, a readable candidate for an example value, or null when a variable has no value.
   */
  @Nullable String hint(Map<String, String> values) {
    List<String> resolved = resolve(values);
    if (resolved == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int v = 0;
    for (Part part : parts) {
      switch (part.kind()) {
        case TEXT -> out.append(part.text().replace("*", "example").replace('?', 'x'));
        case LITERAL -> out.append(part.text());
        default -> out.append(resolved.get(v++));
      }
    }
    return out.toString();
  }

  /**
   * Returns the values the pattern matches under {@code base} (a positive operator, or null for a
   * {@code Resource}) with its variables resolved from {@code values}: empty when a variable has no
   * value.
   */
  Automaton language(@Nullable BaseOperator base, Map<String, String> values) {
    List<String> resolved = resolve(values);
    if (resolved == null) {
      return Languages.none();
    }
    // The same values come back box after box of a diff: each language is built once. Callers
    // only read it (dk.brics' operations copy their operands).
    return languages.computeIfAbsent(
        java.util.Arrays.asList(base, resolved),
        k -> build(base, resolved, BasicAutomata.makeAnyChar()));
  }

  private final Map<List<?>, Automaton> languages = new HashMap<>();

  /**
   * Returns every value the pattern may match under {@code base}, whatever its variables resolve
   * to: each variable stands for any string. A superset of {@link #language} for every request.
   */
  Automaton widened(@Nullable BaseOperator base) {
    return build(base, null, BasicAutomata.makeAnyChar());
  }

  /** The first of the characters that stand for variables in {@link #implies}. */
  private static final char MARKER = '\ue000';

  private static final int MARKERS = 256;

  /**
   * Returns whether, whatever the request, every value this pattern matches is matched by {@code
   * other} under the same {@code base} ({@code StringEquals}, {@code StringLike}, {@code ArnLike}
   * or a resource, null); false when that is not shown. {@code
   * arn:...:log-group:${aws:PrincipalTag/G}/output} implies {@code
   * arn:...:log-group:${aws:PrincipalTag/G}*}.
   *
   * <p>Each variable's key stands for a character of its own (a marker) that no wildcard matches: a
   * pattern's language for a request is then the image of its marked language under the map from
   * each marker to the key's value, so inclusion of the marked languages gives inclusion for every
   * request. That needs a key to resolve alike in both patterns (the same default, or none in this
   * one, whose language is then empty when the key is missing), values not split across ARN
   * components (variables only in the last component, or no split at all), and texts free of marker
   * characters; otherwise this answers false. Markers and characters no text mentions are matched
   * alike by both patterns, so leaving markers out of the wildcards loses no witness.
   */
  boolean implies(VariablePattern other, @Nullable BaseOperator base, Map<String, String> markers) {
    if (base != null
        && base != BaseOperator.STRING_EQUALS
        && base != BaseOperator.STRING_LIKE
        && base != BaseOperator.ARN_LIKE) {
      return false;
    }
    Map<String, @Nullable String> defaults = new HashMap<>();
    for (Part part : parts) {
      if (part.kind() == Kind.VARIABLE) {
        String key = part.text().toLowerCase(Locale.ROOT);
        if (defaults.containsKey(key) && !Objects.equals(defaults.get(key), part.fallback())) {
          return false;
        }
        defaults.put(key, part.fallback());
      }
    }
    for (VariablePattern pattern : List.of(this, other)) {
      for (Part part : pattern.parts) {
        if (part.kind() == Kind.VARIABLE) {
          String key = part.text().toLowerCase(Locale.ROOT);
          String mine = defaults.get(key);
          if (mine != null && !mine.equals(part.fallback())) {
            return false;
          }
          if (!markers.containsKey(key)) {
            if (markers.size() == MARKERS) {
              return false;
            }
            markers.put(key, String.valueOf((char) (MARKER + markers.size())));
          }
        } else if (marked(part.text())) {
          return false;
        }
      }
      if ((base == null || base == BaseOperator.ARN_LIKE) && !pattern.variablesInLastComponent()) {
        return false;
      }
    }
    return Product.subsetOf(marked(base, markers), other.marked(base, markers), false);
  }

  /**
   * The pattern's language with each variable as its key's marker, built once per operator: a key's
   * marker, once given, never changes, and {@link #implies} asks about one pattern against many.
   */
  private Automaton marked(@Nullable BaseOperator base, Map<String, String> markers) {
    return markedLanguages.computeIfAbsent(
        java.util.Optional.ofNullable(base),
        k ->
            Languages.minimal(
                build(
                    base,
                    marks(markers),
                    BasicAutomata.makeAnyChar()
                        .minus(
                            BasicAutomata.makeCharRange(MARKER, (char) (MARKER + MARKERS - 1))))));
  }

  private final Map<java.util.Optional<BaseOperator>, Automaton> markedLanguages = new HashMap<>();

  private static boolean marked(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= MARKER && c < MARKER + MARKERS) {
        return true;
      }
    }
    return false;
  }

  /** The marker of each variable, in order. */
  private List<String> marks(Map<String, String> markers) {
    List<String> out = new ArrayList<>();
    for (Part part : parts) {
      if (part.kind() == Kind.VARIABLE) {
        out.add(markers.get(part.text().toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  /** Whether no variable lies in one of the first five ARN components. */
  private boolean variablesInLastComponent() {
    List<List<Part>> components = splitAtColons();
    if (components == null) {
      return true;
    }
    for (int i = 0; i < components.size() - 1; i++) {
      if (components.get(i).stream().anyMatch(p -> p.kind() == Kind.VARIABLE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Builds the language with variables as {@code resolved} (any string when null) and wildcards
   * standing for characters of {@code alphabet}.
   */
  private Automaton build(
      @Nullable BaseOperator base, @Nullable List<String> resolved, Automaton alphabet) {
    if (base == null) {
      return arn(resolved, alphabet);
    }
    switch (base) {
      case STRING_EQUALS:
        return sequence(parts, resolved, 0, false, false, alphabet);
      case STRING_EQUALS_IGNORE_CASE:
        return sequence(parts, resolved, 0, true, false, alphabet);
      case STRING_LIKE:
        return sequence(parts, resolved, 0, false, true, alphabet);
      case BOOL:
        {
          if (resolved == null) {
            // Whatever it resolves to, a Bool value matches true or false in some case at most.
            return Languages.literalIgnoringCase("true")
                .union(Languages.literalIgnoringCase("false"));
          }
          String value = string(resolved);
          // A Bool value other than true or false, in any case, matches nothing.
          return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
              ? Languages.literalIgnoringCase(value)
              : Languages.none();
        }
      default:
        // ArnEquals and ArnLike behave alike: component by component, with wildcards.
        return arn(resolved, alphabet);
    }
  }

  /** The text with variables replaced by their values, wildcards as plain characters. */
  private String string(List<String> resolved) {
    StringBuilder out = new StringBuilder();
    int v = 0;
    for (Part part : parts) {
      out.append(part.kind() == Kind.VARIABLE ? resolved.get(v++) : part.text());
    }
    return out.toString();
  }

  /**
   * The pieces in order: text as a literal or, when {@code wildcards}, as a pattern whose wildcards
   * stand for characters of {@code wildcard}; literal characters; variables as their values from
   * {@code firstVariable} on, or as any string of {@code wildcard} when widened.
   */
  private static Automaton sequence(
      List<Part> parts,
      @Nullable List<String> resolved,
      int firstVariable,
      boolean ignoreCase,
      boolean wildcards,
      Automaton wildcard) {
    List<Automaton> out = new ArrayList<>();
    int v = firstVariable;
    for (Part part : parts) {
      switch (part.kind()) {
        case TEXT ->
            out.add(
                wildcards
                    ? Languages.glob(part.text(), ignoreCase, wildcard)
                    : literal(part.text(), ignoreCase));
        case LITERAL -> out.add(literal(part.text(), ignoreCase));
        default -> {
          if (resolved == null) {
            out.add(wildcard.repeat());
          } else {
            out.add(literal(resolved.get(v++), ignoreCase));
          }
        }
      }
    }
    return out.isEmpty() ? Languages.literal("") : Languages.minimal(Automaton.concatenate(out));
  }

  private static Automaton literal(String text, boolean ignoreCase) {
    return ignoreCase ? Languages.literalIgnoringCase(text) : Languages.literal(text);
  }

  /**
   * The ARN language, as the evaluator's {@code ArnMatcher} reads a template: split at the first
   * five colons of its text (colons in a variable's key or value do not split), each of the first
   * five components matched without crossing a colon, the rest as one; with fewer colons, one
   * pattern over the whole value.
   */
  private Automaton arn(@Nullable List<String> resolved, Automaton alphabet) {
    List<List<Part>> components = splitAtColons();
    if (components == null) {
      return sequence(parts, resolved, 0, false, true, alphabet);
    }
    Automaton notColon = alphabet.minus(BasicAutomata.makeChar(':'));
    List<Automaton> out = new ArrayList<>();
    int v = 0;
    for (int i = 0; i < components.size(); i++) {
      List<Part> component = components.get(i);
      boolean last = i == components.size() - 1;
      Automaton language =
          sequence(component, resolved, v, false, true, last ? alphabet : notColon);
      if (!last) {
        // A value read into one of the first five components holds no colon, so a resolved
        // variable with one makes the component match nothing.
        out.add(language.intersection(Languages.anyCharBut(':').repeat()));
        out.add(Languages.literal(":"));
      } else {
        out.add(language);
      }
      v += (int) component.stream().filter(p -> p.kind() == Kind.VARIABLE).count();
    }
    return Languages.minimal(Automaton.concatenate(out));
  }

  /** The parts split at the first five colons of text parts, or null with fewer. */
  private @Nullable List<List<Part>> splitAtColons() {
    List<List<Part>> out = new ArrayList<>();
    List<Part> current = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      if (part.kind() != Kind.TEXT) {
        flush(text, current);
        current.add(part);
        continue;
      }
      for (int i = 0; i < part.text().length(); i++) {
        char c = part.text().charAt(i);
        if (c == ':' && out.size() < 5) {
          flush(text, current);
          out.add(current);
          current = new ArrayList<>();
        } else {
          text.append(c);
        }
      }
    }
    flush(text, current);
    out.add(current);
    return out.size() == 6 ? out : null;
  }

  @Override
  public String toString() {
    return written;
  }
}
