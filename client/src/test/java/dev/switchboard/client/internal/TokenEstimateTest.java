package dev.switchboard.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {
    @Test
    void everyStringCountsAtFourCharactersATokenExceptDataUrls() {
        JsonValue body = JsonObject.of(Map.of("a", JsonString.of("12345678"), "b", JsonArray.of(List.of(JsonString.of("1234"),
                JsonString.of("data:image/png;base64," + "A".repeat(400))))));

        assertThat(TokenEstimate.of(body)).isEqualTo(3);
    }

    @Test
    void aRequestNestedTenThousandLevelsDeepIsEstimatedWithoutOverflowingTheStack() {
        // Found by fuzzing JSON schemas: the recursive walk threw StackOverflowError in the caller's thread.
        JsonValue nested = JsonString.of("abcd");
        for (int i = 0; i < 10_000; i++) nested = JsonObject.of(Map.of("p", i % 2 == 0 ? nested : JsonArray.of(List.of(nested))));

        assertThat(TokenEstimate.of(nested)).isEqualTo(1);
    }
}
