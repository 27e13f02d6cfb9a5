/**
 * The symbolic engine behind the semantic diff: a statement as a box (one set per dimension:
 * principal, action, resource and one per condition key), sets as regular languages of strings
 * ({@code dk.brics.automaton}) or interval sets of numbers, dates and addresses, and the box
 * operations the diff needs (intersection, difference, emptiness, example picking).
 *
 * <p>Not API: nothing here is exported, and no type of this package appears in a signature of
 * {@code dev.policysmith.diff}.
 */
@NullMarked
package dev.policysmith.diff.engine;

import org.jspecify.annotations.NullMarked;
