package dev.switchboard.local.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.errors.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hub files: asked for with HEAD, downloaded from the CDN into the Hugging Face cache layout, found there again. */
class HubDownloadTest {
    private static final String REPO = "acme/tiny-llama-GGUF";
    private static final String FILE = "tiny-Q8_0.gguf";
    private static final String REF = "hf:" + REPO + "/" + FILE;
    private static final String TOKEN = "hf_SECRETtoken0123456789abcdefXYZ";

    @TempDir
    Path cache;

    private final FakeHub hub = new FakeHub();

    @AfterEach
    void tearDown() throws IOException {
        hub.close();
    }

    private ModelFiles files() {
        return files(hub.env(cache).build());
    }

    private ModelFiles files(HubEnvironment env) {
        return ModelFiles.builder().environment(env).build();
    }

    private Path repoDir() {
        return cache.resolve("models--acme--tiny-llama-GGUF");
    }

    private static String shown(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void aFreshFileIsAskedForWithHeadThenDownloadedFromTheCdnTheHubRedirectsTo() throws Exception {
        byte[] content = FakeHub.bytes(100_000, 1);
        String sha = hub.lfs(REPO, FILE, content);

        Path path = files().resolve(REF);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        List<RecordedRequest> requests = hub.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getMethod()).isEqualTo("HEAD");
        assertThat(requests.get(0).getPath()).isEqualTo("/acme/tiny-llama-GGUF/resolve/main/tiny-Q8_0.gguf");
        assertThat(requests.get(1).getMethod()).isEqualTo("GET");
        assertThat(requests.get(1).getRequestUrl().port()).isEqualTo(hub.cdn.getPort());
        assertThat(requests.get(1).getPath()).isEqualTo("/cdn/" + sha + "?X-Amz-Signature=abc");
        assertThat(requests.get(1).getHeader("Range")).isNull();
    }

    @Test
    void theCacheIsLaidOutAsHuggingFaceHubLaysItOut() throws Exception {
        byte[] content = FakeHub.bytes(5_000, 2);
        String sha = hub.lfs(REPO, FILE, content);

        Path path = files().resolve(REF);

        Path entry = repoDir().resolve("snapshots/" + FakeHub.COMMIT + "/" + FILE);
        assertThat(path).isEqualTo(entry);
        assertThat(Files.readString(repoDir().resolve("refs/main"))).isEqualTo(FakeHub.COMMIT);
        assertThat(Files.isSymbolicLink(entry)).isTrue();
        assertThat(Files.readSymbolicLink(entry)).isEqualTo(Path.of("../../blobs/" + sha));
        assertThat(Files.readAllBytes(repoDir().resolve("blobs/" + sha))).isEqualTo(content);
        try (var blobs = Files.list(repoDir().resolve("blobs"))) {
            assertThat(blobs.map(p -> p.getFileName().toString())).containsExactly(sha);
        }
        assertThat(cache.resolve(".locks/models--acme--tiny-llama-GGUF/" + sha + ".lock")).exists();
    }

    @Test
    void aFileInAFolderOfTheRepositoryLinksOneFolderFurtherUp() throws Exception {
        String sha = hub.lfs(REPO, "q8/tiny.gguf", FakeHub.bytes(1_000, 3));

        Path path = files().resolve("hf:" + REPO + "/q8/tiny.gguf");

        assertThat(path).isEqualTo(repoDir().resolve("snapshots/" + FakeHub.COMMIT + "/q8/tiny.gguf"));
        assertThat(Files.readSymbolicLink(path)).isEqualTo(Path.of("../../../blobs/" + sha));
        assertThat(hub.requests().get(0).getPath()).isEqualTo("/acme/tiny-llama-GGUF/resolve/main/q8/tiny.gguf");
    }

    @Test
    void aFileTheCacheHasIsUsedOfflineWithoutTheNetwork() {
        byte[] content = FakeHub.bytes(2_000, 4);
        hub.lfs(REPO, FILE, content);
        Path first = files().resolve(REF);
        int before = hub.requests().size();

        Path second = files(hub.env(cache).offline(true).build()).resolve(REF);

        assertThat(second).isEqualTo(first);
        assertThat(hub.requests()).hasSize(before);
    }

