package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/** What a name in the table namespace turned out to be. */
sealed interface TableObject {

    /** A table of a catalog (or a name nothing is known about: Flink will say whether it exists). */
    record Table() implements TableObject {}

    /** A temporary table of the session: never reported. */
    record TemporaryTable() implements TableObject {}

    /** A view, permanent or temporary: expanded to what it reads. */
    record View(ViewBody body) implements TableObject {
        public View {
            requireNonNull(body, "body is null");
        }
    }

    /** A view's query, and the scope its names are resolved against. */
    sealed interface ViewBody {
        SessionScope scope();

        boolean temporary();
    }

    /** A view of the session's catalogs: its stored query, parsed when it is used. */
    record CatalogView(ViewDefinition definition) implements ViewBody {
        public CatalogView {
            requireNonNull(definition, "definition is null");
        }

        @Override
        public SessionScope scope() {
            return definition.scope();
        }

        @Override
        public boolean temporary() {
            return definition.temporary();
        }
    }

    /** A view created earlier in the same script: its parsed query, and its column names when the DDL lists them. */
    record ScriptView(SqlNode query, SessionScope scope, Optional<List<String>> columnNames, boolean temporary)
            implements ViewBody {
        public ScriptView {
            requireNonNull(query, "query is null");
            requireNonNull(scope, "scope is null");
            requireNonNull(columnNames, "columnNames is null");
        }
    }
}
