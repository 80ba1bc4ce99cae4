package app.retake.capture;

import java.util.ArrayList;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lists the sound-system mixers that can capture audio. */
public final class MicrophoneDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(MicrophoneDiscovery.class);
    private static final int[] RATES = {48_000, 44_100, 16_000};

    /** Searches for capture devices; a failure of the sound system is reported, not thrown. */
    public DeviceScan<MicrophoneInfo> scan() {
        try {
            List<MicrophoneInfo> found = new ArrayList<>();
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                Mixer mixer = AudioSystem.getMixer(info);
                if (!mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, null))) {
                    continue;
                }
                List<Integer> rates = new ArrayList<>();
                for (int rate : RATES) {
                    AudioFormat mono16 = new AudioFormat(rate, 16, 1, true, false);
                    if (mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, mono16))) {
                        rates.add(rate);
                    }
                }
                found.add(new MicrophoneInfo(info.getName(), info.getDescription(), rates));
            }
            return DeviceScan.found(found);
        } catch (RuntimeException | LinkageError e) {
            // getMixer and friends throw unchecked exceptions when a device vanishes or the sound system is absent.
            LOG.warn("Microphone search failed", e);
            return DeviceScan.failed("the sound system failed: " + e.getMessage());
        }
    }
}
