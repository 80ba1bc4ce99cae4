package app.retake.capture;

/** A video frame size in pixels. */
public record Resolution(int width, int height) {

    /**
     * Parses {@code WIDTHxHEIGHT}, such as {@code 640x480}.
     *
     * @throws IllegalArgumentException naming what is wrong, for sizes that are not even or not 160x120 to 4K
     */
    public static Resolution parse(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        int w;
        int h;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            w = Integer.parseInt(parts[0].strip());
            h = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected WIDTHxHEIGHT, like 640x480, not \"" + text + "\"");
        }
        if (w < 160 || h < 120 || w > 3840 || h > 2160 || w % 2 != 0 || h % 2 != 0) {
            throw new IllegalArgumentException("expected an even size from 160x120 to 3840x2160, not " + text);
        }
        return new Resolution(w, h);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
