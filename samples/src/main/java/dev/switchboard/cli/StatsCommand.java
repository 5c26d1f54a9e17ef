package dev.switchboard.cli;

import dev.switchboard.core.JsonArray;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.internal.JsonValueAdapter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard stats}: a running gateway's counters per deployment. A router's statistics live
 * in the process that routes, so this asks the gateway ({@code switchboard serve}) for them.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Prints the per-deployment counters of a running gateway (switchboard serve).")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    Switchboard root;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", description = "The gateway (default: SWITCHBOARD_URL, else http://127.0.0.1:8000)")
    String url;

    @Option(names = "--api-key", description = "One of the gateway's api_keys (default: SWITCHBOARD_API_KEY)")
    String apiKey;

    @Override
    public Integer call() {
        String base = url != null ? url : root.env.apply("SWITCHBOARD_URL") != null ? root.env.apply("SWITCHBOARD_URL")
                : "http://127.0.0.1:8000";
        HttpUrl parsed = HttpUrl.parse(base);
        if (parsed == null) throw CliFailure.usage("--url must be an http(s) URL, was " + base);
        HttpUrl stats = parsed.newBuilder().encodedPath("/stats").build();
        String key = apiKey != null ? apiKey : root.env.apply("SWITCHBOARD_API_KEY");
        Request.Builder request = new Request.Builder().url(stats);
        if (key != null && !key.isBlank()) request.header("Authorization", "Bearer " + key);
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(30, TimeUnit.SECONDS).build();
        String body;
        try (Response response = http.newCall(request.build()).execute()) {
            body = response.body() == null ? "" : response.body().string();
            if (response.code() == 401) {
                throw CliFailure.failed("the gateway at " + base + " wants a key: pass --api-key or set SWITCHBOARD_API_KEY");
            }
            if (!response.isSuccessful()) throw CliFailure.failed("the gateway at " + base + " answered " + response.code());
        } catch (IOException e) {
            throw CliFailure.failed("no gateway answers at " + base + " (" + e.getMessage()
                    + "); start one with: switchboard serve --config FILE");
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "%-22s %-9s %8s %8s %8s %9s %9s %9s %10s %10s  %s", "deployment", "breaker",
                "requests", "ok", "errors", "cancelled", "p50 ms", "p99 ms", "tokens in", "tokens out", "errors by class"));
        JsonValue data = ((JsonObject) JsonValueAdapter.parse(body)).values().get("data");
        for (JsonValue item : ((JsonArray) data).values()) {
            Map<String, JsonValue> s = ((JsonObject) item).values();
            out.println(String.format(Locale.ROOT, "%-22s %-9s %8s %8s %8s %9s %9s %9s %10s %10s  %s", text(s, "deployment"),
                    text(s, "breaker"), text(s, "requests"), text(s, "successes"), text(s, "errors"), text(s, "cancelled"),
                    text(s, "latency_p50_ms"), text(s, "latency_p99_ms"), text(s, "tokens_in"), text(s, "tokens_out"),
                    text(s, "errors_by_class")));
        }
        out.flush();
        return 0;
    }

    private static String text(Map<String, JsonValue> values, String key) {
        JsonValue v = values.get(key);
        if (v == null) return "-";
        Object plain = v.convert(Object.class);
        if (plain == null) return "-";
        if (plain instanceof Double && ((Double) plain) == Math.rint((Double) plain)) return String.valueOf(((Double) plain).longValue());
        return plain instanceof Map ? JsonValueAdapter.toJsonString(v) : String.valueOf(plain);
    }
}
