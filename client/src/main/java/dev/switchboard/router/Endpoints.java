package dev.switchboard.router;

import dev.switchboard.backend.openai.OpenAiCompatibleBackend;
import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.Timeout;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.OpenAIServiceException;
import dev.switchboard.models.models.Model;
import dev.switchboard.models.models.ModelListParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Questions to any OpenAI-compatible endpoint outside of routing: what models it serves, and
 * whether it is up and takes a key. Each asks {@code GET <baseUrl>/models} once, on a short-lived
 * client, without retrying: the answer is about the endpoint as it is now. {@link Router} offers
 * them as static methods.
 */
final class Endpoints {
    /** As long as a health probe may take by default. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Endpoints() {}

    /** The endpoint's models; fails with the official exception of whatever went wrong. */
    static List<Model> listModels(String baseUrl, String apiKey, Duration timeout) {
        try (OpenAiCompatibleBackend backend = backend(baseUrl, apiKey)) {
            return backend.models(ModelListParams.none(), options(timeout)).blockingGet();
        }
    }

    static List<String> modelIds(String baseUrl, String apiKey, Duration timeout) {
        List<String> ids = new ArrayList<>();
        for (Model model : listModels(baseUrl, apiKey, timeout)) ids.add(model.id());
        return ids;
    }

    /** What the endpoint answered; never throws for an endpoint that is down or refuses the key. */
    static EndpointCheck check(String baseUrl, String apiKey, Duration timeout) {
        long start = System.nanoTime();
        // A bad URL is the caller's mistake, not the endpoint's answer: it throws.
        OpenAiCompatibleBackend backend = backend(baseUrl, apiKey);
        try (backend) {
            List<String> ids = new ArrayList<>();
            for (Model model : backend.models(ModelListParams.none(), options(timeout)).blockingGet()) ids.add(model.id());
            String message = "listed " + ids.size() + (ids.size() == 1 ? " model" : " models")
                    + (ids.isEmpty() ? "" : ": " + String.join(", ", ids.subList(0, Math.min(ids.size(), 10)))
                            + (ids.size() > 10 ? ", …" : ""));
            return new EndpointCheck(baseUrl, EndpointCheck.Status.OK, 200, ids, since(start), message, null);
        } catch (OpenAIServiceException e) {
            boolean refused = e.statusCode() == 401 || e.statusCode() == 403;
            String message = refused
                    ? "the key was refused (" + e.getMessage() + ")" + (apiKey == null || apiKey.isEmpty() ? "; no key was sent" : "")
                    : "GET models answered " + e.getMessage();
            return new EndpointCheck(baseUrl, refused ? EndpointCheck.Status.UNAUTHORIZED : EndpointCheck.Status.ERROR,
                    e.statusCode(), List.of(), since(start), message, e);
        } catch (OpenAIIoException e) {
            return new EndpointCheck(baseUrl, EndpointCheck.Status.UNREACHABLE, 0, List.of(), since(start), e.getMessage(), e);
        } catch (OpenAIInvalidDataException e) {
            return new EndpointCheck(baseUrl, EndpointCheck.Status.ERROR, 200, List.of(), since(start),
                    "the answer is no model list: " + e.getMessage(), e);
        }
    }

    private static OpenAiCompatibleBackend backend(String baseUrl, String apiKey) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        return OpenAiCompatibleBackend.builder().name("endpoint").baseUrl(baseUrl).apiKey(apiKey).build();
    }

    private static RequestOptions options(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
        return RequestOptions.builder()
                .timeout(Timeout.builder().connect(timeout).read(timeout).write(timeout).request(timeout).build())
                .build();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
