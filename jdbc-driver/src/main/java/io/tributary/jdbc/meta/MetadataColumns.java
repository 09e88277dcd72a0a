package io.tributary.jdbc.meta;

import io.tributary.jdbc.result.Column;
import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.TypeRoot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of every DatabaseMetaData result, with the labels, order and types the JDBC specification gives
 * them (a name alone is VARCHAR; ":int", ":short", ":long" and ":boolean" name the others).
 */
final class MetadataColumns {

    static final List<Column> CATALOGS = columns("TABLE_CAT");
    static final List<Column> SCHEMAS = columns("TABLE_SCHEM TABLE_CATALOG");
    static final List<Column> TABLE_TYPES = columns("TABLE_TYPE");
    static final List<Column> TABLES = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME TABLE_TYPE REMARKS TYPE_CAT"
            + " TYPE_SCHEM TYPE_NAME SELF_REFERENCING_COL_NAME REF_GENERATION");
    static final List<Column> COLUMNS = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:int"
            + " TYPE_NAME COLUMN_SIZE:int BUFFER_LENGTH:int DECIMAL_DIGITS:int NUM_PREC_RADIX:int NULLABLE:int"
            + " REMARKS COLUMN_DEF SQL_DATA_TYPE:int SQL_DATETIME_SUB:int CHAR_OCTET_LENGTH:int"
            + " ORDINAL_POSITION:int IS_NULLABLE SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE SOURCE_DATA_TYPE:short"
            + " IS_AUTOINCREMENT IS_GENERATEDCOLUMN");
    static final List<Column> PRIMARY_KEYS = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME KEY_SEQ:short"
            + " PK_NAME");
    static final List<Column> KEYS = columns("PKTABLE_CAT PKTABLE_SCHEM PKTABLE_NAME PKCOLUMN_NAME FKTABLE_CAT"
            + " FKTABLE_SCHEM FKTABLE_NAME FKCOLUMN_NAME KEY_SEQ:short UPDATE_RULE:short DELETE_RULE:short FK_NAME"
            + " PK_NAME DEFERRABILITY:short");
    static final List<Column> INDEX_INFO = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME NON_UNIQUE:boolean"
            + " INDEX_QUALIFIER INDEX_NAME TYPE:short ORDINAL_POSITION:short COLUMN_NAME ASC_OR_DESC"
            + " CARDINALITY:long PAGES:long FILTER_CONDITION");
    static final List<Column> TYPE_INFO = columns("TYPE_NAME DATA_TYPE:int PRECISION:int LITERAL_PREFIX"
            + " LITERAL_SUFFIX CREATE_PARAMS NULLABLE:short CASE_SENSITIVE:boolean SEARCHABLE:short"
            + " UNSIGNED_ATTRIBUTE:boolean FIXED_PREC_SCALE:boolean AUTO_INCREMENT:boolean LOCAL_TYPE_NAME"
            + " MINIMUM_SCALE:short MAXIMUM_SCALE:short SQL_DATA_TYPE:int SQL_DATETIME_SUB:int NUM_PREC_RADIX:int");
    static final List<Column> FUNCTIONS = columns("FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME REMARKS"
            + " FUNCTION_TYPE:short SPECIFIC_NAME");
    static final List<Column> FUNCTION_COLUMNS = columns("FUNCTION_CAT FUNCTION_SCHEM FUNCTION_NAME COLUMN_NAME"
            + " COLUMN_TYPE:short DATA_TYPE:int TYPE_NAME PRECISION:int LENGTH:int SCALE:short RADIX:short"
            + " NULLABLE:short REMARKS CHAR_OCTET_LENGTH:int ORDINAL_POSITION:int IS_NULLABLE SPECIFIC_NAME");
    static final List<Column> PROCEDURES = columns("PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME RESERVED1"
            + " RESERVED2 RESERVED3 REMARKS PROCEDURE_TYPE:short SPECIFIC_NAME");
    static final List<Column> PROCEDURE_COLUMNS = columns("PROCEDURE_CAT PROCEDURE_SCHEM PROCEDURE_NAME"
            + " COLUMN_NAME COLUMN_TYPE:short DATA_TYPE:int TYPE_NAME PRECISION:int LENGTH:int SCALE:short"
            + " RADIX:short NULLABLE:short REMARKS COLUMN_DEF SQL_DATA_TYPE:int SQL_DATETIME_SUB:int"
            + " CHAR_OCTET_LENGTH:int ORDINAL_POSITION:int IS_NULLABLE SPECIFIC_NAME");
    static final List<Column> COLUMN_PRIVILEGES = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME GRANTOR"
            + " GRANTEE PRIVILEGE IS_GRANTABLE");
    static final List<Column> TABLE_PRIVILEGES = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME GRANTOR GRANTEE"
            + " PRIVILEGE IS_GRANTABLE");
    static final List<Column> ROW_IDENTIFIERS = columns("SCOPE:short COLUMN_NAME DATA_TYPE:int TYPE_NAME"
            + " COLUMN_SIZE:int BUFFER_LENGTH:int DECIMAL_DIGITS:short PSEUDO_COLUMN:short");
    static final List<Column> UDTS = columns("TYPE_CAT TYPE_SCHEM TYPE_NAME CLASS_NAME DATA_TYPE:int REMARKS"
            + " BASE_TYPE:short");
    static final List<Column> SUPER_TYPES = columns("TYPE_CAT TYPE_SCHEM TYPE_NAME SUPERTYPE_CAT SUPERTYPE_SCHEM"
            + " SUPERTYPE_NAME");
    static final List<Column> SUPER_TABLES = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME SUPERTABLE_NAME");
    static final List<Column> ATTRIBUTES = columns("TYPE_CAT TYPE_SCHEM TYPE_NAME ATTR_NAME DATA_TYPE:int"
            + " ATTR_TYPE_NAME ATTR_SIZE:int DECIMAL_DIGITS:int NUM_PREC_RADIX:int NULLABLE:int REMARKS ATTR_DEF"
            + " SQL_DATA_TYPE:int SQL_DATETIME_SUB:int CHAR_OCTET_LENGTH:int ORDINAL_POSITION:int IS_NULLABLE"
            + " SCOPE_CATALOG SCOPE_SCHEMA SCOPE_TABLE SOURCE_DATA_TYPE:short");
    static final List<Column> CLIENT_INFO = columns("NAME MAX_LEN:int DEFAULT_VALUE DESCRIPTION");
    static final List<Column> PSEUDO_COLUMNS = columns("TABLE_CAT TABLE_SCHEM TABLE_NAME COLUMN_NAME DATA_TYPE:int"
            + " COLUMN_SIZE:int DECIMAL_DIGITS:int NUM_PREC_RADIX:int COLUMN_USAGE REMARKS CHAR_OCTET_LENGTH:int"
            + " IS_NULLABLE");

    private MetadataColumns() {}

    private static List<Column> columns(String definition) {
        List<Column> columns = new ArrayList<>();
        for (String column : definition.split(" ")) {
            int colon = column.indexOf(':');
            String name = colon < 0 ? column : column.substring(0, colon);
            String kind = colon < 0 ? "" : column.substring(colon + 1);
            columns.add(new Column(name, type(kind)));
        }
        return Collections.unmodifiableList(columns);
    }

    private static FlinkType type(String kind) {
        switch (kind) {
            case "int":
                return FlinkType.of(TypeRoot.INTEGER, true);
            case "short":
                return FlinkType.of(TypeRoot.SMALLINT, true);
            case "long":
                return FlinkType.of(TypeRoot.BIGINT, true);
            case "boolean":
                return FlinkType.of(TypeRoot.BOOLEAN, true);
            default:
                return FlinkType.string();
        }
    }
}
