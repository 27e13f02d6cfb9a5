package dev.policysmith.testing;

import static dev.policysmith.testing.Draws.between;
import static dev.policysmith.testing.Draws.chance;
import static dev.policysmith.testing.Draws.pick;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.eval.Request;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of requests (principal, action, resource, context) to evaluate policies
 * against. {@link #requests()} draws from the vocabularies of {@link PolicyVocabulary}; {@link
 * #requestsFor(PolicyDocument...)} draws mostly from the policies under test, so that generated
 * requests hit their statements, near-miss them and, with the share of vocabulary requests, miss
 * them, and all three decisions turn up.
 *
 * <p>Every choice is drawn from QuickTheories' randomness source, so failures shrink and replay
 * from the seed. QuickTheories' {@code forAll(a, b)} draws {@code a} and {@code b} independently;
 * when the requests must depend on the policies, use {@link #policiesWithRequests()}.
 *
 * <pre>{@code
 * qt().forAll(RequestGenerators.policiesWithRequests())
 *     .checkAssert(sample -> {
 *       for (Request request : sample.requests()) {
 *         // compare two ways of deciding sample.policies() for request
 *       }
 *     });
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class RequestGenerators {
  private RequestGenerators() {}

  /**
   * Returns requests from the vocabularies alone: a calling principal (now and then none), a
   * concrete action (now and then in another case), a resource ARN (now and then none) and 0 to 3
   * context keys with 1 value, sometimes 2 or none.
   */
  public static Gen<Request> requests() {
    return source -> {
      Request.Builder builder = Request.builder();
      if (!chance(source, 10)) {
        builder.principal(pick(source, PolicyVocabulary.REQUEST_PRINCIPALS));
      }
      builder.action(recased(source, pick(source, PolicyVocabulary.ACTION_NAMES)));
      if (!chance(source, 10)) {
        builder.resource(pick(source, PolicyVocabulary.RESOURCE_ARNS));
      }
      Context context = new Context();
      int keys = between(source, 0, 3);
      for (int i = 0; i < keys; i++) {
        context.addVocabularyKey(source);
      }
      return context.into(builder).build();
    };
  }

  /**
   * Returns requests drawn from the given policies: their own actions with wildcards filled in or
   * expanded to real names; their resource patterns instantiated, policy variables given values in
   * the context; their principals, sessions of their roles and other principals of their accounts;
   * and their condition keys with the policies' own values, sometimes slightly changed, missing,
   * multi-valued or with the key in another case. One request in five is a {@link #requests()
   * vocabulary request} instead.
   */
  public static Gen<Request> requestsFor(PolicyDocument... documents) {
    return requestsFor(List.of(documents));
  }

  /** Returns requests drawn from the given policies, as {@link #requestsFor(PolicyDocument...)}. */
  public static Gen<Request> requestsFor(List<PolicyDocument> documents) {
    Targets targets = new Targets(documents);
    Gen<Request> vocabulary = requests();
    return source -> chance(source, 20) ? vocabulary.generate(source) : targets.request(source);
  }

  /**
   * Returns 1 to 3 {@link PolicyGenerators#documents() documents} with 1 to 10 requests drawn
   * {@link #requestsFor(List) from them}.
   */
  public static Gen<PoliciesWithRequests> policiesWithRequests() {
    return policiesWithRequests(PolicyGenerators.documents(), 1, 3, 10);
  }

  /**
   * Returns {@code minPolicies} to {@code maxPolicies} documents from {@code documents}, with 1 to
   * {@code maxRequests} requests drawn from them.
   *
   * @throws IllegalArgumentException if {@code minPolicies < 1}, {@code maxPolicies < minPolicies}
   *     or {@code maxRequests < 1}
   */
  public static Gen<PoliciesWithRequests> policiesWithRequests(
      Gen<PolicyDocument> documents, int minPolicies, int maxPolicies, int maxRequests) {
    if (minPolicies < 1 || maxPolicies < minPolicies || maxRequests < 1) {
      throw new IllegalArgumentException(
          "Counts must satisfy 1 <= minPolicies <= maxPolicies and maxRequests >= 1 but were "
              + minPolicies
              + ", "
              + maxPolicies
              + ", "
              + maxRequests);
    }
    return source -> {
      int count = between(source, minPolicies, maxPolicies);
      List<PolicyDocument> policies = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        policies.add(documents.generate(source));
      }
      Gen<Request> requests = requestsFor(policies);
      int requestCount = between(source, 1, maxRequests);
      List<Request> drawn = new ArrayList<>(requestCount);
      for (int i = 0; i < requestCount; i++) {
        drawn.add(requests.generate(source));
      }
      return new PoliciesWithRequests(policies, drawn);
    };
  }

  /** Now and then the text in upper or lower case, as a case-insensitive name may be written. */
  private static String recased(RandomnessSource source, String text) {
    if (!chance(source, 15)) {
      return text;
    }
    return chance(source, 50) ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT);
  }

  /**
   * A request context under construction. IAM compares key names case-insensitively, so two keys
   * differing only in case would be one key given twice; the later one replaces the earlier, except
   * that a value given to a policy variable of the resource stays, so that the resource and the
   * context agree.
   */
  private static final class Context {
    private final Map<String, Map.Entry<String, List<String>>> byFoldedKey = new LinkedHashMap<>();
    private final Set<String> pinned = new HashSet<>();

    void put(String key, List<String> values) {
      String folded = key.toLowerCase(Locale.ROOT);
      if (!pinned.contains(folded)) {
        byFoldedKey.put(folded, Map.entry(key, List.copyOf(values)));
      }
    }

    /** Returns whether the key has no values yet. */
    boolean absent(String key) {
      return !byFoldedKey.containsKey(key.toLowerCase(Locale.ROOT));
    }

    void pin(String key, List<String> values) {
      put(key, values);
      pinned.add(key.toLowerCase(Locale.ROOT));
    }

    void addVocabularyKey(RandomnessSource source) {
      String key = pick(source, PolicyVocabulary.CONTEXT_KEYS);
      List<String> vocabulary = PolicyVocabulary.contextValues(key);
      int draw = between(source, 1, 100);
      int count = draw <= 80 ? 1 : draw <= 93 ? 2 : 0;
      put(recased(source, key), Draws.some(source, vocabulary, count));
    }

    Request.Builder into(Request.Builder builder) {
      for (Map.Entry<String, List<String>> entry : byFoldedKey.values()) {
        builder.putContext(entry.getKey(), entry.getValue());
      }
      return builder;
    }
  }

  /** A condition key of a policy under test with the operator and values it is compared by. */
  private record KeyUse(BaseOperator operator, boolean qualified, KeyCondition key) {}

  /** What the policies under test name, gathered once, and the draws of requests from it. */
  private static final class Targets {
    private final List<String> actions = new ArrayList<>();
    private final List<String> resources = new ArrayList<>();
    private final List<String> principals = new ArrayList<>();
    private final List<KeyUse> keys = new ArrayList<>();

    Targets(List<PolicyDocument> documents) {
      for (PolicyDocument document : documents) {
        for (Statement statement : document.statements()) {
          statement.actionClause().patterns().stream()
              .map(ActionPattern::value)
              .forEach(actions::add);
          statement.resource().stream()
              .flatMap(clause -> clause.patterns().stream())
              .map(ResourcePattern::value)
              .forEach(resources::add);
          statement.principal().stream()
              .map(PrincipalClause::entries)
              .flatMap(List::stream)
              .map(PrincipalEntry::values)
              .flatMap(List::stream)
              // "*" names no one in particular: requests for it come from the vocabulary.
              .filter(value -> !value.equals("*"))
              .forEach(principals::add);
          statement.condition().stream()
              .flatMap(condition -> condition.operators().stream())
              .forEach(this::addKeys);
        }
      }
    }

    private void addKeys(OperatorBlock block) {
      for (KeyCondition key : block.keys()) {
        keys.add(
            new KeyUse(block.operator().base(), block.operator().qualifier().isPresent(), key));
      }
    }

    Request request(RandomnessSource source) {
      Request.Builder builder = Request.builder();
      Context context = new Context();
      if (!chance(source, 5)) {
        builder.principal(principal(source));
      }
      builder.action(action(source));
      if (!chance(source, 5)) {
        builder.resource(resource(source, context));
      }
      for (KeyUse use : keys) {
        if (!chance(source, 35)) {
          context.put(recased(source, use.key().key()), values(source, use, sameKey(use), context));
        }
      }
      if (chance(source, 15)) {
        context.addVocabularyKey(source);
      }
      return context.into(builder).build();
    }

    // ------------------------------------------------------------ principals

    private String principal(RandomnessSource source) {
      if (principals.isEmpty() || chance(source, 15)) {
        return pick(source, PolicyVocabulary.REQUEST_PRINCIPALS);
      }
      return related(source, pick(source, principals));
    }

    /**
     * A principal that a policy naming {@code named} names too, or nearly: the principal itself, a
     * session of a named role, or another principal of the same account, which an account id or
     * root ARN covers and a role or user ARN does not.
     *
     * @see <a
     *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
     *     JSON policy elements: Principal</a>
     */
    private static String related(RandomnessSource source, String named) {
      String account;
      String[] parts = named.split(":", 6);
      if (named.length() == 12 && named.chars().allMatch(Character::isDigit)) {
        account = named;
      } else if (parts.length == 6 && parts[0].equals("arn") && !parts[4].isEmpty()) {
        account = parts[4];
      } else {
        return named; // a service or web identity principal has no account
      }
      boolean role = parts.length == 6 && parts[2].equals("iam") && parts[5].startsWith("role/");
      switch (between(source, 0, 4)) {
        case 0:
          return named.equals(account) ? "arn:aws:iam::" + account + ":root" : named;
        case 1:
          if (role) {
            // A session is named by the role's name without its path:
            // arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION.
            String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
            return "arn:aws:sts::" + account + ":assumed-role/" + name + "/session";
          }
          return "arn:aws:iam::" + account + ":root";
        case 2:
          return "arn:aws:iam::" + account + ":role/Scheduler";
        case 3:
          return "arn:aws:sts::" + account + ":assumed-role/Admin/admin-session";
        default:
          return "arn:aws:iam::" + account + ":user/alice";
      }
    }

    // ------------------------------------------------------------ actions

    private String action(RandomnessSource source) {
      if (actions.isEmpty() || chance(source, 10)) {
        return recased(source, pick(source, PolicyVocabulary.ACTION_NAMES));
      }
      String pattern = pick(source, actions);
      ActionPattern compiled = ActionPattern.of(pattern);
      if (!compiled.hasWildcard()) {
        return recased(source, pattern);
      }
      List<String> covered =
          PolicyVocabulary.ACTION_NAMES.stream().filter(compiled::matches).toList();
      if (pattern.equals("*") || (!covered.isEmpty() && chance(source, 50))) {
        return recased(source, pick(source, covered));
      }
      // Fill the wildcards with text no catalogue has, as AWS may add actions tomorrow.
      StringBuilder out = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        if (c == '*') {
          out.append(pick(source, List.of("", "X", "Thing", "From")));
        } else if (c == '?') {
          out.append(pick(source, List.of("F", "x")));
        } else {
          out.append(c);
        }
      }
      return recased(source, out.toString());
    }

    // ------------------------------------------------------------ resources

    private String resource(RandomnessSource source, Context context) {
      if (resources.isEmpty() || chance(source, 10)) {
        return pick(source, PolicyVocabulary.RESOURCE_ARNS);
      }
      String pattern = pick(source, resources);
      if (pattern.equals("*")) {
        return pick(source, PolicyVocabulary.RESOURCE_ARNS);
      }
      return resolve(
          source, pattern, context, List.of("key-1", "", "a/b", "alice", "ap-northeast-1"), true);
    }

    /**
     * The text a request carries to match {@code pattern}: each policy variable given a value
     * ({@link #variable}), each {@code *} filled from {@code stars} and each {@code ?} with one
     * character when {@code wildcards}, other characters kept.
     */
    private static String resolve(
        RandomnessSource source,
        String pattern,
        Context context,
        List<String> stars,
        boolean wildcards) {
      StringBuilder out = new StringBuilder();
      int i = 0;
      while (i < pattern.length()) {
        char c = pattern.charAt(i);
        int close = pattern.indexOf('}', i);
        if (c == '$' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{' && close > 0) {
          out.append(variable(source, pattern.substring(i + 2, close), context));
          i = close + 1;
          continue;
        }
        if (c == '*' && wildcards) {
          out.append(pick(source, stars));
        } else if (c == '?' && wildcards) {
          out.append(pick(source, List.of("e", "a")));
        } else {
          out.append(c);
        }
        i++;
      }
      return out.toString();
    }

    /**
     * The text a request puts where a policy variable stands: mostly a value, given to the context
     * too; sometimes the variable's own text, which a 2008-10-17 policy matches literally; {@code
     * ${*}}, {@code ${?}} and {@code ${$}} stand for their character.
     *
     * @see <a
     *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
     *     policy elements: Variables and tags</a>
     */
    private static String variable(RandomnessSource source, String inner, Context context) {
      if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
        return inner;
      }
      if (chance(source, 20)) {
        return "${" + inner + "}";
      }
      // ${key, 'default'}: the default stands in when the request lacks the key.
      int comma = inner.indexOf(',');
      String name = (comma < 0 ? inner : inner.substring(0, comma)).trim();
      String rest = comma < 0 ? "" : inner.substring(comma + 1).trim();
      if (rest.length() >= 2
          && rest.startsWith("'")
          && rest.endsWith("'")
          && context.absent(name)
          && chance(source, 30)) {
        return rest.substring(1, rest.length() - 1);
      }
      String value = pick(source, PolicyVocabulary.contextValues(name));
      if (!chance(source, 15)) {
        context.pin(name, List.of(value));
      }
      return value;
    }

    // ------------------------------------------------------------ condition values

    /**
     * The uses of the same key (ignoring case) by a set operator, if {@code use} is one: their
     * values are drawn together into lists of several values, so that a request hits the values of
     * two conditions on the key at once, as a multivalued key such as {@code aws:TagKeys} does.
     *
     * @see <a
     *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued
     *     vs. multivalued context keys</a>
     */
    private List<KeyUse> sameKey(KeyUse use) {
      if (!use.qualified()) {
        return List.of(use);
      }
      List<KeyUse> out = new ArrayList<>();
      for (KeyUse other : keys) {
        if (other.key().key().equalsIgnoreCase(use.key().key())
            && other.operator().family() == use.operator().family()) {
          out.add(other);
        }
      }
      return out;
    }

    private static List<String> values(
        RandomnessSource source, KeyUse use, List<KeyUse> uses, Context context) {
      int draw = between(source, 1, 100);
      int count;
      if (use.qualified()) {
        count = draw <= 35 ? 1 : draw <= 70 ? 2 : draw <= 85 ? 3 : 0;
      } else {
        count = draw <= 80 ? 1 : draw <= 93 ? 2 : 0;
      }
      List<String> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        KeyUse from = pick(source, uses);
        List<ConditionValue> written = from.key().values();
        String value =
            written.isEmpty() || from.operator() == BaseOperator.NULL
                ? pick(source, PolicyVocabulary.contextValues(from.key().key()))
                : instantiate(source, from.operator(), pick(source, written).text(), context);
        out.add(chance(source, 25) ? mutate(source, from.operator(), value) : value);
      }
      return out;
    }

    /**
     * A request value that the policy value matches: wildcards filled, policy variables given a
     * value (also put in the context, as {@link #variable} does for resources), a range's own
     * address.
     */
    private static String instantiate(
        RandomnessSource source, BaseOperator operator, String value, Context context) {
      switch (operator.family()) {
        case ARN:
          // ArnEquals matches like ArnLike: wildcards are wildcards in both.
          return value.contains("${")
              ? resolve(source, value, context, FILLS, true)
              : fill(source, value);
        case STRING:
          boolean like =
              operator == BaseOperator.STRING_LIKE || operator == BaseOperator.STRING_NOT_LIKE;
          if (value.contains("${")) {
            return resolve(source, value, context, FILLS, like);
          }
          return like ? fill(source, value) : value;
        case IP_ADDRESS:
          int slash = value.indexOf('/');
          return slash < 0 ? value : value.substring(0, slash);
        default:
          return value;
      }
    }

    private static final List<String> FILLS = List.of("", "x", "ap-northeast-1");

    private static String fill(RandomnessSource source, String pattern) {
      StringBuilder out = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        if (c == '*') {
          out.append(pick(source, FILLS));
        } else if (c == '?') {
          out.append(pick(source, List.of("a", "1")));
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }

    /**
     * Another spelling of a base-64 value: without its padding, or with the last character changed
     * in the bits past the last byte (both decode to the same bytes), or a character more or less
     * (another value, or none).
     */
    private static String binaryVariant(RandomnessSource source, String value) {
      String bare = value.replace("=", "");
      switch (between(source, 0, 3)) {
        case 0:
          return bare;
        case 1:
          if (bare.isEmpty() || bare.length() % 4 == 0) {
            return bare + "A";
          }
          String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
          int last = alphabet.indexOf(bare.charAt(bare.length() - 1));
          if (last < 0) {
            return bare;
          }
          // Two bytes left leave 2 bits of the last character unused, one byte 4.
          int unused = bare.length() % 4 == 3 ? 3 : 15;
          char other = alphabet.charAt(last & ~unused | between(source, 0, unused));
          return value.substring(0, bare.length() - 1) + other + value.substring(bare.length());
        case 2:
          return value.substring(0, Math.max(0, value.length() - 1));
        default:
          return value + "A";
      }
    }

    /** A near miss: a number one off, another date or address, a flipped boolean, another case. */
    private static String mutate(RandomnessSource source, BaseOperator operator, String value) {
      switch (operator.family()) {
        case NUMERIC:
          try {
            BigDecimal delta = chance(source, 50) ? BigDecimal.ONE : BigDecimal.ONE.negate();
            return new BigDecimal(value).add(delta).toPlainString();
          } catch (NumberFormatException e) {
            return pick(source, PolicyVocabulary.NUMBERS);
          }
        case DATE:
          return pick(source, PolicyVocabulary.REQUEST_TIMES);
        case BOOLEAN:
          return value.equalsIgnoreCase("true") ? "false" : "true";
        case IP_ADDRESS:
          return pick(source, PolicyVocabulary.SOURCE_IPS);
        case BINARY:
          return binaryVariant(source, value);
        default:
          return chance(source, 50) ? value.toUpperCase(Locale.ROOT) : value + "x";
      }
    }
  }
}
