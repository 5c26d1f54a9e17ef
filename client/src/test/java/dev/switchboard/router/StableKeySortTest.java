package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StableKeySortTest {
    private static Deployment named(String name) {
        return Deployment.builder().name(name).kind("openai").baseUrl("http://127.0.0.1:9/v1").model("m").build();
    }

    @Test
    void ordersByAscendingKeyAndKeepsTiesInTheGivenOrder() {
        Deployment a = named("a");
        Deployment b = named("b");
        Deployment c = named("c");
        Deployment d = named("d");
        Deployment e = named("e");

        List<Deployment> sorted = StableKeySort.sorted(List.of(a, b, c, d, e), new double[] {3, 1, 3, Double.NEGATIVE_INFINITY, 1});

        assertThat(sorted).containsExactly(d, b, e, a, c);
    }

    @Test
    void anEmptyPoolStaysEmpty() {
        assertThat(StableKeySort.sorted(List.of(), new double[0])).isEmpty();
    }
}
