package dev.policysmith.testing;

import static dev.policysmith.testing.Draws.between;
import static dev.policysmith.testing.Draws.chance;
import static dev.policysmith.testing.Draws.pick;
import static dev.policysmith.testing.Draws.shuffled;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.condition.SetQualifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of IAM and KMS policy documents and their parts, for property tests.
 * Every value is built through the model's public builders and drawn from the small vocabularies of
 * {@link PolicyVocabulary}, so that statements overlap, wildcards cover other statements' names,
 * and the hard cases of the policy language turn up in every few hundred samples: {@code
 * NotAction}, {@code NotResource}, {@code NotPrincipal}, {@code Deny}, every condition operator
 * with and without {@code IfExists} and set qualifiers, {@code "*"} beside {@code {"AWS": "*"}},
 * account ids beside root ARNs, single strings beside arrays, empty arrays, malformed condition
 * values, {@code Statement} as one object, and a missing or old {@code Version}.
 *
 * <p>Every choice is drawn from QuickTheories' randomness source, never from a {@code Random} of
 * our own, so failures shrink to small documents and replay from the reported seed. Generators are
 * stateless and may be shared between tests and threads.
 *
 * <pre>{@code
 * qt().withExamples(Integer.getInteger("policysmith.examples", 2000))
 *     .forAll(PolicyGenerators.documents())
 *     .checkAssert(policy -> assertThat(policy.statements()).isNotEmpty());
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
public final class PolicyGenerators {
  private PolicyGenerators() {}

  // ---------------------------------------------------------------- documents

  /**
   * Returns documents of 1 to 6 {@link #statements() statements} of every kind (with and without
   * principals), with Version 2012-10-17, 2008-10-17 or none, an optional {@code Id}, and a single
   * {@code Statement} sometimes written as one object.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html">IAM
   *     JSON policy elements: Version</a>
   */
  public static Gen<PolicyDocument> documents() {
    return documents(statements());
  }

  /**
   * Returns KMS key policies: every statement has a {@code Principal} or {@code NotPrincipal} and
   * {@code "Resource": "*"}, which in a key policy means "this KMS key".
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html">Key
   *     policies in AWS KMS</a>
   */
  public static Gen<PolicyDocument> keyPolicies() {
    return documents(keyPolicyStatements());
  }

  /**
   * Returns identity-based policies: no statement has a principal, as IAM requires of policies
   * attached to users, groups and roles.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html">Identity-based
   *     policies and resource-based policies</a>
   */
  public static Gen<PolicyDocument> identityPolicies() {
    return documents(identityStatements());
  }

  /**
   * Returns documents of 3 to 40 statements that draw their actions (wildcards covering names and
   * each other), resources, principals (an account id beside its root ARN) and condition values
   * from a handful each, so that the statements overlap and their grants form large connected
   * groups, about a tenth of them Deny: the hard case for a canonical merge, which must decide as
   * the input does with no more statements.
   */
  public static Gen<PolicyDocument> overlappingDocuments() {
    return overlappingDocuments(3, 40);
  }

  /**
   * Returns documents as {@link #overlappingDocuments()} does, with {@code minStatements} to {@code
   * maxStatements} statements.
   */
  public static Gen<PolicyDocument> overlappingDocuments(int minStatements, int maxStatements) {
    return source -> {
      PolicyDocument.Builder builder = PolicyDocument.builder().version(PolicyVersion.V2012_10_17);
      int count = between(source, minStatements, maxStatements);
      for (int i = 0; i < count; i++) {
        builder.addStatement(overlappingStatement(source));
      }
      return builder.build();
    };
  }

  private static final List<String> OVERLAPPING_ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:PutObject",
          "s3:Get*",
          "kms:Decrypt",
          "kms:Encrypt",
          "kms:*",
          "ec2:RunInstances",
          "s3:ListBucket");
  private static final List<String> OVERLAPPING_RESOURCES =
      List.of(
          "arn:aws:s3:::a/*",
          "arn:aws:s3:::b/*",
          "arn:aws:s3:::a/x",
          "*",
          "arn:aws:kms:us-east-1:111122223333:key/k",
          "arn:aws:s3:::c");
  private static final List<String> OVERLAPPING_PRINCIPALS =
      List.of("111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/R");

  private static Statement overlappingStatement(RandomnessSource source) {
    Statement.Builder statement =
        Statement.builder().effect(chance(source, 10) ? Effect.DENY : Effect.ALLOW);
    statement.action(ActionClause.of(someOf(source, OVERLAPPING_ACTIONS)));
    statement.resource(ResourceClause.of(someOf(source, OVERLAPPING_RESOURCES)));
    if (chance(source, 75)) {
      statement.principal(PrincipalClause.aws(pick(source, OVERLAPPING_PRINCIPALS)));
    }
    if (chance(source, 33)) {
      statement.condition(
          ConditionBlock.of(
              OperatorBlock.of(
                  ConditionOperator.parse("StringEquals"),
                  KeyCondition.of("aws:PrincipalTag/team", "t" + between(source, 0, 2)))));
    }
    return statement.build();
  }

  /** Each value with a chance of one in four, and one of them when none was drawn. */
  private static String[] someOf(RandomnessSource source, List<String> values) {
    List<String> chosen = new ArrayList<>();
    for (String value : values) {
      if (chance(source, 25)) {
        chosen.add(value);
      }
    }
    if (chosen.isEmpty()) {
      chosen.add(pick(source, values));
    }
    return chosen.toArray(new String[0]);
  }

  /**
   * Returns documents of 1 to 6 statements drawn from {@code statements}, with the document-level
   * variations of {@link #documents()}.
   */
  public static Gen<PolicyDocument> documents(Gen<Statement> statements) {
    return source -> {
      PolicyDocument.Builder builder = PolicyDocument.builder();
      builder.version(versions().generate(source));
      if (chance(source, 20)) {
        builder.id(pick(source, PolicyVocabulary.DOCUMENT_IDS));
      }
      int count = between(source, 1, 6);
      for (int i = 0; i < count; i++) {
        builder.addStatement(statements.generate(source));
      }
      // Only a lone statement can be written as {"Statement": {...}}.
      builder.statementObject(count == 1 && chance(source, 40));
      PolicyDocument document = builder.build();
      if (chance(source, 25)) {
        List<String> names = new ArrayList<>();
        document.version().ifPresent(v -> names.add("Version"));
        document.id().ifPresent(v -> names.add("Id"));
        names.add("Statement");
        document = document.toBuilder().elementOrder(shuffled(source, names)).build();
      }
      return document;
    };
  }

  /**
   * Returns the {@code Version} element: mostly 2012-10-17, sometimes 2008-10-17 (policy variables
   * are plain text) or absent (the same as 2008-10-17 for variables).
   */
  public static Gen<Optional<PolicyVersion>> versions() {
    return source -> {
      int draw = between(source, 1, 100);
      if (draw <= 70) {
        return Optional.of(PolicyVersion.V2012_10_17);
      }
      return draw <= 85 ? Optional.empty() : Optional.of(PolicyVersion.V2008_10_17);
    };
  }

  // ---------------------------------------------------------------- statements

  /**
   * Returns statements of every kind: Allow or Deny; {@code Principal}, {@code NotPrincipal} or
   * none; {@code Action} or {@code NotAction}; {@code Resource}, {@code NotResource} or none; an
   * optional {@code Condition}, sometimes the empty {@code {}}; an optional {@code Sid} from a
   * small set, so that documents repeat Sids; and sometimes a permuted element order.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html">IAM
   *     JSON policy elements: Statement</a>
   */
  public static Gen<Statement> statements() {
    return statements(
        source ->
            chance(source, 50) ? Optional.of(principals().generate(source)) : Optional.empty(),
        optionalResourceClauses());
  }

  /** Returns key policy statements: a principal clause always, and {@code "Resource": "*"}. */
  public static Gen<Statement> keyPolicyStatements() {
    return statements(
        principals().map(Optional::of),
        source ->
            Optional.of(
                ResourceClause.builder()
                    .addPattern(ResourcePattern.ALL)
                    .scalar(chance(source, 70))
                    .build()));
  }

  /** Returns identity policy statements: never a principal clause. */
  public static Gen<Statement> identityStatements() {
    return statements(source -> Optional.empty(), optionalResourceClauses());
  }

  private static Gen<Statement> statements(
      Gen<Optional<PrincipalClause>> principals, Gen<Optional<ResourceClause>> resources) {
    return source -> {
      Statement.Builder builder = Statement.builder();
      if (chance(source, 60)) {
        builder.sid(pick(source, PolicyVocabulary.SIDS));
      }
      builder.effect(chance(source, 35) ? Effect.DENY : Effect.ALLOW);
      builder.principal(principals.generate(source));
      builder.action(actionClauses().generate(source));
      builder.resource(resources.generate(source));
      if (chance(source, 55)) {
        builder.condition(conditionBlocks().generate(source));
      }
      Statement statement = builder.build();
      if (chance(source, 25)) {
        statement =
            statement.toBuilder().elementOrder(shuffled(source, elementNames(statement))).build();
      }
      return statement;
    };
  }

  /** The JSON element names a statement has, in the order a statement built in code is written. */
  private static List<String> elementNames(Statement statement) {
    List<String> names = new ArrayList<>();
    statement.sid().ifPresent(s -> names.add("Sid"));
    names.add("Effect");
    statement.principal().ifPresent(p -> names.add(p.elementName()));
    names.add(statement.actionClause().elementName());
    statement.resource().ifPresent(r -> names.add(r.elementName()));
    statement.condition().ifPresent(c -> names.add("Condition"));
    return names;
  }

  // ---------------------------------------------------------------- actions and resources

  /**
   * Returns {@code Action} and {@code NotAction} clauses of 1 to 3 patterns from {@link
   * PolicyVocabulary#ACTION_PATTERNS} (now and then an empty array), a single pattern sometimes
   * written as a bare string.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html">IAM
   *     JSON policy elements: NotAction</a>
   */
  public static Gen<ActionClause> actionClauses() {
    return source -> {
      ActionClause.Builder builder = ActionClause.builder().negated(chance(source, 25));
      int count = chance(source, 3) ? 0 : between(source, 1, 3);
      for (int i = 0; i < count; i++) {
        builder.addPattern(actionPatterns().generate(source));
      }
      return builder.scalar(count == 1 && chance(source, 50)).build();
    };
  }

  /**
   * Returns {@code Resource} and {@code NotResource} clauses of 1 to 3 patterns from {@link
   * PolicyVocabulary#RESOURCE_PATTERNS} (now and then an empty array), a single pattern sometimes
   * written as a bare string.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html">IAM
   *     JSON policy elements: NotResource</a>
   */
  public static Gen<ResourceClause> resourceClauses() {
    return source -> {
      ResourceClause.Builder builder = ResourceClause.builder().negated(chance(source, 25));
      int count = chance(source, 3) ? 0 : between(source, 1, 3);
      for (int i = 0; i < count; i++) {
        builder.addPattern(resourcePatterns().generate(source));
      }
      return builder.scalar(count == 1 && chance(source, 50)).build();
    };
  }

  /** Returns single action patterns from {@link PolicyVocabulary#ACTION_PATTERNS}. */
  public static Gen<ActionPattern> actionPatterns() {
    return Generate.pick(PolicyVocabulary.ACTION_PATTERNS).map(ActionPattern::of);
  }

  /** Returns single resource patterns from {@link PolicyVocabulary#RESOURCE_PATTERNS}. */
  public static Gen<ResourcePattern> resourcePatterns() {
    return Generate.pick(PolicyVocabulary.RESOURCE_PATTERNS).map(ResourcePattern::of);
  }

  /** A resource clause, or none as in role trust policies, about one time in seven. */
  private static Gen<Optional<ResourceClause>> optionalResourceClauses() {
    return source ->
        chance(source, 15) ? Optional.empty() : Optional.of(resourceClauses().generate(source));
  }

  // ---------------------------------------------------------------- principals

  /**
   * Returns {@code Principal} and {@code NotPrincipal} clauses: {@code "*"}, {@code {"AWS": "*"}},
   * and maps of {@code AWS} (account ids, root ARNs, roles with and without a path, a user), {@code
   * Service} and {@code Federated} principals, each value list sometimes a bare string. {@code
   * NotPrincipal} always takes the map form: {@code "NotPrincipal": "*"} would exclude everyone.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
   *     JSON policy elements: Principal</a>
   */
  public static Gen<PrincipalClause> principals() {
    return source -> {
      boolean negated = chance(source, 15);
      int form = between(source, 1, 100);
      if (form <= 15 && !negated) {
        return PrincipalClause.ANYONE;
      }
      PrincipalClause.Builder builder = PrincipalClause.builder().negated(negated);
      if (form <= 30) {
        return builder.addEntry(entry(source, PrincipalType.AWS, List.of("*"))).build();
      }
      // Distinct types only: a repeated map key is a duplicate JSON key, which readers reject.
      boolean aws = chance(source, 85);
      boolean service = !aws || chance(source, 25);
      boolean federated = chance(source, 8);
      if (aws) {
        builder.addEntry(
            entry(source, PrincipalType.AWS, some(source, PolicyVocabulary.AWS_PRINCIPALS, 3)));
      }
      if (service) {
        builder.addEntry(
            entry(
                source,
                PrincipalType.SERVICE,
                some(source, PolicyVocabulary.SERVICE_PRINCIPALS, 2)));
      }
      if (federated) {
        builder.addEntry(
            entry(
                source,
                PrincipalType.FEDERATED,
                List.of(pick(source, PolicyVocabulary.FEDERATED_PRINCIPALS))));
      }
      return builder.build();
    };
  }

  private static PrincipalEntry entry(
      RandomnessSource source, PrincipalType type, List<String> values) {
    return PrincipalEntry.builder()
        .type(type)
        .addAllValues(values)
        .scalar(values.size() == 1 && chance(source, 50))
        .build();
  }

  /** 1 to {@code max} values drawn with repetition, now and then none (an empty array). */
  private static List<String> some(RandomnessSource source, List<String> vocabulary, int max) {
    int count = chance(source, 3) ? 0 : between(source, 1, max);
    return Draws.some(source, vocabulary, count);
  }

  // ---------------------------------------------------------------- conditions

  /**
   * Returns {@code Condition} elements: now and then the empty {@code {}}, otherwise 1 to 3
   * operator blocks with distinct operator names (a repeated name would be a duplicate JSON key).
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html">IAM
   *     JSON policy elements: Condition</a>
   */
  public static Gen<ConditionBlock> conditionBlocks() {
    return source -> {
      ConditionBlock.Builder builder = ConditionBlock.builder();
      if (chance(source, 8)) {
        return builder.build();
      }
      int count = between(source, 1, 3);
      Set<String> names = new HashSet<>();
      for (int i = 0; i < count; i++) {
        OperatorBlock block = operatorBlocks().generate(source);
        if (names.add(block.operator().toString())) {
          builder.addOperators(block);
        }
      }
      return builder.build();
    };
  }

  /**
   * Returns one operator with 1 or 2 keys that differ in more than case, each with values suited to
   * the operator. Case variants of one key ({@code kms:ViaService}, {@code KMS:viaservice}) meet in
   * different blocks of one {@code Condition} instead: in one block they are the same key twice, an
   * error for IAM Access Analyzer ("Duplicate keys with different case") and for {@link
   * dev.policysmith.model.json.PolicyReader#strict()}.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html">IAM
   *     Access Analyzer policy check reference</a>
   */
  public static Gen<OperatorBlock> operatorBlocks() {
    return source -> {
      ConditionOperator operator = conditionOperators().generate(source);
      OperatorBlock.Builder builder = OperatorBlock.builder().operator(operator);
      int count = between(source, 1, 2);
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < count; i++) {
        KeyCondition key = keyConditions(operator.base()).generate(source);
        // Key names are case-insensitive, so keys differing only in case are one key given
        // twice, which the strict reader rejects.
        if (keys.add(key.key().toLowerCase(Locale.ROOT))) {
          builder.addKey(key);
        }
      }
      return builder.build();
    };
  }

  /**
   * Returns condition operators: every {@link BaseOperator} alike, a quarter of them with {@code
   * IfExists} (never {@code Null}, which IAM rejects with it) and a fifth with a {@code
   * ForAnyValue:} or {@code ForAllValues:} qualifier.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
   *     JSON policy elements: Condition operators</a>
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued
   *     vs. multivalued context keys</a>
   */
  public static Gen<ConditionOperator> conditionOperators() {
    return source -> {
      ConditionOperator.Builder builder = ConditionOperator.builder();
      BaseOperator base = pick(source, List.of(BaseOperator.values()));
      builder.base(base);
      if (base != BaseOperator.NULL && chance(source, 25)) {
        builder.ifExists(true);
      }
      if (chance(source, 20)) {
        builder.qualifier(
            chance(source, 50) ? SetQualifier.FOR_ALL_VALUES : SetQualifier.FOR_ANY_VALUE);
      }
      return builder.build();
    };
  }

  /**
   * Returns a key with 1 to 3 values for the given operator (now and then an empty array), the key
   * mostly one whose values the operator compares, the values mostly of the operator's family,
   * sometimes malformed; a single value is sometimes a bare scalar.
   */
  public static Gen<KeyCondition> keyConditions(BaseOperator operator) {
    return source -> {
      String key =
          chance(source, 80)
              ? pick(source, keysFor(operator.family()))
              : pick(source, PolicyVocabulary.CONDITION_KEYS);
      int count = chance(source, 3) ? 0 : between(source, 1, 3);
      KeyCondition.Builder builder = KeyCondition.builder().key(key);
      for (int i = 0; i < count; i++) {
        builder.addValue(conditionValues(operator).generate(source));
      }
      return builder.scalar(count == 1 && chance(source, 50)).build();
    };
  }

  /**
   * Returns values for the given operator: most of the time text its family reads (strings, with
   * wildcards for the {@code Like} operators; numbers; ISO dates and epoch seconds; {@code
   * true}/{@code false}; base-64; IPv4 and IPv6 addresses and ranges; ARNs with wildcards) as a
   * JSON string, boolean or number; one time in fifteen a malformed value; one string or ARN in ten
   * with a policy variable ({@link PolicyVocabulary#VARIABLE_STRINGS}).
   */
  public static Gen<ConditionValue> conditionValues(BaseOperator operator) {
    return source -> {
      if (chance(source, 7)) {
        return ConditionValue.of(pick(source, PolicyVocabulary.MALFORMED));
      }
      switch (operator.family()) {
        case STRING:
          if (chance(source, 10)) {
            return ConditionValue.of(pick(source, PolicyVocabulary.VARIABLE_STRINGS));
          }
          boolean like =
              operator == BaseOperator.STRING_LIKE || operator == BaseOperator.STRING_NOT_LIKE;
          return ConditionValue.of(
              chance(source, like ? 60 : 15)
                  ? pick(source, PolicyVocabulary.STRING_PATTERNS)
                  : pick(source, PolicyVocabulary.STRINGS));
        case NUMERIC:
          return numberOrString(source, pick(source, PolicyVocabulary.NUMBERS));
        case DATE:
          String date = pick(source, PolicyVocabulary.DATES);
          return date.chars().allMatch(Character::isDigit)
              ? numberOrString(source, date)
              : ConditionValue.of(date);
        case BOOLEAN:
        case NULL:
          // Mostly true, the value key policies use (kms:GrantIsForAWSResource: true).
          boolean value = !chance(source, 30);
          return chance(source, 50)
              ? ConditionValue.ofBoolean(value)
              : ConditionValue.of(Boolean.toString(value));
        case BINARY:
          return ConditionValue.of(pick(source, PolicyVocabulary.BASE64));
        case IP_ADDRESS:
          return ConditionValue.of(pick(source, PolicyVocabulary.IP_RANGES));
        case ARN:
          return ConditionValue.of(
              chance(source, 10)
                  ? pick(source, PolicyVocabulary.VARIABLE_ARNS)
                  : pick(source, PolicyVocabulary.ARN_PATTERNS));
        default:
          throw new IllegalStateException("No values for operator family " + operator.family());
      }
    };
  }

  /** "Quotation marks are optional for numeric and Boolean values" (policy grammar). */
  private static ConditionValue numberOrString(RandomnessSource source, String number) {
    return chance(source, 50) ? ConditionValue.ofNumber(number) : ConditionValue.of(number);
  }

  /** The vocabulary keys whose values the given family compares; any key for Null and binary. */
  static List<String> keysFor(BaseOperator.Family family) {
    switch (family) {
      case STRING:
        return PolicyVocabulary.STRING_KEYS;
      case NUMERIC:
        return PolicyVocabulary.NUMERIC_KEYS;
      case DATE:
        return PolicyVocabulary.DATE_KEYS;
      case BOOLEAN:
        return PolicyVocabulary.BOOLEAN_KEYS;
      case IP_ADDRESS:
        return PolicyVocabulary.IP_KEYS;
      case ARN:
        return PolicyVocabulary.ARN_KEYS;
      default:
        return PolicyVocabulary.CONDITION_KEYS;
    }
  }
}
