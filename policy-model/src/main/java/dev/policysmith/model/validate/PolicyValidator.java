package dev.policysmith.model.validate;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyParseException;
import dev.policysmith.model.json.PolicyReader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an IAM, resource-based or KMS key policy and returns {@link Finding}s: errors that make
 * the policy invalid or ineffective, security warnings about access it grants, warnings and
 * suggestions. Findings come in document order, document-level ones first. Validation never throws
 * for a well-typed document; it answers.
 *
 * <p>The checks that need the key's account (cross-account use, grants and {@code kms:*}) take it
 * from {@link ValidationOptions#keyArn()}, else from the key policy's single statement that allows
 * {@code kms:*} to an account root; when neither gives it, a {@link FindingCode#KEY_OWNER_UNKNOWN}
 * finding says those checks were skipped.
 *
 * <p>With an {@link dev.policysmith.model.catalog.ActionCatalog} in {@link
 * ValidationOptions#catalog()}, names are also checked against the actions that exist on the
 * catalogue's date: unknown services and actions (with a "did you mean" suggestion within two
 * edits), patterns that match nothing, and condition keys that apply to none of a statement's
 * actions; {@link ValidationOptions#accessLevelSummary()} adds a per-statement summary by access
 * level. Without a catalogue none of these run.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * List<Finding> findings =
 *     PolicyValidator.standard().validate(keyPolicy, ValidationOptions.forKey(keyArn));
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html">IAM
 *     Access Analyzer policy check reference</a>
 * @see <a href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html">Key
 *     policy overview</a>
 */
public final class PolicyValidator {
  private static final PolicyValidator STANDARD = new PolicyValidator();
  private static final Pattern CONDITION_OPERATOR_POINTER =
      Pattern.compile("/Statement(/[0-9]+)?/Condition/[^/]+");

  private PolicyValidator() {}

  /** Returns the validator with every check of {@link FindingCode}. */
  public static PolicyValidator standard() {
    return STANDARD;
  }

  /** Returns the findings for {@code document}, read as a policy of the given kind. */
  public List<Finding> validate(PolicyDocument document, ValidationOptions options) {
    return new Checks(document, options).run();
  }

  /**
   * Reads {@code json} strictly and validates it. A document that cannot be read gives one finding:
   * {@link FindingCode#INVALID_VERSION}, {@link FindingCode#UNKNOWN_CONDITION_OPERATOR}, {@link
   * FindingCode#DUPLICATE_CONDITION_KEY} or {@link FindingCode#MALFORMED_DOCUMENT}, with the
   * reader's pointer and message.
   */
  public List<Finding> validate(String json, ValidationOptions options) {
    PolicyDocument document;
    try {
      document = PolicyReader.strict().read(json);
    } catch (PolicyParseException e) {
      return List.of(Finding.of(codeOf(e), e.pointer(), e.problem()));
    }
    return validate(document, options);
  }

  private static FindingCode codeOf(PolicyParseException e) {
    if (e.pointer().equals("/Version")) {
      return FindingCode.INVALID_VERSION;
    }
    if (CONDITION_OPERATOR_POINTER.matcher(e.pointer()).matches()
        && e.problem().startsWith("Condition operator")) {
      return FindingCode.UNKNOWN_CONDITION_OPERATOR;
    }
    if (e.problem().startsWith("Condition keys must differ in more than case")) {
      return FindingCode.DUPLICATE_CONDITION_KEY;
    }
    return FindingCode.MALFORMED_DOCUMENT;
  }
}
