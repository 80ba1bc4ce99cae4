package app.retake.faults;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import app.retake.bank.QuestionLibrary;
import app.retake.drill.DrillSession;
import app.retake.drill.Preparedness;
import app.retake.drill.SessionPlan;
import app.retake.drill.SpringFilter;
import app.retake.drill.SpringPicker;
import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Mode;
import app.retake.history.Rating;
import app.retake.progress.CsvExport;
import app.retake.progress.ProgressReport;
import app.retake.progress.TakeHistory;
import app.retake.progress.TakeRef;

/**
 * Bad input: the attempt log names questions no bank has any more (a question deleted from the user's bank, a bank
 * removed, an id no bank could hold). The progress report, the history, the drill and the export must go on: each
 * such row shown by its id with the note that it is in no bank, never sprung, and every other row as before.
 */
public final class OrphanQuestionTrial implements FaultTrial {

    private final long seed;

    public OrphanQuestionTrial() {
        this(Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    OrphanQuestionTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "attempt log names questions no bank has";
    }

    @Override
    public Area area() {
        return Area.BAD_INPUT;
    }

    @Override
    public int defaultTrials() {
        return 500;
    }

    @Override
    public int quickTrials() {
        return 200;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Trials.Tally tally = new Trials.Tally(seed);
        for (int i = 0; i < trials; i++) {
            Path dir = Files.createDirectories(scratch.resolve("t" + i));
            SplittableRandom random = tally.random(i);
            tally.check(i, "", () -> trial(dir, random));
            Trials.deleteTree(dir);
        }
        return tally.outcome(trials, trials + " attempt logs naming questions since deleted from a bank, a bank "
                + "removed, and ids no bank could hold (seed " + seed + "); checked: the progress report, the "
                + "history, the drill and the CSV export never throw; such rows show their id and \""
                + ProgressReport.NO_BANK + "\", are never sprung, and every other row is as before");
    }

    private static List<String> trial(Path dir, SplittableRandom random) throws Exception {
        Path banks = Files.createDirectories(dir.resolve("banks"));
        StringBuilder mine = new StringBuilder("id,category,question\n");
        for (int n = 0; n < 10; n++) {
            mine.append("mine-").append(n).append(",own,My question ").append(n).append('\n');
        }
        Files.writeString(banks.resolve("mine.csv"), mine);
        Files.writeString(banks.resolve("extra.csv"), "id,category,question\nextra-1,extra,An extra question\n");
        List<String> ids = new ArrayList<>(List.of("extra-1", "open-tell-me-about-yourself", "open-how-did-you-hear"));
        for (int n = 0; n < 10; n++) {
            ids.add("mine-" + n);
        }
        String[] odd = {"never-in-a-bank", "ÜNÏCODE id with spaces", "x".repeat(500), "=1+1", "id/with/slashes", " "};
        List<Attempt> attempts = new ArrayList<>();
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        int rows = 10 + random.nextInt(60);
        for (int n = 0; n < rows; n++) {
            String id = random.nextInt(6) == 0 ? odd[random.nextInt(odd.length)] : ids.get(random.nextInt(ids.size()));
            attempts.add(new Attempt(OffsetDateTime.ofInstant(now.minus(Duration.ofHours(rows - n)), ZoneOffset.UTC),
                    "session-" + n / 4, "take-" + n, id.isBlank() ? "blank-id" : id, "mine", Mode.SOLO,
                    random.nextInt(5) == 0 ? "friend" : "me", Optional.of(Rating.values()[random.nextInt(4)]),
                    Optional.empty(), Duration.ofSeconds(30), Optional.empty(), Optional.empty(), Map.of()));
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        AttemptLog.writeAll(AttemptLog.in(data).file(), attempts);
        // Then questions leave the banks: some rows of the user's own bank, or a whole bank.
        Set<String> gone = new HashSet<>();
        StringBuilder kept = new StringBuilder("id,category,question\n");
        for (int n = 0; n < 10; n++) {
            if (random.nextBoolean()) {
                gone.add("mine-" + n);
            } else {
                kept.append("mine-").append(n).append(",own,My question ").append(n).append('\n');
            }
        }
        Files.writeString(banks.resolve("mine.csv"), kept);
        if (random.nextBoolean()) {
            Files.delete(banks.resolve("extra.csv"));
            gone.add("extra-1");
        }
        QuestionLibrary library = QuestionLibrary.loadFolder(banks);
        List<Attempt> read = AttemptLog.in(data).readAll().attempts();
        List<String> wrong = new ArrayList<>();
        if (read.size() != attempts.size()) {
            wrong.add("the log read " + read.size() + " of " + attempts.size() + " rows");
        }
        ZoneId zone = ZoneOffset.UTC;
        for (String profile : List.of("me", "friend")) {
            ProgressReport report = ProgressReport.compute(read, library, profile, now, zone);
            for (ProgressReport.Unprepared u : report.unprepared()) {
                boolean inBank = library.find(u.questionId()).isPresent();
                if (u.inBank() != inBank || !inBank && (!u.text().equals(u.questionId())
                        || !u.category().equals(ProgressReport.NO_BANK)) || inBank && u.text().equals(u.questionId())) {
                    wrong.add("the unprepared list shows " + u.questionId() + " as " + u.text() + " / " + u.category());
                }
            }
            long mineRows = read.stream().filter(a -> a.profile().equalsIgnoreCase(profile)).count();
            if (report.attempts() != mineRows) {
                wrong.add("the report counts " + report.attempts() + " of " + mineRows + " rows of " + profile);
            }
            TakeHistory history = TakeHistory.of(data, read, library, profile, zone);
            if (history.takes().size() != mineRows) {
                wrong.add("the history lists " + history.takes().size() + " of " + mineRows + " takes of " + profile);
            }
            for (TakeRef t : history.takes()) {
                boolean inBank = library.find(t.attempt().questionId()).isPresent();
                if (!inBank && (!t.questionText().equals(t.attempt().questionId())
                        || !t.category().equals(ProgressReport.NO_BANK))) {
                    wrong.add("the history shows the orphan " + t.attempt().questionId() + " as " + t.questionText());
                }
            }
            history.search("question");
            Preparedness memory = Preparedness.replay(read, profile);
            DrillSession drill = new DrillSession(new SessionPlan.QuickDrill(10, SpringFilter.ANY), library.questions(),
                    () -> memory, new SpringPicker(random), Clock.fixed(now, zone));
            for (var next = drill.next(); next.isPresent(); next = drill.next()) {
                String id = next.get().question().id();
                if (library.find(id).isEmpty() || gone.contains(id)) {
                    wrong.add("the drill sprang " + id + ", which no bank has");
                }
            }
            StringWriter csv = new StringWriter();
            List<Attempt> profileRows = read.stream().filter(a -> a.profile().equalsIgnoreCase(profile)).toList();
            int exported = CsvExport.attempts(csv, profileRows, library);
            List<CSVRecord> back = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(csv.toString())).getRecords();
            if (exported != profileRows.size() || back.size() != profileRows.size()) {
                wrong.add("the export wrote " + back.size() + " of " + profileRows.size() + " rows");
            }
            for (int n = 0; n < back.size() && n < profileRows.size(); n++) {
                String id = profileRows.get(n).questionId();
                String shown = back.get(n).get("question_id");
                if (!shown.equals(CsvExport.safe(id))) {
                    wrong.add("the export shows the id " + id + " as " + shown);
                }
            }
        }
        return wrong.stream().distinct().map(w -> w.length() > 300 ? w.substring(0, 300) + "..." : w).toList();
    }
}
