package dev.policysmith.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dk.brics.automaton.Automaton;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * String sets held as cells decide exactly as their automata do. The patterns are small globs over
 * a three-letter alphabet, so that wildcards overlap often and every string up to length four can
 * be checked.
 */
class CellsProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /** Short globs over {@code a}, {@code b} and {@code :} with {@code *} and {@code ?}. */
  private static Gen<String> patterns() {
    return SourceDSL.lists()
        .of(Generate.pick(List.of("a", "b", ":", "*", "?", "a", "b")))
        .ofSizeBetween(0, 5)
        .map(parts -> String.join("", parts));
  }

  private static Gen<List<String>> patternLists() {
    return SourceDSL.lists().of(patterns()).ofSizeBetween(1, 6);
  }

  /** Every string over the alphabet (and one letter outside it) up to length four. */
  private static final List<String> STRINGS = strings();

  private static List<String> strings() {
    List<String> out = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int length = 1; length <= 4; length++) {
      List<String> next = new ArrayList<>();
      for (String s : last) {
        for (char c : new char[] {'a', 'b', ':', 'z'}) {
          next.add(s + c);
        }
      }
      out.addAll(next);
      last = next;
    }
    return out;
  }

  private static List<Automaton> languages(List<String> patterns) {
    List<Automaton> out = new ArrayList<>();
    for (String p : patterns) {
      out.add(Languages.minimal(Languages.glob(p, false)));
    }
    return out;
  }

  @Test
  void cellsOfAString_areTheLanguagesHoldingIt() {
    qt().withExamples(EXAMPLES)
        .forAll(patternLists())
        .checkAssert(
            patterns -> {
              List<Automaton> languages = languages(patterns);
              Cells cells = Cells.of(languages, false);
              assertThat(cells).isNotNull();
              for (String s : STRINGS) {
                int cell = cells.cellOf(s);
                assertThat(cell).isNotNegative();
                for (int i = 0; i < languages.size(); i++) {
                  assertThat(Cells.has(cells.ofLanguage(i), cell))
                      .as("%s in %s", s, patterns.get(i))
                      .isEqualTo(languages.get(i).run(s));
                }
              }
              for (int c = 0; c < cells.size(); c++) {
                long[] one = new long[cells.words()];
                one[c >>> 6] |= 1L << (c & 63);
                assertThat(cells.language(one).isEmpty()).as("cell %d is empty", c).isFalse();
              }
            });
  }

  @Test
  void operationsOnCells_agreeWithTheAutomata() {
    qt().withExamples(EXAMPLES)
        .forAll(
            patternLists(),
            SourceDSL.integers().between(0, 63),
            SourceDSL.integers().between(0, 63),
            SourceDSL.booleans().all())
        .checkAssert(
            (patterns, maskA, maskB, absent) -> {
              List<Automaton> languages = languages(patterns);
              Cells cells = Cells.of(languages, false);
              StrSet[] plain = new StrSet[2];
              StrSet[] celled = new StrSet[2];
              int[] masks = {maskA, maskB};
              for (int k = 0; k < 2; k++) {
                // A union of some of the languages, or its complement when bit 5 is set.
                Automaton language = Languages.none();
                long[] bits = new long[cells.words()];
                for (int i = 0; i < languages.size(); i++) {
                  if ((masks[k] & (1 << i)) != 0) {
                    language = language.union(languages.get(i));
                    bits = Cells.or(bits, cells.ofLanguage(i));
                  }
                }
                if ((masks[k] & 32) != 0) {
                  language = language.complement();
                  bits = Cells.andNot(cells.all(), bits);
                }
                plain[k] = StrSet.of(absent && k == 0, language);
                celled[k] = plain[k].inCells(cells, bits);
              }
              StrSet a = celled[0];
              StrSet b = celled[1];
              assertThat(a.subsetOf(b)).isEqualTo(plain[0].subsetOf(plain[1]));
              assertThat(a.intersects(b)).isEqualTo(plain[0].intersects(plain[1]));
              assertThat(a.isEmpty()).isEqualTo(plain[0].isEmpty());
              assertSame(a.intersect(b), plain[0].intersect(plain[1]));
              assertSame(a.minus(b), plain[0].minus(plain[1]));
              assertSame(a.union(b), plain[0].union(plain[1]));
              assertSame(a.complement(), plain[0].complement());
              for (String s : STRINGS) {
                assertThat(a.contains(java.util.Optional.of(s)))
                    .isEqualTo(plain[0].contains(java.util.Optional.of(s)));
              }
            });
  }

  private static void assertSame(DimSet celled, DimSet plain) {
    assertThat(celled.absent()).isEqualTo(plain.absent());
    assertThat(((StrSet) celled).language())
        .isEqualTo(Languages.minimal(((StrSet) plain).language().clone()));
  }
}
