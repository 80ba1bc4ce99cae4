package app.retake.ui.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import app.retake.capture.Cameras;
import app.retake.capture.Microphones;

/**
 * One entry of the camera or microphone chooser: the device spec it stands for and the words the user reads. The
 * entry with an empty spec is the one that asks for a file.
 */
public record DeviceChoice(String spec, String label) {

    public DeviceChoice {
        spec = spec == null ? "" : spec;
        label = label == null ? spec : label;
    }

    /** Whether this is the entry that opens a file chooser rather than naming a device. */
    public boolean asksForFile() {
        return spec.isEmpty();
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The camera entries: the first real camera, each camera found, the test pattern, off, and a video file.
     *
     * @param found   camera names found by the last search
     * @param listed  whether a search has finished, so a missing camera can be called missing
     * @param current the spec in the draft; always among the entries, even if it names a camera not found
     */
    static List<DeviceChoice> cameras(List<String> found, boolean listed, String current) {
        String first = !listed ? "First camera found"
                : found.isEmpty() ? "First camera found (none found now)" : "First camera found (" + found.get(0) + ")";
        List<DeviceChoice> choices = new ArrayList<>();
        choices.add(new DeviceChoice(Cameras.DEFAULT, first));
        addFound(choices, found, listed, current, List.of(Cameras.DEFAULT, Cameras.NONE, Cameras.SYNTHETIC),
                Cameras.FILE_PREFIX);
        choices.add(new DeviceChoice(Cameras.SYNTHETIC, "Test pattern (synthetic)"));
        choices.add(new DeviceChoice(Cameras.NONE, "Off"));
        addFile(choices, current, Cameras.FILE_PREFIX, "Video file: ");
        choices.add(new DeviceChoice("", "Video file…"));
        return List.copyOf(choices);
    }

    /** The microphone entries: the system's default, each device found, off, and a sound file. */
    static List<DeviceChoice> microphones(List<String> found, boolean listed, String current) {
        List<DeviceChoice> choices = new ArrayList<>();
        choices.add(new DeviceChoice(Microphones.DEFAULT, "System default microphone"));
        addFound(choices, found, listed, current, List.of(Microphones.DEFAULT, Microphones.NONE),
                Microphones.FILE_PREFIX);
        choices.add(new DeviceChoice(Microphones.NONE, "Off"));
        addFile(choices, current, Microphones.FILE_PREFIX, "Sound file: ");
        choices.add(new DeviceChoice("", "Sound file…"));
        return List.copyOf(choices);
    }

    /** The entry standing for {@code spec}; keywords such as "none" match in any case, as the devices read them. */
    static Optional<DeviceChoice> find(List<DeviceChoice> choices, String spec) {
        String wanted = spec == null ? "" : spec.strip();
        return choices.stream().filter(c -> !c.asksForFile())
                .filter(c -> c.spec.equals(wanted) || isKeyword(c.spec) && c.spec.equalsIgnoreCase(wanted))
                .findFirst();
    }

    private static boolean isKeyword(String spec) {
        return List.of(Cameras.DEFAULT, Cameras.NONE, Cameras.SYNTHETIC).contains(spec);
    }

    private static void addFound(List<DeviceChoice> choices, List<String> found, boolean listed, String current,
                                 List<String> keywords, String filePrefix) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        found.stream().filter(n -> n != null && !n.isBlank()).forEach(names::add);
        for (String name : names) {
            choices.add(new DeviceChoice(name, name));
        }
        String spec = current == null ? "" : current.strip();
        boolean device = !spec.isEmpty() && !spec.startsWith(filePrefix)
                && keywords.stream().noneMatch(k -> k.equalsIgnoreCase(spec));
        if (device && !names.contains(spec)) {
            // Keep a device chosen earlier even when it is unplugged now, so opening Settings never changes it.
            choices.add(new DeviceChoice(spec, listed ? spec + " (not found now)" : spec));
        }
    }

    private static void addFile(List<DeviceChoice> choices, String current, String prefix, String label) {
        String spec = current == null ? "" : current.strip();
        if (spec.startsWith(prefix) && spec.length() > prefix.length()) {
            choices.add(new DeviceChoice(spec, label + fileName(spec.substring(prefix.length()))));
        }
    }

    private static String fileName(String path) {
        try {
            Path name = Path.of(path).getFileName();
            return name == null ? path : name.toString();
        } catch (InvalidPathException e) {
            return path;
        }
    }

    /** The spec for a file chosen for the camera or the microphone. */
    static String fileSpec(String prefix, Path file) {
        return prefix + file.toAbsolutePath().normalize();
    }
}
