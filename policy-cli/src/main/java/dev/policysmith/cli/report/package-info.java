/**
 * The JSON shapes the command line prints for tools ({@code validate --json}, {@code diff --json}):
 * written with Jackson's streaming generator, the one place in the command line that touches
 * Jackson. Policy documents themselves are written by {@code dev.policysmith.model.json}.
 */
@NullMarked
package dev.policysmith.cli.report;

import org.jspecify.annotations.NullMarked;
