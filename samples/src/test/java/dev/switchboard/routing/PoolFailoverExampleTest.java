package dev.switchboard.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PoolFailoverExampleTest {

    @Test
    void everyCallIsAnsweredAndTheStatisticsShowTheFailures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            PoolFailoverExample.main(new String[] {"20"});
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);

        long answered = Arrays.stream(printed.split("\n")).filter(l -> l.matches("call +\\d+: Hello from (good|flaky)")).count();
        assertThat(answered).isEqualTo(20);
        assertThat(printed).containsPattern("dead +OPEN +requests=\\d+ +ok=0 +errors=\\{OpenAIIoException=\\d+}");
        assertThat(printed).containsPattern("flaky +\\w+ +requests=\\d+ +ok=\\d+ +errors=\\{InternalServerException=\\d+, OpenAIInvalidDataException=\\d+}");
        assertThat(printed).containsPattern("good +CLOSED +requests=\\d+ +ok=\\d+ +errors=\\{}");
    }
}
