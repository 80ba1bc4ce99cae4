package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import app.retake.history.Attempt;
import app.retake.history.AttemptLog;
import app.retake.history.Debrief;
import app.retake.history.Debriefs;
import app.retake.history.Rating;
import app.retake.history.TakeFiles;
import app.retake.history.VideoGone;
import app.retake.privacy.ProfileErasure;

/**
 * "Delete everything for a profile": data folders shared by three profiles (takes with and without video, takes
 * whose video retention deleted, transcript-only takes still holding their sound, sessions two profiles share,
 * debriefs) lose one profile's data. A trial is a violation when any file, attempt row or debrief of that profile is
 * left, when anything of the other profiles changed, or, when the attempt log has an unreadable row, when anything at
 * all changed instead of the deletion being refused.
 */
public final class ProfileErasureTrial implements FaultTrial {

    private static final List<String> PROFILES = List.of("ana", "Ben", "chris");

    @Override
    public String fault() {
        return "delete-everything leaves some of the profile or touches another";
    }

    @Override
    public Area area() {
        return Area.PRIVACY;
    }

    @Override
    public int defaultTrials() {
        return 40;
    }

    @Override
    public int quickTrials() {
        return 6;
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Path video = TakeFixtures.tinyVideo(scratch.resolve("source"));
        SplittableRandom random = new SplittableRandom(77);
        int lost = 0;
        int refusals = 0;
        int filesDeleted = 0;
        List<String> notes = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Path data = Files.createDirectories(scratch.resolve("trial-" + t));
            Map<String, List<TakeFiles>> takes = fill(data, video, random);
            String victim = PROFILES.get(random.nextInt(PROFILES.size()));
            boolean damaged = t % 5 == 4;
            if (damaged) {
                Files.writeString(data.resolve(AttemptLog.FILE_NAME), "not,a,valid,row\n",
                        java.nio.file.StandardOpenOption.APPEND);
            }
            Map<String, String> before = TakeFixtures.contents(data);
            List<Attempt> rowsBefore = AttemptLog.in(data).readAll().attempts();
            List<Debrief> debriefsBefore = new Debriefs(data, AttemptLog.in(data)).readAll().debriefs();

            List<String> violations = new ArrayList<>();
            ProfileErasure.Result result = null;
            try {
                result = ProfileErasure.erase(data, victim);
                if (damaged) {
                    violations.add("deleted although the attempt log has an unreadable row");
                }
            } catch (IOException e) {
                if (!damaged) {
                    violations.add("refused: " + e.getMessage());
                } else {
                    refusals++;
                }
            }
            Map<String, String> after = TakeFixtures.contents(data);
            if (damaged) {
                if (!before.equals(after)) {
                    violations.add("files changed although the deletion was refused");
                }
            } else {
                filesDeleted += result == null ? 0 : result.takes().filesDeleted().size();
                check(data, victim, takes, before, after, rowsBefore, debriefsBefore, violations);
            }
            if (!violations.isEmpty()) {
                lost++;
                notes.add("trial " + t + " (deleting " + victim + "): " + String.join("; ", violations));
            }
            TrialKit.deleteTree(data);
        }
        notes.add(0, trials + " data folders of " + PROFILES.size() + " profiles, one profile deleted from each ("
                + filesDeleted + " files); " + refusals + " deletions refused because the attempt log had an "
                + "unreadable row, with nothing changed");
        return new Outcome(trials, lost, notes);
    }

    private static void check(Path data, String victim, Map<String, List<TakeFiles>> takes, Map<String, String> before,
                              Map<String, String> after, List<Attempt> rowsBefore, List<Debrief> debriefsBefore,
                              List<String> violations) throws IOException {
        Set<String> victimFiles = new LinkedHashSet<>();
        for (TakeFiles files : takes.get(victim)) {
            String dir = data.relativize(files.dir()).toString().replace('\\', '/') + "/";
            before.keySet().stream().filter(p -> p.startsWith(dir + files.take() + ".")).forEach(victimFiles::add);
        }
        for (String file : victimFiles) {
            if (after.containsKey(file)) {
                violations.add(file + " of " + victim + " is still there");
            }
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            String file = e.getKey();
            if (victimFiles.contains(file) || file.equals(AttemptLog.FILE_NAME) || file.equals(Debriefs.FILE_NAME)) {
                continue;
            }
            if (!e.getValue().equals(after.get(file))) {
                violations.add(file + " of another profile was changed or deleted");
            }
        }
        List<Attempt> rowsAfter = AttemptLog.in(data).readAll().attempts();
        if (rowsAfter.stream().anyMatch(a -> a.profile().equalsIgnoreCase(victim))) {
            violations.add("attempt rows of " + victim + " are left");
        }
        if (!rowsAfter.equals(rowsBefore.stream().filter(a -> !a.profile().equalsIgnoreCase(victim)).toList())) {
            violations.add("other profiles' attempt rows changed");
        }
        List<Debrief> debriefsAfter = new Debriefs(data, AttemptLog.in(data)).readAll().debriefs();
        if (debriefsAfter.stream().anyMatch(d -> d.profile().equalsIgnoreCase(victim))) {
            violations.add("debriefs of " + victim + " are left");
        }
        if (!debriefsAfter.equals(debriefsBefore.stream().filter(d -> !d.profile().equalsIgnoreCase(victim))
                .toList())) {
            violations.add("other profiles' debriefs changed");
        }
        try (Stream<Path> walk = Files.walk(data)) {
            walk.filter(p -> !p.equals(data) && Files.isDirectory(p)).filter(ProfileErasureTrial::isEmpty)
                    .forEach(p -> violations.add("an empty folder is left: " + data.relativize(p)));
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Takes and debriefs of every profile, of every kind the app leaves; returns each profile's takes. */
    private static Map<String, List<TakeFiles>> fill(Path data, Path video, SplittableRandom random)
            throws IOException {
        Map<String, List<TakeFiles>> takes = new HashMap<>();
        PROFILES.forEach(p -> takes.put(p, new ArrayList<>()));
        LocalDate today = LocalDate.now();
        int takeNumber = 0;
        for (int s = 0; s < 6; s++) {
            LocalDate day = today.minusDays(random.nextInt(4));
            // Two profiles may share a session (a friend's interview, roles swapped): same folder, own takes.
            String session = "session-" + (100_000 + random.nextInt(900_000));
            for (String profile : PROFILES) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    takeNumber++;
                    String take = String.format("take-%02d", takeNumber);
                    TakeFiles files = TakeFiles.of(data, day, session, take);
                    int kind = random.nextInt(5);
                    boolean withVideo = kind <= 2;
                    TakeFixtures.make(new TakeFixtures.Spec(data, day, session, take, profile,
                            withVideo ? Optional.of(video) : Optional.empty(), kind != 4,
                            Optional.of(Rating.values()[random.nextInt(Rating.values().length)])));
                    if (kind == 2) {
                        // retention deleted its video
                        VideoGone.retention(today, 3).write(files);
                        Files.delete(files.video());
                    } else if (kind == 3) {
                        VideoGone.transcriptOnly(today).write(files);
                    } else if (kind == 4) {
                        // transcript only, waiting for the model: the sound is still there
                        Files.copy(video, files.sound());
                    }
                    if (random.nextInt(8) == 0) {
                        Files.writeString(files.noSound(), "recorded without a microphone\n");
                    }
                    takes.get(profile).add(files);
                }
            }
        }
        Debriefs debriefs = new Debriefs(data, AttemptLog.in(data));
        for (String profile : PROFILES) {
            for (int i = random.nextInt(3); i > 0; i--) {
                OffsetDateTime logged = OffsetDateTime.now(ZoneId.systemDefault()).minusDays(random.nextInt(30))
                        .withNano(0);
                debriefs.save(new Debrief(logged, logged.toLocalDate(), profile, "Acme " + i, "engineer",
                        List.of("t-lead", "t-why"), Set.of("t-why"), "prepare examples"), id -> "trial");
            }
        }
        return takes;
    }
}
