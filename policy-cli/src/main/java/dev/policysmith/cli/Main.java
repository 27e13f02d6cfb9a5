package dev.policysmith.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code policysmith} command. {@link #run(String[], InputStream, PrintStream, PrintStream)} is
 * the whole program with its streams as arguments, so tests run it in-process.
 */
@Command(
    name = "policysmith",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds, checks, merges and compares AWS IAM and KMS policy documents, offline.",
    subcommands = {
      FormatCommand.class,
      EvaluateCommand.class,
      ValidateCommand.class,
      KmsEbsGrantCommand.class,
      MergeCommand.class,
      CanonicalizeCommand.class,
      DiffCommand.class,
      ExpandCommand.class
    })
public final class Main {
  private Main() {}

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the command with the given streams and returns the exit code. Nothing is written to {@code
   * out} when the command fails; the error goes to {@code err} in one line per problem.
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine commandLine =
        new CommandLine(new Main(), new CommandFactory(in))
            .setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8))
            .setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          // The user sees one line, never a stack trace: expected failures are phrased already,
          // anything else is a bug worth a report but not a trace on the terminal.
          if (exception instanceof CommandFailure) {
            cmd.getErr().println(exception.getMessage());
          } else {
            cmd.getErr()
                .println(
                    "policysmith: internal error: "
                        + exception.getClass().getSimpleName()
                        + (exception.getMessage() == null ? "" : ": " + exception.getMessage()));
          }
          return ExitCode.BAD_INPUT.code();
        });
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          CommandLine cmd = exception.getCommandLine();
          cmd.getErr().println("policysmith: " + exception.getMessage());
          cmd.getErr().println("Try 'policysmith " + commandPath(cmd) + "--help' for usage.");
          return ExitCode.BAD_INPUT.code();
        });
    return commandLine.execute(args);
  }

  private static String commandPath(CommandLine cmd) {
    return cmd.getParent() == null ? "" : cmd.getCommandName() + " ";
  }

  /** Creates subcommands with the streams they need. */
  private static final class CommandFactory implements CommandLine.IFactory {
    private final Inputs inputs;

    CommandFactory(InputStream in) {
      this.inputs = new Inputs(in);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (var constructor : type.getDeclaredConstructors()) {
        if (constructor.getParameterCount() == 1
            && constructor.getParameterTypes()[0] == Inputs.class) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(inputs));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Reads the version filtered into {@code version.properties} at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties properties = new Properties();
      try (InputStream stream = Main.class.getResourceAsStream("version.properties")) {
        if (stream != null) {
          properties.load(stream);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"policysmith " + properties.getProperty("version", "unknown")};
    }
  }
}
