package dev.policysmith.model.json;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * The one layout every document is written in: two-space indentation, {@code "key": value}, one
 * array element or object entry per line, {@code []} and {@code {}} when empty, {@code \n} line
 * endings and no trailing spaces. Written by hand rather than by configuring Jackson's {@code
 * DefaultPrettyPrinter}, whose empty-container and separator spacing has changed between versions:
 * the canonical writer promises identical bytes.
 *
 * <p>Holds the nesting level, so a new instance serves each document.
 */
final class TwoSpacePrettyPrinter implements PrettyPrinter {
  private int level;

  @Override
  public void writeRootValueSeparator(JsonGenerator g) {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) {
    g.writeRaw('{');
    level++;
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) {
    newline(g);
  }

  @Override
  public void writeObjectNameValueSeparator(JsonGenerator g) {
    g.writeRaw(": ");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) {
    g.writeRaw(',');
    newline(g);
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) {
    level--;
    if (entries > 0) {
      newline(g);
    }
    g.writeRaw('}');
  }

  @Override
  public void writeStartArray(JsonGenerator g) {
    g.writeRaw('[');
    level++;
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) {
    newline(g);
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) {
    g.writeRaw(',');
    newline(g);
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) {
    level--;
    if (values > 0) {
      newline(g);
    }
    g.writeRaw(']');
  }

  private void newline(JsonGenerator g) {
    g.writeRaw('\n');
    for (int i = 0; i < level; i++) {
      g.writeRaw("  ");
    }
  }
}
