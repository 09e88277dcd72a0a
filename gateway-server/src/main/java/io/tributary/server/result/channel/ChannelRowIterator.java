package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query's rows as they arrive on its result channel. Until the sink connects it watches the job, so that a job
 * that fails before its sink starts ends the wait with the job's failure. A connection that ends without the end
 * mark is the job failing or being cancelled: the job's failure is what it reports. Closing it (the operation
 * closed or cancelled, a timeout, the client gone) cancels the job unless its result was complete.
 */
final class ChannelRowIterator implements CloseableIterator<RowData> {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRowIterator.class);
    static final long CONNECTION_POLL_MILLIS = 50;
    /** While waiting for the sink, the job's status is asked once per this many polls (each ask is a request). */
    static final int POLLS_PER_STATUS = 10;
    static final long JOB_RESULT_WAIT_SECONDS = 30;

    private final ResultChannel channel;
    private final RowDataSerializer serializer;
    private final JobClient job;
    private DataInputViewStreamWrapper in;
    private RowData next;
    private volatile boolean ended;
    private volatile boolean closed;

    ChannelRowIterator(ResultChannel channel, RowDataSerializer serializer, JobClient job) {
        this.channel = requireNonNull(channel, "channel is null");
        this.serializer = requireNonNull(serializer, "serializer is null");
        this.job = requireNonNull(job, "job is null");
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended || closed) {
            return false;
        }
        try {
            if (in == null) {
                connect();
            }
            byte mark = in.readByte();
            if (mark == ChannelProtocol.ROW) {
                next = serializer.deserialize(in);
                return true;
            }
            if (mark == ChannelProtocol.END) {
                ended = true;
                return false;
            }
            throw new IOException("unexpected mark " + mark + " on the result channel");
        } catch (IOException e) {
            if (closed) {
                return false;
            }
            throw jobFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            return false;
        }
    }

    @Override
    public RowData next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RowData row = next;
        next = null;
        return row;
    }

    /** True when a row is waiting or the result is complete (never blocks). */
    boolean firstRowReady() {
        return next != null || ended;
    }

    private void connect() throws IOException, InterruptedException {
        for (int poll = 1; !closed; poll++) {
            Socket socket;
            try {
                socket = channel.awaitConnection(CONNECTION_POLL_MILLIS);
            } catch (ExecutionException e) {
                throw new IOException("the result channel closed: " + e.getCause(), e.getCause());
            }
            if (socket != null) {
                in = new DataInputViewStreamWrapper(new BufferedInputStream(socket.getInputStream(),
                        ChannelProtocol.BUFFER_BYTES));
                return;
            }
            JobStatus status = poll % POLLS_PER_STATUS == 0 ? jobStatus() : null;
            if (status != null && status.isGloballyTerminalState()) {
                throw new IOException("the query's job ended (" + status + ") before its sink connected");
            }
        }
        throw new IOException("closed");
    }

    private JobStatus jobStatus() throws InterruptedException {
        try {
            return job.getJobStatus().get(JOB_RESULT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Status of job {} unknown: {}", job.getJobID(), e.toString());
            return null;
        }
    }

    /** The job's own failure if it failed, else what broke the channel. */
    private RuntimeException jobFailure(IOException channelFailure) {
        try {
            job.getJobExecutionResult().get(JOB_RESULT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = ExceptionUtils.stripExecutionException(e);
            return new IllegalStateException("The query's job " + job.getJobID() + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | RuntimeException e) {
            LOG.debug("Result of job {} unknown: {}", job.getJobID(), e.toString());
        }
        return new IllegalStateException("The result of job " + job.getJobID() + " broke off: "
                + channelFailure.getMessage(), channelFailure);
    }

    @Override
    public void close() {
        closed = true;
        channel.close();
        if (!ended) {
            job.cancel().whenComplete((ignored, failure) -> {
                if (failure != null) {
                    LOG.debug("Job {} of a closed result was not cancelled: {}", job.getJobID(),
                            failure.toString());
                }
            });
        }
    }
}
