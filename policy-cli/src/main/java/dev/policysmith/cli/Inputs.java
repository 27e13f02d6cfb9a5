package dev.policysmith.cli;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyParseException;
import dev.policysmith.model.json.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the command line's input files, {@code -} meaning standard input, into documents. */
final class Inputs {
  private static final PolicyReader READER = PolicyReader.strict();

  private final InputStream stdin;

  Inputs(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Returns the name to show in messages for an input argument. */
  static String displayName(String argument) {
    return argument.equals("-") ? "<stdin>" : argument;
  }

  /** Reads the bytes of a file argument or of standard input. */
  byte[] bytes(String argument) {
    try {
      if (argument.equals("-")) {
        return stdin.readAllBytes();
      }
      return Files.readAllBytes(Path.of(argument));
    } catch (NoSuchFileException e) {
      throw new CommandFailure(argument + ": no such file");
    } catch (IOException | UncheckedIOException e) {
      throw new CommandFailure(displayName(argument) + ": cannot read: " + e.getMessage());
    } catch (java.nio.file.InvalidPathException e) {
      throw new CommandFailure(argument + ": not a valid path");
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
