/**
 * The symbolic engine behind the semantic diff: a statement as a box (one set per dimension:
 * principal, action, resource and one per condition key), sets as regular languages of strings
 * ({@code dk.brics.automaton}) or interval sets of numbers, dates and addresses, and the box
 * operations the diff needs (intersection, difference, emptiness, example picking). Once a diff has
 * encoded both policies, each string dimension's sets are held as {@link
 * dev.policysmith.diff.engine.Cells cells} of the languages written there, so that the engine's
 * operations are on bits; the automata remain for what cells cannot answer.
 *
 * <p>Not API: nothing here is exported, and no type of this package appears in a signature of
 * {@code dev.policysmith.diff}.
 */
@NullMarked
package dev.policysmith.diff.engine;

import org.jspecify.annotations.NullMarked;
