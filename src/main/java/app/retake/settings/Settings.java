package app.retake.settings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import app.retake.bank.Question;
import app.retake.capture.Cameras;
import app.retake.capture.Microphones;
import app.retake.capture.Resolution;
import app.retake.history.Attempt;
import app.retake.speech.MetricSettings;

/**
 * What the user chose in Settings. Immutable; change one thing with the {@code with…} methods.
 *
 * @param camera          camera spec: default, none, synthetic, file:PATH or a camera's name
 * @param microphone      microphone spec: default, none, file:PATH or a device's name
 * @param videoSize       recording size
 * @param thinkSeconds    countdown before recording starts; 0 means the user starts when ready
 * @param targetSeconds   target answer length when a category has none of its own
 * @param categoryTargets target answer length per question category, in seconds
 * @param fillers         filler phrases counted in answers
 * @param toneCues        bitter or negative phrasing counted in answers
 * @param theme           light or dark
 * @param fontSize        base font size in points, for readability
 * @param profile         who is answering
 * @param disabledBanks      banks (by name, the file name without .csv) left out of drills
 * @param disabledCategories categories left out of drills
 * @param ambush             when ambush mode may spring a question
 * @param privacy            how long videos are kept, and whether video is recorded at all
 */
public record Settings(String camera, String microphone, Resolution videoSize, int thinkSeconds, int targetSeconds,
                       Map<String, Integer> categoryTargets, List<String> fillers, List<String> toneCues,
                       Theme theme, int fontSize, String profile, Set<String> disabledBanks,
                       Set<String> disabledCategories, AmbushHours ambush, Privacy privacy) {

    public static final int MIN_FONT = 10;
    public static final int MAX_FONT = 24;
    public static final int MAX_THINK = 10;
    public static final int MIN_TARGET = 15;
    public static final int MAX_TARGET = 600;

    public enum Theme { LIGHT, DARK }

    public Settings {
        Objects.requireNonNull(videoSize, "videoSize");
        camera = camera == null || camera.isBlank() ? Cameras.DEFAULT : camera.strip();
        microphone = microphone == null || microphone.isBlank() ? Microphones.DEFAULT : microphone.strip();
        thinkSeconds = Math.max(0, Math.min(MAX_THINK, thinkSeconds));
        targetSeconds = clampTarget(targetSeconds);
        categoryTargets = Map.copyOf(categoryTargets);
        fillers = List.copyOf(fillers);
        toneCues = List.copyOf(toneCues);
        theme = theme == null ? Theme.LIGHT : theme;
        fontSize = Math.max(MIN_FONT, Math.min(MAX_FONT, fontSize));
        profile = profile == null || profile.isBlank() ? Attempt.DEFAULT_PROFILE : profile.strip();
        disabledBanks = lower(disabledBanks);
        disabledCategories = lower(disabledCategories);
        ambush = ambush == null ? AmbushHours.defaults() : ambush;
        privacy = privacy == null ? Privacy.defaults() : privacy;
    }

    /** Settings without a privacy choice: Retake's default one. */
    public Settings(String camera, String microphone, Resolution videoSize, int thinkSeconds, int targetSeconds,
                    Map<String, Integer> categoryTargets, List<String> fillers, List<String> toneCues, Theme theme,
                    int fontSize, String profile, Set<String> disabledBanks, Set<String> disabledCategories,
                    AmbushHours ambush) {
        this(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers, toneCues, theme,
                fontSize, profile, disabledBanks, disabledCategories, ambush, Privacy.defaults());
    }

    private static Set<String> lower(Set<String> names) {
        return names == null ? Set.of() : names.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> n.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether drills may spring {@code q}: its bank and its category are both enabled. */
    public boolean drills(Question q) {
        return !disabledBanks.contains(q.bank().toLowerCase(Locale.ROOT))
                && !disabledCategories.contains(q.category().toLowerCase(Locale.ROOT));
    }

    static int clampTarget(int seconds) {
        return Math.max(MIN_TARGET, Math.min(MAX_TARGET, seconds));
    }

    /** Retake's defaults: the first camera and microphone, two-minute answers, start when ready. */
    public static Settings defaults() {
        return new Settings(Cameras.DEFAULT, Microphones.DEFAULT, Cameras.STANDARD, 0, 120,
                Map.of("opener", 90, "motivation", 90), MetricSettings.DEFAULT_FILLERS,
                MetricSettings.DEFAULT_TONE_CUES, Theme.LIGHT, 14, Attempt.DEFAULT_PROFILE, Set.of(), Set.of(),
                AmbushHours.defaults(), Privacy.defaults());
    }

    /** The target answer length for a question of {@code category}. */
    public int targetFor(String category) {
        Integer own = category == null ? null : categoryTargets.get(category);
        return own != null ? clampTarget(own) : targetSeconds;
    }

    /** The word lists for the speech metrics: the user's fillers and tone cues, the default hedges and synonyms. */
    public MetricSettings metricSettings() {
        MetricSettings d = MetricSettings.defaults();
        return new MetricSettings(fillers, d.hedges(), toneCues, d.synonymGroups());
    }

    public Settings withDevices(String camera, String microphone) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }

    public Settings withVideoSize(Resolution size) {
        return new Settings(camera, microphone, size, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }

    public Settings withTiming(int thinkSeconds, int targetSeconds) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }

    public Settings withCategoryTargets(Map<String, Integer> targets) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, targets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }

    public Settings withWordLists(List<String> fillers, List<String> toneCues) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }

    public Settings withLook(Theme theme, int fontSize) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }

    public Settings withDisabled(Set<String> banks, Set<String> categories) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, banks, categories, ambush, privacy);
    }

    public Settings withAmbush(AmbushHours hours) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, hours, privacy);
    }

    public Settings withProfile(String profile) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }

    public Settings withPrivacy(Privacy privacy) {
        return new Settings(camera, microphone, videoSize, thinkSeconds, targetSeconds, categoryTargets, fillers,
                toneCues, theme, fontSize, profile, disabledBanks, disabledCategories, ambush, privacy);
    }
}
