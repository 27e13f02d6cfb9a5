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
 * input is read once and kept, so that standard input can be looked at twice.
 */
final class Inputs {
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
        return stdin.readAllBytes();
      }
      return Files.readAllBytes(Path.of(argument));
    } catch (NoSuchFileException e) {
      throw new CommandFailure(argument + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new CommandFailure(displayName(argument) + ": cannot read: " + e.getMessage());
    } catch (InvalidPathException e) {
      throw new CommandFailure(argument + ": not a valid path");
    }
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
