package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.PolicyDocument;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading then writing losslessly gives back the document, two-space formatted: each document here
 * is already in that format, so the text must come back unchanged.
 */
class PolicyRoundTripTest {

  static Stream<String> documents() {
    return Stream.of(
        // Statement as an object, single strings, Version last.
        """
        {
          "Statement": {
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::bucket/*"
          },
          "Version": "2012-10-17"
        }
        """,
        // A key policy: Id, Sids with spaces, principals in every form, NotX elements.
        """
        {
          "Version": "2008-10-17",
          "Id": "key-consolepolicy-3",
          "Statement": [
            {
              "Sid": "Enable IAM User Permissions",
              "Effect": "Allow",
              "Principal": {
                "AWS": "arn:aws:iam::111122223333:root"
              },
              "Action": "kms:*",
              "Resource": "*"
            },
            {
              "Effect": "Deny",
              "NotPrincipal": {
                "AWS": [
                  "arn:aws:iam::111122223333:root",
                  "*"
                ],
                "Service": [],
                "Federated": "cognito-identity.amazonaws.com",
                "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
              },
              "NotAction": [
                "kms:Decrypt",
                "kms:Decrypt"
              ],
              "NotResource": []
            },
            {
              "Resource": [
                "*"
              ],
              "Action": [],
              "Principal": "*",
              "Effect": "Allow",
              "Condition": {}
            }
          ]
        }
        """,
        // Conditions: every value kind, scalars and arrays, empty blocks, qualifiers.
        """
        {
          "Statement": [
            {
              "Effect": "Allow",
              "Action": [
                "kms:CreateGrant"
              ],
              "Condition": {
                "Bool": {
                  "kms:GrantIsForAWSResource": true,
                  "aws:SecureTransport": "true",
                  "aws:MultiFactorAuthPresent": [
                    false,
                    "false"
                  ]
                },
                "NumericLessThanEquals": {
                  "s3:max-keys": 1.50e+03,
                  "aws:MultiFactorAuthAge": [
                    -0,
                    "3600",
                    10E-2
                  ]
                },
                "ForAnyValue:StringLikeIfExists": {
                  "aws:TagKeys": []
                },
                "StringEquals": {}
              }
            }
          ]
        }
        """,
        // Text that needs escaping or is not ASCII, and placeholders.
        """
        {
          "Id": "clé \\"quoted\\" \\\\ ☃ 😀 \\u0001",
          "Statement": [
            {
              "Sid": "",
              "Effect": "Allow",
              "Action": "${service}:*",
              "Resource": "arn:aws:s3:::<bucket>/${aws:username}/*"
            }
          ]
        }
        """);
  }

  @ParameterizedTest
  @MethodSource("documents")
  void readThenWriteLossless_formattedDocument_givesTheSameText(String json) {
    PolicyDocument document = PolicyReader.strict().read(json);

    String written = PolicyWriter.lossless().writeToString(document);

    assertThat(written).isEqualTo(json);
  }

  @ParameterizedTest
  @MethodSource("documents")
  void writeThenRead_anyWriter_givesAnEqualDocument(String json) {
    PolicyDocument document = PolicyReader.strict().read(json);

    PolicyDocument fromLossless =
        PolicyReader.strict().read(PolicyWriter.lossless().toBytes(document));
    PolicyDocument fromCanonical =
        PolicyReader.strict().read(PolicyWriter.canonical().toBytes(document));

    assertThat(fromLossless).isEqualTo(document);
    assertThat(fromCanonical).isEqualTo(document);
    assertThat(PolicyWriter.lossless().writeToString(fromLossless)).isEqualTo(json);
  }
}
