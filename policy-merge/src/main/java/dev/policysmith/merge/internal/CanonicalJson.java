package dev.policysmith.merge.internal;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.List;
import java.util.Locale;

/**
 * Writes a document in the canonical JSON layout (two-space indent, {@code \n}, every list as an
 * array, elements in grammar order) for measuring its size against AWS limits. The model's {@code
 * PolicyWriter.canonical()} is the writer for output; this one exists so that size measurement
 * does not depend on a writer's options.
 */
public final class CanonicalJson {
  private final StringBuilder out = new StringBuilder();

  private CanonicalJson() {}

  /** Returns the canonical JSON text of {@code document}. */
  public static String write(PolicyDocument document) {
    CanonicalJson json = new CanonicalJson();
    json.document(document);
    return json.out.toString();
  }

  private void document(PolicyDocument document) {
    out.append("{\n");
    document.version().ifPresent(v -> {
      field(1, "Version");
      string(v.value()).append(",\n");
    });
    document.id().ifPresent(id -> {
      field(1, "Id");
      string(id).append(",\n");
    });
    field(1, "Statement").append("[");
    List<Statement> statements = document.statements();
    for (int i = 0; i < statements.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      indent(2);
      statement(statements.get(i));
    }
    out.append(statements.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
  }

  private void statement(Statement statement) {
    out.append("{");
    String separator = "\n";
    if (statement.sid().isPresent()) {
      out.append(separator);
      field(3, "Sid");
      string(statement.sid().get());
      separator = ",\n";
    }
    out.append(separator);
    field(3, "Effect");
    string(statement.effect().value());
    if (statement.principal().isPresent()) {
      PrincipalClause principal = statement.principal().get();
      out.append(",\n");
      field(3, principal.elementName());
      if (principal.anyone()) {
        string("*");
      } else {
        out.append("{");
        for (int i = 0; i < principal.entries().size(); i++) {
          PrincipalEntry entry = principal.entries().get(i);
          out.append(i == 0 ? "\n" : ",\n");
          field(4, entry.type().key());
          strings(entry.values(), 4);
        }
        out.append("\n");
        indent(3);
        out.append("}");
      }
    }
    out.append(",\n");
    field(3, statement.actionClause().elementName());
    strings(statement.actionClause().patterns().stream().map(p -> p.value()).toList(), 3);
    if (statement.resource().isPresent()) {
      out.append(",\n");
      field(3, statement.resource().get().elementName());
      strings(statement.resource().get().patterns().stream().map(p -> p.value()).toList(), 3);
    }
    if (statement.condition().isPresent()) {
      out.append(",\n");
      field(3, "Condition").append("{");
      List<OperatorBlock> blocks = statement.condition().get().operators();
      for (int i = 0; i < blocks.size(); i++) {
        out.append(i == 0 ? "\n" : ",\n");
        field(4, blocks.get(i).operator().toString()).append("{");
        List<KeyCondition> keys = blocks.get(i).keys();
        for (int k = 0; k < keys.size(); k++) {
          out.append(k == 0 ? "\n" : ",\n");
          field(5, keys.get(k).key()).append("[");
          List<ConditionValue> values = keys.get(k).values();
          for (int v = 0; v < values.size(); v++) {
            out.append(v == 0 ? "\n" : ",\n");
            indent(6);
            ConditionValue value = values.get(v);
            if (value.kind() == ConditionValue.Kind.STRING) {
              string(value.text());
            } else {
              out.append(value.text());
            }
          }
          out.append(values.isEmpty() ? "]" : "\n" + "  ".repeat(5) + "]");
        }
        out.append("\n");
        indent(4);
        out.append("}");
      }
      out.append("\n");
      indent(3);
      out.append("}");
    }
    out.append("\n");
    indent(2);
    out.append("}");
  }

  private void strings(List<String> values, int level) {
    out.append("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      indent(level + 1);
      string(values.get(i));
    }
    out.append(values.isEmpty() ? "]" : "\n" + "  ".repeat(level) + "]");
  }

  private StringBuilder field(int level, String name) {
    indent(level);
    string(name);
    return out.append(": ");
  }

  private void indent(int level) {
    out.append("  ".repeat(level));
  }

  private StringBuilder string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
