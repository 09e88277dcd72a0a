package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.metadata.MetadataDatabaseKind;
import java.util.List;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.CatalogFunctionImpl;
import org.apache.flink.table.catalog.FunctionLanguage;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.FunctionAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.FunctionNotExistException;
import org.apache.flink.table.catalog.exceptions.ProcedureNotExistException;
import org.apache.flink.table.resource.ResourceType;
import org.apache.flink.table.resource.ResourceUri;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Catalog functions in the metadata database, under Flink's contract (names resolved case-insensitively). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TributaryCatalogFunctionIT {

    private final SharedTestDatabases databases = new SharedTestDatabases();

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void storesFunctionsWithTheirLanguageAndResources(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        List<ResourceUri> resources = List.of(new ResourceUri(ResourceType.JAR, "file:///opt/udfs/shout.jar"),
                new ResourceUri(ResourceType.FILE, "file:///opt/udfs/words.txt"));
        catalog.createFunction(new ObjectPath("default", "Shout"),
                new CatalogFunctionImpl(ShoutFunction.class.getName(), FunctionLanguage.JAVA, resources), false);
        catalog.createFunction(new ObjectPath("default", "py_upper"),
                new CatalogFunctionImpl("udfs.upper", FunctionLanguage.PYTHON), false);

        TributaryCatalog otherSession = Catalogs.open(databases.get(kind), catalog.getName());
        assertThat(otherSession.listFunctions("default")).containsExactly("py_upper", "shout");
        assertThat(otherSession.functionExists(new ObjectPath("default", "SHOUT"))).isTrue();
        CatalogFunction shout = otherSession.getFunction(new ObjectPath("default", "shout"));
        assertThat(shout.getClassName()).isEqualTo(ShoutFunction.class.getName());
        assertThat(shout.getFunctionLanguage()).isEqualTo(FunctionLanguage.JAVA);
        assertThat(shout.getFunctionResources()).isEqualTo(resources);
        assertThat(otherSession.getFunction(new ObjectPath("default", "py_upper")).getFunctionLanguage())
                .isEqualTo(FunctionLanguage.PYTHON);

        otherSession.alterFunction(new ObjectPath("default", "shout"),
                new CatalogFunctionImpl("udfs.Louder", FunctionLanguage.SCALA), false);
        CatalogFunction altered = catalog.getFunction(new ObjectPath("default", "shout"));
        assertThat(altered.getClassName()).isEqualTo("udfs.Louder");
        assertThat(altered.getFunctionLanguage()).isEqualTo(FunctionLanguage.SCALA);
        assertThat(altered.getFunctionResources()).isEmpty();

        catalog.dropFunction(new ObjectPath("default", "Shout"), false);
        assertThat(otherSession.listFunctions("default")).containsExactly("py_upper");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void followsFlinksContractForExistingAndMissingFunctions(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        ObjectPath path = new ObjectPath("default", "shout");
        catalog.createFunction(path, new CatalogFunctionImpl(ShoutFunction.class.getName()), false);

        assertThatThrownBy(() -> catalog.createFunction(path, new CatalogFunctionImpl("other.Class"), false))
                .isInstanceOf(FunctionAlreadyExistException.class);
        catalog.createFunction(path, new CatalogFunctionImpl("other.Class"), true);
        assertThat(catalog.getFunction(path).getClassName()).as("ignoreIfExists changes nothing")
                .isEqualTo(ShoutFunction.class.getName());
        assertThatThrownBy(() -> catalog.createFunction(new ObjectPath("missing", "f"),
                new CatalogFunctionImpl("other.Class"), false)).isInstanceOf(DatabaseNotExistException.class);

        ObjectPath missing = new ObjectPath("default", "missing");
        assertThat(catalog.functionExists(missing)).isFalse();
        assertThatThrownBy(() -> catalog.getFunction(missing)).isInstanceOf(FunctionNotExistException.class);
        assertThatThrownBy(() -> catalog.alterFunction(missing, new CatalogFunctionImpl("x.Y"), false))
                .isInstanceOf(FunctionNotExistException.class);
        catalog.alterFunction(missing, new CatalogFunctionImpl("x.Y"), true);
        assertThatThrownBy(() -> catalog.dropFunction(missing, false)).isInstanceOf(FunctionNotExistException.class);
        catalog.dropFunction(missing, true);
        assertThat(catalog.listFunctions("default")).containsExactly("shout");

        assertThat(catalog.listProcedures("default")).isEmpty();
        assertThatThrownBy(() -> catalog.listProcedures("missing")).isInstanceOf(DatabaseNotExistException.class);
        assertThatThrownBy(() -> catalog.getProcedure(path)).isInstanceOf(ProcedureNotExistException.class);
    }
}
