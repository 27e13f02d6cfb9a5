package dev.policysmith.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.condition.SetQualifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link PolicyGenerators}: what it builds is valid, and it builds the hard cases.
 */
class PolicyGeneratorsProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /**
   * Coverage properties count features over the samples, so they need enough of them whatever a
   * quick local run asks for; the rarest counted feature turns up in about one document in twenty,
   * so 2,000 samples miss it with a probability far below 1e-20, and no fixed seed is needed.
   */
  private static final int COVERAGE_EXAMPLES = Math.max(2000, EXAMPLES);

  @Test
  void documents_anySample_isAWellFormedDocument() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(PolicyGeneratorsProperties::assertWellFormed);
  }

  @Test
  void documents_toBuilder_rebuildsAnEqualDocument() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(policy -> assertThat(policy.toBuilder().build()).isEqualTo(policy));
  }

  @Test
  void keyPolicies_anySample_everyStatementHasAPrincipalAndResourceStar() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.keyPolicies())
        .checkAssert(
            policy -> {
              assertWellFormed(policy);
              for (Statement statement : policy.statements()) {
                assertThat(statement.principal()).isPresent();
                assertThat(statement.resource())
                    .hasValueSatisfying(
                        resource -> {
                          assertThat(resource.negated()).isFalse();
                          assertThat(resource.patterns()).containsExactly(ResourcePattern.ALL);
                        });
              }
            });
  }

  @Test
  void identityPolicies_anySample_noStatementHasAPrincipal() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.identityPolicies())
        .checkAssert(
            policy -> {
              assertWellFormed(policy);
              assertThat(policy.statements()).allSatisfy(s -> assertThat(s.principal()).isEmpty());
            });
  }

  @Test
  void conditionOperators_anySample_roundTripsThroughItsName() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.conditionOperators())
        .checkAssert(
            operator ->
                assertThat(ConditionOperator.parse(operator.toString())).isEqualTo(operator));
  }

  @Test
  void principals_anySample_isAnyoneOrAMapOfDistinctTypes() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.principals())
        .checkAssert(
            principal -> {
              if (principal.anyone()) {
                assertThat(principal.negated()).as("NotPrincipal \"*\"").isFalse();
              } else {
                assertThat(principal.entries()).isNotEmpty();
                assertThat(principal.entries().stream().map(PrincipalEntry::type).distinct())
                    .hasSameSizeAs(principal.entries());
              }
            });
  }

  @Test
  void documents_fewThousandSamples_produceEveryHardCase() {
    Tally tally = new Tally();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(policy -> tally.addAll(features(policy)));

    List<String> expected = new ArrayList<>();
    expected.addAll(
        List.of(
            "Allow",
            "Deny",
            "NotAction",
            "NotResource",
            "Resource absent",
            "NotPrincipal",
            "Principal absent",
            "Principal \"*\"",
            "{\"AWS\": \"*\"}",
            "AWS account id",
            "AWS root ARN",
            "AWS role ARN with path",
            "Service principal",
            "Federated principal",
            "scalar Action",
            "empty Action array",
            "empty Resource array",
            "wildcard action",
            "case-variant action",
            "policy variable",
            "policy variable in a condition value",
            "Statement object",
            "Statement array",
            "Version absent",
            "Version 2008-10-17",
            "Version 2012-10-17",
            "Id",
            "Sid",
            "repeated Sid",
            "statement element order",
            "document element order",
            "Condition {}",
            "Condition of 3 operators",
            "IfExists",
            "ForAnyValue",
            "ForAllValues",
            "case-variant keys in one condition",
            "scalar condition value",
            "several condition values",
            "empty condition values",
            "string value",
            "boolean value",
            "number value",
            "malformed value",
            "Like wildcard value",
            "IPv6 value",
            "6 statements"));
    for (BaseOperator operator : BaseOperator.values()) {
      expected.add(operator.operatorName());
    }
    assertThat(tally.missing(expected)).as("features never generated").isEmpty();
  }

  @Test
  void keyPolicies_fewThousandSamples_produceEveryPrincipalForm() {
    Tally tally = new Tally();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(PolicyGenerators.keyPolicies())
        .checkAssert(policy -> tally.addAll(features(policy)));

    assertThat(
            tally.missing(
                List.of(
                    "NotPrincipal",
                    "Principal \"*\"",
                    "{\"AWS\": \"*\"}",
                    "AWS account id",
                    "AWS root ARN",
                    "Service principal",
                    "Deny",
                    "Statement object")))
        .as("features never generated")
        .isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private static void assertWellFormed(PolicyDocument policy) {
    assertThat(policy.statements()).hasSizeBetween(1, 6);
    if (policy.statementObject()) {
      assertThat(policy.statements()).hasSize(1);
    }
    if (!policy.elementOrder().isEmpty()) {
      List<String> present = new ArrayList<>();
      policy.version().ifPresent(v -> present.add("Version"));
      policy.id().ifPresent(v -> present.add("Id"));
      present.add("Statement");
      assertThat(policy.elementOrder()).containsExactlyInAnyOrderElementsOf(present);
    }
    for (Statement statement : policy.statements()) {
      assertThat(statement.action()).isPresent();
      if (!statement.elementOrder().isEmpty()) {
        assertThat(statement.elementOrder()).containsExactlyInAnyOrderElementsOf(names(statement));
      }
      statement.principal().ifPresent(p -> assertThat(p.anyone() && p.negated()).isFalse());
      statement
          .condition()
          .ifPresent(
              condition -> {
                List<String> operators =
                    condition.operators().stream().map(o -> o.operator().toString()).toList();
                assertThat(operators).doesNotHaveDuplicates();
                for (OperatorBlock block : condition.operators()) {
                  assertThat(block.keys().stream().map(KeyCondition::key).toList())
                      .isNotEmpty()
                      .doesNotHaveDuplicates();
                  for (KeyCondition key : block.keys()) {
                    if (key.scalar()) {
                      assertThat(key.values()).hasSize(1);
                    }
                  }
                }
              });
    }
  }

  private static List<String> names(Statement statement) {
    List<String> names = new ArrayList<>();
    statement.sid().ifPresent(s -> names.add("Sid"));
    names.add("Effect");
    statement.principal().ifPresent(p -> names.add(p.elementName()));
    names.add(statement.actionClause().elementName());
    statement.resource().ifPresent(r -> names.add(r.elementName()));
    statement.condition().ifPresent(c -> names.add("Condition"));
    return names;
  }

  /** The named features one document shows, as counted by the coverage properties. */
  static Set<String> features(PolicyDocument policy) {
    Set<String> features = new HashSet<>();
    Optional<PolicyVersion> version = policy.version();
    features.add(version.map(v -> "Version " + v.value()).orElse("Version absent"));
    policy.id().ifPresent(id -> features.add("Id"));
    features.add(policy.statementObject() ? "Statement object" : "Statement array");
    features.add(policy.statements().size() + " statements");
    if (!policy.elementOrder().isEmpty()) {
      features.add("document element order");
    }
    Set<String> sids = new HashSet<>();
    for (Statement statement : policy.statements()) {
      statement
          .sid()
          .ifPresent(
              sid -> {
                features.add("Sid");
                if (!sids.add(sid)) {
                  features.add("repeated Sid");
                }
              });
      features.add(statement.effect() == Effect.ALLOW ? "Allow" : "Deny");
      if (!statement.elementOrder().isEmpty()) {
        features.add("statement element order");
      }
      statement
          .principal()
          .ifPresentOrElse(
              principal -> addPrincipalFeatures(principal, features),
              () -> features.add("Principal absent"));
      features.add(statement.actionClause().elementName());
      if (statement.actionClause().scalar()) {
        features.add("scalar Action");
      }
      if (statement.actionClause().patterns().isEmpty()) {
        features.add("empty Action array");
      }
      for (ActionPattern pattern : statement.actionClause().patterns()) {
        if (pattern.hasWildcard()) {
          features.add("wildcard action");
        }
        if (pattern.value().startsWith("KMS:")) {
          features.add("case-variant action");
        }
      }
      statement
          .resource()
          .ifPresentOrElse(
              resource -> {
                features.add(resource.elementName());
                if (resource.patterns().isEmpty()) {
                  features.add("empty Resource array");
                }
                if (resource.patterns().stream().anyMatch(p -> p.value().contains("${"))) {
                  features.add("policy variable");
                }
              },
              () -> features.add("Resource absent"));
      statement
          .condition()
          .ifPresent(
              condition -> {
                if (condition.operators().isEmpty()) {
                  features.add("Condition {}");
                }
                if (condition.operators().size() == 3) {
                  features.add("Condition of 3 operators");
                }
                condition.operators().forEach(block -> addConditionFeatures(block, features));
                // Case variants of one key meet in one Condition, in different operator blocks; in
                // one block they would be a duplicate key, which the strict reader rejects.
                Set<String> written = new HashSet<>();
                Set<String> folded = new HashSet<>();
                condition.operators().stream()
                    .flatMap(block -> block.keys().stream())
                    .forEach(
                        key -> {
                          if (written.add(key.key()) && !folded.add(key.normalizedKey())) {
                            features.add("case-variant keys in one condition");
                          }
                        });
              });
    }
    return features;
  }

  private static void addPrincipalFeatures(PrincipalClause principal, Set<String> features) {
    if (principal.negated()) {
      features.add("NotPrincipal");
    }
    if (principal.anyone()) {
      features.add("Principal \"*\"");
      return;
    }
    List<String> aws = principal.valuesOf(PrincipalType.AWS);
    if (aws.equals(List.of("*"))) {
      features.add("{\"AWS\": \"*\"}");
    }
    for (String value : aws) {
      if (value.matches("[0-9]{12}")) {
        features.add("AWS account id");
      } else if (value.endsWith(":root")) {
        features.add("AWS root ARN");
      } else if (value.contains(":role/") && value.indexOf('/') != value.lastIndexOf('/')) {
        features.add("AWS role ARN with path");
      }
    }
    if (!principal.valuesOf(PrincipalType.SERVICE).isEmpty()) {
      features.add("Service principal");
    }
    if (!principal.valuesOf(PrincipalType.FEDERATED).isEmpty()) {
      features.add("Federated principal");
    }
  }

  private static void addConditionFeatures(OperatorBlock block, Set<String> features) {
    ConditionOperator operator = block.operator();
    features.add(operator.base().operatorName());
    if (operator.ifExists()) {
      features.add("IfExists");
    }
    operator
        .qualifier()
        .ifPresent(
            q -> features.add(q == SetQualifier.FOR_ANY_VALUE ? "ForAnyValue" : "ForAllValues"));
    Set<String> folded = new HashSet<>();
    for (KeyCondition key : block.keys()) {
      assertThat(folded.add(key.normalizedKey()))
          .as("keys of one operator block differ in more than case: %s", block)
          .isTrue();
      if (key.scalar()) {
        features.add("scalar condition value");
      }
      if (key.values().size() > 1) {
        features.add("several condition values");
      }
      if (key.values().isEmpty()) {
        features.add("empty condition values");
      }
      for (ConditionValue value : key.values()) {
        features.add(value.kind().name().toLowerCase(java.util.Locale.ROOT) + " value");
        if (PolicyVocabulary.MALFORMED.contains(value.text())) {
          features.add("malformed value");
        }
        if (value.text().contains("${")) {
          features.add("policy variable in a condition value");
        }
        if (operator.base() == BaseOperator.STRING_LIKE && value.text().contains("*")) {
          features.add("Like wildcard value");
        }
        if (operator.base().family() == BaseOperator.Family.IP_ADDRESS
            && value.text().contains(":")) {
          features.add("IPv6 value");
        }
      }
    }
  }
}
