package app.retake.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.retake.capture.Resolution;
import app.retake.settings.Settings;
import app.retake.settings.SettingsStore;

/**
 * Bad input: {@code settings.json} cut short, overwritten, in another encoding, or valid JSON holding wrong values.
 * Loading must never fail: defaults for what cannot be read, each problem naming the file, and the settings that
 * are still readable kept. Saving afterwards must work, keep an unreadable file aside, and leave every other file
 * in the data folder alone.
 */
public final class DamagedSettingsTrial implements FaultTrial {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final long seed;

    public DamagedSettingsTrial() {
        this(Long.getLong("retake.faults.seed", BankFuzzTrial.DEFAULT_SEED));
    }

    DamagedSettingsTrial(long seed) {
        this.seed = seed;
    }

    @Override
    public String fault() {
        return "damaged settings.json";
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

    @Override
    public Outcome run(int trials, Path scratch) throws Exception {
        Settings mine = Settings.defaults().withDevices("synthetic", "none").withProfile("alex")
                .withVideoSize(new Resolution(1280, 720)).withTiming(5, 90).withLook(Settings.Theme.DARK, 16)
                .withCategoryTargets(Map.of("behavioural", 120));
        Trials.Tally tally = new Trials.Tally(seed);
        for (int i = 0; i < trials; i++) {
            SplittableRandom random = tally.random(i);
            Path data = Files.createDirectories(scratch.resolve("t" + i));
            SettingsStore store = SettingsStore.in(data);
            Path other = data.resolve("attempts.csv");
            store.save(mine);
            Files.writeString(other, "# retake attempt log, schema=1\nkept as it is\n");
            byte[] good = Files.readAllBytes(store.file());
            int pick = random.nextInt(3);
            FileDamage.Damaged damage = pick == 0 ? FileDamage.anyFile(good, random)
                    : pick == 1 ? FileDamage.textFile(good, random) : FileDamage.jsonFile(good, random);
            tally.check(i, damage.what(), () -> {
                Files.write(store.file(), damage.bytes());
                List<String> wrong = new ArrayList<>(check(store, damage.bytes(), mine));
                if (!Files.readString(other).equals("# retake attempt log, schema=1\nkept as it is\n")) {
                    wrong.add("another file in the data folder changed");
                }
                return wrong;
            });
            Trials.deleteTree(data);
        }
        return tally.outcome(trials, trials + " damaged copies of a saved settings.json (seed " + seed + "); checked: "
                + "loading never throws, every problem names the file, a profile still readable is kept, an "
                + "unreadable file is said so, saving works and keeps an unreadable file aside byte for byte, other "
                + "files stay as they were");
    }

    private static List<String> check(SettingsStore store, byte[] damaged, Settings mine) throws Exception {
        List<String> wrong = new ArrayList<>();
        SettingsStore.Loaded loaded = store.load();
        String file = store.file().toString();
        loaded.problems().stream().filter(p -> !p.contains(file)).findFirst()
                .ifPresent(p -> wrong.add("a problem does not name the file: " + p));
        JsonNode root = readable(damaged);
        if (root == null && loaded.problems().isEmpty()) {
            wrong.add("an unreadable file loaded without a word");
        }
        if (root != null && root.path("profile").isTextual() && !root.path("profile").asText().isBlank()
                && !loaded.settings().profile().equals(root.path("profile").asText().strip())) {
            wrong.add("the profile still in the file was not kept");
        }
        Settings changed = loaded.settings().withLook(Settings.Theme.LIGHT, 18);
        store.save(changed);
        SettingsStore.Loaded again = store.load();
        if (!again.problems().isEmpty() || !again.settings().equals(changed)) {
            wrong.add("the settings saved after the damage did not read back: " + again.problems());
        }
        Path aside = store.file().resolveSibling(store.file().getFileName() + ".damaged");
        boolean blank = new String(damaged, StandardCharsets.UTF_8).isBlank();
        if (root == null && !blank && !(Files.isRegularFile(aside)
                && Arrays.equals(Files.readAllBytes(aside), damaged))) {
            wrong.add("the unreadable settings file was not kept aside as it was");
        }
        return wrong;
    }

    /** The file as a JSON object when it is one; null when it is not (not UTF-8, not JSON, another shape). */
    private static JsonNode readable(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            JsonNode root = JSON.readTree(text);
            return root != null && root.isObject() ? root : null;
        } catch (Exception e) {
            return null;
        }
    }
}
