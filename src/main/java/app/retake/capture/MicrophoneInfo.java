package app.retake.capture;

import java.util.List;

/**
 * A capture device the Java sound system offers.
 *
 * @param sampleRates the common rates (Hz) at which it accepts 16-bit mono capture
 */
public record MicrophoneInfo(String name, String description, List<Integer> sampleRates) {

    public MicrophoneInfo {
        sampleRates = List.copyOf(sampleRates);
    }
}
