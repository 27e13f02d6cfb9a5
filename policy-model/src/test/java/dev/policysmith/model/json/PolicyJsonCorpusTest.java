package dev.policysmith.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.PolicyDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Every real managed policy and key policy of the shared corpus reads strictly and writes back
 * losslessly: the same names in the same order, the same strings, number texts and booleans, the
 * same arrays and objects. Only white space may change.
 */
class PolicyJsonCorpusTest {
  private static final JsonFactory PLAIN = JsonFactory.builder().build();

  private static Path corpus() {
    String property = System.getProperty("policysmith.corpus");
    Path dir = property == null ? null : Path.of(property);
    if (dir == null || !Files.isDirectory(dir.resolve("managed"))) {
      Assumptions.abort(
          "corpus not found at "
              + (dir == null ? "(system property policysmith.corpus unset)" : dir.toAbsolutePath())
              + "; the corpus tests need ../shared/corpus");
    }
    return dir;
  }

  @TestFactory
  Stream<DynamicTest> readThenWriteLossless_corpusFile_keepsTheTokenStream() throws IOException {
    Path corpus = corpus();
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("managed", "keypolicies")) {
      try (Stream<Path> listing = Files.list(corpus.resolve(folder))) {
        listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(1500);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    corpus.relativize(file).toString(),
                    () -> {
                      byte[] original = Files.readAllBytes(file);
                      PolicyDocument document = PolicyReader.strict().read(original);
                      byte[] written = PolicyWriter.lossless().toBytes(document);
                      assertThat(tokens(written)).isEqualTo(tokens(original));
                      assertThat(PolicyReader.strict().read(written)).isEqualTo(document);
                    }));
  }

  /** Returns the JSON token stream as text: structure, names, strings, number texts, literals. */
  private static List<String> tokens(byte[] json) {
    List<String> tokens = new ArrayList<>();
    try (JsonParser parser = PLAIN.createParser(ObjectReadContext.empty(), json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case PROPERTY_NAME:
            tokens.add("name " + parser.currentName());
            break;
          case VALUE_STRING:
            tokens.add("string " + parser.getString());
            break;
          case VALUE_NUMBER_INT:
          case VALUE_NUMBER_FLOAT:
            tokens.add("number " + parser.getString());
            break;
          default:
            tokens.add(token.name());
        }
      }
    }
    return tokens;
  }
}
