package dev.switchboard.local.files;

import java.util.Locale;
import java.util.Optional;
import okhttp3.Response;

/**
 * The hub answered, but not with the file: an HTTP error (with the hub's {@code X-Error-Code} such as
 * {@code RepoNotFound}, {@code GatedRepo}, {@code RevisionNotFound} or {@code EntryNotFound}), or an
 * answer lacking what a hub always sends. Internal: {@link HubErrors} turns it into the message the
 * user sees.
 */
final class HubRefusal extends Exception {
    enum Kind {
        /** 401, 403, or a repository the hub says does not exist (it says so for private ones too). */
        NO_ACCESS,
        /** The repository exists but not the revision. */
        NO_REVISION,
        /** The repository and revision exist but not the file. */
        NO_FILE,
        /** Another 404. */
        NOT_FOUND,
        /** 5xx and 429: the hub is busy or down; a cached copy may still serve. */
        UNAVAILABLE,
        /** Any other status, or an answer without the commit, ETag or location a hub sends. */
        UNEXPECTED
    }

    private final Kind kind;
    private final int status;
    private final String errorCode;
    private final String serverMessage;

    HubRefusal(Kind kind, int status, String errorCode, String serverMessage, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
        this.status = status;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    /** The refusal a non-successful answer stands for. */
    static HubRefusal of(Response response) {
        int status = response.code();
        String code = response.header("X-Error-Code");
        String message = response.header("X-Error-Message");
        Kind kind;
        if ("RevisionNotFound".equals(code)) {
            kind = Kind.NO_REVISION;
        } else if ("EntryNotFound".equals(code)) {
            kind = Kind.NO_FILE;
        } else if ("RepoNotFound".equals(code) || "GatedRepo".equals(code) || status == 401 || status == 403) {
            kind = Kind.NO_ACCESS;
        } else if (status == 404) {
            kind = Kind.NOT_FOUND;
        } else if (status == 429 || status >= 500) {
            kind = Kind.UNAVAILABLE;
        } else {
            kind = Kind.UNEXPECTED;
        }
        String reason = response.message().isEmpty() ? "" : " " + response.message();
        return new HubRefusal(kind, status, code, message, status + reason + (code != null ? ", " + code : ""));
    }

    /** An answer that is not a hub's, such as a proxy's page or a mirror missing a header. */
    static HubRefusal unexpected(String what) {
        return new HubRefusal(Kind.UNEXPECTED, 0, null, null, what);
    }

    Kind kind() {
        return kind;
    }

    int status() {
        return status;
    }

    Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The hub's own words ({@code X-Error-Message}), cut to one short line. */
    Optional<String> serverMessage() {
        if (serverMessage == null || serverMessage.isBlank()) return Optional.empty();
        String line = serverMessage.strip().replaceAll("\\s+", " ");
        return Optional.of(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    /** Whether a copy in the cache may serve instead: not when the hub says the revision or file is gone. */
    boolean cacheMayServe() {
        return kind != Kind.NO_REVISION && kind != Kind.NO_FILE;
    }

    @Override
    public String toString() {
        return "HubRefusal{" + kind.name().toLowerCase(Locale.ROOT) + ": " + getMessage() + "}";
    }
}
