package dev.policysmith.model.json;

import dev.policysmith.model.PolicyDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The four kinds of input {@link PolicyReader} takes, so that every read test runs over each. */
enum JsonSource {
  STRING {
    @Override
    PolicyDocument read(byte[] json, Path dir) {
      return PolicyReader.strict().read(new String(json, StandardCharsets.UTF_8));
    }
  },
  BYTES {
    @Override
    PolicyDocument read(byte[] json, Path dir) {
      return PolicyReader.strict().read(json);
    }
  },
  STREAM {
    @Override
    PolicyDocument read(byte[] json, Path dir) throws IOException {
      return PolicyReader.strict().read(new ByteArrayInputStream(json));
    }
  },
  PATH {
    @Override
    PolicyDocument read(byte[] json, Path dir) throws IOException {
      Path file = Files.createTempFile(dir, "policy", ".json");
      Files.write(file, json);
      return PolicyReader.strict().read(file);
    }
  };

  /** Reads {@code json} through this kind of input; {@code dir} is a scratch directory. */
  abstract PolicyDocument read(byte[] json, Path dir) throws IOException;

  /** Reads {@code json}, encoded as UTF-8, through this kind of input. */
  PolicyDocument read(String json, Path dir) throws IOException {
    return read(json.getBytes(StandardCharsets.UTF_8), dir);
  }

  /** Returns whether this input takes bytes, so that invalid UTF-8 can be given to it. */
  boolean takesBytes() {
    return this != STRING;
  }
}
