package jp.expirynotices.registry;

import java.io.Closeable;
import java.io.IOException;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * The registry's CSV records with the physical lines read so far, as OpenCSV's {@link CSVReader} gives them: from
 * OpenCSV itself for any charset ({@link #of(CSVReader)}), or from UTF-8 bytes directly ({@link Utf8CsvRecords}),
 * which gives the same records.
 */
interface CsvRecords extends Closeable {

    /** The next record's fields, or null at the end of the file. */
    String[] readNext() throws IOException, CsvException;

    /** Physical lines read so far (CR LF, LF or a lone CR each end one). */
    long linesRead();

    static CsvRecords of(CSVReader csv) {
        return new CsvRecords() {
            @Override
            public String[] readNext() throws IOException, CsvException {
                return csv.readNext();
            }

            @Override
            public long linesRead() {
                return csv.getLinesRead();
            }

            @Override
            public void close() throws IOException {
                csv.close();
            }
        };
    }
}
