package dev.policysmith.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EditDistanceTest {
  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("decrypt", "decrypt", 0),
        Arguments.of("decript", "decrypt", 1),
        Arguments.of("generatedatakeys", "generatedatakey", 1),
        Arguments.of("decyrpt", "decrypt", 1),
        Arguments.of("", "kms", 3),
        Arguments.of("kms", "sqs", 2),
        Arguments.of("ca", "abc", 3));
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void between_pair_isOptimalStringAlignmentDistance(String a, String b, int expected) {
    assertThat(EditDistance.between(a, b, 10)).isEqualTo(expected);
    assertThat(EditDistance.between(b, a, 10)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void between_beyondLimit_isAboveLimit(String a, String b, int expected) {
    int limit = Math.max(0, expected - 1);
    if (expected > 0) {
      assertThat(EditDistance.between(a, b, limit)).isGreaterThan(limit);
    } else {
      assertThat(EditDistance.between(a, b, limit)).isZero();
    }
  }
}
