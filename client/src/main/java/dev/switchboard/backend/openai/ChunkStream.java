package dev.switchboard.backend.openai;

import dev.switchboard.core.JsonObject;
import dev.switchboard.core.JsonValue;
import dev.switchboard.core.http.Headers;
import dev.switchboard.core.internal.JsonValueAdapter;
import dev.switchboard.errors.OpenAIInvalidDataException;
import dev.switchboard.errors.OpenAIIoException;
import dev.switchboard.errors.SseException;
import dev.switchboard.models.chat.completions.ChatCompletionChunk;
import io.reactivex.rxjava3.core.Emitter;
import io.reactivex.rxjava3.core.Flowable;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import okhttp3.ResponseBody;
import okhttp3.internal.sse.ServerSentEventReader;
import retrofit2.Response;

/**
 * Reads a chat completion stream: server-sent events (comments, multi-line data and {@code event:}
 * lines included, parsed by OkHttp's reader) into chunks, pulled one event per request, so a caller
 * that reads slowly holds the server back instead of buffering the whole answer.
 *
 * <p>The stream completes only when the answer is whole: after {@code [DONE]}, or at the end of the
 * body when every choice has a finish reason (and the usage chunk came, when asked for). An end
 * before that, an error event, or malformed data is an exception: never a silently short answer.
 */
final class ChunkStream {
    private ChunkStream() {}

    static Flowable<ChatCompletionChunk> read(Response<ResponseBody> response, CallOptions call, String route,
            String model, boolean usageRequested) {
        Headers headers = ErrorResponses.headers(response.headers());
        int status = response.code();
        ResponseBody body = response.body();
        return Flowable.<ChatCompletionChunk, Reader>generate(
                        () -> new Reader(body, headers, status, route, model, usageRequested),
                        (reader, emitter) -> {
                            reader.next(emitter, call);
                        },
                        Reader::close)
                .doOnCancel(call::cancel);
    }

    /** Whether the body is one JSON object rather than events: its first visible byte is '{'. */
    private static boolean answersWithWholeJson(ResponseBody body) {
        try {
            okio.BufferedSource peek = body.source().peek();
            while (peek.request(1)) {
                byte b = peek.readByte();
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
                return b == '{';
            }
            return false;
        } catch (IOException e) {
            return false; // reading the events will report the broken body
        }
    }


    /** The state of one stream: the SSE reader, the event it just read, and what the answer has covered. */
    private static final class Reader implements ServerSentEventReader.Callback {
        private final ResponseBody body;
        private final ServerSentEventReader sse;
        private final Headers headers;
        private final int status;
        private final String route;
        private final String model;
        private final boolean usageRequested;
        private final String fallbackId = PayloadRepair.newId("chatcmpl-");
        private final long fallbackCreated = System.currentTimeMillis() / 1000;
        private final Set<Long> started = new HashSet<>();
        private final Set<Long> finished = new HashSet<>();
        private boolean usageSeen;
        private Boolean wholeAnswer; // decided at the first read: one JSON completion instead of events
        private boolean wholeAnswerSent;
        private String eventType;
        private String eventData;

        Reader(ResponseBody body, Headers headers, int status, String route, String model, boolean usageRequested) {
            this.body = body;
            this.sse = new ServerSentEventReader(body.source(), this);
            this.headers = headers;
            this.status = status;
            this.route = route;
            this.model = model;
            this.usageRequested = usageRequested;
        }

        @Override
        public void onEvent(String id, String type, String data) {
            this.eventType = type;
            this.eventData = data;
        }

        @Override
        public void onRetryChange(long timeMs) {}

        void next(Emitter<ChatCompletionChunk> emitter, CallOptions call) {
            try {
                if (wholeAnswer == null) wholeAnswer = answersWithWholeJson(body);
                if (wholeAnswer) {
                    if (wholeAnswerSent) {
                        emitter.onComplete();
                    } else {
                        wholeAnswerSent = true;
                        emitter.onNext(WholeAnswer.chunk(body, headers, status, route, model));
                    }
                    return;
                }
                while (true) {
                    eventData = null;
                    if (!sse.processNextEvent()) {
                        end(emitter);
                        return;
                    }
                    if (eventData == null) continue;
                    if (eventData.startsWith("[DONE]")) {
                        emitter.onComplete();
                        return;
                    }
                    if (eventData.isBlank()) continue;
                    emitter.onNext(chunk(eventType, eventData));
                    return;
                }
            } catch (IOException e) {
                if (call.isCancelled()) {
                    emitter.onComplete(); // the caller closed the stream; nobody is listening
                } else if (call.isCallCancelledElsewhere()) {
                    emitter.onError(new OpenAIIoException(route + " stream broke off: the client was closed", e));
                } else if (e instanceof java.io.InterruptedIOException) {
                    // OkHttp says "timeout" (its own timers) or "Read timed out" (the socket), as it happens: one message.
                    emitter.onError(new OpenAIIoException(route + " stream broke off: timed out (read or request timeout)", e));
                } else {
                    emitter.onError(new OpenAIIoException(route + " stream broke off: " + e.getMessage(), e));
                }
            } catch (RuntimeException e) {
                emitter.onError(e);
            }
        }

        private ChatCompletionChunk chunk(String type, String data) {
            JsonValue json;
            try {
                json = JsonValueAdapter.parse(data);
            } catch (OpenAIInvalidDataException e) {
                throw new OpenAIInvalidDataException(route + " streamed malformed JSON: " + data, e);
            }
            if (!(json instanceof JsonObject)) {
                throw new OpenAIInvalidDataException(route + " streamed an event that is not a JSON object: " + data);
            }
            JsonObject object = (JsonObject) json;
            if ("error".equals(type) || object.values().containsKey("error")) {
                throw SseException.builder().statusCode(status).headers(headers)
                        .error(ErrorResponses.errorObject(object)).build();
            }
            ChatCompletionChunk chunk = json(PayloadRepair.chunk(object, fallbackId, fallbackCreated, model));
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                started.add(choice.index());
                if (choice.finishReason().isPresent()) finished.add(choice.index());
            }
            if (chunk.usage().isPresent()) usageSeen = true;
            return chunk;
        }

        private static ChatCompletionChunk json(JsonObject object) {
            return object.convert(ChatCompletionChunk.class);
        }

        /** The body ended without [DONE]: whole only if every choice finished (and usage came, if asked). */
        private void end(Emitter<ChatCompletionChunk> emitter) {
            boolean whole = !started.isEmpty() && finished.containsAll(started) && (usageSeen || !usageRequested);
            if (whole) {
                emitter.onComplete();
            } else {
                emitter.onError(new OpenAIIoException(route + " stream ended before the answer was complete"
                        + " (no [DONE] and " + (started.isEmpty() ? "no chunks" : "no finish_reason") + ")"));
            }
        }

        void close() {
            body.close();
        }
    }
}
