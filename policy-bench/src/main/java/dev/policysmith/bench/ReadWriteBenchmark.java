package dev.policysmith.bench;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamPolicyReader;
import software.amazon.awssdk.policybuilder.iam.IamPolicyWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reading, writing, and reading then writing every policy document of one corpus folder ({@code
 * managed}: 1,522 AWS managed policies; {@code keypolicies}: 35 KMS key policies), by policysmith's
 * strict reader and lossless writer, by raw Jackson streaming of the same bytes (the floor), and by
 * the AWS SDK's {@code IamPolicyReader}/{@code IamPolicyWriter}.
 *
 * <p>One operation is one pass over the whole folder, so MB/s is the folder's bytes (printed at
 * set-up) divided by the time per operation, and documents/s is its file count divided by it. Every
 * reader is given the same UTF-8 {@code byte[]}; a file any peer rejects is left out for all of
 * them, so the three always see identical input (the count is printed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadWriteBenchmark {
  private static final JsonFactory JACKSON = JsonFactory.builder().build();

  /** The corpus folder to read. */
  @Param({"managed", "keypolicies"})
  public String folder;

  private byte[][] bytes;
  private PolicyDocument[] ours;
  private IamPolicy[] sdk;
  private RecordedTokens[] tokens;

  private final PolicyReader reader = PolicyReader.strict();
  private final PolicyWriter writer = PolicyWriter.lossless();
  private final IamPolicyReader sdkReader = IamPolicyReader.create();
  private final IamPolicyWriter sdkWriter = IamPolicyWriter.create();

  /** Loads the folder and checks that every peer reads each file it keeps. */
  @Setup
  public void load() {
    List<byte[]> kept = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    long total = 0;
    for (Path file : Corpus.files(folder)) {
      byte[] b = Corpus.bytes(file);
      try {
        reader.read(b);
        sdkReader.read(b);
        RecordedTokens.of(b);
        kept.add(b);
        total += b.length;
      } catch (RuntimeException e) {
        rejected.add(file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    bytes = kept.toArray(byte[][]::new);
    ours = new PolicyDocument[bytes.length];
    sdk = new IamPolicy[bytes.length];
    tokens = new RecordedTokens[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      ours[i] = reader.read(bytes[i]);
      sdk[i] = sdkReader.read(bytes[i]);
      tokens[i] = RecordedTokens.of(bytes[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "%n[corpus] %s: %d documents, %d bytes (%.3f MB) per operation; left out (rejected by a peer): %s%n",
        folder,
        bytes.length,
        total,
        total / 1e6,
        rejected);
  }

  /** policysmith: strict read of every document. */
  @Benchmark
  public void readPolicysmith(Blackhole bh) {
    for (byte[] b : bytes) {
      bh.consume(reader.read(b));
    }
  }

  /** Raw Jackson: every token, with the text of every name and string, nothing built. */
  @Benchmark
  public void readJackson(Blackhole bh) {
    for (byte[] b : bytes) {
      try (JsonParser p = JACKSON.createParser(ObjectReadContext.empty(), b)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          if (t == JsonToken.PROPERTY_NAME || t.isScalarValue()) {
            bh.consume(p.getString());
          }
        }
      }
    }
  }

  /** AWS SDK: {@code IamPolicyReader.read(byte[])} of every document. */
  @Benchmark
  public void readSdk(Blackhole bh) {
    for (byte[] b : bytes) {
      bh.consume(sdkReader.read(b));
    }
  }

  /** policysmith: lossless write of every document (read once at set-up) to a String. */
  @Benchmark
  public void writePolicysmith(Blackhole bh) {
    for (PolicyDocument d : ours) {
      bh.consume(writer.writeToString(d));
    }
  }

  /** Raw Jackson: replays each document's recorded tokens through a generator to a String. */
  @Benchmark
  public void writeJackson(Blackhole bh) {
    for (RecordedTokens t : tokens) {
      bh.consume(t.writeToString());
    }
  }

  /** AWS SDK: {@code IamPolicyWriter.writeToString} of every document (read once at set-up). */
  @Benchmark
  public void writeSdk(Blackhole bh) {
    for (IamPolicy p : sdk) {
      bh.consume(sdkWriter.writeToString(p));
    }
  }

  /** policysmith: strict read then lossless write, bytes to String. */
  @Benchmark
  public void readWritePolicysmith(Blackhole bh) {
    for (byte[] b : bytes) {
      bh.consume(writer.writeToString(reader.read(b)));
    }
  }

  /** Raw Jackson: each token copied from parser to generator, bytes to String. */
  @Benchmark
  public void readWriteJackson(Blackhole bh) {
    for (byte[] b : bytes) {
      StringWriter out = new StringWriter(b.length);
      try (JsonParser p = JACKSON.createParser(ObjectReadContext.empty(), b);
          JsonGenerator g = JACKSON.createGenerator(ObjectWriteContext.empty(), out)) {
        while (p.nextToken() != null) {
          g.copyCurrentEvent(p);
        }
      }
      bh.consume(out.toString());
    }
  }

  /** AWS SDK: read then write, bytes to String. */
  @Benchmark
  public void readWriteSdk(Blackhole bh) {
    for (byte[] b : bytes) {
      bh.consume(sdkWriter.writeToString(sdkReader.read(b)));
    }
  }

  /** A document's token stream, recorded once so that writing it measures only the generator. */
  static final class RecordedTokens {
    private final JsonToken[] kinds;
    private final String[] texts;
    private final int length;

    private RecordedTokens(JsonToken[] kinds, String[] texts, int length) {
      this.kinds = kinds;
      this.texts = texts;
      this.length = length;
    }

    static RecordedTokens of(byte[] json) {
      List<JsonToken> kinds = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      try (JsonParser p = JACKSON.createParser(ObjectReadContext.empty(), json)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          kinds.add(t);
          texts.add(t.isScalarValue() || t == JsonToken.PROPERTY_NAME ? p.getString() : "");
        }
      }
      return new RecordedTokens(
          kinds.toArray(JsonToken[]::new), texts.toArray(String[]::new), json.length);
    }

    String writeToString() {
      StringWriter out = new StringWriter(length);
      try (JsonGenerator g = JACKSON.createGenerator(ObjectWriteContext.empty(), out)) {
        for (int i = 0; i < kinds.length; i++) {
          String text = texts[i];
          switch (kinds[i]) {
            case START_OBJECT -> g.writeStartObject();
            case END_OBJECT -> g.writeEndObject();
            case START_ARRAY -> g.writeStartArray();
            case END_ARRAY -> g.writeEndArray();
            case PROPERTY_NAME -> g.writeName(text);
            case VALUE_STRING -> g.writeString(text);
            case VALUE_TRUE -> g.writeBoolean(true);
            case VALUE_FALSE -> g.writeBoolean(false);
            case VALUE_NULL -> g.writeNull();
            // Numbers keep their text, as a lossless writer must.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(text);
            default -> throw new IllegalStateException("Unexpected token " + kinds[i]);
          }
        }
      }
      return out.toString();
    }
  }
}
