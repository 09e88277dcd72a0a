package io.tributary.server.result.channel;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@value #IDENTIFIER} connector: the sink the server puts under an ad-hoc query on the embedded cluster in
 * place of Flink's collect sink, so that the query's rows reach the server through one buffered TCP connection
 * ({@link ResultChannelSinkFunction}) instead of a request per batch through the JobManager. Only the server creates
 * tables with it, for a channel it opened ({@link ResultChannels}).
 */
public final class ResultChannelSinkFactory implements DynamicTableSinkFactory {

    public static final String IDENTIFIER = "tributary-result-channel";

    static final ConfigOption<String> HOST = ConfigOptions.key("host").stringType().defaultValue("127.0.0.1")
            .withDescription("Address of the server's result channel listener.");
    static final ConfigOption<Integer> PORT = ConfigOptions.key("port").intType().noDefaultValue()
            .withDescription("Port of the server's result channel listener.");
    static final ConfigOption<String> TOKEN = ConfigOptions.key("token").stringType().noDefaultValue()
            .withDescription("The channel's token, given by the server when it opened the channel.");

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(PORT, TOKEN);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(HOST);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ChannelAddress address = new ChannelAddress(helper.getOptions().get(HOST), helper.getOptions().get(PORT),
                ChannelToken.parse(helper.getOptions().get(TOKEN)));
        RowType rowType = (RowType) context.getPhysicalRowDataType().getLogicalType();
        return new ResultChannelTableSink(address, rowType);
    }
}
