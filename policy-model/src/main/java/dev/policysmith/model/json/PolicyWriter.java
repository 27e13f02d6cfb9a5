package dev.policysmith.model.json;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes IAM and KMS policy documents as JSON, in one fixed layout: two-space indentation, {@code
 * "key": value}, one array element per line, {@code []} and {@code {}} when empty, {@code \n} line
 * endings, a final newline, no trailing spaces, and UTF-8 with non-ASCII characters written as
 * themselves (control characters, {@code "} and {@code \} are escaped).
 *
 * <p>Two writers differ in what they take from the document's layout hints:
 *
 * <ul>
 *   <li>{@link #lossless()} honours them all: element order (when the hint lists exactly the
 *       elements present), {@code Statement} as a single object, bare strings and scalars instead
 *       of one-element arrays. Reading a document and writing it back this way changes only white
 *       space.
 *   <li>{@link #canonical()} ignores them: elements in the order Version, Id, Statement and Sid,
 *       Effect, Principal, Action, Resource, Condition; every list as an array, except {@code
 *       "Principal": "*"}. Equal documents give identical bytes. It fixes layout only; it neither
 *       sorts nor removes duplicate content (that is {@code policy-merge}'s canonical form), and it
 *       keeps each condition value's JSON type.
 * </ul>
 *
 * <p>Instances are immutable, thread-safe and cheap.
 *
 * <pre>{@code
 * String json = PolicyWriter.lossless().writeToString(policy);
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
public final class PolicyWriter {
  private static final List<String> DOCUMENT_ORDER = List.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_ORDER =
      List.of(
          "Sid",
          "Effect",
          "Principal",
          "NotPrincipal",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition");

  private static final PolicyWriter LOSSLESS = new PolicyWriter(true);
  private static final PolicyWriter CANONICAL = new PolicyWriter(false);

  private final boolean honourLayout;

  private PolicyWriter(boolean honourLayout) {
    this.honourLayout = honourLayout;
  }

  /** Returns the writer that gives back the layout a document was read in. */
  public static PolicyWriter lossless() {
    return LOSSLESS;
  }

  /** Returns the writer that ignores layout hints, so that equal documents give identical bytes. */
  public static PolicyWriter canonical() {
    return CANONICAL;
  }

  /**
   * Returns the document as JSON text, ending with a newline.
   *
   * @throws IllegalArgumentException if a string in the document holds an unpaired surrogate, which
   *     has no UTF-8 form (the reader never produces one)
   */
  public String writeToString(PolicyDocument document) {
    JsonOut out = JsonOut.start();
    writeDocument(out, document);
    return out.finish();
  }

  /**
   * Returns the document as UTF-8 bytes of {@link #writeToString(PolicyDocument)}.
   *
   * @throws IllegalArgumentException if a string in the document holds an unpaired surrogate
   */
  public byte[] toBytes(PolicyDocument document) {
    return writeToString(document).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes the document to {@code out} as UTF-8; the stream is neither flushed nor closed.
   *
   * @throws IllegalArgumentException if a string in the document holds an unpaired surrogate
   * @throws IOException if the stream cannot be written
   */
  public void write(PolicyDocument document, OutputStream out) throws IOException {
    out.write(toBytes(document));
  }

  private void writeDocument(JsonOut g, PolicyDocument document) {
    List<String> present = new ArrayList<>();
    document.version().ifPresent(v -> present.add("Version"));
    document.id().ifPresent(v -> present.add("Id"));
    present.add("Statement");
    g.startObject();
    for (String element : order(document.elementOrder(), present, DOCUMENT_ORDER)) {
      g.name(element);
      switch (element) {
        case "Version":
          g.string(document.version().orElseThrow().value());
          break;
        case "Id":
          string(g, document.id().orElseThrow());
          break;
        default:
          if (honourLayout && document.statementObject() && document.statements().size() == 1) {
            writeStatement(g, document.statements().get(0));
          } else {
            g.startArray();
            for (Statement statement : document.statements()) {
              writeStatement(g, statement);
            }
            g.endArray();
          }
      }
    }
    g.endObject();
  }

  private void writeStatement(JsonOut g, Statement statement) {
    List<String> present = new ArrayList<>();
    statement.sid().ifPresent(v -> present.add("Sid"));
    present.add("Effect");
    statement.principal().ifPresent(p -> present.add(p.elementName()));
    statement.action().ifPresent(a -> present.add(a.elementName()));
    statement.resource().ifPresent(r -> present.add(r.elementName()));
    statement.condition().ifPresent(c -> present.add("Condition"));
    g.startObject();
    for (String element : order(statement.elementOrder(), present, STATEMENT_ORDER)) {
      g.name(element);
      switch (element) {
        case "Sid":
          string(g, statement.sid().orElseThrow());
          break;
        case "Effect":
          g.string(statement.effect().value());
          break;
        case "Principal":
        case "NotPrincipal":
          writePrincipal(g, statement.principal().orElseThrow());
          break;
        case "Action":
        case "NotAction":
          {
            ActionClause clause = statement.action().orElseThrow();
            List<String> values = new ArrayList<>();
            for (ActionPattern pattern : clause.patterns()) {
              values.add(pattern.value());
            }
            strings(g, values, clause.scalar());
            break;
          }
        case "Resource":
        case "NotResource":
          {
            ResourceClause clause = statement.resource().orElseThrow();
            List<String> values = new ArrayList<>();
            for (ResourcePattern pattern : clause.patterns()) {
              values.add(pattern.value());
            }
            strings(g, values, clause.scalar());
            break;
          }
        default:
          writeCondition(g, statement.condition().orElseThrow());
      }
    }
    g.endObject();
  }

  private void writePrincipal(JsonOut g, PrincipalClause principal) {
    if (principal.anyone()) {
      g.string("*");
      return;
    }
    g.startObject();
    for (PrincipalEntry entry : principal.entries()) {
      g.name(entry.type().key());
      strings(g, entry.values(), entry.scalar());
    }
    g.endObject();
  }

  private void writeCondition(JsonOut g, ConditionBlock condition) {
    g.startObject();
    for (OperatorBlock block : condition.operators()) {
      g.name(block.operator().toString());
      g.startObject();
      for (KeyCondition key : block.keys()) {
        checkUnicode(key.key());
        g.name(key.key());
        if (honourLayout && key.scalar() && key.values().size() == 1) {
          conditionValue(g, key.values().get(0));
        } else {
          g.startArray();
          for (ConditionValue value : key.values()) {
            conditionValue(g, value);
          }
          g.endArray();
        }
      }
      g.endObject();
    }
    g.endObject();
  }

  private static void conditionValue(JsonOut g, ConditionValue value) {
    switch (value.kind()) {
      case BOOLEAN:
        g.raw(Boolean.parseBoolean(value.text()) ? "true" : "false");
        break;
      case NUMBER:
        // The text as read (or as the caller gave it): "1.50e+03" is not rewritten as 1500.0.
        g.raw(value.text());
        break;
      default:
        string(g, value.text());
    }
  }

  private void strings(JsonOut g, List<String> values, boolean scalar) {
    if (honourLayout && scalar && values.size() == 1) {
      string(g, values.get(0));
      return;
    }
    g.startArray();
    for (String value : values) {
      string(g, value);
    }
    g.endArray();
  }

  private static void string(JsonOut g, String value) {
    checkUnicode(value);
    g.string(value);
  }

  private static void checkUnicode(String value) {
    int at = Unicode.unpairedSurrogate(value);
    if (at >= 0) {
      throw new IllegalArgumentException(
          "A policy string must be valid Unicode but had an unpaired surrogate at index " + at);
    }
  }

  /**
   * Returns whether {@code hint} names each present element once; the lists have equal sizes and at
   * most nine elements, so comparing pairs is cheaper than building sets for every statement.
   */
  private static boolean samePresent(List<String> hint, List<String> present) {
    for (int i = 0; i < hint.size(); i++) {
      if (!present.contains(hint.get(i)) || hint.subList(0, i).contains(hint.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the order to write the present elements in: the hint when it names exactly the present
   * elements, each once (and the writer honours layout), else the default order.
   */
  private List<String> order(List<String> hint, List<String> present, List<String> defaultOrder) {
    if (honourLayout && hint.size() == present.size() && samePresent(hint, present)) {
      return hint;
    }
    List<String> ordered = new ArrayList<>();
    for (String element : defaultOrder) {
      if (present.contains(element)) {
        ordered.add(element);
      }
    }
    return ordered;
  }
}
