package jp.expirynotices.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * Writes one CSV output (UTF-8, header, RFC 4180 quoting where needed, LF) atomically. A field that a spreadsheet
 * would run as a formula (leading {@code = + - @}, tab or CR) is prefixed with {@code '} (interfaces.md §3).
 */
public final class CsvTable {

    private CsvTable() {
    }

    public static void write(Path target, List<String> header, List<List<String>> rows) {
        write(target, header, sink -> rows.forEach(sink::accept));
    }

    /** Produces the rows of a table one by one, so that a large table is never held in memory. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(Consumer<List<String>> sink) throws IOException;
    }

    /** As {@link #write(Path, List, List)}, the rows streamed from {@code rows}. */
    public static void write(Path target, List<String> header, Rows rows) {
        OutputFiles.write(target, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\n").build();
            csv.writeNext(header.toArray(String[]::new), false);
            rows.writeTo(row -> csv.writeNext(row.stream().map(CsvTable::neutralise).toArray(String[]::new), false));
            csv.flush();
        });
    }

    /** Prefixes a field that would start a spreadsheet formula. */
    public static String neutralise(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        char first = field.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + field;
            default -> field;
        };
    }
}
