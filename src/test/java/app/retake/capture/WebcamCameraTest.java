package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The camera wrapper against stand-in webcams that hang, stop, fail or offer odd sizes. */
class WebcamCameraTest {

    private static final Duration OPEN = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Resolution SMALL = new Resolution(320, 240);

    /** Counts up by a microsecond at every reading, so each stamp shows when it was taken relative to others. */
    private final AtomicLong ticks = new AtomicLong();
    private final CaptureClock clock = () -> ticks.addAndGet(1_000);
    private final List<VideoFrame> frames = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void installDriver() {
        // webcam-capture asks its global driver whether to hand device calls to its own thread.
        Cameras.installDriver();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anOpenThatHangsIsGivenUpAfterTheLimitAndClosedWhenItFinallyOpens() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        ScriptedDevice device = new ScriptedDevice(new Dimension[] {new Dimension(320, 240)}, 10, null, gate);
        try {
            assertThatThrownBy(() -> WebcamCamera.open(device.webcam(), SMALL, 30, SHORT, SHORT))
                    .isInstanceOf(DeviceException.class)
                    .hasMessageStartingWith("The camera \"" + device.getName() + "\" did not open within 0.2 seconds");
        } finally {
            gate.countDown();
        }
        assertThat(device.awaitClosed(20)).as("the late open is undone").isTrue();
    }

    @Test
    void aCameraThatStopsSendingEndsCaptureSaysSoAndKeepsTheFramesBefore() throws Exception {
        ScriptedDevice device = ScriptedDevice.sending(5);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), SMALL, 50, OPEN, SHORT);
        try {
            camera.start(clock, frames::add);
            Waiting.until("capture fails", () -> camera.failure().isPresent());
            Waiting.until("the capture thread ends", () -> !camera.isCapturing());

            assertThat(camera.failure()).hasValue(
                    "The camera \"" + device.getName() + "\" stopped sending pictures (unplugged?).");
            assertThat(frames).extracting(VideoFrame::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(camera.framesCaptured()).isEqualTo(5);
        } finally {
            camera.stop();
        }
    }

    @Test
    void aCameraThatFailsEndsCaptureWithTheReason() throws Exception {
        ScriptedDevice device = new ScriptedDevice(new Dimension[] {new Dimension(320, 240)}, 3,
                new IllegalStateException("USB bus reset"), null);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), SMALL, 50, OPEN, SHORT);
        try {
            camera.start(clock, frames::add);
            Waiting.until("capture fails", () -> camera.failure().isPresent());

            assertThat(camera.failure()).hasValue(
                    "The camera \"" + device.getName() + "\" stopped sending pictures: USB bus reset.");
            assertThat(frames).hasSize(3);
        } finally {
            camera.stop();
        }
    }

    @Test
    void framesAreStampedWithTheCaptureClockInOrder() throws Exception {
        ScriptedDevice device = ScriptedDevice.sending(1_000_000);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), SMALL, 100, OPEN, SHORT);
        try {
            camera.start(clock, frames::add);
            Waiting.until("ten frames arrive", () -> frames.size() >= 10);
        } finally {
            camera.stop();
        }

        List<VideoFrame> seen = List.copyOf(frames);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).sequence()).isEqualTo(i);
            assertThat(seen.get(i).captureNanos() % 1_000).as("a reading of the capture clock").isZero();
            if (i > 0) {
                assertThat(seen.get(i).captureNanos()).isGreaterThan(seen.get(i - 1).captureNanos());
            }
            assertThat(seen.get(i).image().getWidth()).isEqualTo(320);
        }
    }

    @Test
    void stopEndsCaptureClosesTheCameraAndMayBeCalledTwice() throws Exception {
        ScriptedDevice device = ScriptedDevice.sending(1_000_000);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), SMALL, 100, OPEN, SHORT);
        camera.start(clock, frames::add);
        Waiting.until("frames arrive", () -> frames.size() >= 3);

        camera.stop();
        long delivered = camera.framesCaptured();
        camera.stop();

        assertThat(camera.isCapturing()).isFalse();
        assertThat(device.isOpen()).isFalse();
        assertThat(camera.failure()).isEmpty();
        assertThat(camera.framesCaptured()).isEqualTo(delivered).isEqualTo(frames.size());
    }

    @Test
    void startingAgainAfterStopOpensTheCameraAgainAndCountsFromZero() throws Exception {
        ScriptedDevice device = ScriptedDevice.sending(1_000_000);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), SMALL, 100, OPEN, SHORT);
        camera.start(clock, frames::add);
        Waiting.until("frames arrive", () -> frames.size() >= 3);
        camera.stop();

        List<VideoFrame> second = new CopyOnWriteArrayList<>();
        try {
            camera.start(clock, second::add);
            Waiting.until("frames arrive again", () -> second.size() >= 3);
        } finally {
            camera.stop();
        }
        assertThat(second.get(0).sequence()).isZero();
    }

    @Test
    void aCameraAlreadyOpenIsRefusedWithAPlainMessage() throws Exception {
        ScriptedDevice device = ScriptedDevice.sending(10);
        var webcam = device.webcam();
        WebcamCamera first = WebcamCamera.open(webcam, SMALL, 30, OPEN, SHORT);
        try {
            assertThatThrownBy(() -> WebcamCamera.open(webcam, SMALL, 30, OPEN, SHORT))
                    .isInstanceOf(DeviceException.class)
                    .hasMessage("The camera \"" + device.getName() + "\" is already in use.");
        } finally {
            first.stop();
        }
    }

    @Test
    void aSizeTheCameraDoesNotOfferFallsBackToTheNearestAndSaysSo() throws Exception {
        ScriptedDevice device = new ScriptedDevice(
                new Dimension[] {new Dimension(320, 240), new Dimension(800, 600)}, 10, null, null);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), Cameras.STANDARD, 30, OPEN, SHORT);
        try {
            assertThat(camera.size()).isEqualTo(new Resolution(800, 600));
            assertThat(camera.requestedSize()).isEqualTo(Cameras.STANDARD);
            assertThat(device.getResolution()).isEqualTo(new Dimension(800, 600));
            assertThat(camera.sizeNote()).hasValue(
                    "The camera \"" + device.getName() + "\" does not offer 640x480; it films at 800x600.");
        } finally {
            camera.stop();
        }
    }

    @Test
    void anOfferedSizeIsUsedAsAsked() throws Exception {
        ScriptedDevice device = new ScriptedDevice(
                new Dimension[] {new Dimension(640, 480), new Dimension(1280, 720)}, 10, null, null);
        WebcamCamera camera = WebcamCamera.open(device.webcam(), Cameras.HD, 30, OPEN, SHORT);
        try {
            assertThat(camera.size()).isEqualTo(Cameras.HD);
            assertThat(camera.sizeNote()).isEmpty();
            assertThat(camera.fps()).isEqualTo(30);
        } finally {
            camera.stop();
        }
    }

    @Test
    void theNearestSizeIsTheExactOneIfOfferedAndTheLargerOneOnATie() {
        List<Resolution> offered = List.of(new Resolution(320, 240), new Resolution(640, 480),
                new Resolution(960, 720));
        assertThat(WebcamCamera.nearest(offered, new Resolution(640, 480))).isEqualTo(new Resolution(640, 480));
        assertThat(WebcamCamera.nearest(offered, new Resolution(800, 600))).isEqualTo(new Resolution(960, 720));
        assertThat(WebcamCamera.nearest(offered, new Resolution(1920, 1080))).isEqualTo(new Resolution(960, 720));
        assertThat(WebcamCamera.nearest(List.of(), new Resolution(640, 480))).isNull();
    }
}
