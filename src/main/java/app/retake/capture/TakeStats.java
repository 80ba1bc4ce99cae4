package app.retake.capture;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a finished take recorder did.
 *
 * @param framesDropped frames the encoder could not take in time (its queue was full)
 * @param slotsMissed   frame slots on the timeline the camera delivered nothing for (it fell behind or paused)
 * @param audioSeconds  seconds of audio written, silence inserted for gaps included
 * @param avDriftMs     how far the audio timeline ended from the capture clock, in milliseconds
 * @param stopReason    why recording ended early (disk full, I/O error), if it did
 */
public record TakeStats(Path file, long framesCaptured, long framesEncoded, long framesDropped, long slotsMissed,
                        double audioSeconds,
                        long audioChunksDropped, double avDriftMs, double seconds, Optional<String> stopReason) {
}
