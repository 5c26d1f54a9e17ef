package dev.switchboard.testing;

/** What OpenAI-compatible servers answer, as they send it: whole completions and streamed chunks. */
public final class ServerPayloads {
    private ServerPayloads() {}

    /** A whole answer in OpenAI's shape, saying {@code content}. */
    public static String completion(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",\
                "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},\
                "logprobs":null,"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}"""
                .formatted(quoted(content));
    }

    /** One streamed chunk of choice 0 adding {@code content}, not finished. */
    public static String chunk(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini",\
                "choices":[{"index":0,"delta":{"content":%s},"finish_reason":null}]}"""
                .formatted(quoted(content));
    }

    /** The chunk that ends choice 0 with {@code finishReason}. */
    public static String lastChunk(String finishReason) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini",\
                "choices":[{"index":0,"delta":{},"finish_reason":"%s"}]}"""
                .formatted(finishReason);
    }

    /** The usage chunk OpenAI sends last when asked to include usage: no choices. */
    public static String usageChunk(int prompt, int completion) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini",\
                "choices":[],"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}"""
                .formatted(prompt, completion, prompt + completion);
    }

    /** An error body in OpenAI's shape. */
    public static String error(String message, String type, String code) {
        return """
                {"error":{"message":%s,"type":"%s","param":null,"code":%s}}"""
                .formatted(quoted(message), type, code == null ? "null" : quoted(code));
    }

    private static String quoted(String s) {
        if (s == null) return "null";
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
