package dev.policysmith.model.json;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.json.JsonToken.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The second reading pass: checks that well-formed JSON tokens have the shape of an IAM policy and
 * builds the model from them. Every rule is checked here, before the builder that would otherwise
 * fail is called, so that each problem is reported with its pointer and position.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
final class PolicyDecoder {
  private static final String DOCUMENT_ELEMENTS = "Version, Id, Statement";
  private static final String STATEMENT_ELEMENTS =
      "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition";
  private static final String PRINCIPAL_KEYS = "AWS, Service, Federated, CanonicalUser";

  private final List<JsonToken> tokens;
  private int position;

  PolicyDecoder(List<JsonToken> tokens) {
    this.tokens = tokens;
  }

  /** Returns the last token consumed, for placing an unexpected failure; null before the first. */
  @Nullable JsonToken lastToken() {
    return position == 0 ? null : tokens.get(position - 1);
  }

  /**
   * Returns the document the tokens spell.
   *
   * @throws PolicyParseException if they do not spell a policy document
   */
  PolicyDocument document() {
    if (tokens.isEmpty()) {
      throw new PolicyParseException(
          "Policy document must be a JSON object but was empty", "", 1, 1, null);
    }
    JsonToken start = next();
    if (start.kind() != Kind.START_OBJECT) {
      throw fail(start, "Policy document must be a JSON object but was " + describe(start));
    }
    PolicyDocument.Builder builder = PolicyDocument.builder();
    List<String> order = new ArrayList<>();
    boolean hasStatement = false;
    while (peek().kind() == Kind.NAME) {
      JsonToken name = next();
      switch (name.text()) {
        case "Version":
          {
            JsonToken value = next();
            // Only the two published versions exist; the value is compared exactly.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
            Optional<PolicyVersion> version =
                value.kind() == Kind.STRING
                    ? PolicyVersion.fromValue(value.text())
                    : Optional.empty();
            if (version.isEmpty()) {
              throw fail(
                  value,
                  "Version must be \"2012-10-17\" or \"2008-10-17\" but was " + describe(value));
            }
            builder.version(version.get());
            break;
          }
        case "Id":
          builder.id(string(next(), "Id"));
          break;
        case "Statement":
          statements(builder);
          hasStatement = true;
          break;
        default:
          throw fail(
              name,
              "Policy element must be one of "
                  + DOCUMENT_ELEMENTS
                  + " but was "
                  + quote(name.text()));
      }
      order.add(name.text());
    }
    next();
    if (!hasStatement) {
      throw fail(start, "Policy document must have Statement but had none");
    }
    return builder.elementOrder(order).build();
  }

  private void statements(PolicyDocument.Builder builder) {
    JsonToken value = next();
    if (value.kind() == Kind.START_OBJECT) {
      // "If the element takes an array ... but only one value is included, the brackets are
      // optional": a single statement object is kept as such.
      builder.addStatement(statement(value)).statementObject(true);
    } else if (value.kind() == Kind.START_ARRAY) {
      if (peek().kind() == Kind.END_ARRAY) {
        throw fail(value, "Statement must hold at least one statement but was empty");
      }
      while (peek().kind() != Kind.END_ARRAY) {
        JsonToken entry = next();
        if (entry.kind() != Kind.START_OBJECT) {
          throw fail(entry, "Statement entry must be an object but was " + describe(entry));
        }
        builder.addStatement(statement(entry));
      }
      next();
    } else {
      throw fail(
          value, "Statement must be an object or an array of objects but was " + describe(value));
    }
  }

