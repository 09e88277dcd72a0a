package io.tributary.server.result.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The result channel listener on a real socket: who gets a channel's connection, and who is turned away. */
class ResultChannelsTest {

    @Test
    void theSinkThatNamesTheTokenGetsTheChannelAndNobodyElse() throws Exception {
        try (ResultChannels channels = new ResultChannels(InetAddress.getLoopbackAddress());
                ResultChannel channel = channels.open()) {
            ChannelAddress address = channel.address();
            assertThat(address.host()).isEqualTo("127.0.0.1");

            try (Socket stranger = connect(address, 0x12345678, UUID.randomUUID())) {
                assertThat(stranger.getInputStream().read()).as("a wrong opening is hung up on").isEqualTo(-1);
            }
            try (Socket guess = connect(address, ChannelProtocol.MAGIC, UUID.randomUUID())) {
                assertThat(guess.getInputStream().read()).as("an unknown token is hung up on").isEqualTo(-1);
            }
            assertThat(channel.awaitConnection(100)).as("the channel still waits").isNull();

            try (Socket sink = connect(address, ChannelProtocol.MAGIC, address.token().value())) {
                Socket accepted = channel.awaitConnection(5_000);
                assertThat(accepted).isNotNull();
                sink.getOutputStream().write(ChannelProtocol.END);
                sink.getOutputStream().flush();
                assertThat(accepted.getInputStream().read()).isEqualTo(ChannelProtocol.END);
            }
            assertThat(channels.waitingChannels()).isZero();
        }
    }

    @Test
    void aConnectionThatSaysNothingHoldsUpNoOther() throws Exception {
        try (ResultChannels channels = new ResultChannels(InetAddress.getLoopbackAddress());
                ResultChannel channel = channels.open();
                Socket silent = new Socket(channel.address().host(), channel.address().port())) {
            Thread.sleep(100);
            long started = System.nanoTime();
            try (Socket sink = connect(channel.address(), ChannelProtocol.MAGIC, channel.address().token().value())) {
                assertThat(channel.awaitConnection(5_000)).isNotNull();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofMillis(ResultChannels.HANDSHAKE_TIMEOUT_MILLIS / 2));
        }
    }

    @Test
    void aReleasedChannelForgetsItsToken() throws Exception {
        try (ResultChannels channels = new ResultChannels(InetAddress.getLoopbackAddress())) {
            ResultChannel channel = channels.open();
            assertThat(channels.waitingChannels()).isEqualTo(1);
            channel.close();
            assertThat(channels.waitingChannels()).isZero();
            try (Socket late = connect(channel.address(), ChannelProtocol.MAGIC, channel.address().token().value())) {
                assertThat(late.getInputStream().read()).as("a released channel takes no connection").isEqualTo(-1);
            }
        }
    }

    private static Socket connect(ChannelAddress address, int magic, UUID token) throws Exception {
        Socket socket = new Socket(address.host(), address.port());
        socket.setSoTimeout(10_000);
        ByteArrayOutputStream opening = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(opening);
        out.writeInt(magic);
        out.writeLong(token.getMostSignificantBits());
        out.writeLong(token.getLeastSignificantBits());
        socket.getOutputStream().write(opening.toByteArray());
        return socket;
    }
}
