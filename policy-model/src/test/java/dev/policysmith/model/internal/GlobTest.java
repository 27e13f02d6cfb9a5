package dev.policysmith.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wildcard matcher behind resources, StringLike and ArnLike. */
class GlobTest {
  @Test
  void matches_starSpansAnyRunIncludingEmpty() {
    assertThat(Glob.of("a*b*c").matches("abc")).isTrue();
    assertThat(Glob.of("a*b*c").matches("aXXbYYbc")).isTrue();
    assertThat(Glob.of("a*b*c").matches("aXXbYYbcd")).isFalse();
  }

  @Test
  void matches_questionMarkExactlyOne() {
    assertThat(Glob.of("a?c").matches("abc")).isTrue();
    assertThat(Glob.of("a?c").matches("ac")).isFalse();
  }

  @Test
  void matches_literalStarFromBuilder_onlyMatchesStar() {
    Glob glob = Glob.builder(false).pattern("a").literal("*").pattern("*").build();
    assertThat(glob.matches("a*xyz")).isTrue();
    assertThat(glob.matches("abxyz")).isFalse();
    assertThat(glob.isLiteral()).isFalse();
  }

  @Test
  void matches_ignoringCase_localeIndependent() {
    assertThat(
            Glob.builder(true).pattern("KMS:GRANT*").build().matches("kms:grantIsForAWSResource"))
        .isTrue();
  }

  @Test
  void matches_region_usesOnlyTheRange() {
    assertThat(Glob.of("b*").matches("a:bcd:e", 2, 5)).isTrue();
    assertThat(Glob.of("b*").matches("a:bcd:e", 0, 5)).isFalse();
  }

  @Test
  void matchesEverything_starsOnly() {
    assertThat(Glob.of("**").matchesEverything()).isTrue();
    assertThat(Glob.of("*a").matchesEverything()).isFalse();
  }
}
