package org.lipf.output;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** CSV files of a sweep (runs.csv, summary.csv), written atomically with RFC 4180 quoting (Jackson CSV). */
public final class CsvTable {
    // quote only the cells that need it (commas, quotes, line breaks)
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private CsvTable() {
    }

    public static void write(Path file, List<List<String>> rows) throws IOException {
        StringWriter text = new StringWriter();
        try (var writer = CSV.writerFor(List.class).writeValues(text)) {
            for (List<String> row : rows) writer.write(row);
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** All rows, the header first. */
    public static List<List<String>> read(Path file) throws IOException {
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(file.toFile())) {
            return it.readAll();
        }
    }
}
