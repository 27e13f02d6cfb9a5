package dev.policysmith.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.internal.VariableSyntax.Kind;
import dev.policysmith.model.internal.VariableSyntax.Part;
import org.junit.jupiter.api.Test;

/**
 * The policy-variable syntax the evaluator and the diff share
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 */
class VariableSyntaxTest {
  @Test
  void parse_variableBetweenText_givesTextVariableText() {
    assertThat(VariableSyntax.parse("arn:aws:s3:::bucket/${aws:username}/*"))
        .containsExactly(
            new Part(Kind.TEXT, "arn:aws:s3:::bucket/", null),
            new Part(Kind.VARIABLE, "aws:username", null),
            new Part(Kind.TEXT, "/*", null));
  }

  @Test
  void parse_defaultWithDoubledQuote_readsOneQuote() {
    assertThat(VariableSyntax.parse("${aws:PrincipalTag/team, 'o''brien'}"))
        .containsExactly(new Part(Kind.VARIABLE, "aws:PrincipalTag/team", "o'brien"));
  }

  @Test
  void parse_specialCharacters_areLiterals() {
    assertThat(VariableSyntax.parse("a${*}${?}${$}"))
        .containsExactly(
            new Part(Kind.TEXT, "a", null),
            new Part(Kind.LITERAL, "*", null),
            new Part(Kind.LITERAL, "?", null),
            new Part(Kind.LITERAL, "$", null));
  }

  @Test
  void parse_unclosedOrUnquotedDefault_staysText() {
    assertThat(VariableSyntax.parse("a${aws:username"))
        .containsExactly(new Part(Kind.TEXT, "a${aws:username", null));
    assertThat(VariableSyntax.parse("${aws:username, anonymous}"))
        .containsExactly(new Part(Kind.TEXT, "${aws:username, anonymous}", null));
  }
}
