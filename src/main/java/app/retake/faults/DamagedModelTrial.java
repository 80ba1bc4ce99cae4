package app.retake.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import app.retake.capture.FileMicrophone;
import app.retake.capture.SyntheticAudio;
import app.retake.doctor.Finding;
import app.retake.doctor.Findings;
import app.retake.history.TakeFiles;
import app.retake.practice.Devices;
import app.retake.practice.LiveTake;
import app.retake.practice.TakeResult;
import app.retake.speech.MetricSettings;
import app.retake.speech.ModelStatus;
import app.retake.speech.SpeechModelService;

/**
 * Bad input: the speech model folder missing, empty, a file, full of rubbish, or a copy of the real model with one
 * file cut short, changed or gone. Loading must end in a plain "missing" or "could not be loaded" naming what is
 * wrong (as the doctor shows it), never in an exception, a hang, or a model that loads and later crashes; and a
 * take must still record without it.
 */
public final class DamagedModelTrial implements FaultTrial {

    private final long seed;

    public DamagedModelTrial() {
        this(Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    DamagedModelTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "missing or damaged speech model";
    }

    @Override
    public Area area() {
        return Area.BAD_INPUT;
    }

    @Override
    public int defaultTrials() {
        return 40;
    }

    @Override
    public int quickTrials() {
        return 8;
    }

    /** A damaged model folder and what was done to it. */
    private record Case(Path dir, String what, Optional<String> damagedFile, boolean missing) {
    }

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Path real = SpeechModels.folder();
        boolean haveReal = Files.isRegularFile(real.resolve("am/final.mdl"));
        Trials.Tally tally = new Trials.Tally(seed);
        for (int i = 0; i < trials; i++) {
            SplittableRandom random = tally.random(i);
            Path dir = Files.createDirectories(scratch.resolve("t" + i));
            int kind = haveReal ? i % 8 : i % 4;
            Optional<Path> doctorFolder = i == 0 ? Optional.of(dir) : Optional.empty();
            String[] what = {""};
            tally.check(i, () -> what[0], () -> {
                Case c = make(dir, real, kind, random);
                what[0] = c.what();
                return check(c, doctorFolder);
            });
            Trials.deleteTree(dir);
        }
        return tally.outcome(trials, trials + " model folders (seed " + seed + "): missing, empty, a file, rubbish"
                + (haveReal ? ", and copies of " + real + " with one file cut short, changed or gone, or an unknown "
                + "model with a list cut short" : "; no real model here, so damaged copies of it were not tried")
                + "; checked: loading never throws and ends missing or failed, naming the damaged file; the doctor "
                + "says so with the folder; a take records without the model");
    }

