package dev.switchboard.bench;

import java.nio.charset.StandardCharsets;

/** The bytes the loopback server answers with, and what a client must make of them. */
final class CannedAnswers {
    private CannedAnswers() {}

    /** Chunks of content in the streamed answer; a role chunk comes first and a finish chunk last. */
    static final int STREAM_CONTENT_CHUNKS = 998;
    /** Every chunk of the streamed answer, the role and finish chunks included. */
    static final int STREAM_CHUNKS = STREAM_CONTENT_CHUNKS + 2;

    static final String CONTENT = "Switchboard routes every call through an in-process router; this answer is canned.";

    static final byte[] COMPLETION = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1735689600,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_bench\",\"service_tier\":\"default\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + CONTENT + "\","
            + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":17,\"total_tokens\":41,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
            + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
            + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}").getBytes(StandardCharsets.UTF_8);

    /** The text the content chunks add up to. */
    static final String STREAM_TEXT = streamText();

    static final byte[] STREAM = stream();

    private static String token(int i) {
        return "tok" + i + " ";
    }

    private static String streamText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < STREAM_CONTENT_CHUNKS; i++) text.append(token(i));
        return text.toString();
    }

    private static byte[] stream() {
        String head = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,"
                + "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_bench\",\"choices\":[{\"index\":0,\"delta\":";
        StringBuilder sse = new StringBuilder();
        sse.append(head).append("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        for (int i = 0; i < STREAM_CONTENT_CHUNKS; i++) {
            sse.append(head).append("{\"content\":\"").append(token(i)).append("\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n");
        }
        sse.append(head).append("{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n");
        sse.append("data: [DONE]\n\n");
        return sse.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a chat completion request body asks for a stream (both SDKs write {@code "stream":true}). */
    static boolean asksToStream(byte[] request) {
        String body = new String(request, StandardCharsets.UTF_8);
        return body.contains("\"stream\":true") || body.contains("\"stream\": true");
    }
}
