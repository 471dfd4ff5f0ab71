package jp.expirynotices;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** One command, one night's run: see README.md for options and exit codes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExpiryNoticesApplication {

    /** Operator settings live in job-config/ beside the jar's working directory, on top of the built-in defaults. */
    public static final Map<String, Object> DEFAULTS = Map.of(
            "spring.config.additional-location", "optional:file:./job-config/");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job and returns the exit code of interfaces.md §4 (used by tests without exiting the JVM). */
    public static int run(String... args) {
        SpringApplication app = new SpringApplication(ExpiryNoticesApplication.class);
        app.setDefaultProperties(DEFAULTS);
        try {
            return SpringApplication.exit(app.run(args));
        } catch (RuntimeException e) {
            // The context could not start (database unreachable or locked, bad setting): a one-line reason; the
            // stack trace is in the log with --debug.
            String root = rootMessage(e);
            if (root.contains("lockFile") || root.contains("lock acquisition")) {
                System.err.println("expiry-notices: the job database is in use by another run (" + root
                        + "); not started");
                return 1;
            }
            System.err.println("expiry-notices: cannot start: " + root);
            return e.getClass().getSimpleName().contains("Bind") || root.contains("notices.") ? 2 : 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
