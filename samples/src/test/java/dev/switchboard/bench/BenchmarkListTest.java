package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The report runs what JMH's annotation processor listed at compile time; a build without it would run nothing. */
class BenchmarkListTest {

    @Test
    void everyBenchmarkTheReportRunsWasCompiledForJmh() throws IOException {
        String list;
        try (InputStream in = BenchmarkReport.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertThat(in).as("META-INF/BenchmarkList, written by jmh-generator-annprocess").isNotNull();
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(list).contains(
                "dev.switchboard.bench.RoutingBenchmark",
                "dev.switchboard.bench.NoiseBenchmark",
                "dev.switchboard.bench.ChatBenchmark",
                "dev.switchboard.bench.StreamBenchmark",
                "dev.switchboard.bench.FailoverBenchmark");
    }
}
