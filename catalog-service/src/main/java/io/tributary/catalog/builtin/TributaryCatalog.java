package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.catalog.AbstractCatalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogBaseTable.TableKind;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.CatalogPartition;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.FunctionAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.FunctionNotExistException;
import org.apache.flink.table.catalog.exceptions.PartitionAlreadyExistsException;
import org.apache.flink.table.catalog.exceptions.PartitionNotExistException;
import org.apache.flink.table.catalog.exceptions.PartitionSpecInvalidException;
import org.apache.flink.table.catalog.exceptions.ProcedureNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotPartitionedException;
import org.apache.flink.table.catalog.exceptions.TablePartitionedException;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;
import org.apache.flink.table.expressions.Expression;
import org.apache.flink.table.procedures.Procedure;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent built-in catalog type, {@code tributary}: databases, tables with any connector's options, views,
 * materialized tables, functions, partitions and statistics, kept in Tributary's metadata database under the
 * catalog's name. A {@code CREATE TABLE} survives restarts and every session, on every server sharing the metadata
 * database, sees it at once: every call reads the database (there is no cache to go stale), and every change is
 * one transaction, committed whole or not at all.
 *
 * <p>Flink's contract is followed as {@code GenericInMemoryCatalog} follows it: the same exceptions, the same
 * {@code ignoreIfExists}/{@code ignoreIfNotExists} semantics, function names normalised to lower case. The
 * catalog's default database is created when the catalog is opened, if no one created it before.
 *
 * <p>Created by {@link TributaryCatalogFactory}; a server or a test may also create one directly.
 */
