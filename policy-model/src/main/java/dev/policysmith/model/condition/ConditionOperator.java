package dev.policysmith.model.condition;

import dev.policysmith.model.PolicyFormatException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A condition operator as written in a policy, split into its parts: an optional set qualifier
 * ({@code ForAnyValue:} or {@code ForAllValues:}), a {@link BaseOperator} and the {@code IfExists}
 * suffix. {@code ConditionOperator.parse("ForAnyValue:StringLikeIfExists").toString()} gives back
 * the same text.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
 *     JSON policy elements: Condition operators</a>
 */
@Value.Immutable
public abstract class ConditionOperator {
  ConditionOperator() {}

  /** Returns the set qualifier, if any. */
  public abstract Optional<SetQualifier> qualifier();

  /** Returns the base operator. */
  public abstract BaseOperator base();

  /** Returns whether the {@code IfExists} suffix is present. */
  @Value.Default
  public boolean ifExists() {
    return false;
  }

  /** Returns whether the base operator is negated; see {@link BaseOperator#negated()}. */
  public boolean negated() {
    return base().negated();
  }

  /** Returns the plain operator {@code base}, without qualifier or suffix. */
  public static ConditionOperator of(BaseOperator base) {
    return builder().base(base).build();
  }

  /**
   * Parses an operator name, case-sensitively, as IAM does.
   *
   * @throws PolicyFormatException if the text is not a condition operator, or is {@code Null} with
   *     {@code IfExists}, which IAM rejects
   */
  public static ConditionOperator parse(String text) {
    Builder builder = builder();
    String rest = text;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      String prefix = rest.substring(0, colon);
      SetQualifier qualifier = null;
      for (SetQualifier candidate : SetQualifier.values()) {
        if (candidate.prefix().equals(prefix)) {
          qualifier = candidate;
        }
      }
      if (qualifier == null) {
        throw new PolicyFormatException(
            "Condition operator qualifier must be \"ForAnyValue\" or \"ForAllValues\" but was "
                + PolicyFormatException.quote(prefix));
      }
      builder.qualifier(qualifier);
      rest = rest.substring(colon + 1);
    }
    Optional<BaseOperator> base = BaseOperator.fromName(rest);
    if (base.isEmpty() && rest.endsWith("IfExists")) {
      base = BaseOperator.fromName(rest.substring(0, rest.length() - "IfExists".length()));
      if (base.isPresent()) {
        if (base.get() == BaseOperator.NULL) {
          throw new PolicyFormatException(
              "Condition operator Null cannot take IfExists but was "
                  + PolicyFormatException.quote(text));
        }
        builder.ifExists(true);
      }
    }
    if (base.isEmpty()) {
      throw new PolicyFormatException(
          "Condition operator must be an IAM condition operator (names are case-sensitive) but was "
              + PolicyFormatException.quote(text));
    }
    return builder.base(base.get()).build();
  }

  /** Checks the one structural rule of operator names: {@code Null} takes no {@code IfExists}. */
  @Value.Check
  void check() {
    if (base() == BaseOperator.NULL && ifExists()) {
      throw new IllegalStateException("Condition operator Null cannot take IfExists");
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the operator as written in a policy, e.g. {@code ForAnyValue:StringLikeIfExists}. */
  @Override
  public String toString() {
    String name = base().operatorName() + (ifExists() ? "IfExists" : "");
    return qualifier().map(q -> q.prefix() + ":" + name).orElse(name);
  }

  /** Builds a {@link ConditionOperator}. */
  public static final class Builder extends ImmutableConditionOperator.Builder {}
}
