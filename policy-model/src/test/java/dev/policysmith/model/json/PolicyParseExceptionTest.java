package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.PolicyFormatException;
import org.junit.jupiter.api.Test;

class PolicyParseExceptionTest {

  @Test
  void getMessage_nestedPointer_isLineColumnProblemAndPointer() {
    PolicyParseException e =
        new PolicyParseException("Sid must be a string but was 1", "/Statement/2/Sid", 4, 17, null);

    assertThat(e).isInstanceOf(PolicyFormatException.class);
    assertThat(e.getMessage())
        .isEqualTo("4:17: Sid must be a string but was 1 (at /Statement/2/Sid)");
    assertThat(e.problem()).isEqualTo("Sid must be a string but was 1");
    assertThat(e.pointer()).isEqualTo("/Statement/2/Sid");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(17);
  }

  @Test
  void getMessage_rootPointer_showsSlash() {
    PolicyParseException e =
        new PolicyParseException(
            "Policy document must be a JSON object but was empty", "", 1, 1, null);

    assertThat(e.getMessage())
        .isEqualTo("1:1: Policy document must be a JSON object but was empty (at /)");
    assertThat(e.pointer()).isEmpty();
  }

  @Test
  void getMessage_longPointer_isShortenedButAccessorIsWhole() {
    String pointer = "/" + "k".repeat(1_000);
    PolicyParseException e = new PolicyParseException("Problem", pointer, 1, 2, null);

    assertThat(e.getMessage()).isEqualTo("1:2: Problem (at /" + "k".repeat(196) + "...)");
    assertThat(e.pointer()).isEqualTo(pointer);
  }
}