public final class TributaryCatalog extends AbstractCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(TributaryCatalog.class);

    private final BuiltinDatabaseRepository databases;
    private final BuiltinTables tables;
    private final BuiltinFunctions functions;
    private final BuiltinPartitions partitions;
    private final BuiltinStatistics statistics;

    /**
     * A catalog named {@code name} (its namespace in the metadata database) on {@code database}, a jOOQ context on
     * the migrated metadata database, configured as the server configures its own; {@code clock} stamps the times
     * of changes.
     */
    public TributaryCatalog(String name, String defaultDatabase, DSLContext database, Clock clock) {
        super(BuiltinNames.catalogName(name), BuiltinNames.databaseName(defaultDatabase));
        BuiltinTransactions transactions = new BuiltinTransactions(requireNonNull(database, "database is null"));
        this.databases = new BuiltinDatabaseRepository(transactions, name, clock);
        BuiltinTableRepository tableRepository = new BuiltinTableRepository(transactions, name, clock);
        this.tables = new BuiltinTables(name, tableRepository);
        this.functions = new BuiltinFunctions(name, new BuiltinFunctionRepository(transactions, name, clock));
        this.partitions = new BuiltinPartitions(name, tableRepository,
                new BuiltinPartitionRepository(transactions, clock));
        this.statistics = new BuiltinStatistics(name, tableRepository, partitions,
                new BuiltinStatisticsRepository(transactions));
    }

    /** Creates the default database unless it exists; safe when several sessions open the catalog at once. */
    @Override
    public void open() throws CatalogException {
        if (databases.create(getDefaultDatabase(), new CatalogDatabaseImpl(Map.of(), null)) == ChangeOutcome.DONE) {
            LOG.info("Created the default database {} of catalog {}", getDefaultDatabase(), getName());
        }
    }

    /** Nothing to release: the metadata database belongs to the server. */
    @Override
    public void close() throws CatalogException {}

    // ------ databases ------

    @Override
    public List<String> listDatabases() throws CatalogException {
        return databases.list();
    }

    @Override
    public CatalogDatabase getDatabase(String databaseName) throws DatabaseNotExistException {
        return databases.find(databaseName).orElseThrow(() -> new DatabaseNotExistException(getName(), databaseName));
    }

    @Override
    public boolean databaseExists(String databaseName) throws CatalogException {
        return databases.exists(databaseName);
    }

    @Override
    public void createDatabase(String name, CatalogDatabase database, boolean ignoreIfExists)
            throws DatabaseAlreadyExistException {
        if (databases.create(name, database) == ChangeOutcome.EXISTS && !ignoreIfExists) {
            throw new DatabaseAlreadyExistException(getName(), name);
        }
    }

    /** With {@code cascade}, the database's tables, views and functions go with it, in the same transaction. */
    @Override
    public void dropDatabase(String name, boolean ignoreIfNotExists, boolean cascade)
            throws DatabaseNotExistException, DatabaseNotEmptyException {
        switch (databases.drop(name, cascade)) {
            case MISSING -> {
                if (!ignoreIfNotExists) {
                    throw new DatabaseNotExistException(getName(), name);
                }
            }
            case NOT_EMPTY -> throw new DatabaseNotEmptyException(getName(), name);
            default -> { }
        }
    }

    @Override
    public void alterDatabase(String name, CatalogDatabase newDatabase, boolean ignoreIfNotExists)
            throws DatabaseNotExistException {
        if (databases.alter(name, newDatabase) == ChangeOutcome.MISSING && !ignoreIfNotExists) {
            throw new DatabaseNotExistException(getName(), name);
        }
    }

    // ------ tables, views and materialized tables ------

    /** The tables, views and materialized tables of the database. */
    @Override
    public List<String> listTables(String databaseName) throws DatabaseNotExistException {
        requireDatabase(databaseName);
        return tables.list(databaseName, Optional.empty());
    }

    @Override
    public List<String> listViews(String databaseName) throws DatabaseNotExistException {
        requireDatabase(databaseName);
        return tables.list(databaseName, Optional.of(TableKind.VIEW));
    }

    @Override
    public CatalogBaseTable getTable(ObjectPath tablePath) throws TableNotExistException {
        return tables.get(tablePath);
    }

    @Override
    public boolean tableExists(ObjectPath tablePath) throws CatalogException {
        return tables.exists(tablePath);
    }

    @Override
    public void dropTable(ObjectPath tablePath, boolean ignoreIfNotExists) throws TableNotExistException {
        tables.drop(tablePath, ignoreIfNotExists);
    }

    @Override
    public void renameTable(ObjectPath tablePath, String newTableName, boolean ignoreIfNotExists)
            throws TableNotExistException, TableAlreadyExistException {
        tables.rename(tablePath, newTableName, ignoreIfNotExists);
    }

    /** Stores a resolved table, view or materialized table, as Flink's planner passes them. */
    @Override
    public void createTable(ObjectPath tablePath, CatalogBaseTable table, boolean ignoreIfExists)
            throws TableAlreadyExistException, DatabaseNotExistException {
        tables.create(tablePath, table, ignoreIfExists);
    }

    /** Replaces the definition by one of the same kind; partitions and statistics stay. */
    @Override
    public void alterTable(ObjectPath tablePath, CatalogBaseTable newTable, boolean ignoreIfNotExists)
            throws TableNotExistException {
        tables.alter(tablePath, newTable, ignoreIfNotExists);
    }

    // ------ functions ------

    @Override
    public List<String> listFunctions(String databaseName) throws DatabaseNotExistException {
        requireDatabase(databaseName);
        return functions.list(databaseName);
    }

    @Override
    public CatalogFunction getFunction(ObjectPath functionPath) throws FunctionNotExistException {
        return functions.get(functionPath);
    }

    @Override
    public boolean functionExists(ObjectPath functionPath) throws CatalogException {
        return functions.exists(functionPath);
    }

    @Override
    public void createFunction(ObjectPath functionPath, CatalogFunction function, boolean ignoreIfExists)
            throws FunctionAlreadyExistException, DatabaseNotExistException {
        functions.create(functionPath, function, ignoreIfExists);
    }

    @Override
    public void alterFunction(ObjectPath functionPath, CatalogFunction newFunction, boolean ignoreIfNotExists)
            throws FunctionNotExistException {
        functions.alter(functionPath, newFunction, ignoreIfNotExists);
    }

    @Override
    public void dropFunction(ObjectPath functionPath, boolean ignoreIfNotExists) throws FunctionNotExistException {
        functions.drop(functionPath, ignoreIfNotExists);
    }

    /** A {@code tributary} catalog holds no procedures (Flink's procedures are code a catalog ships). */
    @Override
    public List<String> listProcedures(String databaseName) throws DatabaseNotExistException {
        requireDatabase(databaseName);
        return List.of();
    }

    @Override
    public Procedure getProcedure(ObjectPath procedurePath) throws ProcedureNotExistException {
        throw new ProcedureNotExistException(getName(), procedurePath);
    }

    // ------ partitions ------

    @Override
    public List<CatalogPartitionSpec> listPartitions(ObjectPath tablePath)
            throws TableNotExistException, TableNotPartitionedException {
        return partitions.list(tablePath);
    }

    @Override
    public List<CatalogPartitionSpec> listPartitions(ObjectPath tablePath, CatalogPartitionSpec partitionSpec)
            throws TableNotExistException, TableNotPartitionedException, PartitionSpecInvalidException {
        return partitions.list(tablePath, partitionSpec);
    }

    /**
     * Left to the planner, by Flink's protocol for it: on {@link UnsupportedOperationException} the planner lists
     * every partition ({@link #listPartitions(ObjectPath)}) and prunes them with its own evaluation of the filters,
     * which covers every expression Flink has.
     */
    @Override
    public List<CatalogPartitionSpec> listPartitionsByFilter(ObjectPath tablePath, List<Expression> filters) {
        throw new UnsupportedOperationException("The tributary catalog lets Flink's planner prune partitions");
    }

    @Override
    public CatalogPartition getPartition(ObjectPath tablePath, CatalogPartitionSpec partitionSpec)
            throws PartitionNotExistException {
        return partitions.get(tablePath, partitionSpec);
    }

    @Override
    public boolean partitionExists(ObjectPath tablePath, CatalogPartitionSpec partitionSpec) {
        return partitions.exists(tablePath, partitionSpec);
    }

    @Override
    public void createPartition(ObjectPath tablePath, CatalogPartitionSpec partitionSpec, CatalogPartition partition,
            boolean ignoreIfExists) throws TableNotExistException, TableNotPartitionedException,
            PartitionSpecInvalidException, PartitionAlreadyExistsException {
        partitions.create(tablePath, partitionSpec, partition, ignoreIfExists);
    }

    @Override
    public void dropPartition(ObjectPath tablePath, CatalogPartitionSpec partitionSpec, boolean ignoreIfNotExists)
            throws PartitionNotExistException {
        partitions.drop(tablePath, partitionSpec, ignoreIfNotExists);
    }

    @Override
    public void alterPartition(ObjectPath tablePath, CatalogPartitionSpec partitionSpec,
            CatalogPartition newPartition, boolean ignoreIfNotExists) throws PartitionNotExistException {
        partitions.alter(tablePath, partitionSpec, newPartition, ignoreIfNotExists);
    }

    // ------ statistics ------

    @Override
    public CatalogTableStatistics getTableStatistics(ObjectPath tablePath) throws TableNotExistException {
        return statistics.table(tablePath);
    }

    @Override
    public CatalogColumnStatistics getTableColumnStatistics(ObjectPath tablePath) throws TableNotExistException {
        return statistics.columns(tablePath);
    }

    @Override
    public CatalogTableStatistics getPartitionStatistics(ObjectPath tablePath, CatalogPartitionSpec partitionSpec)
            throws PartitionNotExistException {
        return statistics.partition(tablePath, partitionSpec);
    }

    @Override
    public CatalogColumnStatistics getPartitionColumnStatistics(ObjectPath tablePath,
            CatalogPartitionSpec partitionSpec) throws PartitionNotExistException {
        return statistics.partitionColumns(tablePath, partitionSpec);
    }

    @Override
    public void alterTableStatistics(ObjectPath tablePath, CatalogTableStatistics tableStatistics,
            boolean ignoreIfNotExists) throws TableNotExistException {
        statistics.alterTable(tablePath, requireNonNull(tableStatistics, "tableStatistics is null"),
                ignoreIfNotExists);
    }

    @Override
    public void alterTableColumnStatistics(ObjectPath tablePath, CatalogColumnStatistics columnStatistics,
            boolean ignoreIfNotExists) throws TableNotExistException, TablePartitionedException {
        statistics.alterColumns(tablePath, requireNonNull(columnStatistics, "columnStatistics is null"),
                ignoreIfNotExists);
    }

    @Override
    public void alterPartitionStatistics(ObjectPath tablePath, CatalogPartitionSpec partitionSpec,
            CatalogTableStatistics partitionStatistics, boolean ignoreIfNotExists) throws PartitionNotExistException {
        statistics.alterPartition(tablePath, partitionSpec,
                requireNonNull(partitionStatistics, "partitionStatistics is null"), ignoreIfNotExists);
    }

    @Override
    public void alterPartitionColumnStatistics(ObjectPath tablePath, CatalogPartitionSpec partitionSpec,
            CatalogColumnStatistics columnStatistics, boolean ignoreIfNotExists) throws PartitionNotExistException {
        statistics.alterPartitionColumns(tablePath, partitionSpec,
                requireNonNull(columnStatistics, "columnStatistics is null"), ignoreIfNotExists);
    }

    private void requireDatabase(String databaseName) throws DatabaseNotExistException {
        if (!databases.exists(databaseName)) {
            throw new DatabaseNotExistException(getName(), databaseName);
        }
    }
}
