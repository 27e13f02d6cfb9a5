package dev.policysmith.merge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GlobInclusionTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("kms:Decrypt", "kms:*", true),
        Arguments.of("kms:Decrypt", "KMS:DECRYPT", true),
        Arguments.of("kms:ReEncrypt*", "kms:Re*", true),
        // kms:Re* also matches kms:ReadX, which kms:ReEncrypt* does not.
        Arguments.of("kms:Re*", "kms:ReEncrypt*", false),
        Arguments.of("kms:*", "*", true),
        Arguments.of("*", "kms:*", false),
        Arguments.of("kms:Get*", "kms:*Get*", true),
        Arguments.of("kms:*Get*", "kms:Get*", false),
        Arguments.of("kms:Get?", "kms:Get*", true),
        Arguments.of("kms:Get*", "kms:Get?", false),
        Arguments.of("kms:*", "kms:**", true),
        Arguments.of("kms:**", "kms:*", true),
        Arguments.of("kms:?*", "kms:*?", true),
        Arguments.of("kms:a*b", "kms:*b", true),
        Arguments.of("kms:a*b", "kms:a*", true),
        Arguments.of("kms:a*b*a", "kms:a*a", true),
        Arguments.of("kms:a*a", "kms:a*b*a", false),
        Arguments.of("kms:?", "kms:??", false),
        Arguments.of("s3:Get*Acl", "s3:Get*", true),
        Arguments.of("s3:*Object*", "s3:*Object", false),
        // Dotless ı upper-cases to I: the model's matcher folds them together, so inclusion must
        // too.
        Arguments.of("iam:I*", "iam:ı*", true),
        Arguments.of("iam:i*", "iam:İ*", true));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void includes_globPair_decidesLanguageInclusionIgnoringCase(
      String sub, String sup, boolean expected) {
    assertThat(GlobInclusion.includes(sub, sup)).as("%s ⊆ %s", sub, sup).isEqualTo(expected);
  }
}
