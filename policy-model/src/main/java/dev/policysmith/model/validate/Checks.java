package dev.policysmith.model.validate;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.arn.Partition;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.condition.SetQualifier;
import dev.policysmith.model.json.PolicyWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** One validation run over one document: every check, in document order. */
final class Checks {
  /** https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html#key-policy-limit */
  static final int KEY_POLICY_MAX_BYTES = 32_768;

  /**
   * Managed policy quota; "IAM does not count white space":
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
   */
  static final int MANAGED_POLICY_MAX_CHARACTERS = 6_144;

  /**
   * The KMS operations that use the key's material, from "Cryptographic operations" in
   * https://docs.aws.amazon.com/kms/latest/developerguide/kms-cryptography.html#cryptographic-operations
   * (GenerateRandom is one too, but it uses no key). DescribeKey is not: it reveals metadata only.
   */
  static final List<String> CRYPTOGRAPHIC_ACTIONS =
      List.of(
          "kms:Decrypt",
          "kms:DeriveSharedSecret",
          "kms:Encrypt",
          "kms:GenerateDataKey",
          "kms:GenerateDataKeyPair",
          "kms:GenerateDataKeyPairWithoutPlaintext",
          "kms:GenerateDataKeyWithoutPlaintext",
          "kms:GenerateMac",
          "kms:ReEncryptFrom",
          "kms:ReEncryptTo",
          "kms:Sign",
          "kms:Verify",
          "kms:VerifyMac");

  /**
   * Condition keys that limit who may use an {@code Allow} to {@code "*"}: the principal's or
   * caller's account, organization or ARN, or the source of a service's request. From the data
   * perimeter guidance and
   * https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account
   */
  private static final Set<String> WHO_LIMITING_KEYS =
      Set.of(
          "aws:principalaccount",
          "aws:principalorgid",
          "aws:principalorgpaths",
          "aws:principalarn",
          "aws:sourceaccount",
          "aws:sourcearn",
          "aws:sourceorgid",
          "aws:sourceorgpaths",
          "aws:sourcevpce",
          "aws:sourcevpc",
          "aws:userid",
          "kms:calleraccount");

  /**
   * Condition keys that limit how the key is used: through which service, with which encryption
   * context, from which network or for which source resource.
   * https://docs.aws.amazon.com/kms/latest/developerguide/policy-conditions.html
   */
  private static final Set<String> USE_LIMITING_KEYS =
      Set.of(
          "kms:viaservice",
          "kms:encryptioncontextkeys",
          "kms:grantisforawsresource",
          "aws:sourcevpce",
          "aws:sourcevpc",
          "aws:sourceip",
          "aws:sourcearn",
          "aws:sourceaccount");

