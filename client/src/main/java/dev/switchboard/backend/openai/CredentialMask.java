package dev.switchboard.backend.openai;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Masks a deployment's credentials in the error bodies its server sends back, before they become
 * exception messages: some servers and proxies echo the key they refused. Only error answers are
 * read; successful bodies, streams included, pass untouched. Secrets shorter than
 * {@value #SHORTEST_MASKED} characters (placeholders such as "ollama") are left alone: masking
 * them would mangle ordinary words.
 */
final class CredentialMask implements Interceptor {
    private static final String MASK = "***";
    private static final int SHORTEST_MASKED = 8;
    private static final long MAX_ERROR_BODY = 64 * 1024;

    private final List<String> secrets;

    private CredentialMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A mask for these credentials; null and short ones are skipped, a "Bearer " prefix dropped. */
    static CredentialMask of(Collection<String> credentials) {
        List<String> secrets = new ArrayList<>();
        for (String c : credentials) {
            if (c == null) continue;
            String secret = c.regionMatches(true, 0, "Bearer ", 0, 7) ? c.substring(7).trim() : c.trim();
            if (secret.length() >= SHORTEST_MASKED) secrets.add(secret);
        }
        return new CredentialMask(List.copyOf(secrets));
    }

    String apply(String text) {
        String out = text;
        for (String secret : secrets) out = out.replace(secret, MASK);
        return out;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (response.isSuccessful() || secrets.isEmpty() || body == null) return response;
        String text;
        try (ResponseBody b = body) {
            text = b.source().request(MAX_ERROR_BODY) ? b.source().readUtf8(MAX_ERROR_BODY) : b.source().readUtf8();
        }
        return response.newBuilder().body(ResponseBody.create(apply(text), body.contentType())).build();
    }
}
