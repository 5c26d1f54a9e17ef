package dev.switchboard.local.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * Two MockWebServers posing as the Hugging Face hub and its CDN, answering as the real ones do:
 * {@code HEAD /owner/repo/resolve/<revision>/<path>} gives the commit and the content's id; an LFS file
 * is a 302 to the CDN with {@code X-Linked-Etag} (its SHA-256) and {@code X-Linked-Size}, a file kept in
 * git a 200 with its git blob id as {@code ETag}, served by the hub itself. Downloads honour
 * {@code Range}. Tests script failures on top: an answer for the next HEAD or download, a cut
 * connection, a gate that holds downloads.
 */
final class FakeHub extends Dispatcher implements AutoCloseable {
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    final MockWebServer hub = new MockWebServer();
    final MockWebServer cdn = new MockWebServer();
    private final Map<String, Entry> files = new ConcurrentHashMap<>();
    private final Map<String, Entry> blobs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<MockResponse> nextHeads = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<MockResponse> nextDownloads = new ConcurrentLinkedDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile boolean cutNextDownload;
    private volatile boolean ignoreRanges;
    private volatile CountDownLatch gate;

    private static final class Entry {
        final byte[] content;
        final String etag;
        final boolean lfs;

        Entry(byte[] content, String etag, boolean lfs) {
            this.content = content;
            this.etag = etag;
            this.lfs = lfs;
        }
    }

    FakeHub() {
        hub.setDispatcher(this);
        cdn.setDispatcher(this);
        try {
            hub.start();
            cdn.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An environment whose hub is this one and whose cache is {@code cacheDir}. */
    HubEnvironment.Builder env(Path cacheDir) {
        return HubEnvironment.builder().cacheDir(cacheDir).endpoint(hub.url("/").toString());
    }

    /** Serves {@code content} as an LFS file at revision main; returns its ETag (the SHA-256). */
    String lfs(String repoId, String path, byte[] content) {
        return lfsClaiming(repoId, path, content, sha256(content));
    }

    /** An LFS file whose ETag (what the hub claims its SHA-256 is) is {@code etag}. */
    String lfsClaiming(String repoId, String path, byte[] content, String etag) {
        Entry e = new Entry(content, etag, true);
        files.put(repoId + "/resolve/main/" + path, e);
        files.put(repoId + "/resolve/" + COMMIT + "/" + path, e);
        blobs.put(etag, e);
        return etag;
    }

    /** Serves {@code content} as a file kept in git (served by the hub); returns its ETag (the git blob SHA-1). */
    String git(String repoId, String path, byte[] content) {
        String etag = gitBlobSha1(content);
        Entry e = new Entry(content, etag, false);
        files.put(repoId + "/resolve/main/" + path, e);
        files.put(repoId + "/resolve/" + COMMIT + "/" + path, e);
        return etag;
    }

    /** The next HEAD gets {@code response} instead of the file's metadata. */
    void answerNextHead(MockResponse response) {
        nextHeads.add(response);
    }

    /** The next download gets {@code response} instead of the content. */
    void answerNextDownload(MockResponse response) {
        nextDownloads.add(response);
    }

    /** The next download's connection is cut halfway through the body. */
    void cutNextDownload() {
        cutNextDownload = true;
    }

    /** Downloads answer 200 with the whole file, whatever Range they ask for, as some servers do. */
    void ignoreRanges() {
        ignoreRanges = true;
    }

    /** Downloads wait until the returned latch is counted down. */
    CountDownLatch holdDownloads() {
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        return latch;
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    long count(String method, MockWebServer server) {
        String authority = server.getHostName() + ":" + server.getPort();
        return requests().stream().filter(r -> r.getMethod().equals(method))
                .filter(r -> authority.equals(r.getRequestUrl().host() + ":" + r.getRequestUrl().port())).count();
    }

    long downloads() {
        return requests().stream().filter(r -> r.getMethod().equals("GET")).count();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        synchronized (requests) {
            requests.add(request);
        }
        String path = request.getRequestUrl().encodedPath().substring(1);
        if (request.getMethod().equals("HEAD")) {
            MockResponse scripted = nextHeads.poll();
            return scripted != null ? scripted : head(request, path);
        }
        CountDownLatch held = gate;
        if (held != null && !held.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("downloads held too long");
        MockResponse scripted = nextDownloads.poll();
        if (scripted != null) return scripted;
        Entry e = path.startsWith("cdn/") ? blobs.get(path.substring(4)) : files.get(decode(path));
        if (e == null) return new MockResponse().setResponseCode(404);
        return content(request, e);
    }

    private MockResponse head(RecordedRequest request, String path) {
        Entry e = files.get(decode(path));
        if (e == null) {
            return new MockResponse().setResponseCode(404).setHeader("X-Error-Code", "EntryNotFound")
                    .setHeader("X-Error-Message", "Entry not found").setHeader("X-Repo-Commit", COMMIT);
        }
        MockResponse response = new MockResponse().setHeader("X-Repo-Commit", COMMIT);
        if (e.lfs) {
            return response.setResponseCode(302)
                    .setHeader("Location", cdn.url("/cdn/" + e.etag + "?X-Amz-Signature=abc").toString())
                    .setHeader("X-Linked-Etag", "\"" + e.etag + "\"")
                    .setHeader("X-Linked-Size", e.content.length)
                    .setHeader("ETag", "\"not-the-content-etag\"");
        }
        return response.setResponseCode(200).setHeader("ETag", "\"" + e.etag + "\"")
                .setHeader("Content-Length", e.content.length);
    }

    private MockResponse content(RecordedRequest request, Entry e) {
        String range = request.getHeader("Range");
        Matcher m = range == null || ignoreRanges ? null : RANGE.matcher(range);
        MockResponse response;
        if (m != null && m.matches()) {
            int from = Integer.parseInt(m.group(1));
            if (from >= e.content.length) return new MockResponse().setResponseCode(416);
            response = new MockResponse().setResponseCode(206)
                    .setHeader("Content-Range", "bytes " + from + "-" + (e.content.length - 1) + "/" + e.content.length)
                    .setBody(new Buffer().write(Arrays.copyOfRange(e.content, from, e.content.length)));
        } else {
            response = new MockResponse().setResponseCode(200).setBody(new Buffer().write(e.content));
        }
        if (cutNextDownload) {
            cutNextDownload = false;
            response.setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
        }
        return response;
    }

    private static String decode(String path) {
        return path.replace("%2F", "/");
    }

    static String sha256(byte[] content) {
        return digest("SHA-256", content, new byte[0]);
    }

    static String gitBlobSha1(byte[] content) {
        return digest("SHA-1", content, ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String algorithm, byte[] content, byte[] prefix) {
        try {
            MessageDigest d = MessageDigest.getInstance(algorithm);
            d.update(prefix);
            return HexFormat.of().formatHex(d.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code n} bytes that differ from position to position, so an offset error shows. */
    static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        java.util.Random random = new java.util.Random(seed);
        random.nextBytes(b);
        return b;
    }

    @Override
    public void close() throws IOException {
        CountDownLatch held = gate;
        if (held != null) held.countDown();
        hub.shutdown();
        cdn.shutdown();
    }
}
