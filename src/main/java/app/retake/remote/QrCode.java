package app.retake.remote;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * The QR code of the remote's address, as a grid of dark and light modules, so the friend opens the page by
 * pointing the phone's camera at the screen instead of typing an IP address. Only the matrix is made here; the
 * console paints it at whatever size fits.
 */
public final class QrCode {

    /** Light modules around the code; scanners need four to find its edges. */
    public static final int QUIET_ZONE = 4;

    private QrCode() {
    }

    /**
     * The modules of a QR code holding {@code text}, {@code true} for dark, with the quiet zone included:
     * {@code [row][column]}, square.
     *
     * @throws IllegalArgumentException when the text is empty or too long for a QR code
     */
    public static boolean[][] matrix(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs some text");
        }
        ByteMatrix code;
        try {
            // Medium error correction survives a glare or a smudge on a laptop screen and keeps a URL's code small.
            // Plain ASCII (any URL) needs no character-set marker, which some older scanners stumble over.
            Map<EncodeHintType, Object> hints = StandardCharsets.US_ASCII.newEncoder().canEncode(text) ? Map.of()
                    : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            code = Encoder.encode(text, ErrorCorrectionLevel.M, hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code", e);
        }
        int size = code.getWidth() + 2 * QUIET_ZONE;
        boolean[][] modules = new boolean[size][size];
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                modules[y + QUIET_ZONE][x + QUIET_ZONE] = code.get(x, y) == 1;
            }
        }
        return modules;
    }
}
