/**
 * The {@code policysmith} command line: {@link dev.policysmith.cli.Main} and one command class per
 * subcommand. Exit codes are in {@link dev.policysmith.cli.ExitCode}; errors are printed as {@code
 * FILE:LINE:COLUMN: MESSAGE (at /json/pointer)} on standard error, never as a stack trace.
 */
@NullMarked
package dev.policysmith.cli;

import org.jspecify.annotations.NullMarked;
