package io.tributary.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class JobStateTest {

    @Test
    void everyStateHasATransitionTableEntry() {
        for (JobState state : JobState.values()) {
            assertThat(state.nextStates()).as(state.name()).isNotEmpty().doesNotContain(state);
        }
    }

    @Test
    void onlyStoppedStatesCanBeDeployedAgain() {
        EnumSet<JobState> deployable = EnumSet.noneOf(JobState.class);
        for (JobState state : JobState.values()) {
            if (state.deployable()) {
                deployable.add(state);
            }
        }
        assertThat(deployable).containsExactlyInAnyOrder(JobState.CREATED, JobState.STOPPED, JobState.CANCELED,
                JobState.FAILED, JobState.FINISHED, JobState.LOST);
        assertThat(deployable).allSatisfy(state -> assertThat(state.active()).isFalse());
    }

    @Test
    void aSlowSavepointNeverMakesTheJobFailedByItself() {
        // The only ways out of SAVEPOINTING are Flink's answers: stopped, still running (timeout / failed
        // savepoint), or what the cluster reports about the job itself.
        assertThat(JobState.SAVEPOINTING.nextStates()).contains(JobState.STOPPED, JobState.RUNNING);
        assertThat(JobState.RUNNING.canTransitionTo(JobState.STOPPED)).isFalse();
    }

    @Test
    void aStoppedJobCannotBeStoppedAgain() {
        assertThat(JobState.STOPPED.canTransitionTo(JobState.SAVEPOINTING)).isFalse();
        assertThat(JobState.STOPPED.canTransitionTo(JobState.CANCELLING)).isFalse();
        assertThat(JobState.CANCELED.canTransitionTo(JobState.CANCELLING)).isFalse();
    }
}
