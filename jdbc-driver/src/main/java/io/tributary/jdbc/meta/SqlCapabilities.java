package io.tributary.jdbc.meta;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;

/**
 * What Flink SQL through the gateway can and cannot do, as DatabaseMetaData asks it: case-sensitive identifiers
 * kept as written and quoted with backticks; catalogs and databases (JDBC's schemas) in names; joins, subqueries,
 * unions, GROUP BY; no transactions, savepoints, positioned updates, stored procedures or indexes; forward-only,
 * read-only results whose cursors stay open (nothing commits them). No limits are known (0).
 */
abstract class SqlCapabilities implements DatabaseMetaData {

    @Override
    public boolean allProceduresAreCallable() { return false; }
    @Override
    public boolean allTablesAreSelectable() { return true; }
    @Override
    public boolean autoCommitFailureClosesAllResultSets() { return false; }
    @Override
    public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override
    public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override
    public boolean doesMaxRowSizeIncludeBlobs() { return false; }
    @Override
    public boolean generatedKeyAlwaysReturned() { return false; }
    @Override
    public boolean isCatalogAtStart() { return true; }
    @Override
    public boolean locatorsUpdateCopy() { return false; }
    @Override
    public boolean nullPlusNonNullIsNull() { return true; }
    @Override
    public boolean nullsAreSortedAtEnd() { return false; }
    @Override
    public boolean nullsAreSortedAtStart() { return false; }
    @Override
    public boolean nullsAreSortedHigh() { return false; }
    @Override
    public boolean nullsAreSortedLow() { return true; }
    @Override
    public boolean storesLowerCaseIdentifiers() { return false; }
    @Override
    public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override
    public boolean storesMixedCaseIdentifiers() { return true; }
    @Override
    public boolean storesMixedCaseQuotedIdentifiers() { return true; }
    @Override
    public boolean storesUpperCaseIdentifiers() { return false; }
    @Override
    public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override
    public boolean supportsANSI92EntryLevelSQL() { return true; }
    @Override
    public boolean supportsANSI92FullSQL() { return false; }
    @Override
    public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override
    public boolean supportsAlterTableWithAddColumn() { return true; }
    @Override
    public boolean supportsAlterTableWithDropColumn() { return true; }
    @Override
    public boolean supportsBatchUpdates() { return true; }
    @Override
    public boolean supportsCatalogsInDataManipulation() { return true; }
    @Override
    public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
    @Override
    public boolean supportsCatalogsInProcedureCalls() { return true; }
    @Override
    public boolean supportsCatalogsInTableDefinitions() { return true; }
    @Override
    public boolean supportsColumnAliasing() { return true; }
    @Override
    public boolean supportsConvert() { return false; }
    @Override
    public boolean supportsCoreSQLGrammar() { return true; }
    @Override
    public boolean supportsCorrelatedSubqueries() { return true; }
    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() { return false; }
    @Override
    public boolean supportsDataManipulationTransactionsOnly() { return false; }
    @Override
    public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override
    public boolean supportsExpressionsInOrderBy() { return true; }
    @Override
    public boolean supportsExtendedSQLGrammar() { return false; }
    @Override
    public boolean supportsFullOuterJoins() { return true; }
    @Override
    public boolean supportsGetGeneratedKeys() { return false; }
    @Override
    public boolean supportsGroupBy() { return true; }
    @Override
    public boolean supportsGroupByBeyondSelect() { return true; }
    @Override
    public boolean supportsGroupByUnrelated() { return true; }
    @Override
    public boolean supportsIntegrityEnhancementFacility() { return false; }
    @Override
    public boolean supportsLikeEscapeClause() { return true; }
    @Override
    public boolean supportsLimitedOuterJoins() { return true; }
    @Override
    public boolean supportsMinimumSQLGrammar() { return true; }
    @Override
    public boolean supportsMixedCaseIdentifiers() { return true; }
    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() { return true; }
    @Override
    public boolean supportsMultipleOpenResults() { return false; }
    @Override
    public boolean supportsMultipleResultSets() { return false; }
    @Override
    public boolean supportsMultipleTransactions() { return false; }
    @Override
    public boolean supportsNamedParameters() { return false; }
    @Override
    public boolean supportsNonNullableColumns() { return true; }
    @Override
    public boolean supportsOpenCursorsAcrossCommit() { return true; }
    @Override
    public boolean supportsOpenCursorsAcrossRollback() { return true; }
    @Override
    public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override
    public boolean supportsOpenStatementsAcrossRollback() { return true; }
    @Override
    public boolean supportsOrderByUnrelated() { return true; }
    @Override
    public boolean supportsOuterJoins() { return true; }
    @Override
    public boolean supportsPositionedDelete() { return false; }
    @Override
    public boolean supportsPositionedUpdate() { return false; }
    @Override
    public boolean supportsRefCursors() { return false; }
    @Override
    public boolean supportsSavepoints() { return false; }
    @Override
    public boolean supportsSchemasInDataManipulation() { return true; }
    @Override
    public boolean supportsSchemasInIndexDefinitions() { return false; }
    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
    @Override
    public boolean supportsSchemasInProcedureCalls() { return true; }
    @Override
    public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override
    public boolean supportsSelectForUpdate() { return false; }
    @Override
    public boolean supportsSharding() { return false; }
    @Override
    public boolean supportsStatementPooling() { return false; }
    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
    @Override
    public boolean supportsStoredProcedures() { return false; }
    @Override
    public boolean supportsSubqueriesInComparisons() { return true; }
    @Override
    public boolean supportsSubqueriesInExists() { return true; }
    @Override
    public boolean supportsSubqueriesInIns() { return true; }
    @Override
    public boolean supportsSubqueriesInQuantifieds() { return true; }
    @Override
    public boolean supportsTableCorrelationNames() { return true; }
    @Override
    public boolean supportsTransactions() { return false; }
    @Override
    public boolean supportsUnion() { return true; }
    @Override
    public boolean supportsUnionAll() { return true; }
    @Override
    public boolean usesLocalFilePerTable() { return false; }
    @Override
    public boolean usesLocalFiles() { return false; }
    @Override
    public boolean deletesAreDetected(int type) { return false; }
    @Override
    public boolean insertsAreDetected(int type) { return false; }
    @Override
    public boolean othersDeletesAreVisible(int type) { return false; }
    @Override
    public boolean othersInsertsAreVisible(int type) { return false; }
    @Override
    public boolean othersUpdatesAreVisible(int type) { return false; }
    @Override
    public boolean ownDeletesAreVisible(int type) { return false; }
    @Override
    public boolean ownInsertsAreVisible(int type) { return false; }
    @Override
    public boolean ownUpdatesAreVisible(int type) { return false; }
    @Override
    public boolean updatesAreDetected(int type) { return false; }
    @Override
    public boolean supportsConvert(int fromType, int toType) { return false; }
    @Override
    public boolean supportsResultSetType(int type) { return type == ResultSet.TYPE_FORWARD_ONLY; }
    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }
    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }
    @Override
    public boolean supportsTransactionIsolationLevel(int level) { return level == Connection.TRANSACTION_NONE; }
    @Override
    public int getMaxBinaryLiteralLength() { return 0; }
    @Override
    public int getMaxCatalogNameLength() { return 0; }
    @Override
    public int getMaxCharLiteralLength() { return 0; }
    @Override
    public int getMaxColumnNameLength() { return 0; }
    @Override
    public int getMaxColumnsInGroupBy() { return 0; }
    @Override
    public int getMaxColumnsInIndex() { return 0; }
    @Override
    public int getMaxColumnsInOrderBy() { return 0; }
    @Override
    public int getMaxColumnsInSelect() { return 0; }
    @Override
    public int getMaxColumnsInTable() { return 0; }
    @Override
    public int getMaxConnections() { return 0; }
    @Override
    public int getMaxCursorNameLength() { return 0; }
    @Override
    public int getMaxIndexLength() { return 0; }
    @Override
    public int getMaxProcedureNameLength() { return 0; }
    @Override
    public int getMaxRowSize() { return 0; }
    @Override
    public int getMaxSchemaNameLength() { return 0; }
    @Override
    public int getMaxStatementLength() { return 0; }
    @Override
    public int getMaxStatements() { return 0; }
    @Override
    public int getMaxTableNameLength() { return 0; }
    @Override
    public int getMaxTablesInSelect() { return 0; }
    @Override
    public int getMaxUserNameLength() { return 0; }
    @Override
    public long getMaxLogicalLobSize() { return 0; }
    @Override
    public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_NONE; }
    @Override
    public int getJDBCMajorVersion() { return 4; }
    @Override
    public int getJDBCMinorVersion() { return 2; }
    @Override
    public int getResultSetHoldability() { return ResultSet.HOLD_CURSORS_OVER_COMMIT; }
    @Override
    public int getSQLStateType() { return sqlStateSQL; }
    @Override
    public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }
    @Override
    public String getCatalogSeparator() { return "."; }
    @Override
    public String getCatalogTerm() { return "catalog"; }
    @Override
    public String getSchemaTerm() { return "database"; }
    @Override
    public String getProcedureTerm() { return "procedure"; }
    @Override
    public String getExtraNameCharacters() { return ""; }
    @Override
    public String getIdentifierQuoteString() { return "`"; }
    @Override
    public String getSearchStringEscape() { return LikePattern.ESCAPE; }
    @Override
    public String getSQLKeywords() { return FlinkSqlWords.KEYWORDS; }
    @Override
    public String getNumericFunctions() { return FlinkSqlWords.NUMERIC_FUNCTIONS; }
    @Override
    public String getStringFunctions() { return FlinkSqlWords.STRING_FUNCTIONS; }
    @Override
    public String getSystemFunctions() { return FlinkSqlWords.SYSTEM_FUNCTIONS; }
    @Override
    public String getTimeDateFunctions() { return FlinkSqlWords.TIME_DATE_FUNCTIONS; }
}
