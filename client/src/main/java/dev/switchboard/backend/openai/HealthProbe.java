package dev.switchboard.backend.openai;

import dev.switchboard.backend.Health;
import dev.switchboard.core.Timeout;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.http.QueryParams;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.OpenAIServiceException;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * One server's health probe, as its {@link BackendProfile} says: a GET of a route that costs no
 * completion. A 2xx answer is healthy; any other answer is a server that is up but not ready, in
 * its own words (llama.cpp's 503 "Loading model", LocalAI's 503 while starting, a refused key); no
 * answer is unreachable.
 */
final class HealthProbe {
    private static final Headers NO_HEADERS = Headers.builder().build();
    private static final QueryParams NO_QUERY = QueryParams.builder().build();

    private final OpenAiApi api;
    private final BackendProfile profile;
    private final HttpUrl url;
    private final String route;

    HealthProbe(OpenAiApi api, BackendProfile profile, HttpUrl apiRoot) {
        this.api = api;
        this.profile = profile;
        this.url = profile.healthUrl(apiRoot);
        this.route = "GET " + url.encodedPath();
    }

    /** The probe, every part of it (connecting, reading, the whole call) bounded by {@code timeout}. */
    Single<Health> run(Duration timeout) {
        Timeout bound = Timeout.builder().connect(timeout).read(timeout).write(timeout).request(timeout).build();
        CallOptions call = new CallOptions(NO_HEADERS, NO_QUERY, bound);
        return Single.defer(() -> api.probe(url.toString(), call))
                .map(this::judge)
                .onErrorReturn(this::failed);
    }

    private Health judge(Response<ResponseBody> response) {
        if (response.isSuccessful()) {
            try (ResponseBody ignored = response.body()) {
                return Health.healthy(route + " answered " + response.code());
            }
        }
        OpenAIServiceException error = ErrorResponses.fromResponse(response);
        int status = response.code();
        String answered = route + " answered " + error.getMessage();
        if (status == 503) return Health.notReady(profile.serverName() + " is not ready: " + answered, error);
        if (status == 401 || status == 403) {
            return Health.notReady(profile.serverName() + " refused the key: " + answered + "; check the deployment's api_key", error);
        }
        if (status == 404 || status == 405) {
            return Health.notReady(answered + "; is this " + profile.serverName() + "? Check the deployment's backend kind ('"
                    + profile.kind() + "') and base_url", error);
        }
        return Health.notReady(profile.serverName() + " is not healthy: " + answered, error);
    }

    private Health failed(Throwable failure) {
        Throwable error = ErrorResponses.translate(failure, route);
        if (error instanceof OpenAIIoException) return Health.unreachable(error.getMessage(), error);
        return Health.notReady(route + " failed: " + error.getMessage(), error);
    }
}
