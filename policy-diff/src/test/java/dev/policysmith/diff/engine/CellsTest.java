package dev.policysmith.diff.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.brics.automaton.Automaton;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cells of a dimension's languages, and string sets held as cells. */
class CellsTest {
  private static Automaton glob(String pattern) {
    return Languages.minimal(Languages.glob(pattern, false));
  }

  private static boolean in(Cells cells, long[] set, String value) {
    int cell = cells.cellOf(value);
    return cell >= 0 && Cells.has(set, cell);
  }

  @Test
  void of_prefixAndWordInside_givesThreeCells() {
    Cells cells = Cells.of(List.of(glob("a*"), glob("ab")), false);

    assertThat(cells).isNotNull();
    // "ab"; the rest of "a*"; everything else.
    assertThat(cells.size()).isEqualTo(3);
    assertThat(in(cells, cells.ofLanguage(0), "ab")).isTrue();
    assertThat(in(cells, cells.ofLanguage(1), "ab")).isTrue();
    assertThat(in(cells, cells.ofLanguage(0), "ac")).isTrue();
    assertThat(in(cells, cells.ofLanguage(1), "ac")).isFalse();
    assertThat(cells.cellOf("b")).isNotEqualTo(cells.cellOf("ac")).isNotNegative();
    assertThat(cells.cellOf("")).isEqualTo(cells.cellOf("b"));
  }

  @Test
  void of_languageOfEveryString_leavesNoOtherCell() {
    Cells cells = Cells.of(List.of(glob("*"), glob("x")), false);

    assertThat(cells.size()).isEqualTo(2);
    assertThat(cells.language(cells.all()).isTotal()).isTrue();
    assertThat(cells.language(new long[cells.words()]).isEmpty()).isTrue();
  }

  @Test
  void language_ofSomeCells_acceptsExactlyTheirStrings() {
    Cells cells = Cells.of(List.of(glob("a*"), glob("*b"), glob("ab")), false);
    // "a*" without "*b": strings starting with a and not ending with b.
    long[] set = Cells.andNot(cells.ofLanguage(0), cells.ofLanguage(1));

    Automaton language = cells.language(set);

    assertThat(language).isEqualTo(glob("a*").minus(glob("*b")));
  }

  @Test
  void of_foldedDimension_countsOnlyFoldedStrings() {
    // A folded dimension's languages hold folded strings, and values are folded before they are
    // looked up: "KMS:DECRYPT" is kms:Decrypt, whatever cell its unfolded letters would reach.
    Automaton decrypt = Languages.foldedPatterns(List.of("kms:Decrypt"));
    Automaton all = Languages.foldedPatterns(List.of("kms:*"));
    Cells cells = Cells.of(List.of(decrypt, all), true);
    StrSet decryptSet = StrSet.folded(decrypt).inCells(cells, cells.ofLanguage(0));

    // kms:decrypt; the rest of kms:*; every other folded string.
    assertThat(cells.size()).isEqualTo(3);
    assertThat(decryptSet.contains(java.util.Optional.of("KMS:DECRYPT"))).isTrue();
    assertThat(decryptSet.complement().contains(java.util.Optional.of("KMS:DECRYPT"))).isFalse();
  }

  @Test
  void of_manyInfixWildcards_givesUpPastTheStateLimit() {
    // Each "*cN*" must be remembered as matched or not: 2^15 states, past the limit.
    List<Automaton> languages = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      languages.add(glob("*" + (char) ('a' + i) + "*"));
    }

    assertThat(Cells.of(languages, false)).isNull();
  }

  @Test
  void ofUnions_manyInfixWildcardsInOneLanguage_needNotRememberWhichMatched() {
    // The same fifteen patterns as one language (a statement listing them): once one matched, the
    // language accepts every continuation, so the union has few states.
    List<Automaton> patterns = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      patterns.add(glob("*" + (char) ('a' + i) + "*"));
    }

    Cells cells = Cells.ofUnions(List.of(patterns), false, Cells.MAX_STATES);

    assertThat(cells).isNotNull();
    assertThat(cells.size()).isEqualTo(2);
    assertThat(in(cells, cells.ofLanguage(0), "xxkxx")).isTrue();
    assertThat(in(cells, cells.ofLanguage(0), "xyz")).isFalse();
  }

  @Test
  void of_longListsOfWords_areLargeButNotPastTheLimit() {
    // 3,000 distinct 20-letter words: a union of about 60,000 states, all needed, none of them
    // an exponential case, so the limit grows with the parts.
    java.util.Random random = new java.util.Random(7);
    java.util.SortedSet<String> words = new java.util.TreeSet<>();
    while (words.size() < 3000) {
      StringBuilder w = new StringBuilder("svc:");
      for (int i = 0; i < 16; i++) {
        w.append((char) ('a' + random.nextInt(26)));
      }
      words.add(w.toString());
    }
    List<Automaton> languages = new ArrayList<>();
    for (String w : words) {
      languages.add(Languages.literal(w));
    }

    Cells cells = Cells.of(languages, false);

    assertThat(cells).isNotNull();
    assertThat(cells.size()).isEqualTo(words.size() + 1);
    assertThat(in(cells, cells.ofLanguage(0), words.first())).isTrue();
  }

  @Test
  void strSet_cellsAndAutomaton_combineThroughTheAutomaton() {
    Cells cells = Cells.of(List.of(glob("a*"), glob("ab")), false);
    StrSet prefix = StrSet.ofMinimal(false, glob("a*")).inCells(cells, cells.ofLanguage(0));
    // Not one of the cells' languages: the operation falls back to the automata.
    StrSet other = StrSet.ofMinimal(true, glob("*c"));

    DimSet both = prefix.intersect(other);
    DimSet rest = prefix.minus(other);

    assertThat(((StrSet) both).language()).isEqualTo(glob("a*c"));
    assertThat(both.absent()).isFalse();
    assertThat(((StrSet) rest).language()).isEqualTo(glob("a*").minus(glob("*c")));
    assertThat(prefix.subsetOf(other)).isFalse();
    assertThat(prefix.intersects(other)).isTrue();
  }

  @Test
  void strSet_cellsAndEveryString_stayInCells() {
    Cells cells = Cells.of(List.of(glob("a*"), glob("ab")), false);
    StrSet word = StrSet.ofMinimal(false, glob("ab")).inCells(cells, cells.ofLanguage(1));

    StrSet rest = (StrSet) StrSet.universal().minus(word);

    assertThat(rest.hasCells()).isTrue();
    assertThat(rest.absent()).isTrue();
    assertThat(rest.contains(java.util.Optional.of("ab"))).isFalse();
    assertThat(rest.contains(java.util.Optional.of("ac"))).isTrue();
    assertThat(word.union(rest).isUniversal()).isTrue();
  }

  @Test
  void foldedComplement_isMadeFromTheListedActionsOnly() {
    Automaton listed = Languages.foldedPatterns(List.of("s3:Get*"));
    StrSet notListed = StrSet.foldedComplement(StrSet.folded(listed));

    assertThat(notListed.complementOf()).isNotNull();
    assertThat(notListed.contains(java.util.Optional.of("s3:putobject"))).isTrue();
    assertThat(notListed.contains(java.util.Optional.of("s3:getobject"))).isFalse();
    assertThat(notListed.absent()).isFalse();
  }
}
