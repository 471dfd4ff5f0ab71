package jp.expirynotices.job;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;

/**
 * The options of interfaces.md §2. Anything else without a dot is taken for a typo and refused, so that
 * {@code --run_date=...} cannot silently run for today; dotted names are Spring Boot properties.
 */
public final class CommandLineOptions {

    /** The ward's calendar: "today" is today in Tokyo, whatever the server's zone. */
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    static final Set<String> OPTIONS = Set.of("input", "output-dir", "run-date", "encoding", "dry-run",
            "envelope-calibration", "debug", "trace");

    private CommandLineOptions() {
    }

    public static RunRequest parse(ApplicationArguments args, JobSettings settings, LocalDate today) {
        for (String name : args.getOptionNames()) {
            if (!name.contains(".") && !OPTIONS.contains(name)) {
                throw new UsageException("unknown option --" + name + " (options: --input, --output-dir, "
                        + "--run-date, --encoding, --dry-run)");
            }
        }
        Path input = path("input", single(args, "input", settings.input()));
        Path outputDir = path("output-dir", single(args, "output-dir", settings.outputDir()));
        String date = single(args, "run-date", null);
        LocalDate runDate = today;
        if (date != null) {
            try {
                runDate = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new UsageException("--run-date=" + date + " is not a date in the form YYYY-MM-DD");
            }
        }
        Charset encoding = charset(single(args, "encoding", settings.encoding()));
        boolean dryRun = flag(args, "dry-run");
        return new RunRequest(input, outputDir, runDate, encoding, dryRun);
    }

    static boolean flag(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values == null) {
            return false;
        }
        if (values.isEmpty() || values.stream().allMatch(v -> v.isEmpty() || v.equalsIgnoreCase("true"))) {
            return true;
        }
        if (values.stream().allMatch(v -> v.equalsIgnoreCase("false"))) {
            return false;
        }
        throw new UsageException("--" + name + " takes no value (or true/false)");
    }

    private static String single(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        if (values == null) {
            return fallback;
        }
        if (values.size() != 1 || values.get(0).isBlank()) {
            throw new UsageException("--" + name + " needs exactly one value, as --" + name + "=VALUE");
        }
        return values.get(0);
    }

    private static Path path(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " is not a usable path");
        }
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("--encoding=" + name + " is not a character set this Java knows "
                    + "(e.g. UTF-8, Windows-31J)");
        }
    }
}
