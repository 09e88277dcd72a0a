package io.tributary.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The value types print names as Flink SQL spells them and refuse what cannot be. */
class ValueTypesTest {

    @Test
    void tablePathQuotesOnlyWhatNeedsQuotes() {
        assertThat(new TablePath("cat", "my db", "t`1")).hasToString("cat.`my db`.`t``1`");
        assertThat(new TablePath("c", "d", "t_2")).hasToString("c.d.t_2");
    }

    @Test
    void tableReferenceColumnsAreSortedAndEmptyMeansAll() {
        TableReference reference = TableReference.of(new TablePath("c", "d", "t"), Set.of("b", "a"));

        assertThat(reference.columns()).containsExactly("a", "b");
        assertThat(reference.allColumns()).isFalse();
        assertThat(reference).hasToString("c.d.t[a, b]");
        assertThat(TableReference.wholeTable(new TablePath("c", "d", "t")).allColumns()).isTrue();
    }

    @Test
    void objectReferenceChecksItsNames() {
        assertThat(ObjectReference.database("c", "d")).hasToString("DATABASE c.d");
        assertThat(new ObjectReference(ObjectType.FUNCTION, List.of("f"), true).catalog()).isEmpty();
        assertThatThrownBy(() -> new ObjectReference(ObjectType.DATABASE, List.of("d"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spanCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> new SourceSpan(2, 5, 1, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceSpan(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void analysisSortsItsTables() {
        TableReference b = TableReference.wholeTable(new TablePath("c", "d", "b"));
        TableReference a = TableReference.wholeTable(new TablePath("c", "d", "a"));
        StatementAnalysis analysis = new StatementAnalysis(StatementKind.QUERY, Set.of(b, a), Set.of(), Set.of(),
                Optional.empty(), new StatementText("x", SourceSpan.at(1, 1)));

        assertThat(analysis.reads()).containsExactly(a, b);
        assertThatThrownBy(() -> analysis.reads().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