  // Action names may hold a hyphen: vpc-lattice:AssociateViaAWSService-EventsAndStates.
  static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?-]+:[A-Za-z0-9*?-]+");
  private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z0-9]{15,127}");
  private static final Pattern SERVICE_PRINCIPAL =
      Pattern.compile("[a-z0-9*][a-z0-9.*-]*\\.[a-z.]+");
  private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-[0-9]+");
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern DATE =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?"
              + "|-?[0-9]+");
  private static final Pattern VIA_SERVICE_LIKE =
      Pattern.compile("[a-z0-9*?-]+\\.[a-z0-9*?-]+\\.amazonaws\\.com");
  private static final Pattern VIA_SERVICE =
      Pattern.compile("([a-z0-9-]+)\\.([a-z0-9-]+)\\.amazonaws\\.com");

  private final PolicyDocument document;
  private final ValidationOptions options;
  private final List<Finding> findings = new ArrayList<>();
  private final Optional<String> owner;
  private final Optional<CatalogChecks> catalogChecks;

  Checks(PolicyDocument document, ValidationOptions options) {
    this.document = document;
    this.options = options;
    this.owner =
        options.kind() == PolicyKind.KEY
            ? options.keyArn().map(Arn::account).or(() -> ownerFromPolicy(document))
            : Optional.empty();
    this.catalogChecks =
        options
            .catalog()
            .map(catalog -> new CatalogChecks(catalog, options.accessLevelSummary(), findings));
  }

  List<Finding> run() {
    checkDocument();
    Map<String, Integer> sids = new HashMap<>();
    for (int i = 0; i < document.statements().size(); i++) {
      Statement statement = document.statements().get(i);
      String at = statementPointer(i);
      statement
          .sid()
          .ifPresent(
              sid -> {
                Integer earlier = sids.putIfAbsent(sid, sids.size());
                if (earlier != null) {
                  add(
                      FindingCode.DUPLICATE_SID,
                      at + "/Sid",
                      "Sid "
                          + PolicyFormatException.quote(sid)
                          + " is used by an earlier statement too; give each statement its own Sid");
                }
              });
      checkStatement(statement, at);
    }
    return List.copyOf(findings);
  }

  // ---------------------------------------------------------------- document

  private void checkDocument() {
    if (document.version().isEmpty()) {
      add(
          FindingCode.MISSING_VERSION,
          "",
          "The document has no Version, so IAM reads it as 2008-10-17 (no policy variables);"
              + " add \"Version\": \"2012-10-17\"");
    }
    checkSize();
    if (options.kind() == PolicyKind.KEY && owner.isEmpty()) {
      add(
          FindingCode.KEY_OWNER_UNKNOWN,
          "",
          "The key's account is unknown, so the cross-account checks (kms:CreateGrant, cryptographic"
              + " use, kms:*) were skipped; pass the key ARN, or keep one statement that allows"
              + " kms:* to the key's account root");
    }
  }

  private void checkSize() {
    String json = PolicyWriter.lossless().writeToString(document);
    switch (options.kind()) {
      case KEY -> {
        // https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html#key-policy-limit:
        // 32 KB, not adjustable; the page does not say that white space is excluded.
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > KEY_POLICY_MAX_BYTES) {
          add(
              FindingCode.POLICY_TOO_LARGE,
              "",
              "The key policy is "
                  + bytes
                  + " bytes as written, over the KMS limit of "
                  + KEY_POLICY_MAX_BYTES
                  + "; join statements that differ in one element, or use grants instead");
        }
      }
      case IDENTITY -> {
        int characters = nonWhitespaceCharacters(json);
        if (characters > MANAGED_POLICY_MAX_CHARACTERS) {
          add(
              FindingCode.POLICY_TOO_LARGE,
              "",
              "The policy is "
                  + characters
                  + " characters without white space, over the managed-policy quota of "
                  + MANAGED_POLICY_MAX_CHARACTERS
                  + "; join statements or split it into several policies");
        }
      }
      case RESOURCE -> {
        // Each service sets its own limit (S3 20 KB, SQS 8 KB, ...); without the service there is
        // no limit to check against.
      }
    }
  }

  private static int nonWhitespaceCharacters(String json) {
    int count = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        count++;
        if (c == '\\') {
          i++;
          count++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        count++;
      } else if (!Character.isWhitespace(c)) {
        count++;
      }
    }
    return count;
  }

  // ---------------------------------------------------------------- statement

  private void checkStatement(Statement statement, String at) {
    boolean allow = statement.effect() == Effect.ALLOW;
    checkPrincipal(statement, at);
    checkActions(statement.actionClause(), at);
    checkResources(statement, at);
    statement.condition().ifPresent(condition -> checkCondition(condition, at + "/Condition"));
    if (allow) {
      checkAllowToAnyone(statement, at);
      statement
          .principal()
          .filter(PrincipalClause::negated)
          .ifPresent(
              p ->
                  add(
                      FindingCode.ALLOW_WITH_NOT_PRINCIPAL,
                      at + "/NotPrincipal",
                      "Allow with NotPrincipal allows everyone not listed, anonymous callers included;"
                          + " name the principals in Principal, or use Deny with a condition on"
                          + " aws:PrincipalArn"));
      if (statement.actionClause().negated()) {
        add(
            FindingCode.ALLOW_WITH_NOT_ACTION,
            at + "/NotAction",
            "Allow with NotAction allows every action not listed, including actions AWS adds"
                + " later; list the allowed actions in Action instead");
      }
      statement
          .resource()
          .filter(ResourceClause::negated)
          .ifPresent(
              r ->
                  add(
                      FindingCode.ALLOW_WITH_NOT_RESOURCE,
                      at + "/NotResource",
                      "Allow with NotResource allows every resource not listed; list the allowed"
                          + " resources in Resource instead"));
      checkPassRole(statement, at);
      if (options.kind() == PolicyKind.KEY && owner.isPresent()) {
        checkCrossAccount(statement, at, owner.get());
      }
    }
    catalogChecks.ifPresent(checks -> checks.check(statement, at));
  }

  private void checkPrincipal(Statement statement, String at) {
    Optional<PrincipalClause> principal = statement.principal();
    if (options.kind() == PolicyKind.IDENTITY) {
      principal.ifPresent(
          p ->
              add(
                  FindingCode.PRINCIPAL_IN_IDENTITY_POLICY,
                  at + "/" + p.elementName(),
                  "An identity-based policy must not name a principal: it applies to the identity it"
                      + " is attached to; remove "
                      + p.elementName()));
    } else if (principal.isEmpty()) {
      add(
          FindingCode.MISSING_PRINCIPAL,
          at,
          (options.kind() == PolicyKind.KEY ? "A key-policy" : "A resource-based policy")
              + " statement must name a Principal, or it applies to no one; add \"Principal\":"
              + " {\"AWS\": \"arn:aws:iam::ACCOUNT:root\"} or the role that needs it");
    }
    if (principal.isEmpty() || principal.get().anyone()) {
      return;
    }
    PrincipalClause clause = principal.get();
    for (PrincipalEntry entry : clause.entries()) {
      String entryAt = at + "/" + clause.elementName() + "/" + entry.type().key();
      if (entry.values().isEmpty()) {
        add(
            FindingCode.EMPTY_VALUE_LIST,
            entryAt,
            "The "
                + entry.type().key()
                + " principal list is empty; name a principal or remove it");
      }
      for (int v = 0; v < entry.values().size(); v++) {
        checkPrincipalValue(
            entry.type(),
            entry.values().get(v),
            index(entryAt, entry.scalar(), entry.values().size(), v));
      }
    }
  }

  private void checkPrincipalValue(PrincipalType type, String value, String at) {
    if (type == PrincipalType.AWS) {
      if (value.equals("*") || Arn.isAccountId(value) || UNIQUE_ID.matcher(value).matches()) {
        return;
      }
      if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html:
        // "You cannot use a wildcard to match part of a principal name or ARN."
        add(
            FindingCode.WILDCARD_IN_PRINCIPAL,
            at,
            "Principal "
                + PolicyFormatException.quote(value)
                + " holds a wildcard, which IAM does not allow in a principal; name the principals"
                + " exactly, or use \"*\" with a condition on aws:PrincipalArn");
        return;
      }
      String problem;
      try {
        Arn arn = Arn.parse(value);
        boolean iamOrSts = arn.service().equals("iam") || arn.service().equals("sts");
        problem =
            iamOrSts && Arn.isAccountId(arn.account())
                ? null
                : "is not an IAM or STS principal ARN of an account";
      } catch (PolicyFormatException e) {
        problem = e.getMessage();
      }
      if (problem != null) {
        add(
            FindingCode.MALFORMED_PRINCIPAL,
            at,
            "Principal "
                + PolicyFormatException.quote(value)
                + " is not an account id or an IAM principal ARN ("
                + problem
                + "); write arn:PARTITION:iam::ACCOUNT:root, :role/NAME or :user/NAME");
      }
    } else if (type == PrincipalType.SERVICE) {
      if (!value.equals("*") && !SERVICE_PRINCIPAL.matcher(value).matches()) {
        add(
            FindingCode.MALFORMED_PRINCIPAL,
            at,
            "Service principal "
                + PolicyFormatException.quote(value)
                + " is not a service name; write it as SERVICE.amazonaws.com");
      }
    }
  }

  private void checkActions(ActionClause clause, String at) {
    String base = at + "/" + clause.elementName();
    List<ActionPattern> patterns = clause.patterns();
    if (patterns.isEmpty()) {
      add(
          FindingCode.EMPTY_VALUE_LIST,
          base,
          "The " + clause.elementName() + " list is empty; list the actions");
    }
    for (int i = 0; i < patterns.size(); i++) {
      ActionPattern pattern = patterns.get(i);
      String patternAt = index(base, clause.scalar(), patterns.size(), i);
      if (!pattern.value().equals("*") && !ACTION.matcher(pattern.value()).matches()) {
        add(
            FindingCode.MALFORMED_ACTION,
            patternAt,
            "Action "
                + PolicyFormatException.quote(pattern.value())
                + " is not \"*\" or SERVICE:ACTION; write it as e.g. \"kms:Decrypt\"");
        continue;
      }
      for (int j = 0; j < patterns.size(); j++) {
        ActionPattern other = patterns.get(j);
        boolean same = other.value().equalsIgnoreCase(pattern.value());
        if (j != i && (same ? j < i : covers(other, pattern.value()))) {
          add(
              FindingCode.REDUNDANT_ACTION,
              patternAt,
              "Action "
                  + PolicyFormatException.quote(pattern.value())
                  + (same
                      ? " is listed twice"
                      : " is already covered by " + PolicyFormatException.quote(other.value()))
                  + " in the same statement; remove it");
          break;
        }
      }
    }
  }

  /**
   * Returns whether every action {@code text} stands for is matched by {@code pattern}. Exact for a
   * pattern whose only wildcard is {@code *}: its literal characters can only match literal
   * characters of {@code text}, so each wildcard of {@code text} falls inside one of the pattern's
   * stars. A {@code ?} in the pattern could match a {@code *} of {@code text} as a character, so
   * such patterns cover only literal text.
   */
  static boolean covers(ActionPattern pattern, String text) {
    boolean textLiteral = text.indexOf('*') < 0 && text.indexOf('?') < 0;
    if (!textLiteral && pattern.value().indexOf('?') >= 0) {
      return false;
    }
    return pattern.matches(text);
  }

  private void checkResources(Statement statement, String at) {
    Optional<ResourceClause> resource = statement.resource();
    if (resource.isEmpty()) {
      if (options.kind() == PolicyKind.KEY) {
        // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html: without
        // Resource the statement "has no effect", yet CreateKey and PutKeyPolicy accept it.
        add(
            FindingCode.KEY_STATEMENT_WITHOUT_RESOURCE,
            at,
            "The key-policy statement has no Resource: KMS accepts it but it has no effect;"
                + " add \"Resource\": \"*\" (this key)");
      }
      return;
    }
    ResourceClause clause = resource.get();
    String base = at + "/" + clause.elementName();
    if (clause.patterns().isEmpty()) {
      add(
          FindingCode.EMPTY_VALUE_LIST,
          base,
          "The " + clause.elementName() + " list is empty; list the resources");
    }
    for (int i = 0; i < clause.patterns().size(); i++) {
      String value = clause.patterns().get(i).value();
      String patternAt = index(base, clause.scalar(), clause.patterns().size(), i);
      if (!value.equals("*") && !resourceShaped(value)) {
        add(
            FindingCode.MALFORMED_RESOURCE,
            patternAt,
            "Resource "
                + PolicyFormatException.quote(value)
                + " is not \"*\" or an ARN arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE; correct it");
      }
      if (options.kind() == PolicyKind.KEY && (clause.negated() || !value.equals("*"))) {
        add(
            FindingCode.KEY_RESOURCE_NOT_STAR,
            patternAt,
            "In a key policy the Resource is \"*\", meaning this key; "
                + PolicyFormatException.quote(value)
                + " at best means the same and at worst matches nothing; write \"Resource\": \"*\"");
      }
      checkVariable(value, patternAt);
    }
  }

  private static boolean resourceShaped(String value) {
    String[] parts = value.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || parts[2].isEmpty()) {
      return false;
    }
    String partition = parts[1];
    return Partition.fromId(partition).isPresent()
        || partition.indexOf('*') >= 0
        || partition.indexOf('?') >= 0
        || partition.contains("${");
  }

  private void checkVariable(String value, String at) {
    if (!document.variablesEnabled() && value.contains("${")) {
      // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
      add(
          FindingCode.POLICY_VARIABLE_NOT_ENABLED,
          at,
          PolicyFormatException.quote(value)
              + " looks like a policy variable, but without Version 2012-10-17 it is literal text;"
              + " set \"Version\": \"2012-10-17\"");
    }
  }

  // ---------------------------------------------------------------- condition

  private void checkCondition(ConditionBlock condition, String at) {
    if (condition.operators().isEmpty()) {
      add(FindingCode.EMPTY_VALUE_LIST, at, "The Condition is empty; remove it or add a condition");
    }
    for (OperatorBlock block : condition.operators()) {
      String blockAt = at + "/" + escape(block.operator().toString());
      if (block.keys().isEmpty()) {
        add(
            FindingCode.EMPTY_VALUE_LIST,
            blockAt,
            "Condition operator " + block.operator() + " has no keys; remove it or add a key");
      }
      Set<String> seen = new HashSet<>();
      for (KeyCondition key : block.keys()) {
        String keyAt = blockAt + "/" + escape(key.key());
        if (!seen.add(key.normalizedKey())) {
          add(
              FindingCode.DUPLICATE_CONDITION_KEY,
              keyAt,
              "Condition key "
                  + PolicyFormatException.quote(key.key())
                  + " appears twice under "
                  + block.operator()
                  + " (key names ignore case); merge the two into one key with several values");
        }
        if (key.values().isEmpty()) {
          add(
              FindingCode.EMPTY_VALUE_LIST,
              keyAt,
              "Condition key "
                  + PolicyFormatException.quote(key.key())
                  + " has no values; give it a value or remove it");
        }
        for (int v = 0; v < key.values().size(); v++) {
          String valueAt = index(keyAt, key.scalar(), key.values().size(), v);
          ConditionValue value = key.values().get(v);
          checkValueType(block, value, valueAt);
          if (block.operator().base().family() == BaseOperator.Family.STRING
              || block.operator().base().family() == BaseOperator.Family.ARN) {
            checkVariable(value.text(), valueAt);
          }
          if (key.normalizedKey().equals("kms:viaservice")) {
            checkViaService(block, value.text(), valueAt);
          }
        }
      }
    }
  }

  private void checkValueType(OperatorBlock block, ConditionValue value, String at) {
    String text = value.text();
    if (text.contains("${")) {
      return;
    }
    BaseOperator base = block.operator().base();
    String expected =
        switch (base.family()) {
          case BOOLEAN, NULL ->
              text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                  ? null
                  : "true or false";
          case NUMERIC -> NUMBER.matcher(text).matches() ? null : "a number";
          case DATE -> DATE.matcher(text).matches() ? null : "an ISO 8601 date or epoch seconds";
          case IP_ADDRESS -> ipOrCidr(text) ? null : "an IPv4 or IPv6 address or CIDR range";
          case ARN -> text.startsWith("arn:") && text.split(":", 6).length == 6 ? null : "an ARN";
          case BINARY -> base64(text) ? null : "base-64 text";
          case STRING -> null;
        };
    if (expected != null) {
      add(
          FindingCode.CONDITION_VALUE_TYPE_MISMATCH,
          at,
          block.operator()
              + " needs "
              + expected
              + " but the value was "
              + PolicyFormatException.quote(text)
              + "; correct the value or use the operator for its type");
    }
  }

  private static boolean base64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return !text.isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean ipOrCidr(String text) {
    String address = text;
    int slash = text.indexOf('/');
    int prefix = -1;
    if (slash >= 0) {
      address = text.substring(0, slash);
      String bits = text.substring(slash + 1);
      if (bits.isEmpty()
          || bits.length() > 3
          || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      prefix = Integer.parseInt(bits);
    }
    if (address.indexOf(':') >= 0) {
      return ipv6(address) && prefix <= 128;
    }
    return ipv4(address) && prefix <= 32;
  }

  private static boolean ipv4(String address) {
    String[] octets = address.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty()
          || octet.length() > 3
          || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean ipv6(String address) {
    int doubleColon = address.indexOf("::");
    if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = address.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String group = groups[i];
      if (group.isEmpty()) {
        continue;
      }
      if (i == groups.length - 1 && group.indexOf('.') >= 0) {
        if (!ipv4(group)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        return false;
      }
      count++;
    }
    return doubleColon >= 0 ? count < 8 : count == 8;
  }

  private void checkViaService(OperatorBlock block, String value, String at) {
    // https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service:
    // names are SERVICE.REGION.amazonaws.com, "in all AWS partitions".
    boolean like =
        block.operator().base() == BaseOperator.STRING_LIKE
            || block.operator().base() == BaseOperator.STRING_NOT_LIKE;
    var literal = VIA_SERVICE.matcher(value);
    boolean wellFormed =
        literal.matches()
            ? REGION.matcher(literal.group(2)).matches()
            : like && VIA_SERVICE_LIKE.matcher(value).matches();
    if (!wellFormed) {
      add(
          FindingCode.VIA_SERVICE_MALFORMED,
          at,
          "kms:ViaService value "
              + PolicyFormatException.quote(value)
              + " is not SERVICE.REGION.amazonaws.com, so it matches no request; write e.g."
              + " \"ec2.us-east-1.amazonaws.com\" (the suffix is .amazonaws.com in every partition)");
      return;
    }
    Optional<Arn> key = options.keyArn();
    if (key.isPresent() && literal.matches() && !literal.group(2).equals(key.get().region())) {
      add(
          FindingCode.VIA_SERVICE_WRONG_REGION,
          at,
          "kms:ViaService value "
              + PolicyFormatException.quote(value)
              + " names region "
              + PolicyFormatException.quote(literal.group(2))
              + " but the key is in "
              + PolicyFormatException.quote(key.get().region())
              + ", and a KMS key is used only in its own region; write "
              + PolicyFormatException.quote(
                  literal.group(1) + "." + key.get().region() + ".amazonaws.com"));
    }
  }

  // ---------------------------------------------------------------- security

  private void checkAllowToAnyone(Statement statement, String at) {
    Optional<PrincipalClause> principal = statement.principal().filter(p -> !p.negated());
    if (principal.isEmpty()) {
      return;
    }
    PrincipalClause clause = principal.get();
    boolean anyone = clause.anyone() || clause.valuesOf(PrincipalType.AWS).contains("*");
    if (!anyone || hasLimitingCondition(statement, WHO_LIMITING_KEYS, false)) {
      return;
    }
    String principalAt = at + "/Principal";
    if (!clause.anyone()) {
      for (PrincipalEntry entry : clause.entries()) {
        int v = entry.values().indexOf("*");
        if (entry.type() == PrincipalType.AWS && v >= 0) {
          principalAt = index(principalAt + "/AWS", entry.scalar(), entry.values().size(), v);
          break;
        }
      }
    }
    add(
        FindingCode.ALLOW_TO_ANYONE_WITHOUT_LIMITING_CONDITION,
        principalAt,
        "Allow to \"*\" without a condition that limits who allows every AWS account, anonymous"
            + " callers included; add a condition on aws:PrincipalAccount, aws:PrincipalOrgID,"
            + " aws:SourceAccount, aws:SourceArn or kms:CallerAccount, or name the principals");
  }

  /**
   * Returns whether the statement has a condition on one of {@code keys} that must hold for the
   * request: a positive operator, without {@code IfExists} (true when the key is absent) and
   * without {@code ForAllValues:} (true when the key is absent or empty). With {@code
   * encryptionContext}, any {@code kms:EncryptionContext:NAME} key counts too.
   */
  private static boolean hasLimitingCondition(
      Statement statement, Set<String> keys, boolean encryptionContext) {
    if (statement.condition().isEmpty()) {
      return false;
    }
    for (OperatorBlock block : statement.condition().get().operators()) {
      if (block.operator().negated()
          || block.operator().ifExists()
          || block.operator().base() == BaseOperator.NULL
          || block
              .operator()
              .qualifier()
              .filter(q -> q == SetQualifier.FOR_ALL_VALUES)
              .isPresent()) {
        continue;
      }
      for (KeyCondition key : block.keys()) {
        String name = key.normalizedKey();
        if (!key.values().isEmpty()
            && (keys.contains(name)
                || (encryptionContext && name.startsWith("kms:encryptioncontext:")))) {
          return true;
        }
      }
    }
    return false;
  }

  private void checkPassRole(Statement statement, String at) {
    if (!statement.actionClause().matches("iam:PassRole") || statement.resource().isEmpty()) {
      return;
    }
    ResourceClause resource = statement.resource().get();
    int star = resource.patterns().indexOf(ResourcePattern.ALL);
    if (!resource.negated() && star < 0) {
      return;
    }
    String resourceAt =
        resource.negated()
            ? at + "/NotResource"
            : index(at + "/Resource", resource.scalar(), resource.patterns().size(), star);
    add(
        FindingCode.PASS_ROLE_ON_ALL_RESOURCES,
        resourceAt,
        "iam:PassRole on every role lets the caller give any role, an administrator's included, to"
            + " a service; list the role ARNs it may pass in Resource");
  }

  private void checkCrossAccount(Statement statement, String at, String ownerAccount) {
    Optional<PrincipalClause> principal =
        statement.principal().filter(p -> !p.negated() && !p.anyone());
    if (principal.isEmpty()) {
      return;
    }
    Set<String> foreign = new LinkedHashSet<>();
    for (String value : principal.get().valuesOf(PrincipalType.AWS)) {
      accountOf(value)
          .filter(account -> !account.equals(ownerAccount))
          .ifPresent(a -> foreign.add(value));
    }
    if (foreign.isEmpty()) {
      return;
    }
    String who = String.join(", ", foreign.stream().map(PolicyFormatException::quote).toList());
    ActionClause actions = statement.actionClause();
    String actionsAt = at + "/" + actions.elementName();
    // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
    int all = firstCovering(actions, "kms:*");
    if (all >= 0 || actions.negated()) {
      add(
          FindingCode.CROSS_ACCOUNT_KMS_ALL,
          actions.negated()
              ? actionsAt
              : index(actionsAt, actions.scalar(), actions.patterns().size(), all),
          "The key policy allows every KMS action, including PutKeyPolicy and ScheduleKeyDeletion, to "
              + who
              + " of another account; allow only the actions it needs, e.g. kms:Decrypt");
    }
    if (actions.matches("kms:CreateGrant") && !grantIsForAwsResource(statement)) {
      add(
          FindingCode.CROSS_ACCOUNT_CREATE_GRANT_WITHOUT_AWS_RESOURCE,
          pointerOfMatch(actions, actionsAt, List.of("kms:CreateGrant")),
          "kms:CreateGrant is allowed to "
              + who
              + " of another account without {\"Bool\": {\"kms:GrantIsForAWSResource\": \"true\"}},"
              + " so it can grant use of the key to anyone; add that condition");
    }
    if (CRYPTOGRAPHIC_ACTIONS.stream().anyMatch(actions::matches)
        && !hasLimitingCondition(statement, USE_LIMITING_KEYS, true)) {
      add(
          FindingCode.CROSS_ACCOUNT_USE_WITHOUT_LIMITING_CONDITION,
          pointerOfMatch(actions, actionsAt, CRYPTOGRAPHIC_ACTIONS),
          "Cryptographic use of the key ("
              + String.join(", ", CRYPTOGRAPHIC_ACTIONS.stream().filter(actions::matches).toList())
              + ") is allowed to "
              + who
              + " of another account without a limiting condition; add a condition on"
              + " kms:ViaService (e.g. \"ec2.REGION.amazonaws.com\") or kms:EncryptionContext");
    }
  }

  private static boolean grantIsForAwsResource(Statement statement) {
    if (statement.condition().isEmpty()) {
      return false;
    }
    for (OperatorBlock block : statement.condition().get().operators()) {
      if (block.operator().base() != BaseOperator.BOOL
          || block.operator().qualifier().isPresent()) {
        continue;
      }
      for (KeyCondition key : block.keys()) {
        if (key.normalizedKey().equals("kms:grantisforawsresource")
            && !key.values().isEmpty()
            && key.values().stream().allMatch(v -> v.text().equalsIgnoreCase("true"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static int firstCovering(ActionClause actions, String text) {
    if (actions.negated()) {
      return -1;
    }
    for (int i = 0; i < actions.patterns().size(); i++) {
      if (covers(actions.patterns().get(i), text)) {
        return i;
      }
    }
    return -1;
  }

  private static String pointerOfMatch(ActionClause actions, String base, List<String> any) {
    if (actions.negated()) {
      return base;
    }
    for (int i = 0; i < actions.patterns().size(); i++) {
      ActionPattern pattern = actions.patterns().get(i);
      if (any.stream().anyMatch(pattern::matches)) {
        return index(base, actions.scalar(), actions.patterns().size(), i);
      }
    }
    return base;
  }

  /** Returns the account of an {@code AWS} principal value, if it names one. */
  static Optional<String> accountOf(String principal) {
    if (Arn.isAccountId(principal)) {
      return Optional.of(principal);
    }
    return Arn.tryParse(principal).map(Arn::account).filter(Arn::isAccountId);
  }

  /**
   * Returns the account of the key policy's statement that enables IAM policies: an unconditional
   * Allow of {@code kms:*} on {@code "*"} to one account root, as in the default key policy
   * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html), when all such
   * statements name the same account.
   */
  static Optional<String> ownerFromPolicy(PolicyDocument document) {
    Set<String> accounts = new TreeSet<>();
    for (Statement statement : document.statements()) {
      if (statement.effect() != Effect.ALLOW
          || statement.condition().isPresent()
          || statement.principal().isEmpty()
          || statement.principal().get().negated()
          || statement.principal().get().anyone()
          || firstCovering(statement.actionClause(), "kms:*") < 0
          || statement.resource().isEmpty()
          || !statement.resource().get().patterns().equals(List.of(ResourcePattern.ALL))
          || statement.resource().get().negated()) {
        continue;
      }
      List<String> principals = statement.principal().get().valuesOf(PrincipalType.AWS);
      if (principals.size() != 1 || statement.principal().get().entries().size() != 1) {
        continue;
      }
      String principal = principals.get(0);
      boolean root =
          Arn.isAccountId(principal)
              || Arn.tryParse(principal).map(Arn::isAccountRoot).orElse(false);
      if (root) {
        accountOf(principal).ifPresent(accounts::add);
      }
    }
    return accounts.size() == 1 ? Optional.of(accounts.iterator().next()) : Optional.empty();
  }

  // ---------------------------------------------------------------- pointers

  private String statementPointer(int i) {
    return document.statementObject() && document.statements().size() == 1
        ? "/Statement"
        : "/Statement/" + i;
  }

  /**
   * The pointer of value {@code i} of a list the lossless writer writes as a scalar when it may.
   */
  static String index(String base, boolean scalar, int size, int i) {
    return scalar && size == 1 ? base : base + "/" + i;
  }

  /**
   * Escapes a key for a JSON pointer (RFC 6901): {@code ~} as {@code ~0}, {@code /} as {@code ~1}.
   */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private void add(FindingCode code, String pointer, String message) {
    findings.add(Finding.of(code, pointer, message));
  }
}
