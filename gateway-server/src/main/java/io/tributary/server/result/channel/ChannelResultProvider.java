package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.internal.ResultProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.conversion.DataStructureConverter;
import org.apache.flink.table.data.conversion.DataStructureConverters;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.utils.print.RowDataToStringConverter;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** A query's result read from its result channel, for Flink's table result (and so for the gateway's fetcher). */
final class ChannelResultProvider implements ResultProvider {

    private final ChannelRowIterator rows;
    private final DataType rowDataType;
    private final RowDataToStringConverter text;

    ChannelResultProvider(ChannelRowIterator rows, DataType rowDataType, RowDataToStringConverter text) {
        this.rows = requireNonNull(rows, "rows is null");
        this.rowDataType = requireNonNull(rowDataType, "rowDataType is null");
        this.text = requireNonNull(text, "text is null");
    }

    /** The job is known from the start: the channel was opened for it. */
    @Override
    public ResultProvider setJobClient(JobClient jobClient) {
        return this;
    }

    @Override
    public CloseableIterator<RowData> toInternalIterator() {
        return rows;
    }

    @Override
    @SuppressWarnings("unchecked")
    public CloseableIterator<Row> toExternalIterator() {
        DataStructureConverter<Object, Object> converter = DataStructureConverters.getConverter(rowDataType);
        converter.open(Thread.currentThread().getContextClassLoader());
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return (Row) converter.toExternal(rows.next());
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    @Override
    public RowDataToStringConverter getRowDataStringConverter() {
        return text;
    }

    @Override
    public boolean isFirstRowReady() {
        return rows.firstRowReady();
    }
}
