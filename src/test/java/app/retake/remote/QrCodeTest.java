package app.retake.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The remote's address as a QR code that a phone's camera can read back. */
class QrCodeTest {

    /** Paints the modules the way the console does, {@code scale} pixels each, and reads the code from the image. */
    private static String decode(boolean[][] modules, int scale) throws Exception {
        int size = modules.length * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                pixels[y * size + x] = modules[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    @Test
    void theRemotesAddressDecodesBackFromTheMatrix() throws Exception {
        String url = "http://192.168.1.12:8765/";
        boolean[][] modules = QrCode.matrix(url);
        assertThat(decode(modules, 4)).isEqualTo(url);
    }

    @Test
    void theMatrixIsSquareWithALightQuietZone() {
        boolean[][] modules = QrCode.matrix("http://127.0.0.1:40123/");
        int size = modules.length;
        // Version 2 (25 modules) holds a URL like this one; four light modules on each side.
        assertThat(size).isEqualTo(25 + 2 * QrCode.QUIET_ZONE);
        for (boolean[] row : modules) {
            assertThat(row).hasSize(size);
        }
        for (int i = 0; i < size; i++) {
            for (int q = 0; q < QrCode.QUIET_ZONE; q++) {
                assertThat(modules[q][i] || modules[size - 1 - q][i] || modules[i][q] || modules[i][size - 1 - q])
                        .isFalse();
            }
        }
        // The top-left finder pattern starts right inside the quiet zone.
        assertThat(modules[QrCode.QUIET_ZONE][QrCode.QUIET_ZONE]).isTrue();
    }

    @Test
    void textBeyondAsciiSurvivesTheRoundTrip() throws Exception {
        String text = "http://[fe80::1]:8765/ – café";
        assertThat(decode(QrCode.matrix(text), 3)).isEqualTo(text);
    }

    @Test
    void emptyTextIsRefused() {
        assertThatThrownBy(() -> QrCode.matrix("")).isInstanceOf(IllegalArgumentException.class);
    }
}