    private static Case make(Path dir, Path real, int kind, SplittableRandom random) throws IOException {
        Path model = dir.resolve("vosk-model");
        switch (kind) {
            case 0:
                return new Case(model, "no folder", Optional.empty(), true);
            case 1:
                Files.createDirectories(model);
                return new Case(model, "an empty folder", Optional.empty(), false);
            case 2:
                Files.createDirectories(model.resolve("am"));
                Files.createDirectories(model.resolve("conf"));
                Files.write(model.resolve("am/final.mdl"), bytes(random, 1 + random.nextInt(100_000)));
                Files.write(model.resolve("conf/model.conf"), bytes(random, random.nextInt(500)));
                return new Case(model, "rubbish in the files a model must have", Optional.empty(), false);
            case 3:
                Files.write(model, bytes(random, 100));
                return new Case(model, "a file where the folder should be", Optional.empty(), true);
            default:
                List<Path> files = linkCopy(real, model);
                // Its README and uuid are not read by Vosk: damage to them is no damage to the model.
                List<Path> read = files.stream().filter(f -> !f.getFileName().toString().equals("README")
                        && !f.getFileName().toString().equals("uuid")).toList();
                Path victim = read.get(random.nextInt(read.size()));
                String name = model.relativize(victim).toString().replace('\\', '/');
                byte[] original = Files.readAllBytes(victim);
                Files.delete(victim);
                if (kind == 4) {
                    int cut = random.nextInt(Math.max(1, original.length));
                    Files.write(victim, java.util.Arrays.copyOf(original, cut));
                    return new Case(model, name + " cut after byte " + cut, Optional.of(name), false);
                }
                if (kind == 5) {
                    byte[] changed = original.clone();
                    int at = random.nextInt(Math.max(1, changed.length));
                    if (changed.length > 0) {
                        changed[at] = (byte) (changed[at] ^ (1 + random.nextInt(255)));
                    }
                    Files.write(victim, changed);
                    return new Case(model, name + " with byte " + at + " changed", Optional.of(name), false);
                }
                if (kind == 6) {
                    return new Case(model, name + " gone", Optional.of(name), false);
                }
                // A model Retake does not know (another uuid, one list cut mid-line): only what shows is checked.
                Files.write(victim, original);
                Path uuid = model.resolve("uuid");
                Files.deleteIfExists(uuid);
                Files.writeString(uuid, "not-a-known-model\n");
                Path list = model.resolve("graph/disambig_tid.int");
                byte[] ints = Files.readAllBytes(list);
                Files.delete(list);
                Files.write(list, java.util.Arrays.copyOf(ints, Math.max(1, ints.length / 2 - 1)));
                for (Path f : files) {
                    // Other sizes than the known model's, so it is not taken for a damaged copy of it.
                    if (f.getFileName().toString().endsWith(".conf")) {
                        Files.delete(f);
                        Files.writeString(f, "# another model\n" + new String(Files.readAllBytes(real.resolve(
                                model.relativize(f))), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                return new Case(model, "an unknown model with graph/disambig_tid.int cut mid-line",
                        Optional.of("graph/disambig_tid.int"), false);
        }
    }

    private static List<String> check(Case c, Optional<Path> recordIn) throws Exception {
        List<String> wrong = new ArrayList<>();
        try (SpeechModelService speech = new SpeechModelService(c.dir())) {
            ModelStatus status = speech.loadInBackground().get(60, java.util.concurrent.TimeUnit.SECONDS);
            boolean ok = c.missing() ? status instanceof ModelStatus.Missing : status instanceof ModelStatus.Failed;
            if (!ok) {
                wrong.add("loading ended " + status);
                return wrong;
            }
            if (c.damagedFile().isPresent()
                    && !((ModelStatus.Failed) status).reason().contains(c.damagedFile().get())) {
                wrong.add("the reason does not name " + c.damagedFile().get() + ": " + status);
            }
            Finding finding = Findings.model(status);
            if (finding.level() == Finding.Level.OK || finding.details().stream()
                    .noneMatch(d -> d.contains(c.dir().toString()))) {
                wrong.add("the doctor says " + finding);
            }
            if (recordIn.isPresent()) {
                wrong.addAll(recordsWithout(speech, recordIn.get()));
            }
        }
        return wrong;
    }

    /** A short sound-only take with the broken model: it records, and says it will be transcribed later. */
    private static List<String> recordsWithout(SpeechModelService speech, Path dir) throws Exception {
        Path wav = dir.resolve("voice.wav");
        SyntheticAudio.writeWav(wav, 2, 16_000);
        TakeFiles files = new TakeFiles(Files.createDirectories(dir.resolve("take")), "take-01");
        Devices devices = new Devices(Optional.empty(), Optional.of(new FileMicrophone(wav, true)), 30, List.of());
        LiveTake take = LiveTake.start(Optional.empty(), files, devices, speech, MetricSettings.defaults(),
                LiveTake.Listener.NONE);
        Thread.sleep(400);
        TakeResult result = take.stop();
        List<String> wrong = new ArrayList<>();
        if (!Files.isRegularFile(files.video()) || result.stats().audioSeconds() <= 0) {
            wrong.add("no take was recorded without the model: " + result.notes());
        }
        if (result.notes().stream().noneMatch(n -> n.contains("transcribed once it is"))) {
            wrong.add("the take did not say it will be transcribed later: " + result.notes());
        }
        return wrong;
    }

    /** Links every file of {@code from} into {@code to} (copies where links are not allowed); returns the files. */
    private static List<Path> linkCopy(Path from, Path to) throws IOException {
        List<Path> made = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                try {
                    Files.createSymbolicLink(target, f.toAbsolutePath());
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(f, target);
                }
                made.add(target);
            }
        }
        return made;
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
