package io.tributary.catalog.builtin;

import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogMaterializedTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.CatalogView;
import org.apache.flink.table.catalog.IntervalFreshness;
import org.apache.flink.table.catalog.TableDistribution;

/** Unresolved tables, views and materialized tables for tests, with every feature Flink's catalogs keep. */
final class SampleTables {

    private SampleTables() {}

    /** A small bounded table. */
    static CatalogTable datagen() {
        return CatalogTable.of(Schema.newBuilder().column("id", DataTypes.INT()).build(), null, List.of(),
                Map.of("connector", "datagen", "number-of-rows", "5"));
    }

    /**
     * A Kafka table with everything: physical columns with comments, a computed column, metadata columns (virtual
     * and not, with and without a key of their own), a watermark, a named primary key, a comment, partition keys,
     * connector and format options and a distribution.
     */
    static CatalogTable kafkaOrders() {
        Schema schema = Schema.newBuilder()
                .column("id", DataTypes.BIGINT().notNull()).withComment("the order's key")
                .column("customer", DataTypes.STRING())
                .column("amount", DataTypes.DECIMAL(10, 2)).withComment("in euros")
                .column("tags", DataTypes.ARRAY(DataTypes.STRING()))
                .column("shipping", DataTypes.ROW(DataTypes.FIELD("city", DataTypes.STRING()),
                        DataTypes.FIELD("zip", DataTypes.CHAR(5))))
                .column("ts", DataTypes.TIMESTAMP(3))
                .column("dt", DataTypes.STRING().notNull())
                .columnByExpression("doubled", "amount * 2")
                .columnByExpression("day_of_order", "CAST(ts AS DATE)")
                .columnByMetadata("kafka_offset", DataTypes.BIGINT(), "offset", true)
                .columnByMetadata("headers", DataTypes.MAP(DataTypes.STRING(), DataTypes.BYTES()))
                .watermark("ts", "ts - INTERVAL '5' SECOND")
                .primaryKeyNamed("orders_pk", "id", "dt")
                .build();
        return CatalogTable.newBuilder()
                .schema(schema)
                .comment("Orders, as they come")
                .partitionKeys(List.of("dt"))
                .options(Map.of(
                        "connector", "kafka",
                        "topic", "orders",
                        "properties.bootstrap.servers", "127.0.0.1:9092",
                        "properties.group.id", "tributary",
                        "scan.startup.mode", "earliest-offset",
                        "format", "json",
                        "json.ignore-parse-errors", "true"))
                .distribution(TableDistribution.ofHash(List.of("id"), 4))
                .build();
    }

    static CatalogView ordersView() {
        Schema schema = Schema.newBuilder()
                .column("customer", DataTypes.STRING())
                .column("total", DataTypes.DECIMAL(38, 2))
                .build();
        return CatalogView.of(schema, "Totals per customer",
                "SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer",
                "SELECT `orders`.`customer`, SUM(`orders`.`amount`) AS `total` FROM `c`.`default`.`orders` "
                        + "GROUP BY `orders`.`customer`",
                Map.of("owner", "team-a"));
    }

    static CatalogMaterializedTable dailyTotals() {
        Schema schema = Schema.newBuilder()
                .column("dt", DataTypes.STRING().notNull())
                .column("total", DataTypes.DECIMAL(38, 2))
                .primaryKey("dt")
                .build();
        return CatalogMaterializedTable.newBuilder()
                .schema(schema)
                .comment("Totals per day")
                .partitionKeys(List.of("dt"))
                .options(Map.of("format", "json"))
                .definitionQuery("SELECT dt, SUM(amount) AS total FROM orders GROUP BY dt")
                .freshness(IntervalFreshness.ofMinute("3"))
                .logicalRefreshMode(CatalogMaterializedTable.LogicalRefreshMode.AUTOMATIC)
                .refreshMode(CatalogMaterializedTable.RefreshMode.CONTINUOUS)
                .refreshStatus(CatalogMaterializedTable.RefreshStatus.INITIALIZING)
                .build();
    }
}
