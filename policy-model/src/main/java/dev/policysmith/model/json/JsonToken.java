package dev.policysmith.model.json;

/**
 * One token of a policy document as the first reading pass saw it: its kind, its text (names,
 * strings and numbers; numbers exactly as written), where it starts and its position, whose JSON
 * pointer text is built only when an error message asks for it. The second pass checks the policy's
 * shape over these tokens, so no Jackson type outlives the first.
 */
record JsonToken(Kind kind, String text, int line, int column, PointerPath.Pointer at) {

  /** Returns the token's JSON pointer, e.g. {@code /Statement/0/Action}; built on each call. */
  String pointer() {
    return at.toString();
  }

  /** The kinds of JSON token. */
  enum Kind {
    START_OBJECT("an object"),
    END_OBJECT("the end of an object"),
    START_ARRAY("an array"),
    END_ARRAY("the end of an array"),
    NAME("a property name"),
    STRING("a string"),
    NUMBER("a number"),
    TRUE("a boolean"),
    FALSE("a boolean"),
    NULL("null");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    /** Returns the kind in words for a message, e.g. {@code a number}. */
    String description() {
      return description;
    }
  }
}
