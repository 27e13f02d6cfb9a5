package dev.policysmith.model.json;

import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.JsonToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link Request} from one JSON object, the form of a line of the command line's {@code
 * --requests} file:
 *
 * <pre>{@code
 * {"principal": "arn:aws:iam::111122223333:role/Scheduler", "action": "kms:Decrypt",
 *  "resource": "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd",
 *  "context": {"kms:ViaService": "ec2.ap-northeast-1.amazonaws.com", "aws:MultiFactorAuthAge": 30}}
 * }</pre>
 *
 * <p>{@code action} is required; {@code principal}, {@code resource} and {@code context} are
 * optional. A context value is a string, a boolean, a number, or an array of them (a multivalued
 * key); booleans and numbers become their JSON text. Reading is as strict as {@link PolicyReader}:
 * duplicate or unknown members and wrong types are a {@link PolicyParseException} with pointer,
 * line and column. Instances are immutable and thread-safe.
 */
public final class RequestReader {
  private static final RequestReader STRICT = new RequestReader();
  private static final String MEMBERS = "principal, action, resource, context";

  private RequestReader() {}

  /** Returns the strict request reader. */
  public static RequestReader strict() {
    return STRICT;
  }

  /**
   * Reads a request from JSON text holding one object.
   *
   * @throws PolicyParseException if the text is not a request
   */
  public Request read(String json) {
    if (json.length() > PolicyReader.MAX_DOCUMENT_BYTES) {
      throw new PolicyParseException(
          "Request must be at most "
              + PolicyReader.MAX_DOCUMENT_BYTES
              + " characters long but was longer",
          "",
          1,
          1,
          null);
    }
    List<JsonToken> tokens =
        JsonTokenizer.tokenize(json.startsWith("\uFEFF") ? json.substring(1) : json);
    if (tokens.isEmpty()) {
      throw new PolicyParseException("Request must be a JSON object but was empty", "", 1, 1, null);
    }
    return new Decoder(tokens).request();
  }

  /** Walks the tokens of one request object. */
  private static final class Decoder {
    private final List<JsonToken> tokens;
    private int position;

    Decoder(List<JsonToken> tokens) {
      this.tokens = tokens;
    }

    Request request() {
      JsonToken start = tokens.get(position++);
      if (start.kind() != Kind.START_OBJECT) {
        throw fail(start, "Request must be a JSON object but was " + describe(start));
      }
      Request.Builder builder = Request.builder();
      boolean hasAction = false;
      while (tokens.get(position).kind() == Kind.NAME) {
        JsonToken name = tokens.get(position++);
        switch (name.text()) {
          case "principal":
            builder.principal(string(tokens.get(position++), "principal"));
            break;
          case "action":
            builder.action(string(tokens.get(position++), "action"));
            hasAction = true;
            break;
          case "resource":
            builder.resource(string(tokens.get(position++), "resource"));
            break;
          case "context":
            context(builder);
            break;
          default:
            throw fail(
                name,
                "Request member must be one of "
                    + MEMBERS
                    + " but was "
                    + PolicyFormatException.quote(name.text()));
        }
      }
      if (!hasAction) {
        throw fail(start, "Request must have action but had none");
      }
      return builder.build();
    }

    private void context(Request.Builder builder) {
      JsonToken start = tokens.get(position++);
      if (start.kind() != Kind.START_OBJECT) {
        throw fail(start, "context must be an object but was " + describe(start));
      }
      while (tokens.get(position).kind() == Kind.NAME) {
        String key = tokens.get(position++).text();
        JsonToken value = tokens.get(position++);
        List<String> values = new ArrayList<>();
        if (value.kind() == Kind.START_ARRAY) {
          while (tokens.get(position).kind() != Kind.END_ARRAY) {
            values.add(scalar(tokens.get(position++), key));
          }
          position++;
        } else {
          values.add(scalar(value, key));
        }
        builder.putContext(key, values);
      }
      position++;
    }

    private static String scalar(JsonToken value, String key) {
      switch (value.kind()) {
        case STRING:
        case NUMBER:
        case TRUE:
        case FALSE:
          return value.text();
        default:
          throw fail(
              value,
              "Context value of "
                  + PolicyFormatException.quote(key)
                  + " must be a string, a boolean, a number or an array of them but was "
                  + describe(value));
      }
    }

    private static String string(JsonToken value, String member) {
      if (value.kind() != Kind.STRING) {
        throw fail(value, member + " must be a string but was " + describe(value));
      }
      return value.text();
    }

    private static PolicyParseException fail(JsonToken at, String problem) {
      return new PolicyParseException(problem, at.pointer(), at.line(), at.column(), null);
    }

    private static String describe(JsonToken token) {
      return token.kind() == Kind.STRING
          ? PolicyFormatException.quote(token.text())
          : token.kind().description();
    }
  }
}
