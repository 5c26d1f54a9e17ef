package dev.switchboard.local.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopMatcherTest {
    @Test
    void textBeforeAStopSequenceSplitAcrossPiecesIsPassedOnAndTheSequenceIsNot() {
        StopMatcher m = new StopMatcher(List.of("END"));

        assertThat(m.accept("one E")).isEqualTo("one ");
        assertThat(m.accept("N")).isEmpty();
        assertThat(m.accept("D two")).isEmpty();
        assertThat(m.stopped()).isTrue();
    }

    @Test
    void textThatOnlyLookedLikeAStopSequenceIsReleasedInOrder() {
        StopMatcher m = new StopMatcher(List.of("END"));

        assertThat(m.accept("a EN")).isEqualTo("a ");
        assertThat(m.accept("x")).isEqualTo("ENx");
        assertThat(m.stopped()).isFalse();
    }

    @Test
    void whatIsHeldAtTheEndOfGenerationIsFlushed() {
        StopMatcher m = new StopMatcher(List.of("END"));

        assertThat(m.accept("a E")).isEqualTo("a ");
        assertThat(m.flush()).isEqualTo("E");
    }

    @Test
    void theEarliestOfSeveralStopSequencesWins() {
        StopMatcher m = new StopMatcher(List.of("world", "lo"));

        assertThat(m.accept("hello world")).isEqualTo("hel");
        assertThat(m.stopped()).isTrue();
    }
}
