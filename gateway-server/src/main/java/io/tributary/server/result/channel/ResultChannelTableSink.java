package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.DataStreamSinkProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Accepts every change a query produces (as Flink's collect sink does: inserts, both halves of updates, deletes)
 * and writes them from a single task, so that a sorted query's order survives.
 */
final class ResultChannelTableSink implements DynamicTableSink {

    private final ChannelAddress address;
    private final RowType rowType;

    ResultChannelTableSink(ChannelAddress address, RowType rowType) {
        this.address = requireNonNull(address, "address is null");
        this.rowType = requireNonNull(rowType, "rowType is null");
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode;
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        ResultChannelSinkFunction sink = new ResultChannelSinkFunction(address, rowType);
        String name = asSummaryString();
        return new DataStreamSinkProvider() {
            @Override
            public DataStreamSink<?> consumeDataStream(ProviderContext context, DataStream<RowData> rows) {
                // An input of parallelism 1, or one the scheduler chooses, is forwarded: the sink chains to it and
                // rows never cross a network buffer (left unspecified, a batch job's edge would be an exchange).
                // A wider input is rebalanced into the single writer.
                DataStream<RowData> input = rows.getParallelism() <= 1 ? rows.forward() : rows;
                return input.addSink(sink).setParallelism(1).name(name);
            }
        };
    }

    @Override
    public DynamicTableSink copy() {
        return new ResultChannelTableSink(address, rowType);
    }

    @Override
    public String asSummaryString() {
        return "result channel " + address.host() + ":" + address.port();
    }
}