  private Statement statement(JsonToken start) {
    Statement.Builder builder = Statement.builder();
    List<String> order = new ArrayList<>();
    String principalName = null;
    String actionName = null;
    String resourceName = null;
    boolean hasEffect = false;
    while (peek().kind() == Kind.NAME) {
      JsonToken name = next();
      switch (name.text()) {
        case "Sid":
          builder.sid(string(next(), "Sid"));
          break;
        case "Effect":
          {
            JsonToken value = next();
            // "The Effect value is case sensitive."
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html
            Optional<Effect> effect =
                value.kind() == Kind.STRING ? Effect.fromValue(value.text()) : Optional.empty();
            if (effect.isEmpty()) {
              throw fail(value, "Effect must be \"Allow\" or \"Deny\" but was " + describe(value));
            }
            builder.effect(effect.get());
            hasEffect = true;
            break;
          }
        case "Principal":
        case "NotPrincipal":
          checkAlone(name, principalName);
          principalName = name.text();
          builder.principal(principal(name.text()));
          break;
        case "Action":
        case "NotAction":
          {
            checkAlone(name, actionName);
            actionName = name.text();
            StringList list = stringList(next(), name.text());
            ActionClause.Builder clause =
                ActionClause.builder().negated(name.text().equals("NotAction")).scalar(list.scalar);
            for (String value : list.values) {
              clause.addPattern(ActionPattern.of(value));
            }
            builder.action(clause.build());
            break;
          }
        case "Resource":
        case "NotResource":
          {
            checkAlone(name, resourceName);
            resourceName = name.text();
            StringList list = stringList(next(), name.text());
            ResourceClause.Builder clause =
                ResourceClause.builder()
                    .negated(name.text().equals("NotResource"))
                    .scalar(list.scalar);
            for (String value : list.values) {
              clause.addPattern(ResourcePattern.of(value));
            }
            builder.resource(clause.build());
            break;
          }
        case "Condition":
          builder.condition(condition(next()));
          break;
        default:
          throw fail(
              name,
              "Statement element must be one of "
                  + STATEMENT_ELEMENTS
                  + " but was "
                  + quote(name.text()));
      }
      order.add(name.text());
    }
    next();
    if (!hasEffect) {
      throw fail(start, "Statement must have Effect but had none");
    }
    if (actionName == null) {
      throw fail(start, "Statement must have Action or NotAction but had neither");
    }
    return builder.elementOrder(order).build();
  }

  /**
   * Rejects the second of an "X or NotX" pair: a statement has {@code Action} or {@code NotAction},
   * never both (the same for Resource and Principal).
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
   */
  private void checkAlone(JsonToken name, @Nullable String earlier) {
    if (earlier != null) {
      throw fail(name, name.text() + " must not appear beside " + earlier);
    }
  }

  private PrincipalClause principal(String element) {
    JsonToken value = next();
    PrincipalClause.Builder builder =
        PrincipalClause.builder().negated(element.equals("NotPrincipal"));
    if (value.kind() == Kind.STRING) {
      // A wildcard is the only bare string: "You cannot use a wildcard to match part of a
      // principal name or ARN", and a name needs its type key.
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
      if (!value.text().equals("*")) {
        throw fail(value, element + " must be \"*\" or an object but was " + describe(value));
      }
      return builder.anyone(true).build();
    }
    if (value.kind() != Kind.START_OBJECT) {
      throw fail(value, element + " must be \"*\" or an object but was " + describe(value));
    }
    while (peek().kind() == Kind.NAME) {
      JsonToken key = next();
      Optional<PrincipalType> type = PrincipalType.fromKey(key.text());
      if (type.isEmpty()) {
        throw fail(
            key,
            element + " key must be one of " + PRINCIPAL_KEYS + " but was " + quote(key.text()));
      }
      StringList list = stringList(next(), element, key.text());
      builder.addEntry(
          PrincipalEntry.builder()
              .type(type.get())
              .addAllValues(list.values)
              .scalar(list.scalar)
              .build());
    }
    next();
    return builder.build();
  }

  private ConditionBlock condition(JsonToken value) {
    if (value.kind() != Kind.START_OBJECT) {
      throw fail(value, "Condition must be an object but was " + describe(value));
    }
    ConditionBlock.Builder builder = ConditionBlock.builder();
    while (peek().kind() == Kind.NAME) {
      JsonToken name = next();
      ConditionOperator operator;
      try {
        operator = ConditionOperator.parse(name.text());
      } catch (PolicyFormatException e) {
        throw new PolicyParseException(
            e.getMessage(), name.pointer(), name.line(), name.column(), e);
      }
      builder.addOperator(operatorBlock(operator, next()));
    }
    next();
    return builder.build();
  }

  private OperatorBlock operatorBlock(ConditionOperator operator, JsonToken value) {
    if (value.kind() != Kind.START_OBJECT) {
      throw fail(
          value,
          "Condition operator " + operator + " must be an object but was " + describe(value));
    }
    OperatorBlock.Builder builder = OperatorBlock.builder().operator(operator);
    // Key names are case-insensitive, so two that differ only in case are the same key twice:
    // IAM Access Analyzer's "Duplicate keys with different case" error.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    // Most blocks hold one key, so the folded names are only collected once a second one comes.
    String first = null;
    Map<String, String> seen = null;
    while (peek().kind() == Kind.NAME) {
      JsonToken key = next();
      String earlier = null;
      if (first == null) {
        first = key.text();
      } else {
        if (seen == null) {
          seen = new HashMap<>();
          seen.put(first.toLowerCase(Locale.ROOT), first);
        }
        earlier = seen.putIfAbsent(key.text().toLowerCase(Locale.ROOT), key.text());
      }
      if (earlier != null) {
        throw fail(
            key,
            "Condition keys must differ in more than case but "
                + quote(key.text())
                + " repeats "
                + quote(earlier));
      }
      builder.addKey(keyCondition(key.text(), next()));
    }
    next();
    return builder.build();
  }

