package dev.switchboard.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.client.OpenAIClient;
import dev.switchboard.client.okhttp.OpenAIOkHttpClient;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.router.CooldownPolicy;
import dev.switchboard.router.Deployment;
import dev.switchboard.router.DeploymentStats;
import dev.switchboard.router.HealthPolicy;
import dev.switchboard.router.Pool;
import dev.switchboard.router.RetryPolicy;
import dev.switchboard.router.Router;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of three deployments behind one virtual model name: one on a port where nothing listens,
 * one that fails two calls in three (a 503, then a malformed answer), and one that works. Every call
 * is answered; the router's statistics show who answered and who failed.
 *
 * <p>The two servers are small OpenAI-compatible stand-ins started here on loopback, so the example
 * runs anywhere; point the deployments at real servers (vLLM, Ollama, llama.cpp, …) to route real calls.
 */
public final class PoolFailoverExample {
    private PoolFailoverExample() {}

    public static void main(String[] args) throws IOException {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        HttpServer good = server("good", new AtomicInteger(), n -> true);
        HttpServer flaky = server("flaky", new AtomicInteger(), n -> n % 3 == 2);
        try {
            Router router = Router.builder()
                    .addPool(Pool.builder()
                            .name("text-generation")
                            .strategy("round_robin")
                            .addDeployment(Deployment.builder().name("dead").kind("vllm")
                                    .baseUrl("http://127.0.0.1:" + freePort() + "/v1").model("qwen3-8b").build())
                            .addDeployment(Deployment.builder().name("flaky").kind("llamacpp")
                                    .baseUrl(url(flaky)).model("qwen3-0.6b").build())
                            .addDeployment(Deployment.builder().name("good").kind("ollama")
                                    .baseUrl(url(good)).model("qwen3:4b").build())
                            .build())
                    .retryPolicy(RetryPolicy.builder().maxRetries(2).initialBackoff(Duration.ofMillis(50)).build())
                    .cooldownPolicy(CooldownPolicy.builder().allowedFails(3).cooldown(Duration.ofSeconds(30)).build())
                    .healthPolicy(HealthPolicy.disabled())
                    .build();
            OpenAIClient client = OpenAIOkHttpClient.builder().router(router).build();
            try {
                for (int i = 1; i <= calls; i++) {
                    ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                            .model("text-generation")
                            .addUserMessage("Say hello, call " + i)
                            .build());
                    System.out.printf("call %2d: %s%n", i, completion.choices().get(0).message().content().orElse(""));
                }
                System.out.println();
                System.out.println("Router statistics:");
                for (DeploymentStats stats : router.stats().deployments()) {
                    System.out.printf("  %-6s %-9s requests=%-3d ok=%-3d errors=%s%n", stats.deployment(),
                            stats.breakerState(), stats.requests(), stats.successes(), stats.errorsByClass());
                }
            } finally {
                client.close();
            }
        } finally {
            good.stop(0);
            flaky.stop(0);
        }
    }

    /** An OpenAI-compatible stand-in: answers chat completions when {@code answers} says so for call n. */
    private static HttpServer server(String name, AtomicInteger count, java.util.function.IntPredicate answers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            int n = count.getAndIncrement();
            exchange.getRequestBody().readAllBytes();
            if (answers.test(n)) {
                reply(exchange, 200, "{\"id\":\"chatcmpl-" + name + n + "\",\"object\":\"chat.completion\",\"created\":1,"
                        + "\"model\":\"" + name + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"Hello from " + name + "\"},\"finish_reason\":\"stop\"}]}");
            } else if (n % 3 == 0) {
                reply(exchange, 503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            } else {
                reply(exchange, 200, "{\"id\":\"chatcmpl-" + name + n + "\",\"choices\":[{\"message\":");
            }
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A port nothing listens on: taken, then given back. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
