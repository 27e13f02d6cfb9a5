package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

class JsonOutTest {
  /** The generator the writer used before it wrote by hand, configured as it was. */
  private static final JsonFactory JACKSON =
      JsonFactory.builder()
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  @Test
  void string_everyCharacterOfTheBasicPlane_isEscapedAsJacksonEscapesIt() {
    for (char c = 0; c < Character.MIN_SURROGATE; c++) {
      String text = "a" + c + "b";
      assertThat(ours(text)).as("U+%04X", (int) c).isEqualTo(jackson(text));
    }
    for (char c = (char) (Character.MAX_SURROGATE + 1); c != 0; c++) {
      String text = "a" + c + "b";
      assertThat(ours(text)).as("U+%04X", (int) c).isEqualTo(jackson(text));
    }
  }

  @Test
  void string_surrogatePairAndSlashes_areWrittenAsThemselves() {
    String text = "arn:aws:s3:::bucket/\uD83D\uDD11/*";

    assertThat(ours(text)).isEqualTo("\"" + text + "\"").isEqualTo(jackson(text));
  }

  @Test
  void layout_nestedAndEmptyContainers_followTheTwoSpaceLayout() {
    JsonOut out = JsonOut.start();
    out.startObject();
    out.name("a");
    out.startArray();
    out.string("x");
    out.raw("1.50e+03");
    out.startObject();
    out.endObject();
    out.endArray();
    out.name("b");
    out.startArray();
    out.endArray();
    out.endObject();

    assertThat(out.finish())
        .isEqualTo(
            """
            {
              "a": [
                "x",
                1.50e+03,
                {}
              ],
              "b": []
            }
            """);
  }

  private static String ours(String text) {
    JsonOut out = JsonOut.start();
    out.string(text);
    String written = out.finish();
    return written.substring(0, written.length() - 1);
  }

  private static String jackson(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JACKSON.createGenerator(ObjectWriteContext.empty(), out)) {
      generator.writeString(text);
    }
    return out.toString();
  }
}