    @Test
    void aFileTheCacheHasIsFoundAgainOnlineWithOneHeadAndNoDownload() {
        hub.lfs(REPO, FILE, FakeHub.bytes(2_000, 5));
        Path first = files().resolve(REF);

        Path second = files().resolve(REF);

        assertThat(second).isEqualTo(first);
        assertThat(hub.requests()).extracting(RecordedRequest::getMethod).containsExactly("HEAD", "GET", "HEAD");
    }

    @Test
    void aCommitPinnedFileTheCacheHasIsUsedWithoutAsking() {
        hub.lfs(REPO, FILE, FakeHub.bytes(2_000, 6));
        files().resolve(REF);
        int before = hub.requests().size();

        Path pinned = files().resolve(REF + "@" + FakeHub.COMMIT);

        assertThat(pinned).isEqualTo(repoDir().resolve("snapshots/" + FakeHub.COMMIT + "/" + FILE));
        assertThat(hub.requests()).hasSize(before);
    }

    @Test
    void whenTheHubCannotBeReachedTheCachedCopyServes() throws IOException {
        hub.lfs(REPO, FILE, FakeHub.bytes(2_000, 7));
        Path first = files().resolve(REF);
        HubEnvironment env = hub.env(cache).build();
        hub.close();

        assertThat(files(env).resolve(REF)).isEqualTo(first);
    }

    @Test
    void whenTheHubIsDownTheCachedCopyServes() {
        hub.lfs(REPO, FILE, FakeHub.bytes(2_000, 8));
        Path first = files().resolve(REF);
        hub.answerNextHead(new MockResponse().setResponseCode(503));

        assertThat(files().resolve(REF)).isEqualTo(first);
    }

    @Test
    void aFailedUpdateLeavesTheCachedRevisionUsableOffline() {
        hub.lfs(REPO, FILE, FakeHub.bytes(2_000, 26));
        Path first = files().resolve(REF);
        String newer = FakeHub.sha256(FakeHub.bytes(2_000, 27));
        hub.answerNextHead(new MockResponse().setResponseCode(302)
                .setHeader("X-Repo-Commit", "fedcba9876543210fedcba9876543210fedcba98")
                .setHeader("X-Linked-Etag", "\"" + newer + "\"").setHeader("X-Linked-Size", 2_000)
                .setHeader("Location", hub.cdn.url("/cdn/" + newer).toString()));
        hub.answerNextDownload(new MockResponse().setResponseCode(503));
        catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        Path offline = files(hub.env(cache).offline(true).build()).resolve(REF);

        assertThat(offline).isEqualTo(first);
    }

    @Test
    void aDownloadCutMidwayKeepsItsBytesAndTheNextResolveResumesWithRange() throws Exception {
        byte[] content = FakeHub.bytes(200_000, 9);
        String sha = hub.lfs(REPO, FILE, content);
        hub.cutNextDownload();

        ModelLoadException cut = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        Path incomplete = repoDir().resolve("blobs/" + sha + ".incomplete");
        long kept = Files.size(incomplete);
        assertThat(kept).isBetween(1L, (long) content.length - 1);
        assertThat(cut).hasMessageStartingWith("downloading " + REF + " stopped after "
                + String.format(java.util.Locale.ROOT, "%,d", kept) + " bytes of 200,000 bytes (")
                .hasMessageEndingWith("): what was downloaded is kept in " + incomplete
                        + ", and the next attempt resumes from there.");

        Path path = files().resolve(REF);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        RecordedRequest resumed = hub.requests().get(hub.requests().size() - 1);
        assertThat(resumed.getHeader("Range")).isEqualTo("bytes=" + kept + "-");
        assertThat(resumed.getBodySize()).isZero();
        assertThat(incomplete).doesNotExist();
    }

