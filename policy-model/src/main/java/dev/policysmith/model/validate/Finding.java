package dev.policysmith.model.validate;

import org.immutables.value.Value;

/**
 * One problem the validator found: its {@link Severity}, its stable {@link FindingCode}, the JSON
 * pointer of the offending element as the lossless writer writes the document (RFC 6901, e.g.
 * {@code /Statement/2/Condition/StringEquals/kms:ViaService/0}; {@code ""} for the whole document)
 * and a message that says how to fix it. Immutable; equal when all four parts are.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html">IAM
 *     Access Analyzer policy check reference</a>
 */
@Value.Immutable
public interface Finding {
  /** Returns how much the finding matters. */
  @Value.Parameter
  Severity severity();

  /** Returns what was found, as a stable code. */
  @Value.Parameter
  FindingCode code();

  /** Returns the JSON pointer of the element the finding is about, {@code ""} for the document. */
  @Value.Parameter
  String pointer();

  /** Returns what is wrong and how to fix it. */
  @Value.Parameter
  String message();

  /** Returns a finding of the code's own severity. */
  static Finding of(FindingCode code, String pointer, String message) {
    return ImmutableFinding.of(code.severity(), code, pointer, message);
  }

  /** Returns a finding of the given parts. */
  static Finding of(Severity severity, FindingCode code, String pointer, String message) {
    return ImmutableFinding.of(severity, code, pointer, message);
  }
}
