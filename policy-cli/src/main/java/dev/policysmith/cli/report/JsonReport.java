package dev.policysmith.cli.report;

import dev.policysmith.model.eval.Request;
import dev.policysmith.model.validate.Finding;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Writes one JSON report, two-space indented with {@code \n} line ends, through a callback on a
 * {@link Json} writer that hides Jackson from the commands.
 */
public final class JsonReport {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonReport() {}

  /** Writes a JSON value with the given body and returns its text with a final newline. */
  public static String write(java.util.function.Consumer<Json> body) {
    StringWriter text = new StringWriter();
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    ObjectWriteContext context =
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return printer.createInstance();
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        };
    try (JsonGenerator generator = FACTORY.createGenerator(context, text)) {
      body.accept(new Json(generator));
    }
    return text + "\n";
  }

  /** Returns the findings as a JSON array of {severity, code, pointer, message} objects. */
  public static String findings(List<Finding> findings) {
    return write(json -> json.findings(findings));
  }

  /** A thin writer over Jackson's generator, for the report shapes of the command line. */
  public static final class Json {
    private final JsonGenerator generator;

    Json(JsonGenerator generator) {
      this.generator = generator;
    }

    /** Starts an object. */
    public Json startObject() {
      generator.writeStartObject();
      return this;
    }

    /** Ends an object. */
    public Json endObject() {
      generator.writeEndObject();
      return this;
    }

    /** Starts an array member of an object. */
    public Json startArray(String name) {
      generator.writeName(name);
      generator.writeStartArray();
      return this;
    }

    /** Starts an array value. */
    public Json startArray() {
      generator.writeStartArray();
      return this;
    }

    /** Ends an array. */
    public Json endArray() {
      generator.writeEndArray();
      return this;
    }

    /** Starts an object member of an object. */
    public Json startObject(String name) {
      generator.writeName(name);
      generator.writeStartObject();
      return this;
    }

    /** Writes a member name; the value follows. */
    public Json name(String name) {
      generator.writeName(name);
      return this;
    }

    /** Writes a string member. */
    public Json string(String name, String value) {
      generator.writeStringProperty(name, value);
      return this;
    }

    /** Writes a string array value element. */
    public Json string(String value) {
      generator.writeString(value);
      return this;
    }

    /** Writes a boolean member. */
    public Json bool(String name, boolean value) {
      generator.writeBooleanProperty(name, value);
      return this;
    }

    /** Writes a number member. */
    public Json number(String name, long value) {
      generator.writeNumberProperty(name, value);
      return this;
    }

    /** Writes a string array member. */
    public Json strings(String name, List<String> values) {
      startArray(name);
      values.forEach(generator::writeString);
      return endArray();
    }

    /** Writes the findings as an array value. */
    public Json findings(List<Finding> findings) {
      startArray();
      for (Finding finding : findings) {
        startObject()
            .string("severity", finding.severity().name())
            .string("code", finding.code().name())
            .string("pointer", finding.pointer())
            .string("message", finding.message())
            .endObject();
      }
      return endArray();
    }

    /**
     * Writes a request member in the command line's request form: principal, action, resource, and
     * a context whose single values are strings and several values arrays.
     */
    public Json request(String name, Request request) {
      generator.writeName(name);
      return request(request);
    }

    /** Writes a request value in the command line's request form. */
    public Json request(Request request) {
      startObject();
      request.principal().ifPresent(principal -> string("principal", principal));
      string("action", request.action());
      request.resource().ifPresent(resource -> string("resource", resource));
      startObject("context");
      for (Map.Entry<String, List<String>> entry : request.context().entrySet()) {
        if (entry.getValue().size() == 1) {
          string(entry.getKey(), entry.getValue().get(0));
        } else {
          strings(entry.getKey(), entry.getValue());
        }
      }
      endObject();
      return endObject();
    }
  }
}