    @Test
    void aServerThatIgnoresTheRangeMakesTheDownloadStartOver() throws Exception {
        byte[] content = FakeHub.bytes(200_000, 10);
        hub.lfs(REPO, FILE, content);
        hub.cutNextDownload();
        catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));
        hub.ignoreRanges();

        Path path = files().resolve(REF);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
    }

    @Test
    void aDownloadWhoseSha256DiffersFromTheHubsIsDeletedAndRefused() {
        byte[] content = "these are not the bytes the hub promised".getBytes(StandardCharsets.UTF_8);
        String claimed = FakeHub.sha256("the bytes the hub promised".getBytes(StandardCharsets.UTF_8));
        hub.lfsClaiming(REPO, FILE, content, claimed);

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        assertThat(e).hasMessage("the download of " + REF + " does not match the hub's checksum: its SHA-256 is "
                + FakeHub.sha256(content) + ", the hub's is " + claimed + ". The downloaded bytes were deleted;"
                + " the next attempt downloads the file anew.");
        assertThat(repoDir().resolve("blobs/" + claimed + ".incomplete")).doesNotExist();
        assertThat(repoDir().resolve("blobs/" + claimed)).doesNotExist();
        assertThat(repoDir().resolve("snapshots/" + FakeHub.COMMIT + "/" + FILE)).doesNotExist();
    }

    @Test
    void aFileKeptInGitIsServedByTheHubAndCheckedAgainstItsGitBlobId() throws Exception {
        byte[] content = "{\"architectures\": [\"LlamaForCausalLM\"]}".getBytes(StandardCharsets.UTF_8);
        String etag = hub.git(REPO, "config.json", content);

        Path path = files(hub.env(cache).token(TOKEN).build()).resolve("hf:" + REPO + "/config.json");

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(Files.readSymbolicLink(path)).isEqualTo(Path.of("../../blobs/" + etag));
        RecordedRequest get = hub.requests().get(1);
        assertThat(get.getRequestUrl().port()).isEqualTo(hub.hub.getPort());
        assertThat(get.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void theTokenIsSentAsBearerToTheHubButNotToTheCdn() {
        hub.lfs(REPO, FILE, FakeHub.bytes(1_000, 11));

        files(hub.env(cache).token(TOKEN).build()).resolve(REF);

        assertThat(hub.requests().get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(hub.requests().get(1).getHeader("Authorization")).isNull();
    }

    @Test
    void withoutATokenNoAuthorizationIsSent() {
        hub.lfs(REPO, FILE, FakeHub.bytes(1_000, 12));

        files().resolve(REF);

        assertThat(hub.requests()).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isNull());
    }

    @Test
    void unauthorizedWithoutATokenSaysToSetHfToken() {
        hub.answerNextHead(new MockResponse().setResponseCode(401).setHeader("X-Error-Code", "RepoNotFound")
                .setHeader("X-Error-Message", "Repository not found"));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        String hubUrl = hub.env(cache).build().endpoint();
        assertThat(e).hasMessage("the Hugging Face hub refused " + REF + " (401 Client Error, RepoNotFound:"
                + " Repository not found): the repository " + REPO + " does not exist, or it is private or gated and"
                + " needs a token. Check the name at " + hubUrl + "/" + REPO + "; if it is gated, accept its"
                + " conditions there; then set HF_TOKEN to an access token that can read it (" + hubUrl
                + "/settings/tokens).");
    }

    @Test
    void unauthorizedWithATokenSaysWhereTheTokenCameFromAndNeverShowsIt() {
        hub.answerNextHead(new MockResponse().setResponseCode(403).setHeader("X-Error-Code", "GatedRepo")
                .setHeader("X-Error-Message", "Access to model " + REPO + " is restricted. Token " + TOKEN));
        HubEnvironment env = HubEnvironment.from(name -> name.equals("HF_TOKEN") ? TOKEN
                : name.equals("HF_HUB_CACHE") ? cache.toString()
                : name.equals("HF_ENDPOINT") ? hub.hub.url("/").toString() : null, cache);

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files(env).resolve(REF));

        assertThat(e.getMessage()).contains("(403 Client Error, GatedRepo: Access to model " + REPO
                + " is restricted. Token <token>): the token from HF_TOKEN cannot read the repository " + REPO
                + ", or it does not exist.");
        assertThat(shown(e)).doesNotContain(TOKEN);
        assertThat(hub.requests().get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aFileTheRepositoryDoesNotHaveIsNamedWithWhereToLook() {
        hub.lfs(REPO, FILE, FakeHub.bytes(10, 13));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class,
                () -> files().resolve("hf:" + REPO + "/tiny-Q4_0.gguf"));

        String hubUrl = hub.env(cache).build().endpoint();
        assertThat(e).hasMessage("the Hugging Face repository " + REPO + " has no file 'tiny-Q4_0.gguf' at revision"
                + " main (404 Client Error, EntryNotFound: Entry not found): check the path against the files listed at "
                + hubUrl + "/" + REPO + "/tree/main.");
    }

    @Test
    void aMissingFileIsNotServedFromTheCacheEvenIfAnOlderCommitHadIt() {
        hub.lfs(REPO, FILE, FakeHub.bytes(10, 14));
        files().resolve(REF);
        hub.answerNextHead(new MockResponse().setResponseCode(404).setHeader("X-Error-Code", "EntryNotFound"));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        assertThat(e).hasMessageContaining("has no file '" + FILE + "' at revision main (404 Client Error, EntryNotFound)");
    }

    @Test
    void aRevisionTheRepositoryDoesNotHaveIsNamed() {
        hub.answerNextHead(new MockResponse().setResponseCode(404).setHeader("X-Error-Code", "RevisionNotFound")
                .setHeader("X-Error-Message", "Invalid rev id: v9"));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF + "@v9"));

        String hubUrl = hub.env(cache).build().endpoint();
        assertThat(e).hasMessage("the Hugging Face repository " + REPO + " has no revision 'v9' (404 Client Error,"
                + " RevisionNotFound: Invalid rev id: v9): name a branch, tag or commit it has (see " + hubUrl + "/"
                + REPO + "/tree/main).");
        assertThat(hub.requests().get(0).getPath()).isEqualTo("/acme/tiny-llama-GGUF/resolve/v9/tiny-Q8_0.gguf");
    }

    @Test
    void offlineWithNothingCachedSaysHowToGetTheFileAndUsesNoNetwork() {
        hub.lfs(REPO, FILE, FakeHub.bytes(10, 15));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class,
                () -> files(hub.env(cache).offline(true).build()).resolve(REF + "@v2"));

        assertThat(e).hasMessage(REF + "@v2 is not in the Hugging Face cache (" + repoDir() + "), and offline mode"
                + " (HF_HUB_OFFLINE) keeps it from being downloaded. Run `huggingface-cli download " + REPO + " " + FILE
                + " --revision v2` where the hub can be reached (it fills the same cache layout; point HF_HUB_CACHE"
                + " at a copy of it), turn offline mode off, or give the path of a copy of the file as the model.");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void anUnreachableHubWithNothingCachedSaysSo() throws IOException {
        HubEnvironment env = hub.env(cache).build();
        hub.close();

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files(env).resolve(REF));

        assertThat(e.getMessage()).startsWith("could not reach the Hugging Face hub at " + env.endpoint() + " for "
                + REF + " (").endsWith("), and the file is not in the cache (" + repoDir() + "). Check the network,"
                + " HF_ENDPOINT and proxy settings, or run `huggingface-cli download " + REPO + " " + FILE
                + "` where the hub can be reached, or give the path of a copy of the file as the model.");
    }

    @Test
    void progressNeverGoesBackAndEndsAtTheFilesSize() {
        byte[] content = FakeHub.bytes(1_000_000, 16);
        hub.lfs(REPO, FILE, content);
        List<String> events = new CopyOnWriteArrayList<>();
        List<long[]> progress = new CopyOnWriteArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void downloadStarted(HubFileRef file, long resumedFrom, long totalBytes) {
                events.add("started " + file + " from " + resumedFrom + " of " + totalBytes);
            }

            @Override
            public void downloadProgress(HubFileRef file, long bytesDone, long totalBytes) {
                progress.add(new long[] {bytesDone, totalBytes});
            }

            @Override
            public void downloadFinished(HubFileRef file, Path blob) {
                events.add("finished " + blob.getFileName());
            }
        };

        ModelFiles.builder().environment(hub.env(cache).build()).listener(listener).build().resolve(REF);

        assertThat(events).containsExactly("started " + REF + " from 0 of 1000000",
                "finished " + FakeHub.sha256(content));
        assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(1_000_000));
        List<Long> done = new ArrayList<>();
        progress.forEach(p -> done.add(p[0]));
        assertThat(done).isSorted().startsWith(0L).endsWith(1_000_000L);
    }

    @Test
    void progressIsReportedAboutEveryPercentNotForEveryRead() {
        byte[] content = FakeHub.bytes(2_000_000, 17);
        hub.lfs(REPO, FILE, content);
        List<Long> done = new CopyOnWriteArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void downloadProgress(HubFileRef file, long bytesDone, long totalBytes) {
                done.add(bytesDone);
            }
        };

        ModelFiles.builder().environment(hub.env(cache).build()).listener(listener).nanoTime(() -> 0L).build()
                .resolve(REF);

        // The start, then at most one report per 1% (20,000 bytes), and the end.
        assertThat(done).hasSizeBetween(3, 102).endsWith(2_000_000L);
        for (int i = 1; i < done.size() - 1; i++) assertThat(done.get(i) - done.get(i - 1)).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void aResumedDownloadReportsWhereItResumedFrom() {
        byte[] content = FakeHub.bytes(200_000, 18);
        String sha = hub.lfs(REPO, FILE, content);
        hub.cutNextDownload();
        List<String> events = new CopyOnWriteArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void downloadStarted(HubFileRef file, long resumedFrom, long totalBytes) {
                events.add("started from " + resumedFrom);
            }

            @Override
            public void downloadFailed(HubFileRef file, ModelLoadException failure) {
                events.add("failed");
            }

            @Override
            public void downloadFinished(HubFileRef file, Path blob) {
                events.add("finished");
            }
        };
        ModelFiles files = ModelFiles.builder().environment(hub.env(cache).build()).listener(listener).build();
        catchThrowableOfType(ModelLoadException.class, () -> files.resolve(REF));
        long kept = repoDir().resolve("blobs/" + sha + ".incomplete").toFile().length();

        files.resolve(REF);

        assertThat(events).containsExactly("started from 0", "failed", "started from " + kept, "finished");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheDownload() throws Exception {
        byte[] content = FakeHub.bytes(50_000, 19);
        hub.lfs(REPO, FILE, content);
        DownloadListener listener = new DownloadListener() {
            @Override
            public void downloadProgress(HubFileRef file, long bytesDone, long totalBytes) {
                throw new IllegalStateException("a broken progress bar");
            }
        };

        Path path = ModelFiles.builder().environment(hub.env(cache).build()).listener(listener).build().resolve(REF);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
    }

    @Test
    void twoThreadsResolvingTheSameFileDownloadItOnce() throws Exception {
        byte[] content = FakeHub.bytes(300_000, 20);
        hub.lfs(REPO, FILE, content);
        var release = hub.holdDownloads();
        ModelFiles files = files();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Path> first = pool.submit(() -> files.resolve(REF));
            awaitRequests(2); // its HEAD, and its GET, now held
            AtomicReference<Thread> second = new AtomicReference<>();
            Future<Path> other = pool.submit(() -> {
                second.set(Thread.currentThread());
                return files.resolve(REF);
            });
            // The second waits for the first's download (or, were it not coordinated, sends its own GET).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(second.get() != null && second.get().getState() == Thread.State.WAITING && hub.requests().size() >= 3)
                    && hub.downloads() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            release.countDown();

            assertThat(Files.readAllBytes(first.get(10, TimeUnit.SECONDS))).isEqualTo(content);
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(first.get());
            assertThat(hub.downloads()).isEqualTo(1);
            assertThat(BlobLock.inUse()).isZero();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private void awaitRequests(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hub.requests().size() < n) {
            if (System.nanoTime() > deadline) throw new AssertionError("the hub got " + hub.requests() + ", not " + n);
            Thread.onSpinWait();
        }
    }

    @Test
    void withoutSymbolicLinksTheSnapshotHoldsTheFileItself() throws Exception {
        byte[] content = FakeHub.bytes(3_000, 21);
        hub.lfs(REPO, FILE, content);

        Path path = ModelFiles.builder().environment(hub.env(cache).build()).links(SnapshotLinks.FILE).build()
                .resolve(REF);

        assertThat(Files.isSymbolicLink(path)).isFalse();
        assertThat(Files.readAllBytes(path)).isEqualTo(content);
    }

    @Test
    void aRenamedRepositorysRelativeRedirectIsFollowed() throws Exception {
        byte[] content = FakeHub.bytes(1_000, 22);
        hub.lfs("acme/new-name", FILE, content);
        hub.answerNextHead(new MockResponse().setResponseCode(307)
                .setHeader("Location", "/acme/new-name/resolve/main/" + FILE));

        Path path = files().resolve("hf:acme/old-name/" + FILE);

        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(path).isEqualTo(cache.resolve("models--acme--old-name/snapshots/" + FakeHub.COMMIT + "/" + FILE));
        assertThat(hub.requests().get(1).getPath()).isEqualTo("/acme/new-name/resolve/main/" + FILE);
    }

    @Test
    void aBranchWithASlashIsOneEncodedPathSegmentAndARefFolder() throws Exception {
        byte[] content = FakeHub.bytes(1_000, 23);
        hub.lfs(REPO, FILE, content);
        hub.answerNextHead(new MockResponse().setResponseCode(302).setHeader("X-Repo-Commit", FakeHub.COMMIT)
                .setHeader("X-Linked-Etag", "\"" + FakeHub.sha256(content) + "\"").setHeader("X-Linked-Size", 1_000)
                .setHeader("Location", hub.cdn.url("/cdn/" + FakeHub.sha256(content)).toString()));

        files().resolve(REF + "@refs/pr/1");

        assertThat(hub.requests().get(0).getPath()).isEqualTo("/acme/tiny-llama-GGUF/resolve/refs%2Fpr%2F1/" + FILE);
        assertThat(Files.readString(repoDir().resolve("refs/refs/pr/1"))).isEqualTo(FakeHub.COMMIT);
    }

    @Test
    void anEndpointWithAPathPrefixIsKept() throws Exception {
        byte[] content = FakeHub.bytes(1_000, 24);
        hub.lfs(REPO, FILE, content);
        hub.answerNextHead(new MockResponse().setResponseCode(302).setHeader("X-Repo-Commit", FakeHub.COMMIT)
                .setHeader("X-Linked-Etag", "\"" + FakeHub.sha256(content) + "\"").setHeader("X-Linked-Size", 1_000)
                .setHeader("Location", hub.cdn.url("/cdn/" + FakeHub.sha256(content)).toString()));

        files(hub.env(cache).endpoint(hub.hub.url("/mirror/").toString()).build()).resolve(REF);

        assertThat(hub.requests().get(0).getPath()).isEqualTo("/mirror/acme/tiny-llama-GGUF/resolve/main/" + FILE);
    }

    @Test
    void anAnswerWithoutACommitIsNotTakenForAHubs() {
        hub.answerNextHead(new MockResponse().setResponseCode(200).setHeader("ETag", "\"abc\""));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        assertThat(e).hasMessage("the server at " + hub.env(cache).build().endpoint() + " did not answer for " + REF
                + " as a Hugging Face hub does (an answer without the X-Repo-Commit header a Hugging Face hub"
                + " sends), and the file is not in the cache (" + repoDir() + "): check HF_ENDPOINT and any proxy in"
                + " between.");
    }

    @Test
    void anEtagThatCouldLeaveTheCacheFolderIsRefused() {
        hub.answerNextHead(new MockResponse().setResponseCode(200).setHeader("X-Repo-Commit", FakeHub.COMMIT)
                .setHeader("ETag", "\"../../../escape\""));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        assertThat(e).hasMessageContaining("(ETag '../../../escape', which cannot name a file)");
        assertThat(cache.resolve("escape")).doesNotExist();
    }

    @Test
    void aDownloadThatFailsBeforeItsFirstByteSaysSo() {
        hub.lfs(REPO, FILE, FakeHub.bytes(1_000, 28));
        hub.answerNextDownload(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        assertThat(e.getMessage()).startsWith("downloading " + REF + " failed before its first byte (")
                .endsWith("): check the network, or run `huggingface-cli download " + REPO + " " + FILE + "`.");
    }

    @Test
    void aCdnThatRefusesTheDownloadIsNamed() {
        hub.lfs(REPO, FILE, FakeHub.bytes(1_000, 25));
        hub.answerNextDownload(new MockResponse().setResponseCode(403));

        ModelLoadException e = catchThrowableOfType(ModelLoadException.class, () -> files().resolve(REF));

        assertThat(e).hasMessage("downloading " + REF + " from " + hub.cdn.getHostName() + " was refused (403 Client"
                + " Error): the next attempt asks the hub for a fresh address; if it keeps failing, run"
                + " `huggingface-cli download " + REPO + " " + FILE + "`.");
    }
}
