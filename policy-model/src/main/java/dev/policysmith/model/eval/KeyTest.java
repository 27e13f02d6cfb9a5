package dev.policysmith.model.eval;

import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.ConditionValues;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.SetQualifier;
import dev.policysmith.model.internal.Glob;
import dev.policysmith.model.internal.IpRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One condition key under one operator, compiled: {@code "StringEquals": {"kms:ViaService":
 * [...]}}. The rules, from "IAM JSON policy elements: Condition operators"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html),
 * "Conditions with multiple context keys or values"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html)
 * and "Single-valued vs. multivalued context keys"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
 *
 * <ul>
 *   <li>A request value "matches" when it matches at least one policy value (policy values are
 *       OR'ed). For a negated operator (StringNotEquals, NotIpAddress, ArnNotLike...) the values
 *       are NOR'ed: a request value satisfies it when it matches none of them.
 *   <li>Key absent from the request: a positive operator is false, a negated one true; with {@code
 *       IfExists} the key is true; {@code ForAllValues:} is true and {@code ForAnyValue:} false
 *       (whatever the base operator), unless {@code IfExists} makes it true.
 *   <li>{@code ForAllValues:}: every request value satisfies the operator (true for no values);
 *       {@code ForAnyValue:}: at least one does (false for no values). With a negated base
 *       operator, "satisfies" means "matches none of the policy values", as the multivalued
 *       examples show for {@code ForAllValues:StringNotLike}.
 *   <li>Several request values without a qualifier (our choice; AWS says to use a qualifier): a
 *       positive operator holds when some request value matches some policy value, a negated
 *       operator when no request value matches any policy value. With one request value both reduce
 *       to the documented single-value rule.
 *   <li>{@code Null}: {@code "true"} holds when the key is absent, {@code "false"} when it is
 *       present (with any number of values); a qualifier on {@code Null} is ignored.
 *   <li>Malformed values (a bad number, date, CIDR, base-64 text, or a Bool value other than
 *       true/false) match nothing, on either side; the evaluator never throws.
 * </ul>
 */
final class KeyTest {
  private final String key;
  private final BaseOperator base;
  private final @Nullable SetQualifier qualifier;
  private final boolean negated;
  private final boolean ifExists;
  private final ValueTest[] tests;
  private final @Nullable Boolean @Nullable [] nullValues;

  private KeyTest(ConditionOperator operator, KeyCondition condition, boolean variablesEnabled) {
    this.key = condition.normalizedKey();
    this.base = operator.base();
    this.qualifier = operator.qualifier().orElse(null);
    this.negated = operator.negated();
    this.ifExists = operator.ifExists();
    List<ConditionValue> values = condition.values();
    if (base == BaseOperator.NULL) {
      this.tests = new ValueTest[0];
      this.nullValues =
          values.stream().map(value -> ConditionValues.bool(value.text())).toArray(Boolean[]::new);
    } else {
      this.nullValues = null;
      this.tests =
          values.stream()
              .map(value -> compile(base, value.text(), variablesEnabled))
              .toArray(ValueTest[]::new);
    }
  }

  static KeyTest compile(
      ConditionOperator operator, KeyCondition condition, boolean variablesEnabled) {
    return new KeyTest(operator, condition, variablesEnabled);
  }

  boolean test(RequestView request) {
    List<String> values = request.values(key);
    if (base == BaseOperator.NULL) {
      boolean absent = values == null;
      for (Boolean expected : nullValues) {
        if (expected != null && expected == absent) {
          return true;
        }
      }
      return false;
    }
    if (values == null) {
      if (ifExists || qualifier == SetQualifier.FOR_ALL_VALUES) {
        return true;
      }
      return qualifier == null && negated;
    }
    if (qualifier == SetQualifier.FOR_ALL_VALUES) {
      for (int i = 0, n = values.size(); i < n; i++) {
        if (matchesAny(values.get(i), request) == negated) {
          return false;
        }
      }
      return true;
    }
    if (qualifier == SetQualifier.FOR_ANY_VALUE) {
      for (int i = 0, n = values.size(); i < n; i++) {
        if (matchesAny(values.get(i), request) != negated) {
          return true;
        }
      }
      return false;
    }
    for (int i = 0, n = values.size(); i < n; i++) {
      if (matchesAny(values.get(i), request)) {
        return !negated;
      }
    }
    return negated;
  }

  private boolean matchesAny(String value, RequestView request) {
    for (ValueTest test : tests) {
      if (test.matches(value, request)) {
        return true;
      }
    }
    return false;
  }

  /** A request value against one policy value, by the operator's positive comparison. */
  interface ValueTest {
    boolean matches(String value, RequestView request);
  }

  private static final ValueTest NOTHING = (value, request) -> false;

  /**
   * Compiles one policy value. Policy variables are resolved only for the String, ARN and Bool
   * operators, the ones the condition operators page marks as accepting them; in Numeric, Date,
   * Binary and IP values {@code ${...}} is plain (and so malformed) text.
   */
  private static ValueTest compile(BaseOperator base, String text, boolean variablesEnabled) {
    switch (base) {
      case STRING_EQUALS, STRING_NOT_EQUALS -> {
        Template template = Template.parse(text, variablesEnabled);
        if (!template.hasVariables()) {
          String literal = template.string(null);
          return (value, request) -> value.equals(literal);
        }
        return (value, request) -> value.equals(template.string(request));
      }
      case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> {
        Template template = Template.parse(text, variablesEnabled);
        if (!template.hasVariables()) {
          String literal = template.string(null);
          return (value, request) -> value.equalsIgnoreCase(literal);
        }
        return (value, request) -> value.equalsIgnoreCase(template.string(request));
      }
      case STRING_LIKE, STRING_NOT_LIKE -> {
        Template template = Template.parse(text, variablesEnabled);
        if (!template.hasVariables()) {
          Glob glob = template.glob(false);
          return (value, request) -> glob.matches(value);
        }
        return (value, request) -> {
          Glob glob = template.glob(false, request);
          return glob != null && glob.matches(value);
        };
      }
      case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> {
        return numeric(text, cmp -> cmp == 0);
      }
      case NUMERIC_LESS_THAN -> {
        return numeric(text, cmp -> cmp < 0);
      }
      case NUMERIC_LESS_THAN_EQUALS -> {
        return numeric(text, cmp -> cmp <= 0);
      }
      case NUMERIC_GREATER_THAN -> {
        return numeric(text, cmp -> cmp > 0);
      }
      case NUMERIC_GREATER_THAN_EQUALS -> {
        return numeric(text, cmp -> cmp >= 0);
      }
      case DATE_EQUALS, DATE_NOT_EQUALS -> {
        return date(text, cmp -> cmp == 0);
      }
      case DATE_LESS_THAN -> {
        return date(text, cmp -> cmp < 0);
      }
      case DATE_LESS_THAN_EQUALS -> {
        return date(text, cmp -> cmp <= 0);
      }
      case DATE_GREATER_THAN -> {
        return date(text, cmp -> cmp > 0);
      }
      case DATE_GREATER_THAN_EQUALS -> {
        return date(text, cmp -> cmp >= 0);
      }
      case BOOL -> {
        Template template = Template.parse(text, variablesEnabled);
        if (!template.hasVariables()) {
          Boolean expected = ConditionValues.bool(template.string(null));
          return expected == null
              ? NOTHING
              : (value, request) -> expected.equals(ConditionValues.bool(value));
        }
        return (value, request) -> {
          String resolved = template.string(request);
          Boolean expected = resolved == null ? null : ConditionValues.bool(resolved);
          return expected != null && expected.equals(ConditionValues.bool(value));
        };
      }
      case BINARY_EQUALS -> {
        byte[] expected = ConditionValues.binary(text);
        return expected == null
            ? NOTHING
            : (value, request) -> Arrays.equals(expected, ConditionValues.binary(value));
      }
      case IP_ADDRESS, NOT_IP_ADDRESS -> {
        IpRange range = IpRange.parse(text);
        return range == null ? NOTHING : (value, request) -> range.contains(value);
      }
      case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> {
        ArnMatcher matcher = ArnMatcher.compile(Template.parse(text, variablesEnabled));
        return matcher::matches;
      }
      default -> throw new IllegalStateException("Null is handled per key: " + base);
    }
  }

  /** The sign of {@code compare(requestValue, policyValue)} accepted by an ordering operator. */
  private interface Accept {
    boolean test(int comparison);
  }

  private static ValueTest numeric(String text, Accept accept) {
    BigDecimal expected = ConditionValues.number(text);
    if (expected == null) {
      return NOTHING;
    }
    return (value, request) -> {
      BigDecimal actual = ConditionValues.number(value);
      return actual != null && accept.test(actual.compareTo(expected));
    };
  }

  private static ValueTest date(String text, Accept accept) {
    Instant expected = ConditionValues.date(text);
    if (expected == null) {
      return NOTHING;
    }
    return (value, request) -> {
      Instant actual = ConditionValues.date(value);
      return actual != null && accept.test(actual.compareTo(expected));
    };
  }
}
