package app.retake.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;

/** The composite driver, with a stand-in for webcam-capture's built-in one. */
class RetakeWebcamDriverTest {

    @Test
    void realCamerasComeFirstThenSoftwareCamerasInTheOrderAdded() {
        ScriptedDevice real = ScriptedDevice.sending(1);
        RetakeWebcamDriver driver = new RetakeWebcamDriver(builtIn(() -> List.of(real)), null);
        Path clip = Path.of("clip.mp4");

        driver.addFile(clip);
        driver.addSynthetic();
        driver.addSynthetic();
        List<WebcamDevice> devices = driver.getDevices();

        assertThat(devices).extracting(WebcamDevice::getName)
                .containsExactly(real.getName(), FileDevice.nameFor(clip), SyntheticDevice.NAME);
        assertThat(devices.get(0)).isInstanceOf(SerializedDevice.class);
        assertThat(((SerializedDevice) devices.get(0)).unwrap()).isSameAs(real);
        assertThat(driver.getDevices().get(2)).as("the same software camera every time").isSameAs(devices.get(2));
        assertThat(driver.realCameraProblem()).isEmpty();
        assertThat(driver.isThreadSafe()).isTrue();
    }

    @Test
    void aFailingRealDriverLeavesTheSoftwareCamerasListedAndSaysWhy() {
        RetakeWebcamDriver driver = new RetakeWebcamDriver(builtIn(() -> {
            throw new WebcamException("native grabber crashed");
        }), null);
        driver.addSynthetic();

        assertThat(driver.getDevices()).extracting(WebcamDevice::getName).containsExactly(SyntheticDevice.NAME);
        assertThat(driver.realCameraProblem()).hasValue("the camera driver failed: native grabber crashed");
    }

    @Test
    void withoutRealCamerasItListsSoftwareOnesAndSaysWhy() {
        RetakeWebcamDriver driver = new RetakeWebcamDriver(null, "the video capture library is not installed");

        assertThat(driver.getDevices()).isEmpty();
        assertThat(driver.listsRealCameras()).isFalse();
        assertThat(driver.isScanPossible()).isFalse();
        assertThat(driver.realCameraProblem()).hasValue("the video capture library is not installed");
    }

    @Test
    void everyCallToARealCameraRunsOnWebcamCapturesOneDeviceThread() throws InterruptedException {
        Set<Thread> callers = ConcurrentHashMap.newKeySet();
        SerializedDevice device = new SerializedDevice(new RecordingDevice(callers, null));

        device.open();
        Thread other = new Thread(device::getImage);
        other.start();
        other.join();
        device.close();

        assertThat(callers).hasSize(1).doesNotContain(Thread.currentThread(), other);
    }

    @Test
    void aRealCameraThatFailsToOpenReportsItAsAWebcamException() {
        SerializedDevice device = new SerializedDevice(
                new RecordingDevice(ConcurrentHashMap.newKeySet(), new IllegalStateException("device busy")));

        assertThatThrownBy(device::open)
                .isInstanceOf(WebcamException.class)
                .hasRootCauseMessage("device busy");
    }

    private static WebcamDriver builtIn(Supplier<List<WebcamDevice>> devices) {
        return new WebcamDriver() {
            @Override
            public List<WebcamDevice> getDevices() {
                return devices.get();
            }

            @Override
            public boolean isThreadSafe() {
                return false;
            }
        };
    }

    /** Notes which threads call it, as a native driver that must only be entered from one thread would care. */
    private record RecordingDevice(Set<Thread> callers, RuntimeException openFailure) implements WebcamDevice {

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public Dimension[] getResolutions() {
            callers.add(Thread.currentThread());
            return new Dimension[] {new Dimension(320, 240)};
        }

        @Override
        public Dimension getResolution() {
            callers.add(Thread.currentThread());
            return new Dimension(320, 240);
        }

        @Override
        public void setResolution(Dimension size) {
            callers.add(Thread.currentThread());
        }

        @Override
        public BufferedImage getImage() {
            callers.add(Thread.currentThread());
            return new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        }

        @Override
        public void open() {
            callers.add(Thread.currentThread());
            if (openFailure != null) {
                throw openFailure;
            }
        }

        @Override
        public void close() {
            callers.add(Thread.currentThread());
        }

        @Override
        public void dispose() {
            callers.add(Thread.currentThread());
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }
}