  private KeyCondition keyCondition(String key, JsonToken value) {
    KeyCondition.Builder builder = KeyCondition.builder().key(key);
    if (value.kind() == Kind.START_ARRAY) {
      while (peek().kind() != Kind.END_ARRAY) {
        JsonToken entry = next();
        ConditionValue conditionValue = conditionValue(entry);
        if (conditionValue == null) {
          throw fail(
              entry,
              "Condition key "
                  + quote(key)
                  + " entry must be a string, number or boolean but was "
                  + describe(entry));
        }
        builder.addValue(conditionValue);
      }
      next();
      return builder.scalar(false).build();
    }
    ConditionValue conditionValue = conditionValue(value);
    if (conditionValue == null) {
      throw fail(
          value,
          "Condition key "
              + quote(key)
              + " must be a string, number, boolean or an array of them but was "
              + describe(value));
    }
    return builder.addValue(conditionValue).scalar(true).build();
  }

  /**
   * Returns the value of a scalar token, keeping its JSON type: "Quotation marks are optional for
   * numeric and Boolean values", and a lossless round trip must give back what was written.
   */
  private static @Nullable ConditionValue conditionValue(JsonToken token) {
    switch (token.kind()) {
      case STRING:
        return ConditionValue.of(token.text());
      case NUMBER:
        return ConditionValue.ofNumber(token.text());
      case TRUE:
        return ConditionValue.ofBoolean(true);
      case FALSE:
        return ConditionValue.ofBoolean(false);
      default:
        return null;
    }
  }

  /** A string or array-of-strings element: its values and whether it was a bare string. */
  private static final class StringList {
    final List<String> values;
    boolean scalar;

    StringList(int expected) {
      values = new ArrayList<>(expected);
    }
  }

  private StringList stringList(JsonToken value, String element) {
    return stringList(value, element, null);
  }

  /**
   * Reads a string or array-of-strings element labelled {@code element} or, with a {@code key},
   * {@code element key}; the label is built only for an error message.
   */
  private StringList stringList(JsonToken value, String element, @Nullable String key) {
    if (value.kind() == Kind.STRING) {
      StringList list = new StringList(1);
      list.values.add(value.text());
      list.scalar = true;
      return list;
    }
    if (value.kind() != Kind.START_ARRAY) {
      throw fail(
          value,
          label(element, key)
              + " must be a string or an array of strings but was "
              + describe(value));
    }
    StringList list = new StringList(stringsAhead());
    while (peek().kind() != Kind.END_ARRAY) {
      JsonToken entry = next();
      if (entry.kind() != Kind.STRING) {
        throw fail(
            entry, label(element, key) + " entry must be a string but was " + describe(entry));
      }
      list.values.add(entry.text());
    }
    next();
    return list;
  }

  /**
   * Returns how many strings follow in a row: the length of an array of strings about to be read.
   */
  private int stringsAhead() {
    int end = position;
    while (end < tokens.size() && tokens.get(end).kind() == Kind.STRING) {
      end++;
    }
    return end - position;
  }

  private static String label(String element, @Nullable String key) {
    return key == null ? element : element + " " + key;
  }

  private String string(JsonToken value, String element) {
    if (value.kind() != Kind.STRING) {
      throw fail(value, element + " must be a string but was " + describe(value));
    }
    return value.text();
  }

  private JsonToken next() {
    if (position >= tokens.size()) {
      throw new IllegalStateException("The token list ended inside a value");
    }
    return tokens.get(position++);
  }

  private JsonToken peek() {
    if (position >= tokens.size()) {
      throw new IllegalStateException("The token list ended inside a value");
    }
    return tokens.get(position);
  }

  private static PolicyParseException fail(JsonToken at, String problem) {
    return new PolicyParseException(problem, at.pointer(), at.line(), at.column(), null);
  }

  private static String quote(String text) {
    return PolicyFormatException.quote(text);
  }

  /** Returns a token as the actual value of a message: a quoted string, a literal, or its kind. */
  private static String describe(JsonToken token) {
    switch (token.kind()) {
      case STRING:
        return quote(token.text());
      case NUMBER:
        return token.text().length() > 80 ? token.text().substring(0, 77) + "..." : token.text();
      case TRUE:
      case FALSE:
      case NULL:
        return token.text();
      default:
        return token.kind().description();
    }
  }
}
