package dev.switchboard.gateway;

import dev.switchboard.client.OpenAIClient;
import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonString;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.MultipartField;
import dev.switchboard.core.http.HttpResponse;
import dev.switchboard.core.http.StreamResponse;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIException;
import dev.switchboard.models.audio.speech.SpeechCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateParams;
import dev.switchboard.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import dev.switchboard.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.models.embeddings.EmbeddingCreateParams;
import dev.switchboard.models.images.ImageGenerateParams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's routes, each one call through the Switchboard client (and so the router). Handlers
 * block on their call: Jetty runs each on a pool thread, and a client that goes away mid-stream
 * fails the next write, which closes the stream and so cancels the generation.
 */
final class GatewayHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    private final OpenAIClient client;
    private final GatewayModels models;
    private final GatewayReports reports;
    private final GatewaySettings settings;

    GatewayHandler(OpenAIClient client, GatewayModels models, GatewayReports reports, GatewaySettings settings) {
        this.client = client;
        this.models = models;
        this.reports = reports;
        this.settings = settings;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        try {
            route(request, response);
            callback.succeeded();
        } catch (Throwable t) {
            GatewayError error = GatewayError.of(t);
            if (t instanceof EofException) {
                log.debug("{} {}: the client went away", request.getMethod(), path(request));
            } else if (!(t instanceof GatewayError)) {
                // One line: the caller has the message; a stack only for what is not an API failure.
                // The caller's own mistakes (4xx, a capability the pool lacks) are theirs to read, not the operator's.
                if (!(t instanceof OpenAIException)) log.warn("{} {} failed", request.getMethod(), path(request), t);
                else if (error.status >= 500 && error.status != 501) log.warn("{} {} failed: {}", request.getMethod(), path(request), t.toString());
                else log.debug("{} {} answered {}: {}", request.getMethod(), path(request), error.status, t.toString());
            }
            if (response.isCommitted()) {
                // Headers are gone (a stream failed after its first chunk): all that is left is to cut it off.
                callback.failed(t);
            } else {
                try {
                    writeJson(response, error.status, error.body());
                    callback.succeeded();
                } catch (IOException e) {
                    callback.failed(e);
                }
            }
        }
        return true;
    }

    private static String path(Request request) {
        String path = Request.getPathInContext(request);
        if (path.startsWith("/v1/")) path = path.substring(3);
        else if (path.equals("/v1")) path = "/";
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private void route(Request request, Response response) throws IOException {
        String path = path(request);
        String method = request.getMethod();
        if (!path.equals("/health")) authorize(request);
        switch (path) {
            case "/chat/completions": post(method, path); chat(request, response); return;
            case "/embeddings": post(method, path); embeddings(request, response); return;
            case "/audio/speech": post(method, path); speech(request, response); return;
            case "/audio/transcriptions": post(method, path); transcription(request, response); return;
            case "/images/generations": post(method, path); images(request, response); return;
            case "/models": get(method, path); writeJson(response, 200, models.list()); return;
            case "/health": {
                get(method, path);
                GatewayReports.Report health = reports.health();
                writeJson(response, health.status, health.body);
                return;
            }
            case "/services": get(method, path); writeJson(response, 200, reports.services()); return;
            case "/stats": get(method, path); writeJson(response, 200, reports.stats()); return;
            default:
                if (path.startsWith("/models/")) {
                    get(method, path);
                    writeJson(response, 200, models.get(path.substring("/models/".length())));
                    return;
                }
                throw new GatewayError(404, "invalid_request_error", "unknown_url", null, "Unknown request URL: " + method
                        + " " + Request.getPathInContext(request) + ". Routes: POST /v1/chat/completions, /v1/embeddings, "
                        + "/v1/audio/speech, /v1/audio/transcriptions, /v1/images/generations; GET /v1/models, /health, "
                        + "/services, /stats");
        }
    }

    private static void post(String method, String path) {
        if (!method.equals("POST")) throw wrongMethod(method, path, "POST");
    }

    private static void get(String method, String path) {
        if (!method.equals("GET")) throw wrongMethod(method, path, "GET");
    }

    private static GatewayError wrongMethod(String method, String path, String allowed) {
        return new GatewayError(405, "invalid_request_error", "method_not_allowed", null,
                method + " is not allowed on " + path + "; use " + allowed);
    }

    private void authorize(Request request) {
        if (settings.apiKeys().isEmpty()) return;
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            for (String key : settings.apiKeys()) {
                if (MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8))) return;
            }
        }
        // Never echo what was sent: it may be someone's real key.
        throw new GatewayError(401, "invalid_request_error", "invalid_api_key", null, header == null
                ? "You didn't provide an API key. Send Authorization: Bearer <key> with one of the gateway's api_keys."
                : "Incorrect API key provided. Send Authorization: Bearer <key> with one of the gateway's api_keys.");
    }

    // ---- the calls

    private void chat(Request request, Response response) throws IOException {
        JsonObject body = jsonBody(request);
        boolean stream = flag(body, "stream");
        ChatCompletionCreateParams params = parse(body, "stream", ChatCompletionCreateParams.class,
                ChatCompletionCreateParams::validate);
        if (!stream) {
            writeJson(response, 200, JsonValue.from(client.chat().completions().create(params)));
            return;
        }
        try (StreamResponse<ChatCompletionChunk> chunks = client.chat().completions().createStreaming(params);
             Stream<ChatCompletionChunk> values = chunks.stream()) {
            Iterator<ChatCompletionChunk> it = values.iterator();
            // The first chunk (or the failure) before any header: a call that fails over or fails
            // outright still answers with its status and error body.
            boolean any = it.hasNext();
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put("X-Accel-Buffering", "no");
            OutputStream out = Content.Sink.asOutputStream(response);
            while (any) {
                byte[] json = JsonValueAdapter.toJsonString(JsonValue.from(it.next())).getBytes(StandardCharsets.UTF_8);
                ByteBuffer event = ByteBuffer.allocate(json.length + 8);
                event.put("data: ".getBytes(StandardCharsets.US_ASCII)).put(json).put((byte) '\n').put((byte) '\n');
                // A client that went away fails this write; leaving the try closes the stream and
                // so stops the generation.
                out.write(event.array(), 0, event.position());
                out.flush();
                any = it.hasNext();
            }
            out.write(DONE);
            out.close();
        }
    }

    private void embeddings(Request request, Response response) throws IOException {
        EmbeddingCreateParams params = parse(jsonBody(request), null, EmbeddingCreateParams.class, EmbeddingCreateParams::validate);
        writeJson(response, 200, JsonValue.from(client.embeddings().create(params)));
    }

    private void images(Request request, Response response) throws IOException {
        ImageGenerateParams params = parse(jsonBody(request), null, ImageGenerateParams.class, ImageGenerateParams::validate);
        writeJson(response, 200, JsonValue.from(client.images().generate(params)));
    }

    private void speech(Request request, Response response) throws IOException {
        JsonObject body = jsonBody(request);
        SpeechCreateParams params = parse(body, null, SpeechCreateParams.class, SpeechCreateParams::validate);
        JsonValue asked = body.values().get("response_format");
        String format = asked instanceof JsonString ? ((JsonString) asked).value() : "mp3";
        try (HttpResponse audio = client.audio().speech().create(params)) {
            response.setStatus(200);
            String type = audio.headers().values("Content-Type").stream().findFirst().orElse(audioType(format));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            try (InputStream in = audio.body(); OutputStream out = Content.Sink.asOutputStream(response)) {
                in.transferTo(out);
            }
        }
    }

    private static String audioType(String format) {
        switch (format) {
            case "wav": return "audio/wav";
            case "opus": return "audio/ogg";
            case "aac": return "audio/aac";
            case "flac": return "audio/flac";
            case "pcm": return "audio/pcm";
            default: return "audio/mpeg";
        }
    }

    private void transcription(Request request, Response response) throws IOException {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw GatewayError.badRequest("Send the audio as multipart/form-data with a file part and a model field.");
        }
        checkLength(request);
        MultiPartConfig config = new MultiPartConfig.Builder()
                .maxSize(settings.maxRequestBytes()).maxPartSize(settings.maxRequestBytes())
                .maxMemoryPartSize(settings.maxRequestBytes()).maxParts(64).build();
        MultiPartFormData.Parts parts;
        try {
            parts = MultiPartFormData.getParts(request, request, contentType, config);
        } catch (RuntimeException e) {
            throw tooLargeOr(e);
        }
        try (parts) {
            MultiPart.Part file = parts.getFirst("file");
            if (file == null) throw GatewayError.badRequest("file", "The request has no file part; send the audio as `file`.");
            String model = field(parts, "model").orElseThrow(() -> GatewayError.badRequest("model", "`model` is required"));
            byte[] audio = bytes(file);
            TranscriptionCreateParams.Builder b = TranscriptionCreateParams.builder()
                    .file(MultipartField.<InputStream>builder().value(new ByteArrayInputStream(audio))
                            .filename(Optional.ofNullable(file.getFileName()).orElse("audio"))
                            .contentType(Optional.ofNullable(file.getHeaders().get(HttpHeader.CONTENT_TYPE))
                                    .orElse("application/octet-stream")).build())
                    .model(models.pool(model));
            Optional<String> format = field(parts, "response_format");
            try {
                field(parts, "language").ifPresent(b::language);
                field(parts, "prompt").ifPresent(b::prompt);
                format.ifPresent(f -> b.responseFormat(dev.switchboard.models.audio.AudioResponseFormat.of(f)));
                field(parts, "temperature").ifPresent(t -> b.temperature(Double.parseDouble(t)));
                for (String name : new String[] {"timestamp_granularities[]", "timestamp_granularities"}) {
                    for (MultiPart.Part p : parts.getAll(name)) {
                        b.addTimestampGranularity(TranscriptionCreateParams.TimestampGranularity.of(
                                p.getContentAsString(StandardCharsets.UTF_8)));
                    }
                }
            } catch (NumberFormatException e) {
                throw GatewayError.badRequest("temperature", "temperature must be a number");
            }
            TranscriptionCreateResponse answer = client.audio().transcriptions().create(b.build());
            String f = format.orElse("json");
            if (f.equals("json") || f.equals("verbose_json")) {
                writeJson(response, 200, JsonValue.from(answer));
            } else {
                String text = answer.accept(new TranscriptionCreateResponse.Visitor<String>() {
                    @Override
                    public String visitTranscription(dev.switchboard.models.audio.transcriptions.Transcription t) {
                        return t.text();
                    }

                    @Override
                    public String visitVerbose(dev.switchboard.models.audio.transcriptions.TranscriptionVerbose v) {
                        return v.text();
                    }
                });
                write(response, 200, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static Optional<String> field(MultiPartFormData.Parts parts, String name) {
        MultiPart.Part part = parts.getFirst(name);
        return part == null ? Optional.empty() : Optional.of(part.getContentAsString(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(MultiPart.Part part) throws IOException {
        ByteBuffer buffer = Content.Source.asByteBuffer(part.getContentSource());
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    // ---- bodies

    private void checkLength(Request request) {
        long length = request.getLength();
        if (length > settings.maxRequestBytes()) throw tooLarge();
    }

    private GatewayError tooLarge() {
        return new GatewayError(413, "invalid_request_error", "request_too_large", null,
                "The request body is larger than this gateway's limit of " + settings.maxRequestBytes()
                        + " bytes (gateway.max_request_size).");
    }

    private RuntimeException tooLargeOr(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("max") && (message.contains("size") || message.contains("exceed"))) return tooLarge();
        return GatewayError.badRequest("The multipart body could not be read: " + e.getMessage());
    }

    private JsonObject jsonBody(Request request) throws IOException {
        checkLength(request);
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxRequestBytes() + 1));
        }
        if (body.length > settings.maxRequestBytes()) throw tooLarge();
        if (body.length == 0) throw GatewayError.badRequest("The request has no body; send a JSON object.");
        JsonValue json;
        try {
            json = JsonValueAdapter.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw GatewayError.badRequest("We could not parse the JSON body of your request: " + e.getMessage());
        }
        if (!(json instanceof JsonObject)) throw GatewayError.badRequest("The request body must be a JSON object.");
        return (JsonObject) json;
    }

    private static boolean flag(JsonObject body, String name) {
        JsonValue value = body.values().get(name);
        return value != null && Boolean.TRUE.equals(value.convert(Object.class));
    }

    /** The body as {@code type}'s params, with the pool's name as its model and {@code drop} removed. */
    private <P> P parse(JsonObject body, String drop, Class<P> type, Function<P, P> validate) {
        Map<String, JsonValue> values = new LinkedHashMap<>(body.values());
        if (drop != null) values.remove(drop);
        JsonValue model = values.get("model");
        if (!(model instanceof JsonString)) throw GatewayError.badRequest("model", "`model` is required: one of " + models.names());
        values.put("model", JsonValue.from(models.pool(((JsonString) model).value())));
        try {
            return validate.apply(JsonValue.from(values).convert(type));
        } catch (RuntimeException e) {
            throw GatewayError.badRequest("Invalid request: " + e.getMessage());
        }
    }

    static void writeJson(Response response, int status, JsonValue body) throws IOException {
        write(response, status, "application/json", JsonValueAdapter.toJsonString(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Response response, int status, String type, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(bytes));
    }
}
