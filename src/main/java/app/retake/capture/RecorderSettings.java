package app.retake.capture;

/**
 * How a take is encoded.
 *
 * @param size            video frame size; null for an audio-only take
 * @param audioSampleRate rate of the audio handed to the recorder; 0 for a take without sound
 */
public record RecorderSettings(Resolution size, double fps, int videoBitrate, int audioSampleRate, int audioBitrate) {

    /** Video bitrate that keeps 640x480 talking-head video sharp. */
    public static final int DEFAULT_VIDEO_BITRATE = 1_200_000;
    public static final int DEFAULT_AUDIO_BITRATE = 96_000;

    public static RecorderSettings of(Resolution size, double fps, int audioSampleRate) {
        int bitrate = size == null ? 0 : (int) Math.min(4_000_000L,
                (long) DEFAULT_VIDEO_BITRATE * size.width() * size.height() / (640 * 480));
        return new RecorderSettings(size, fps, bitrate, audioSampleRate, DEFAULT_AUDIO_BITRATE);
    }

    public boolean hasVideo() {
        return size != null;
    }

    public boolean hasAudio() {
        return audioSampleRate > 0;
    }

    /** Bytes a minute of recording takes, for the free-space check. */
    public long bytesPerMinute() {
        return (long) (videoBitrate + (hasAudio() ? audioBitrate : 0)) * 60 / 8;
    }
}
