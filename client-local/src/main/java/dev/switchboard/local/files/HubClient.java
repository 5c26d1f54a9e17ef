package dev.switchboard.local.files;

import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks the hub about one file, as {@code huggingface_hub}'s {@code get_hf_file_metadata} does: {@code
 * HEAD <endpoint>/<owner>/<repo>/resolve/<revision>/<path>} without following redirects to other
 * hosts. The answer's headers say which commit the revision is at ({@code X-Repo-Commit}), the content's
 * id ({@code X-Linked-Etag}, the SHA-256 of an LFS file, else {@code ETag}, a git blob's SHA-1), its
 * size ({@code X-Linked-Size}, else {@code Content-Length}) and, in a redirect's {@code Location}, the
 * CDN address to download it from. Relative redirects (a renamed repository) are followed.
 */
final class HubClient {
    static final String USER_AGENT = "Switchboard/" + version() + " Java/" + System.getProperty("java.version");
    private static final int MAX_RELATIVE_REDIRECTS = 5;

    /** What the hub said about a file. */
    static final class Metadata {
        final String commit;
        final String etag;
        final long size; // -1 when the hub did not say
        final HttpUrl location;

        Metadata(String commit, String etag, long size, HttpUrl location) {
            this.commit = commit;
            this.etag = etag;
            this.size = size;
            this.location = location;
        }
    }

    private final HubEnvironment env;
    private final OkHttpClient headClient;

    HubClient(HubEnvironment env, OkHttpClient http, Duration metadataTimeout) {
        this.env = env;
        // huggingface_hub gives the HEAD 10 s; the hub's redirects to a CDN are read, not followed.
        this.headClient = http.newBuilder().followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false).callTimeout(metadataTimeout).build();
    }

    /** {@code <endpoint>/<owner>/<repo>/resolve/<revision>/<path>}, each part URL-encoded. */
    HttpUrl resolveUrl(HubFileRef file) {
        HttpUrl.Builder url = env.endpointUrl().newBuilder()
                .addPathSegment(file.owner()).addPathSegment(file.repo())
                .addPathSegment("resolve").addPathSegment(file.revision()); // a '/' in refs/pr/1 becomes %2F, as the hub wants
        for (String part : file.path().split("/")) url.addPathSegment(part);
        return url.build();
    }

    /**
     * The file's metadata.
     *
     * @throws IOException when the hub cannot be reached (then a cached copy may serve)
     * @throws HubRefusal when it answers without the file
     */
    Metadata head(HubFileRef file) throws IOException, HubRefusal {
        HttpUrl url = resolveUrl(file);
        for (int hop = 0; ; hop++) {
            Request.Builder request = new Request.Builder().head().url(url)
                    .header("User-Agent", USER_AGENT)
                    .header("Accept-Encoding", "identity"); // the real size, not a compressed one
            env.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
            try (Response response = headClient.newCall(request.build()).execute()) {
                if (response.isRedirect()) {
                    String location = response.header("Location");
                    if (location == null) throw HubRefusal.unexpected(response.code() + " redirect without a Location");
                    if (isRelative(location)) {
                        if (hop >= MAX_RELATIVE_REDIRECTS) {
                            throw HubRefusal.unexpected("more than " + MAX_RELATIVE_REDIRECTS + " redirects");
                        }
                        url = url.resolve(location);
                        continue;
                    }
                    // Another host: the CDN holding the content. The metadata headers are on this answer.
                    HttpUrl cdn = HttpUrl.parse(location);
                    if (cdn == null) throw HubRefusal.unexpected("a redirect to '" + location + "', which is not an http URL");
                    return metadata(response, cdn);
                }
                if (!response.isSuccessful()) throw HubRefusal.of(response);
                return metadata(response, url);
            }
        }
    }

    private static boolean isRelative(String location) {
        return !location.startsWith("//") && !HubFileRef.URL_SCHEME.matcher(location).lookingAt();
    }

    private static Metadata metadata(Response response, HttpUrl location) throws HubRefusal {
        String commit = response.header("X-Repo-Commit");
        if (commit == null) throw HubRefusal.unexpected("an answer without the X-Repo-Commit header a Hugging Face hub sends");
        commit = commit.strip();
        if (!HubCache.isSafeName(commit)) throw HubRefusal.unexpected("X-Repo-Commit '" + commit + "', which is not a commit");
        String etag = response.header("X-Linked-Etag");
        if (etag == null) etag = response.header("ETag");
        if (etag == null) throw HubRefusal.unexpected("an answer without an ETag, which names the file's content");
        etag = normalizeEtag(etag);
        if (!HubCache.isSafeName(etag)) throw HubRefusal.unexpected("ETag '" + etag + "', which cannot name a file");
        long size = parseSize(response.header("X-Linked-Size"));
        if (size < 0) size = parseSize(response.header("Content-Length"));
        return new Metadata(commit, etag, size, location);
    }

    /** {@code W/"abc"} and {@code "abc"} are {@code abc}, as in huggingface_hub's {@code _normalize_etag}. */
    static String normalizeEtag(String etag) {
        String e = etag.strip();
        if (e.startsWith("W/")) e = e.substring(2);
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) e = e.substring(1, e.length() - 1);
        return e;
    }

    private static long parseSize(String header) {
        if (header == null) return -1;
        try {
            long n = Long.parseLong(header.strip());
            return n >= 0 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String version() {
        String v = HubClient.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
