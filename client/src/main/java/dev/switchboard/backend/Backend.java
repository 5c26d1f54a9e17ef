package dev.switchboard.backend;

import dev.switchboard.core.RequestOptions;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.errors.UnsupportedCapabilityException;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.chat.completions.ChatCompletion;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.CreateEmbeddingResponse;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import dev.switchboard.models.images.ImagesResponse;
import dev.switchboard.models.models.Model;
import dev.switchboard.models.models.ModelListParams;
import dev.switchboard.router.Capability;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What every deployment runs on: a remote OpenAI-compatible server or a local engine. One method a
 * capability, taking the official params (with {@code model} already the deployment's real model)
 * and giving the official response, cold: nothing happens until subscription, and disposing cancels.
 *
 * <p>A backend never retries and never picks another deployment; that is the router's job. It fails
 * with the official exceptions (service exceptions by status, {@code OpenAIIoException} for the
 * connection, {@code OpenAIInvalidDataException} for malformed answers) so the router can tell what
 * is worth trying again. Capabilities it does not offer fail with {@link UnsupportedCapabilityException}.
 */
public interface Backend extends AutoCloseable {

    /** The calls and features this backend offers. */
    Set<Capability> capabilities();

    default Single<ChatCompletion> chatCompletion(ChatCompletionCreateParams params, RequestOptions options) {
        return Single.error(unsupported(Capability.CHAT));
    }

    /** The chunks of a streamed answer; completes only when the answer is whole. */
    default Flowable<ChatCompletionChunk> chatCompletionStream(ChatCompletionCreateParams params, RequestOptions options) {
        return Flowable.error(unsupported(Capability.STREAMING));
    }

    default Single<CreateEmbeddingResponse> embeddings(EmbeddingCreateParams params, RequestOptions options) {
        return Single.error(unsupported(Capability.EMBEDDINGS));
    }

    /** The audio as a response whose body streams as it is produced. */
    default Single<HttpResponse> speech(SpeechCreateParams params, RequestOptions options) {
        return Single.error(unsupported(Capability.SPEECH));
    }

    default Single<TranscriptionCreateResponse> transcription(TranscriptionCreateParams params, RequestOptions options) {
        return Single.error(unsupported(Capability.TRANSCRIPTION));
    }

    default Single<ImagesResponse> images(ImageGenerateParams params, RequestOptions options) {
        return Single.error(unsupported(Capability.IMAGES));
    }

    /** The models this backend serves. */
    default Single<List<Model>> models(ModelListParams params, RequestOptions options) {
        return Single.error(unsupported(Capability.MODELS));
    }

    /**
     * A cheap check that the backend can take calls, which never costs a completion: a health or
     * model-list route of a server, the state of a local engine. It answers within {@code timeout}
     * and does not fail: an unreachable backend is {@link Health.Status#UNREACHABLE}. A backend with
     * no such check is taken as healthy, and the router learns of trouble from its calls.
     */
    default Single<Health> health(Duration timeout) {
        return Single.just(Health.healthy("no health probe; calls tell"));
    }

    /** Frees what the backend holds (connections, native models). */
    @Override
    void close();

    private UnsupportedCapabilityException unsupported(Capability capability) {
        return new UnsupportedCapabilityException(toString(), capability.name().toLowerCase(java.util.Locale.ROOT),
                "this backend does not offer it");
    }
}
