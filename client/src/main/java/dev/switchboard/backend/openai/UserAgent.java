package dev.switchboard.backend.openai;

/** The User-Agent of Switchboard's requests: the library's version and the Java runtime's. */
final class UserAgent {
    static final String VALUE = "Switchboard/" + version() + " Java/" + System.getProperty("java.version");

    private UserAgent() {}

    private static String version() {
        String v = UserAgent.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
