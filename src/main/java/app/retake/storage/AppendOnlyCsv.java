package app.retake.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CSV file that is only ever appended to, one synced row at a time: the shape of every log Retake keeps.
 *
 * <p>The file starts with a comment line naming its schema, then a header row. A crash during an append can
 * leave a torn last line (no newline at the end); the next append moves that fragment to {@code <file>.torn}
 * and cuts it off, so the file stays well-formed and nothing is silently thrown away.
 */
public final class AppendOnlyCsv {

    /** The format every append-only file uses. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
            .setIgnoreEmptyLines(false).get();

    /** What a reader sees in place of bytes that are not UTF-8: a damaged row, which costs only itself. */
    public static final char NOT_TEXT = '\uFFFD';

    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyCsv.class);

    private final Path file;
    private final String commentLine;
    private final List<String> header;

    /**
     * @param commentLine first line of a new file, starting with {@code #}, naming the schema
     */
    public AppendOnlyCsv(Path file, String commentLine, List<String> header) {
        this.file = file;
        this.commentLine = commentLine;
        this.header = List.copyOf(header);
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one row (creating the file with its header first) and syncs it to disk before returning.
     *
     * @throws IOException with a sentence naming the file when the row could not be added; the rows already in
     *                     the file are then as they were
     */
    public synchronized void append(List<String> row) throws IOException {
        try {
            appendRow(row);
        } catch (PlainIOException e) {
            throw e;
        } catch (IOException e) {
            throw new PlainIOException("Could not add a row to " + file + ": " + IoProblems.describe(e)
                    + "; the rows already in it are kept", e);
        }
    }

    /** An error whose message already says, in plain words, what happened to which file. */
    private static final class PlainIOException extends IOException {
        PlainIOException(String message, Throwable cause) {
            super(message, cause);
        }

        PlainIOException(String message) {
            super(message);
        }
    }

    private void appendRow(List<String> row) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            StringBuilder text = new StringBuilder();
            if (channel.size() == 0) {
                text.append(commentLine).append('\n');
                print(text, header);
            } else {
                checkHeader();
                cutTornTail(channel);
            }
            print(text, row);
            long before = channel.size();
            channel.position(before);
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            } catch (IOException e) {
                throw failed(channel, before, e);
            }
        }
    }

    /**
     * A write that failed part-way (a full disk) is cut off again, so the file ends as it did before rather than
     * with a torn row; the error names the file in plain words.
     */
    private IOException failed(FileChannel channel, long before, IOException cause) {
        try {
            if (channel.size() > before) {
                channel.truncate(before);
                channel.force(false);
            }
        } catch (IOException e) {
            cause.addSuppressed(e);
            LOG.warn("Could not cut a partly written row off {}; the next append sets it aside", file, e);
        }
        return new PlainIOException("Could not add a row to " + file + ": " + IoProblems.describe(cause)
                + "; the rows already in it are kept", cause);
    }

    /** Whether the file ends without a newline: its last line was torn by a crash mid-append. */
    public boolean endsTorn() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            if (size == 0) {
                return false;
            }
            raf.seek(size - 1);
            return raf.read() != '\n';
        }
    }

    /**
     * Reads {@code file} as UTF-8, bytes that are not UTF-8 read as {@link #NOT_TEXT}: one damaged row (a Latin-1
     * letter, a flipped byte) must not make every other row unreadable.
     */
    public static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** Reads the schema number from a comment line such as {@code # retake attempt log, schema=1}. */
    public static int schemaOf(String commentLine, int fallback) {
        int at = commentLine.indexOf("schema=");
        if (at < 0) {
            return fallback;
        }
        try {
            return Integer.parseInt(commentLine.substring(at + 7).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void print(StringBuilder out, List<String> values) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(values);
        }
    }

    private void checkHeader() throws IOException {
        try (BufferedReader reader = reader(file)) {
            String line = reader.readLine();
            if (line != null && line.startsWith("#")) {
                line = reader.readLine();
            }
            List<String> found = List.of();
            if (line != null) {
                try (CSVParser parser = CSVParser.parse(line, FORMAT)) {
                    for (CSVRecord record : parser) {
                        found = record.toList().stream().map(String::strip).toList();
                        break;
                    }
                }
            }
            if (!found.equals(header)) {
                throw new PlainIOException(file + " has columns this version of Retake does not write ("
                        + String.join(",", found) + "); nothing was added to it");
            }
        }
    }

    private void cutTornTail(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, size - 1);
        if (one.get(0) == '\n') {
            return;
        }
        long start = size;
        ByteBuffer chunk = ByteBuffer.allocate(4096);
        search:
        while (start > 0) {
            long from = Math.max(0, start - chunk.capacity());
            chunk.clear().limit((int) (start - from));
            channel.read(chunk, from);
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    start = from + i + 1;
                    break search;
                }
            }
            start = from;
        }
        ByteBuffer fragment = ByteBuffer.allocate((int) Math.min(size - start, 1 << 20));
        channel.read(fragment, start);
        Path side = file.resolveSibling(file.getFileName() + ".torn");
        Files.write(side, Arrays.copyOf(fragment.array(), fragment.position()), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        channel.truncate(start);
        channel.force(true);
        LOG.warn("Moved an incomplete last row of {} ({} bytes) to {}", file, size - start, side);
    }
}
