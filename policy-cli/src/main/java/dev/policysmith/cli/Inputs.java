package dev.policysmith.cli;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyParseException;
import dev.policysmith.model.json.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the command line's input files, {@code -} meaning standard input, into documents. Each
 * input is read once and kept, so that standard input can be looked at twice. No input is read past
 * {@link #MAX_INPUT_BYTES}, so a huge file or an endless pipe cannot exhaust memory.
 */
final class Inputs {
  /**
   * The most bytes read from one input: room for many requests, far beyond the policy reader's own
   * {@link PolicyReader#MAX_DOCUMENT_BYTES}.
   */
  static final int MAX_INPUT_BYTES = 64 << 20;

  private static final PolicyReader READER = PolicyReader.strict();

  private final InputStream stdin;
  private final Map<String, byte[]> read = new HashMap<>();

  Inputs(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Returns the name to show in messages for an input argument. */
  static String displayName(String argument) {
    return argument.equals("-") ? "<stdin>" : argument;
  }

  /** Returns the bytes of a file argument or of standard input. */
  byte[] bytes(String argument) {
    return read.computeIfAbsent(argument, this::load);
  }

  private byte[] load(String argument) {
    try {
      if (argument.equals("-")) {
        return bounded(argument, stdin);
      }
      try (InputStream file = Files.newInputStream(Path.of(argument))) {
        return bounded(argument, file);
      }
    } catch (NoSuchFileException e) {
      throw new CommandFailure(argument + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new CommandFailure(displayName(argument) + ": cannot read: " + e.getMessage());
    } catch (InvalidPathException e) {
      throw new CommandFailure(argument + ": not a valid path");
    }
  }

  private static byte[] bounded(String argument, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
    if (bytes.length > MAX_INPUT_BYTES) {
      throw new CommandFailure(
          displayName(argument) + ": longer than " + MAX_INPUT_BYTES + " bytes, not read further");
    }
    return bytes;
  }

  /**
   * Returns the input as text. Bytes that are not UTF-8 are reported with their place, as the
   * policy reader reports them.
   */
  String text(String argument) {
    byte[] bytes = bytes(argument);
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      document(argument);
      throw new CommandFailure(displayName(argument) + ": not UTF-8");
    }
  }

  /** Reads and parses a policy document, reporting a parse error as {@code FILE:LINE:COL: ...}. */
  PolicyDocument document(String argument) {
    byte[] bytes = bytes(argument);
    try {
      return READER.read(bytes);
    } catch (PolicyParseException e) {
      throw new CommandFailure(displayName(argument) + ":" + e.getMessage());
    }
  }
}
