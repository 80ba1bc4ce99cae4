package app.retake.capture;

import java.util.List;
import java.util.Optional;

/**
 * What a search for devices of one kind found.
 *
 * @param error set when the search itself failed or timed out, so "none found" can be told from "could not look"
 */
public record DeviceScan<T>(List<T> devices, Optional<String> error) {

    public DeviceScan {
        devices = List.copyOf(devices);
    }

    public static <T> DeviceScan<T> found(List<T> devices) {
        return new DeviceScan<>(devices, Optional.empty());
    }

    public static <T> DeviceScan<T> failed(String error) {
        return new DeviceScan<>(List.of(), Optional.of(error));
    }
}
