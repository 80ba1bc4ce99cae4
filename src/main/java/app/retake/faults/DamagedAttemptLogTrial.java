package app.retake.faults;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.storage.FileProblem;

/**
 * Bad input: {@code attempts.csv} with damaged rows among good ones (rubbish, a Latin-1 letter, invalid UTF-8, NULs,
 * a quote left open, cells missing or extra, an unreadable time, a 1 MB line, a row broken in two, a last row cut
 * off). Reading must keep every good row, report every damaged one with the file and a line it spans, and the next
 * take must still be appended, after which every good row is still there.
 */
public final class DamagedAttemptLogTrial implements FaultTrial {

    private final long seed;

    public DamagedAttemptLogTrial() {
        this(Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    DamagedAttemptLogTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "attempts.csv with damaged rows";
    }

    @Override
    public Area area() {
        return Area.BAD_INPUT;
    }

    @Override
    public int defaultTrials() {
        return 1_000;
    }

    @Override
    public int quickTrials() {
        return 150;
    }

    /** A row as it ends up in the damaged file: its byte span, and its take when left alone. */
    private record Row(int start, int end, Attempt attempt, String damage) {
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Trials.Tally tally = new Trials.Tally(seed);
        long[] kept = new long[1];
        long[] damagedRows = new long[1];
        for (int i = 0; i < trials; i++) {
            SplittableRandom random = tally.random(i);
            Path data = Files.createDirectories(scratch.resolve("t" + i));
            List<String> what = new ArrayList<>();
            tally.check(i, () -> String.join(", ", what), () -> {
                AttemptLog log = AttemptLog.in(data);
                List<Attempt> written = new ArrayList<>();
                int count = 3 + random.nextInt(40);
                for (int n = 0; n < count; n++) {
                    written.add(attempt(n, random));
                }
                // The same rows appending writes, in one go: a trial should not wait for dozens of disk syncs.
                AttemptLog.writeAll(log.file(), written);
                List<Row> rows = new ArrayList<>();
                byte[] bytes = damage(Files.readAllBytes(log.file()), written, random, rows, what);
                Files.write(log.file(), bytes);
                kept[0] += rows.stream().filter(r -> r.attempt() != null).count();
                damagedRows[0] += rows.stream().filter(r -> r.attempt() == null).count();
                return check(log, bytes, rows);
            });
            Trials.deleteTree(data);
        }
        return tally.outcome(trials, trials + " logs written by Retake, then damaged (seed " + seed + "): "
                + damagedRows[0] + " rows damaged or added, " + kept[0] + " left alone; checked: reading never "
                + "throws, keeps every row left alone, reports each damaged row with the file and a line it spans; "
                + "the next take is appended and every row left alone is still read after it",
                List.of("a header row left with an open quote is reported and the rows are read in Retake's own "
                        + "column order; appending to such a log is refused (as for any header Retake does not "
                        + "recognise), so those trials stop after reading"));
    }

    private static Attempt attempt(int n, SplittableRandom random) {
        Rating rating = Rating.values()[random.nextInt(Rating.values().length)];
        return new Attempt(OffsetDateTime.of(2024, 5, 1 + n % 28, 10, n % 60, 0, 0, ZoneOffset.ofHours(2)),
                "session-" + (n / 5), String.format("take-%03d", n), "q-" + random.nextInt(50), "core",
                random.nextInt(4) == 0 ? Mode.FRIEND : Mode.SOLO, random.nextInt(6) == 0 ? "Zoë" : "me",
                Optional.of(rating), Optional.empty(), Duration.ofMillis(500 + random.nextInt(90_000)),
                Optional.of("2024-05-01/session-" + (n / 5) + String.format("/take-%03d.mp4", n)), Optional.empty(),
                Map.of("wpm", Integer.toString(100 + random.nextInt(80))));
    }

    /** Damages some rows of a log written by Retake; fills {@code rows} with where each row now is. */
    private static byte[] damage(byte[] good, List<Attempt> written, SplittableRandom random, List<Row> rows,
                                 List<String> what) {
        List<byte[]> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < good.length; i++) {
            if (good[i] == '\n') {
                lines.add(Arrays.copyOfRange(good, from, i));
                from = i + 1;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(lines.get(0));
        out.write('\n');
        if (random.nextInt(30) == 0) {
            // A quote left open in the header row itself.
            out.write('"');
            what.add("header row damaged");
        }
        out.writeBytes(lines.get(1));
        out.write('\n');
        int damaged = 1 + random.nextInt(Math.min(5, written.size()));
        boolean[] hit = new boolean[written.size()];
        for (int i = 0; i < damaged; i++) {
            hit[random.nextInt(hit.length)] = true;
        }
        for (int r = 0; r < written.size(); r++) {
            if (random.nextInt(25) == 0) {
                int start = out.size();
                byte[] junk = junk(random);
                out.writeBytes(junk);
                rows.add(new Row(start, out.size(), null, "a line of rubbish"));
                out.write('\n');
                what.add("rubbish before row " + (r + 1));
            }
            byte[] line = lines.get(r + 2);
            int start = out.size();
            if (hit[r]) {
                String[] how = new String[1];
                line = damageRow(line, random, how);
                out.writeBytes(line);
                rows.add(new Row(start, out.size(), null, how[0]));
                what.add("row " + (r + 1) + ": " + how[0]);
            } else {
                out.writeBytes(line);
                rows.add(new Row(start, out.size(), written.get(r), ""));
            }
            out.write('\n');
        }
        byte[] bytes = out.toByteArray();
        if (random.nextInt(8) == 0) {
            // A crash in the middle of the last append: its row is cut off and has no line break.
            Row last = rows.get(rows.size() - 1);
            int cut = last.start() + random.nextInt(Math.max(1, last.end() - last.start()));
            rows.set(rows.size() - 1, new Row(last.start(), cut, null, "cut off by a crash"));
            what.add("last row cut off");
            return Arrays.copyOf(bytes, cut);
        }
        return bytes;
    }

    private static byte[] damageRow(byte[] row, SplittableRandom random, String[] how) {
        String text = new String(row, StandardCharsets.UTF_8);
        switch (random.nextInt(11)) {
            case 0:
                how[0] = "replaced by rubbish";
                return junk(random);
            case 1:
                how[0] = "a Latin-1 letter";
                return insert(row, random, new byte[] {(byte) 0xE9});
            case 2:
                how[0] = "invalid UTF-8";
                return insert(row, random, new byte[] {(byte) 0xC3, '(', (byte) 0xFF});
            case 3:
                how[0] = "NUL bytes";
                return insert(row, random, new byte[3]);
            case 4:
                how[0] = "a quote left open";
                int comma = text.indexOf(',', random.nextInt(Math.max(1, text.length())));
                return (comma < 0 ? "\"" + text : text.substring(0, comma + 1) + "\"" + text.substring(comma + 1))
                        .getBytes(StandardCharsets.UTF_8);
            case 5:
                how[0] = "cells missing";
                return text.substring(0, text.indexOf(',')).getBytes(StandardCharsets.UTF_8);
            case 6:
                how[0] = "an unreadable time";
                return ("yesterday" + text.substring(text.indexOf(','))).getBytes(StandardCharsets.UTF_8);
            case 7:
                how[0] = "an unknown rating";
                return text.replaceFirst(",(unprepared|shaky|good|nailed),", ",brilliant,")
                        .getBytes(StandardCharsets.UTF_8);
            case 8:
                how[0] = "a 1 MB line";
                byte[] big = new byte[DamagedBank.MEGABYTE];
                Arrays.fill(big, (byte) 'x');
                return big;
            case 9:
                how[0] = "broken in two";
                return insert(row, random, new byte[] {(byte) (random.nextBoolean() ? '\n' : '\r')});
            default:
                how[0] = "emptied";
                return new byte[0];
        }
    }

    private static List<String> check(AttemptLog log, byte[] bytes, List<Row> rows) throws Exception {
        List<String> wrong = new ArrayList<>();
        AttemptLog.History history = log.readAll();
        DamagedBank.Lines lines = new DamagedBank.Lines(bytes);
        for (FileProblem p : history.problems()) {
            if (!p.file().equals(log.file()) || p.line() < 1 || p.line() > lines.count()) {
                wrong.add("a problem is not pinned to a line of the file: " + p);
            }
        }
        int matched = 0;
        long previous = 2;
        List<String> unaccounted = new ArrayList<>();
        for (Row row : rows) {
            long first = lines.of(row.start());
            long last = lines.of(Math.max(row.start(), row.end() - 1));
            if (row.attempt() != null) {
                if (history.attempts().contains(row.attempt())) {
                    matched++;
                } else {
                    wrong.add("the row of " + row.attempt().take() + " at line " + first + " was not read");
                }
                previous = first;
                continue;
            }
            long from = previous + 1;
            boolean blank = new String(bytes, row.start(), row.end() - row.start(), StandardCharsets.UTF_8).isBlank();
            boolean reported = history.problems().stream().anyMatch(p -> p.line() >= from && p.line() <= last);
            if (!blank && !reported) {
                unaccounted.add(row.damage() + " at line " + first);
            }
        }
        // A damaged row may still read (an extra cell, say): it is then among the rows read beyond the good ones.
        if (unaccounted.size() > history.attempts().size() - matched) {
            wrong.add("damaged rows neither read nor reported: " + unaccounted);
        }
        if (bytes.length > 0 && new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8)
                .contains("\n\"time,")) {
            // Appending to a log whose header it cannot recognise is refused, so as not to mix layouts.
            return wrong;
        }
        Attempt next = attempt(999, new SplittableRandom(1));
        log.append(next);
        AttemptLog.History after = log.readAll();
        for (Row row : rows) {
            if (row.attempt() != null && !after.attempts().contains(row.attempt())) {
                wrong.add("after the next take was logged, the row of " + row.attempt().take() + " is gone");
            }
        }
        if (!after.attempts().contains(next)) {
            wrong.add("the next take was not logged: " + after.problems());
        }
        return wrong;
    }

    private static byte[] junk(SplittableRandom random) {
        byte[] junk = new byte[1 + random.nextInt(200)];
        random.nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            if (junk[i] == '\n') {
                junk[i] = ' ';
            }
        }
        return junk;
    }

    private static byte[] insert(byte[] bytes, SplittableRandom random, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] out = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
        return out;
    }
}
