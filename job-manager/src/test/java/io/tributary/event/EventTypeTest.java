package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.cluster.ClusterHealth;
import io.tributary.job.JobState;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void everyLegalJobTransitionHasAType() {
        for (JobState from : JobState.values()) {
            for (JobState to : from.nextStates()) {
                assertThat(EventType.ofJob(from, to)).as(from + " -> " + to).isNotNull();
            }
        }
    }

    @Test
    void aJobsTypeSaysWhatHappenedToIt() {
        assertThat(EventType.ofJob(JobState.DEPLOYING, JobState.RUNNING)).isEqualTo(EventType.JOB_STARTED);
        assertThat(EventType.ofJob(JobState.RESTARTING, JobState.RUNNING)).isEqualTo(EventType.JOB_RUNNING_AGAIN);
        assertThat(EventType.ofJob(JobState.LOST, JobState.RUNNING)).isEqualTo(EventType.JOB_RUNNING_AGAIN);
        assertThat(EventType.ofJob(JobState.SAVEPOINTING, JobState.RUNNING)).isEqualTo(EventType.JOB_SAVEPOINT_FAILED);
        assertThat(EventType.ofJob(JobState.SAVEPOINTING, JobState.STOPPED)).isEqualTo(EventType.JOB_STOPPED);
        assertThat(EventType.ofJob(JobState.RUNNING, JobState.FAILED)).isEqualTo(EventType.JOB_FAILED);
        assertThat(EventType.ofJob(JobState.RUNNING, JobState.RESTARTING)).isEqualTo(EventType.JOB_RESTARTING);
        assertThat(EventType.ofJob(JobState.RUNNING, JobState.LOST)).isEqualTo(EventType.JOB_LOST);
        assertThat(EventType.ofJob(JobState.RUNNING, JobState.CANCELED)).isEqualTo(EventType.JOB_CANCELED);
        assertThat(EventType.ofJob(JobState.RUNNING, JobState.FINISHED)).isEqualTo(EventType.JOB_FINISHED);
        assertThat(EventType.JOB_FAILED.concernsJob()).isTrue();
        assertThat(EventType.CLUSTER_LOST.concernsJob()).isFalse();
    }

    @Test
    void aClustersTypeFollowsItsHealth() {
        assertThat(EventType.ofCluster(ClusterHealth.UP, ClusterHealth.LOST)).isEqualTo(EventType.CLUSTER_LOST);
        assertThat(EventType.ofCluster(ClusterHealth.UNKNOWN, ClusterHealth.LOST)).isEqualTo(EventType.CLUSTER_LOST);
        assertThat(EventType.ofCluster(ClusterHealth.UP, ClusterHealth.DEGRADED))
                .isEqualTo(EventType.CLUSTER_DEGRADED);
        assertThat(EventType.ofCluster(ClusterHealth.LOST, ClusterHealth.UP)).isEqualTo(EventType.CLUSTER_RECOVERED);
        assertThat(EventType.ofCluster(ClusterHealth.DEGRADED, ClusterHealth.UP))
                .isEqualTo(EventType.CLUSTER_RECOVERED);
    }

    @Test
    void recentEventsKeepTheNewestFirstUpToTheirCapacity() {
        RecentEvents recent = new RecentEvents(3);
        java.time.Instant at = java.time.Instant.parse("2026-11-24T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            recent.afterCommit(new ClusterHealthChanged("c" + i, "c" + i, "standalone", ClusterHealth.UP,
                    ClusterHealth.LOST, "down", 0, at.plusSeconds(i)));
        }
        assertThat(recent.latest(10, event -> true)).extracting(WatchEvent::clusterId)
                .containsExactly("c4", "c3", "c2");
        assertThat(recent.latest(1, event -> event.clusterId().equals("c2"))).extracting(WatchEvent::clusterId)
                .containsExactly("c2");
    }
}
