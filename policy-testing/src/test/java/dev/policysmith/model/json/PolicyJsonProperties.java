package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import dev.policysmith.model.condition.SetQualifier;
import dev.policysmith.testing.PolicyGenerators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Laws of reading and writing policy JSON over generated documents: the lossless writer and the
 * strict reader undo each other, layout included, and the canonical writer sees content only.
 * DESIGN.md: "Reading then writing is lossless: order of statements, of keys, of values, and
 * single-string versus array forms come back as they went in".
 */
class PolicyJsonProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /** Coverage is asserted over at least this many samples, whatever the example count. */
  private static final int COVERAGE_EXAMPLES = Math.max(2000, EXAMPLES);

  private static final PolicyReader READER = PolicyReader.strict();
  private static final PolicyWriter LOSSLESS = PolicyWriter.lossless();
  private static final PolicyWriter CANONICAL = PolicyWriter.canonical();

  @Test
  void readThenWriteIsLossless() {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    qt().withExamples(COVERAGE_EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            document -> {
              features(document).forEach(feature -> seen.merge(feature, 1, Integer::sum));
              String written = LOSSLESS.writeToString(document);
              PolicyDocument read = READER.read(written);
              assertThat(read).isEqualTo(document);
              assertThat(LOSSLESS.writeToString(read)).isEqualTo(written);
            });
    List<String> expected =
        new ArrayList<>(
            List.of(
                "Statement object",
                "Statement array",
                "document element order",
                "statement element order",
                "scalar",
                "array",
                "empty list",
                "Principal *",
                "NotPrincipal",
                "NotAction",
                "NotResource",
                "IfExists",
                "ForAllValues",
                "ForAnyValue",
                "empty Condition",
                "boolean value",
                "number value",
                "no Version"));
    Arrays.stream(BaseOperator.values()).map(BaseOperator::toString).forEach(expected::add);
    assertThat(expected).filteredOn(feature -> !seen.containsKey(feature)).isEmpty();
  }

  @Test
  void writeOfReadIsIdentity() {
    Map<String, Integer> seen = new ConcurrentHashMap<>();
    qt().withExamples(EXAMPLES)
        .forAll(jsonTexts())
        .checkAssert(
            json -> {
              seen.merge(layoutOf(json), 1, Integer::sum);
              String written = LOSSLESS.writeToString(READER.read(json));
              assertThat(tokens(written)).isEqualTo(tokens(json));
              assertThat(LOSSLESS.writeToString(READER.read(written))).isEqualTo(written);
            });
    assertThat(seen).containsKeys("compact", "crlf", "tab");
  }

  @Test
  void canonicalWritingIgnoresLayout() {
    qt().withExamples(EXAMPLES)
        .forAll(relaidDocuments())
        .checkAssert(
            pair -> {
              PolicyDocument original = pair.get(0);
              PolicyDocument relaid = pair.get(1);
              assertThat(relaid).isEqualTo(original);
              PolicyDocument reread = READER.read(LOSSLESS.writeToString(relaid));
              assertThat(reread).isEqualTo(original);
              byte[] canonical = CANONICAL.toBytes(original);
              assertThat(CANONICAL.toBytes(relaid)).isEqualTo(canonical);
              assertThat(CANONICAL.toBytes(reread)).isEqualTo(canonical);
            });
  }

  // ---------------------------------------------------------------- JSON text with varied layout

  private static final List<String> GAPS = List.of("", " ", "\n", "\t", "\r\n", "\n    ", "  ");

  /**
   * Generated documents written by the lossless writer, then with their white space changed: all of
   * it removed, or each gap between tokens drawn from {@link #GAPS}, or re-indented with a drawn
   * indentation and line ending. Only white space outside strings changes.
   */
  private static Gen<String> jsonTexts() {
    return source -> {
      String compact =
          compact(LOSSLESS.writeToString(PolicyGenerators.documents().generate(source)));
      switch (Generate.range(0, 2).generate(source)) {
        case 0:
          return compact;
        case 1:
          return respace(compact, gap -> Generate.pick(GAPS).generate(source));
        default:
          return reindent(
              compact,
              Generate.pick(List.of("  ", " ", "    ", "\t")).generate(source),
              Generate.pick(List.of("\n", "\r\n")).generate(source),
              Generate.booleans().generate(source) ? ": " : ":");
      }
    };
  }

  /** Which kind of white space a text has, for the coverage check. */
  private static String layoutOf(String json) {
    if (json.contains("\r\n")) {
      return "crlf";
    }
    if (json.contains("\t")) {
      return "tab";
    }
    return json.equals(compact(json)) ? "compact" : "other";
  }

  /**
   * The JSON text as its token stream: white space outside strings removed. The texts compared are
   * all written by the lossless writer, which escapes one way, so equal token streams give equal
   * compact texts.
   */
  private static String tokens(String json) {
    return compact(json);
  }

  private static String compact(String json) {
    return respace(json, gap -> "");
  }

  /** Replaces each gap between two tokens (and the text's ends) with what {@code gaps} gives. */
  private static String respace(String json, IntFunction<String> gaps) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    int gap = 0;
    out.append(gaps.apply(gap++));
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        continue;
      } else if ("{}[],:".indexOf(c) >= 0) {
        out.append(gaps.apply(gap++)).append(c).append(gaps.apply(gap++));
      } else {
        out.append(c);
        inString = c == '"';
      }
    }
    return out.append(gaps.apply(gap)).toString();
  }

  /** Pretty-prints a compact JSON text with the given indentation, line ending and colon. */
  private static String reindent(String compact, String indent, String newline, String colon) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(compact.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '{':
        case '[':
          out.append(c).append(newline).append(indent.repeat(++depth));
          break;
        case '}':
        case ']':
          out.append(newline).append(indent.repeat(--depth)).append(c);
          break;
        case ',':
          out.append(c).append(newline).append(indent.repeat(depth));
          break;
        case ':':
          out.append(colon);
          break;
        default:
          out.append(c);
          inString = c == '"';
      }
    }
    return out.append(newline).toString();
  }

  // ---------------------------------------------------------------- documents with other hints

  /**
   * Pairs of a generated document and the same document with every layout hint redrawn: element
   * orders permuted, {@code Statement} as an object or not, each list's scalar hint flipped (also
   * where it cannot apply, on lists of zero or several values).
   */
  private static Gen<List<PolicyDocument>> relaidDocuments() {
    return source -> {
      PolicyDocument document = PolicyGenerators.documents().generate(source);
      PolicyDocument.Builder relaid = PolicyDocument.builder().from(document);
      relaid.statements(document.statements().stream().map(s -> relaid(source, s)).toList());
      relaid.statementObject(flip(source));
      List<String> names = new ArrayList<>();
      document.version().ifPresent(v -> names.add("Version"));
      document.id().ifPresent(v -> names.add("Id"));
      names.add("Statement");
      relaid.elementOrder(shuffled(source, names));
      return List.of(document, relaid.build());
    };
  }

  private static Statement relaid(RandomnessSource source, Statement statement) {
    Statement.Builder builder = Statement.builder().from(statement);
    ActionClause action = statement.actionClause();
    builder.action(ActionClause.builder().from(action).scalar(flip(source)).build());
    statement
        .resource()
        .ifPresent(
            r -> builder.resource(ResourceClause.builder().from(r).scalar(flip(source)).build()));
    statement.principal().ifPresent(p -> builder.principal(relaid(source, p)));
    statement.condition().ifPresent(c -> builder.condition(relaid(source, c)));
    List<String> names = new ArrayList<>();
    statement.sid().ifPresent(v -> names.add("Sid"));
    names.add("Effect");
    statement.principal().ifPresent(p -> names.add(p.elementName()));
    names.add(action.elementName());
    statement.resource().ifPresent(r -> names.add(r.elementName()));
    statement.condition().ifPresent(c -> names.add("Condition"));
    return builder.elementOrder(shuffled(source, names)).build();
  }

  private static PrincipalClause relaid(RandomnessSource source, PrincipalClause principal) {
    List<PrincipalEntry> entries = new ArrayList<>();
    for (PrincipalEntry entry : principal.entries()) {
      entries.add(PrincipalEntry.builder().from(entry).scalar(flip(source)).build());
    }
    return PrincipalClause.builder().from(principal).entries(entries).build();
  }

  private static ConditionBlock relaid(RandomnessSource source, ConditionBlock condition) {
    List<OperatorBlock> operators = new ArrayList<>();
    for (OperatorBlock block : condition.operators()) {
      List<KeyCondition> keys = new ArrayList<>();
      for (KeyCondition key : block.keys()) {
        keys.add(KeyCondition.builder().from(key).scalar(flip(source)).build());
      }
      operators.add(OperatorBlock.builder().from(block).keys(keys).build());
    }
    return ConditionBlock.builder().operators(operators).build();
  }

  private static boolean flip(RandomnessSource source) {
    return Generate.booleans().generate(source);
  }

  private static List<String> shuffled(RandomnessSource source, List<String> names) {
    List<String> out = new ArrayList<>(names);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = Generate.range(0, i).generate(source);
      out.set(j, out.set(i, out.get(j)));
    }
    return out;
  }

  // ---------------------------------------------------------------- coverage

  /** The element forms a document shows, named as the coverage check expects them. */
  private static List<String> features(PolicyDocument document) {
    List<String> out = new ArrayList<>();
    out.add(document.statementObject() ? "Statement object" : "Statement array");
    if (!document.elementOrder().isEmpty()) {
      out.add("document element order");
    }
    if (document.version().isEmpty()) {
      out.add("no Version");
    }
    for (Statement statement : document.statements()) {
      if (!statement.elementOrder().isEmpty()) {
        out.add("statement element order");
      }
      ActionClause action = statement.actionClause();
      out.add(action.elementName());
      list(out, action.scalar(), action.patterns().size());
      statement
          .resource()
          .ifPresent(
              r -> {
                out.add(r.elementName());
                list(out, r.scalar(), r.patterns().size());
              });
      statement
          .principal()
          .ifPresent(
              p -> {
                out.add(p.elementName());
                if (p.anyone()) {
                  out.add("Principal *");
                }
                p.entries().forEach(e -> list(out, e.scalar(), e.values().size()));
              });
      statement
          .condition()
          .ifPresent(
              c -> {
                if (c.operators().isEmpty()) {
                  out.add("empty Condition");
                }
                for (OperatorBlock block : c.operators()) {
                  out.add(block.operator().base().toString());
                  if (block.operator().ifExists()) {
                    out.add("IfExists");
                  }
                  block
                      .operator()
                      .qualifier()
                      .ifPresent(
                          q ->
                              out.add(
                                  q == SetQualifier.FOR_ALL_VALUES
                                      ? "ForAllValues"
                                      : "ForAnyValue"));
                  for (KeyCondition key : block.keys()) {
                    list(out, key.scalar(), key.values().size());
                    key.values().stream()
                        .map(ConditionValue::kind)
                        .forEach(
                            kind -> {
                              if (kind == ConditionValue.Kind.BOOLEAN) {
                                out.add("boolean value");
                              } else if (kind == ConditionValue.Kind.NUMBER) {
                                out.add("number value");
                              }
                            });
                  }
                }
              });
    }
    return out.stream().distinct().toList();
  }

  private static void list(List<String> out, boolean scalar, int size) {
    out.add(size == 0 ? "empty list" : scalar && size == 1 ? "scalar" : "array");
  }
}
